"""Premises, vehicle and equipment models, read as rendered drafts per country.

Each expectation below is a sentence or a link written in agreements/locaux.yml,
vehicule.yml, materiel.yml or law/civil.yml, copied by hand: the test fails if
a country's draft loses the point an adviser looks for (the lender's right to
lend, no sub-lending, the waiver through insurers, duration and exit, the
driver designation rule of each country, the logbook, the free loan in France).
"""

import re

import pytest

from agreements.assemble import assemble, describe
from agreements.loader import load_all
from tests.agreements.vectors import PARTNERS

MODELS = load_all()
TERRITORIES = ("QC", "FR", "BE")
# Values a group would type; elision is checked on duree and preavis
# (« une durée de » + « un an » -> « une durée d'un an »).
VALUES = {
    "locaux": {"proprietaire": "Atelier du Quartier", "duree": "un an", "preavis": "trois mois",
               "delai_remede": "quinze jours", "espaces": "la salle polyvalente"},
    "vehicule": {"proprietaire": "Atelier du Quartier", "duree": "un an", "preavis": "un mois",
                 "anciennete_permis": "trois ans", "quotes_parts": "Atelier du Quartier 50 %, Ressourcerie Les Castors 50 %"},
    "materiel": {"gardien": "Ressourcerie Les Castors", "duree": "deux ans", "preavis": "un mois",
                 "delai_retour": "deux jours"},
}
# Hosts of the official texts of each country: a draft cites only its own.
HOSTS = {"QC": "legisquebec.gouv.qc.ca", "FR": "legifrance.gouv.fr", "BE": "ejustice.just.fgov.be"}


def draft(model_id: str, territory: str, options: dict | None = None) -> str:
    """The Markdown of a complete draft: the values above, « valeur <name> » for the rest."""
    fields = describe(MODELS[model_id], territory)["fields"]
    values = {f["name"]: "valeur " + f["name"].replace("_", " ") for f in fields}
    values.update({k: v for k, v in VALUES[model_id].items() if k in values})
    result = assemble(MODELS[model_id], territory, {"partners": PARTNERS, "values": values, "options": options or {}})
    assert result["missing"] == []
    return result["markdown"]


def references(markdown: str) -> str:
    """The « Textes de référence » section of a draft."""
    start = markdown.index("## Textes de référence (à jour au ")
    return markdown[start:]


def headings(markdown: str) -> list[str]:
    return re.findall(r"^## Article \d+ – (.+)$", markdown, flags=re.M)


@pytest.mark.parametrize("territory", TERRITORIES)
@pytest.mark.parametrize("model_id", sorted(VALUES))
def test_every_draft_carries_its_own_country_law_dated(model_id, territory):
    markdown = draft(model_id, territory)
    refs = references(markdown)
    # Each entry is dated: read on the official text, or said to be checked.
    assert "(vérifié le 6 décembre 2026)" in refs or "(texte officiel non relu au 6 décembre 2026 : à faire vérifier)" in refs
    assert "version 2026-12" in markdown
    for other, host in HOSTS.items():
        assert (host in refs) == (other == territory), (other, host)
    # No French slip left by a value starting with a vowel.
    for slip in ("durée de un", "préavis de un", "délai de un"):
        assert slip not in markdown


# --- Premises --------------------------------------------------------------

@pytest.mark.parametrize("territory", TERRITORIES)
def test_premises_right_to_lend_use_capacity_and_no_sub_lending(territory):
    markdown = draft("locaux", territory)
    assert "Elle garantit aux autres parties qu'elle a le droit de les prêter pour l'usage prévu" in markdown
    assert "Aucune autre partie ne peut sous-louer, prêter ou mettre les locaux à la disposition d'un tiers" in markdown
    assert "Les locaux servent exclusivement aux activités suivantes" in markdown
    assert "ne dépasse jamais valeur capacite" in markdown
    assert "Elle est payée selon les modalités suivantes : valeur modalites paiement." in markdown
    assert "la met en demeure par écrit d'y remédier dans un délai de quinze jours" in markdown
    assert "La convention est conclue pour une durée d'un an à compter de sa signature." in markdown
    assert "avec un préavis de trois mois" in markdown
    titles = headings(markdown)
    for title in ("Droit de prêter les locaux", "Usage permis", "Capacité d'accueil et sécurité",
                  "Interdiction de sous-louer ou de prêter à un tiers", "Dégâts", "Entretien et réparations",
                  "Charges et paiement", "Manquement grave", "Durée et fin"):
        assert title in titles


@pytest.mark.parametrize("territory", TERRITORIES)
def test_premises_waiver_goes_through_the_insurers(territory):
    markdown = draft("locaux", territory)
    assert "les parties renoncent à tout recours entre elles et feront renoncer leurs assureurs" in markdown
    assert "si l'assureur de chaque partie l'a acceptée par écrit" in markdown
    assert "les parties et leurs assureurs renoncent" not in markdown
    off = draft("locaux", territory, {"renonciation_recours": False})
    assert "feront renoncer" not in off
    assert len(headings(off)) == len(headings(markdown)) - 1


def test_premises_france_loan_for_use_is_free_and_can_become_a_lease():
    markdown = draft("locaux", "FR")
    assert "La mise à disposition est un prêt à usage régi par les articles 1875 et suivants du Code civil." in markdown
    assert "Ce prêt est essentiellement gratuit (article 1876)" in markdown
    assert "pourrait faire requalifier la convention en bail (article 1709)" in markdown
    assert "un bail commercial interdit en principe la sous-location sans l'accord du bailleur" in markdown
    refs = references(markdown)
    assert "[Code civil, art. 1876](<https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006444687>)" in refs
    assert "[Code de commerce, art. L145-31](<https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006221900>)" in refs


