"""The staff model read as a party would read it, per country (issue 23, item 2).

Each test renders the draft of one country with every field filled and checks
what that country requires, in the text of the model's own clauses (the shared
groups, tva, litiges, sans_societe and parties, have their own tests) and in
the "Textes de référence" list that ends the draft.
"""

import pytest

from agreements.assemble import assemble, describe
from agreements.loader import ROOT, load_all
from macros.questionnaire_loader import parse_yaml
from tests.agreements.vectors import PARTNERS

MODEL = load_all()["personnel"]
# The clauses written in personnel.yml itself (not those of the included groups).
RAW = parse_yaml((ROOT / "agreements" / "personnel.yml").read_text(encoding="utf-8"), "agreements/personnel.yml")
OWN = {raw["id"] for raw in RAW["clauses"] if "id" in raw}
INCLUDES = [raw["include"] for raw in RAW["clauses"] if "include" in raw]


def render(territory: str, options: dict | None = None) -> dict:
    values = {f["name"]: f"valeur {f['name'].replace('_', ' ')}" for f in describe(MODEL, territory)["fields"]}
    values.update({"salarie": "Julie Roy", "employeur": "Atelier du Quartier", "duree": "un an"})
    return assemble(MODEL, territory, {"partners": PARTNERS, "values": values, "options": options or {}})


def own_text(result: dict) -> str:
    """The text of the model's own articles, one string (runs joined, paragraphs on lines)."""
    out = []
    for article in result["articles"]:
        if article["id"] in OWN:
            out.append(article["title"])
            out.extend("".join(run.get("text", "") for run in paragraph) for paragraph in article["paragraphs"])
    return "\n".join(out)


def ids(result: dict) -> list[str]:
    return [article["id"] for article in result["articles"]]


def test_every_country_has_the_staff_clauses_an_adviser_expects():
    # Issue 23, item 4: early end and notice, absences, expenses and overtime,
    # confidentiality and data access, the job if a user withdraws.
    for territory in ("QC", "FR", "BE"):
        result = render(territory)
        assert {"fin_anticipee", "absences", "heures_frais", "confidentialite", "emploi_retrait", "securite"} <= set(ids(result))
        text = own_text(result)
        assert "préavis de valeur preavis" in text
        assert "heures en plus" in text and "frais professionnels" in text
        assert "accès" in text and "confidentialité" in text
        assert "Le retrait d'une partie ne met pas fin, à lui seul, au contrat de travail de Julie Roy" in text
        # Elision by the assembler: "durée de {duree}" with "un an".
        assert "pour une durée d'un an" in text


def test_shared_groups_are_included():
    assert INCLUDES == ["parties", "tva", "sans_societe", "litiges"]
    assert {c["id"] for c in MODEL["clauses"]} - OWN, "the included groups bring clauses of their own"


def test_quebec_presents_the_staffing_agency_rules_and_the_employer_keeps_authority():
    result = render("QC")
    text = own_text(result)
    assert "consignes de travail au quotidien" not in result["markdown"]
    assert "agence de placement de personnel" in text and "permis de la CNESST" in text
    assert "Les parties ont retenu le montage suivant : valeur montage" in text
    assert "est et reste le seul employeur de Julie Roy" in text
    assert "Elles ne donnent pas directement d'ordres à la personne" in text
    # The employer sells a service; the Québec draft never "puts the person at the others' disposal".
    assert "rend aux autres parties le service suivant" in text
    assert "à la disposition" not in text
    urls = [ref["url"] for ref in result["references"]]
    assert "https://www.legisquebec.gouv.qc.ca/fr/document/lc/N-1.1#se:92_5" in urls
    assert "https://www.legisquebec.gouv.qc.ca/fr/document/rc/N-1.1,%20r.%200.1#se:1" in urls
    assert not any("legifrance" in url or "ejustice" in url for url in urls)
    # 92.5 was not read on LégisQuébec: the draft says so.
    assert "Loi sur les normes du travail (RLRQ, c. N-1.1), art. 92.5" in result["markdown"]
    line = next(l for l in result["markdown"].splitlines() if "art. 92.5" in l)
    assert "à faire vérifier" in line


def test_france_has_consent_amendment_cse_consulted_and_only_cost():
    result = render("FR")
    text = own_text(result)
    assert "accord écrit de Julie Roy" in text
    assert "avenant à son contrat de travail" in text and "la personne signe" in text
    assert "ni sanctionnée, ni licenciée" in text
    # L8241-2: the lender's CSE is consulted (not merely informed), the user's informed and consulted.
    assert "Si l'organisation prêteuse a un comité social et économique, celui-ci est consulté avant la mise en œuvre" in text
    assert "informé et consulté avant l'accueil de Julie Roy" in text
    # The French draft names itself as the convention of L8241-2, 2°, for this one person.
    assert "la convention de mise à disposition prévue au 2° de l'article L8241-2" in text
    assert "Elle ne vaut que pour Julie Roy" in text
    assert "période probatoire" in text
    assert "mandat de représentante ou de représentant du personnel" in text
    # L8241-1: only salaries, their payroll charges and reimbursed expenses.
    assert "uniquement les salaires versés à la personne, les charges sociales qui s'y rapportent et les frais professionnels remboursés" in text
    assert "ni marge, ni frais de gestion" in text
    assert "n'est ni rompu ni suspendu" in text and "retrouve son poste ou un poste équivalent" in text
    urls = [ref["url"] for ref in result["references"]]
    # L8241-2 in its version in force since 1 January 2018 (ordonnance n° 2017-1718).
    assert "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000036262964" in urls
    assert "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000030442435" in urls
    assert "Textes de référence (à jour au 6 décembre 2026)" in result["markdown"]


def test_france_without_cse_drops_only_that_clause():
    with_cse, without = render("FR"), render("FR", {"representants_fr": False})
    assert ids(without) == [i for i in ids(with_cse) if i != "representants_fr"]
    assert "comité social et économique" not in own_text(without)


def test_belgium_has_the_authority_clause_the_signatures_and_the_authorisation():
    result = render("BE")
    text = own_text(result)
    assert "garde toute l'autorité d'employeur sur Julie Roy" in text
    assert "bien-être au travail" in text
    assert "décrites ici en détail : valeur instructions" in text
    assert "Elle est signée par l'employeur, par chacune des autres parties et par Julie Roy avant le début" in text
    assert "Signature de Julie Roy" in text
    assert "autorisation préalable de l'inspection" in text and "avis préalable de l'utilisateur" in text
    assert "Démarche faite : valeur demarche inspection" in text
    assert "groupement d'employeurs autorisé par le ministre de l'Emploi" in text
    assert "reconnu" not in text
    # "Sans marge" is never what makes it lawful.
    assert "ne suffit pas à la rendre permise" in text
    assert "montre que l'opération ne poursuit pas de profit" not in text
    urls = [ref["url"] for ref in result["references"]]
    assert "https://www.ejustice.just.fgov.be/eli/loi/1987/07/24/1987012597/justel#Art.31" in urls
    assert "https://www.ejustice.just.fgov.be/eli/loi/1987/07/24/1987012597/justel#Art.32" in urls
    # The worker signs last, next to the parties' signature table.
    assert ids(result)[-1] == "signatures_be"


@pytest.mark.parametrize("territory", ["QC", "FR", "BE"])
def test_no_other_countrys_clause(territory):
    others = {"QC": ("_fr", "_be"), "FR": ("_qc", "_be"), "BE": ("_qc", "_fr")}[territory]
    assert not [i for i in ids(render(territory)) if i.endswith(others)]
