"""The board's rules for the browser (macros/network_catalog.py) and its words (words/board.py), worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreements import TERRITORIES, TERRITORY_NAMES
from macros.countries import COUNTRIES
from macros.network_catalog import build_catalog, match_order, place, submission_email
from macros.network_loader import NetworkError, categories_from_inventory
from macros.questionnaire_loader import load_questionnaire
from words import catalog as words_catalog
from words import t

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml")
INVENTORY = load_questionnaire(ROOT / "questionnaires" / "inventaire.yml", root=ROOT)
REPOSITORY = "https://github.com/exemple/tableau"


def catalog(network=None, repository=REPOSITORY):
    return build_catalog(CATEGORIES, INVENTORY, network or {}, repository)


# --- sentences: French takes the singular for 0 and 1, the plural from 2 (words/) --------


def test_count_sentences():
    assert t("board.count_all", n=1) == "1 annonce en cours."
    assert t("board.count_all", n=5) == "5 annonces en cours."
    assert t("board.count", n=0, total=5) == "0 annonce sur 5 correspond à vos filtres."
    assert t("board.count", n=1, total=5) == "1 annonce sur 5 correspond à vos filtres."
    assert t("board.count", n=2, total=5) == "2 annonces sur 5 correspondent à vos filtres."
    assert t("board.matches", n=1) == "1 annonce correspond à votre inventaire."
    assert t("board.matches", n=3) == "3 annonces correspondent à votre inventaire."
    assert t("board.submissions", n=1) == "1 annonce prête à proposer depuis votre inventaire."
    assert t("board.submissions", n=2) == "2 annonces prêtes à proposer depuis votre inventaire."
    assert t("board.count_limited", n=20) == "Les 20 premières sont affichées."
    assert t("board.build_log", published=t("board.published", n=5), expired=t("board.expired", n=1)) == (
        "Tableau du réseau : 5 annonces publiées, 1 expirée laissée de côté."
    )


def test_no_sentence_hedges_its_plural():
    texts = []
    for key, message in words_catalog().items():
        if key.startswith("board."):
            texts += [message] if isinstance(message, str) else list(message.values())
    assert not [text for text in texts if "(s)" in text or "(e)" in text]


def test_every_country_has_its_name_and_its_preposition():
    assert list(COUNTRIES) == list(TERRITORIES)
    for code, name in COUNTRIES.items():
        assert t(f"country.name.{code}") == name
        assert t(f"country.in.{code}")
    # agreements' own names are the same (until agreements reads them from words/ too).
    assert TERRITORY_NAMES == COUNTRIES
    assert t("country.in.QC") == "au Québec" and t("country.in.BE") == "en Belgique"


# --- territory: the reader's country first, the others in the network's order -------


def test_match_order():
    # The network's order is its country, then Québec, France, Belgique (macros/countries.py);
    # the reader's country moves to the front.
    assert match_order("BE", "QC") == ["BE", "QC", "FR"]
    assert match_order("QC", "QC") == ["QC", "FR", "BE"]
    assert match_order("FR", "QC") == ["FR", "QC", "BE"]
    # A Belgian network: Belgique, Québec, France; a reader in France.
    assert match_order("FR", "BE") == ["FR", "BE", "QC"]
    with pytest.raises(ValueError):
        match_order("CH", "QC")


def test_catalog_countries_and_orders():
    belgian = catalog({"country": "BE"})
    assert list(belgian["countries"].items()) == [("BE", "Belgique"), ("QC", "Québec"), ("FR", "France")]
    assert belgian["network_country"] == "BE"
    assert belgian["match"]["order"] == {"QC": ["QC", "BE", "FR"], "FR": ["FR", "BE", "QC"], "BE": ["BE", "QC", "FR"]}
    assert t("board.elsewhere", country="Québec") == "ailleurs : Québec"
    # No country set: QC, as everywhere on the site.
    assert catalog()["network_country"] == "QC"


def test_place():
    assert place("Liège", "BE") == "Liège (Belgique)"
    assert place("Montréal", "QC") == "Montréal (Québec)"
    assert place("Québec", "QC") == "Québec"
    assert place("belgique", "BE") == "belgique"


# --- sending an entry ------------------------------------------------------------


def test_where_entries_are_mailed():
    assert submission_email({}) == ""
    # The network's own address (extra.network.contact), when it is an e-mail.
    assert submission_email({"contact": "contact@reseau.example.org"}) == "contact@reseau.example.org"
    assert submission_email({"contact": "https://reseau.example.org/contact"}) == ""
    # The board's own address wins.
    assert submission_email({"contact": "contact@reseau.example.org", "board_email": "tableau@reseau.example.org"}) == (
        "tableau@reseau.example.org"
    )
    with pytest.raises(NetworkError, match="extra.network.board_email vaut « tableau »"):
        submission_email({"board_email": "tableau"})


def test_submission_modes():
    issue = catalog({"contact": "contact@reseau.example.org"})["submit"]
    # GitHub for those with an account, and the e-mail to the network for the others.
    assert issue["mode"] == "issue" and issue["issue_url"] == REPOSITORY + "/issues/new"
    assert issue["email"] == "contact@reseau.example.org"
    email = catalog({"board_email": "tableau@reseau.example.org"})["submit"]
    assert email["mode"] == "email" and email["issue_url"] == "" and email["email"] == "tableau@reseau.example.org"
    assert catalog(repository="")["submit"]["mode"] == "email"


def test_entry_file_keys_and_limits():
    submit = catalog()["submit"]
    assert submit["keys"] == ["kind", "title", "category", "organisation", "territory", "country", "description",
                              "contact", "published", "until", "schedule", "conditions"]
    assert submit["fields"]["country"] == "country" and submit["fields"]["title"] == "entry_title"
    assert submit["default_days"] == 180
    assert submit["limits"] == {"territory": 80, "contact": 200}