def test_premises_quebec_and_belgium_name_their_own_codes():
    quebec = draft("locaux", "QC")
    assert "un prêt à usage au sens du Code civil du Québec, contrat à titre gratuit" in quebec
    assert "pourrait faire qualifier la convention de louage" in quebec
    assert "https://www.legisquebec.gouv.qc.ca/fr/document/lc/CCQ-1991#se:2313" in references(quebec)
    assert "article 1876" not in quebec
    belgium = draft("locaux", "BE")
    assert "articles 1875 et suivants de l'ancien Code civil, essentiellement gratuit" in belgium
    assert "https://www.ejustice.just.fgov.be/eli/loi/1804/03/21/1804032154/justel#Art.1876" in references(belgium)


# --- Vehicle ---------------------------------------------------------------

@pytest.mark.parametrize("territory", TERRITORIES)
def test_vehicle_duration_end_drivers_logbook_and_losses(territory):
    markdown = draft("vehicule", territory)
    titles = headings(markdown)
    assert titles[:2] == ["Objet", "Durée"]
    for title in ("Conducteurs", "Carnet de bord", "État du véhicule et entretien", "Assurance",
                  "Franchises, pertes non assurées et malus", "Véhicule acheté ensemble", "Retrait et fin"):
        assert title in titles
    assert "La convention est conclue pour une durée d'un an à compter de sa signature." in markdown
    assert "avec un préavis d'un mois" in markdown
    assert "valide pour ce véhicule depuis au moins trois ans" in markdown
    # The logbook is the record of use that the year-end statement reads.
    assert "Chaque utilisation est inscrite au carnet de bord du véhicule" in markdown
    assert "Le carnet de bord est le relevé d'utilisation des parties : le relevé annuel calcule" in markdown
    assert "la hausse de prime qui résulte du sinistre (malus, perte de bonus ou surprime)" in markdown
    assert "les parties en sont propriétaires selon les parts suivantes : Atelier du Quartier 50 %" in markdown
    off = draft("vehicule", territory, {"achat_commun": False})
    assert "Véhicule acheté ensemble" not in off


def test_vehicle_france_names_the_driver_within_45_days():
    markdown = draft("vehicule", "FR")
    assert ("doit désigner la personne qui conduisait dans un délai de quarante-cinq jours à compter de "
            "l'envoi ou de la remise de l'avis de contravention (Code de la route, article L121-6)") in markdown
    refs = references(markdown)
    assert "[Code de la route, art. L121-6](<https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033425486>)" in refs
    assert "[Code des assurances, art. L211-1](<https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006795331>)" in refs


def test_vehicle_quebec_and_belgium_have_their_own_rule():
    quebec = draft("vehicule", "QC")
    assert "L121-6" not in quebec and "67ter" not in quebec
    assert ("La partie Atelier du Quartier, propriétaire inscrite du véhicule, peut recevoir des constats "
            "d'infraction pour des trajets des autres parties.") in quebec
    # The owner's liability article could not be read on LégisQuébec: not cited (brief: cite only what is confirmed).
    assert "C-24.2" not in references(quebec)
    assert "https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-25#se:84" in references(quebec)
    belgium = draft("vehicule", "BE")
    assert "L121-6" not in belgium
    assert "dans les quinze jours de l'envoi de la demande de renseignements" in belgium
    assert "article 67ter" in belgium
    assert "https://www.ejustice.just.fgov.be/eli/loi/1968/03/16/1968031601/justel#Art.67ter" in references(belgium)


def test_unconfirmed_texts_say_so_in_the_draft():
    refs = references(draft("locaux", "QC"))
    line = next(l for l in refs.splitlines() if "CCQ-1991#se:2313" in l)
    assert "à faire vérifier" in line  # quoted by secondary sources only
    line = next(l for l in refs.splitlines() if "CCQ-1991#se:2322" in l)
    assert "à faire vérifier" not in line  # read on LégisQuébec


# --- Equipment -------------------------------------------------------------

@pytest.mark.parametrize("territory", TERRITORIES)
def test_equipment_ownership_duration_holder_checks_and_logbook(territory):
    markdown = draft("materiel", territory)
    titles = headings(markdown)
    for title in ("Objet et inventaire", "Propriété des objets", "Durée et retrait", "Garde du matériel",
                  "Réservation et carnet de bord", "Vérifications de sécurité",
                  "Responsabilité de la partie qui détient le matériel", "Retour", "Assurance"):
        assert title in titles
    assert "la partie qui en est propriétaire (ou, pour un objet acheté ensemble, la part de chaque partie)" in markdown
    assert "Chaque partie reste propriétaire des objets qu'elle apporte" in markdown
    assert "La convention est conclue pour une durée de deux ans à compter de sa signature." in markdown
    assert "avec un préavis d'un mois" in markdown
    assert "La partie qui a la garde d'un objet répond de sa perte, de son vol et des dégâts" in markdown
    assert "Les vérifications périodiques suivantes sont faites et notées au carnet de bord : valeur controles." in markdown
    assert "Le carnet de bord est le relevé d'utilisation des parties : le relevé annuel calcule" in markdown
    assert "les parties renoncent à tout recours entre elles et feront renoncer leurs assureurs" in markdown
    assert "les parties et leurs assureurs renoncent" not in markdown


def test_equipment_cites_each_country_loan_for_use():
    assert "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006444696" in references(draft("materiel", "FR"))
    assert "veille raisonnablement à sa conservation" in draft("materiel", "FR")
    assert "elle agit avec prudence et diligence" in draft("materiel", "QC")
    assert "#se:2317" in references(draft("materiel", "QC"))
    assert "#Art.1875" in references(draft("materiel", "BE"))
