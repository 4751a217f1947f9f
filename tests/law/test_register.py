"""The register of legal references: what it accepts, what stops the build, how it is cited."""

from pathlib import Path

import pytest

from law.cite import expand, french_date, markdown_link
from law.register import LawError, link_problem, load_register

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
- id: fr-ct-l8241-2
  territory: FR
  text: Code du travail
  article: art. L8241-2
  url: https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847
  says: Le prêt de main-d'œuvre à but non lucratif exige l'accord écrit du salarié.
  checked: 2026-12-06
  confirmed: true
- id: qc-ccq-2186
  territory: QC
  text: Code civil du Québec
  article: art. 2186
  url: https://www.legisquebec.gouv.qc.ca/fr/document/lc/CCQ-1991#se:2186
  says: Définit le contrat de société et le contrat d'association.
  checked: 2026-12-05
  confirmed: false
"""


def write(folder: Path, text: str, name: str = "essai.yml") -> Path:
    (folder / "law").mkdir(exist_ok=True)
    path = folder / "law" / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, text) -> str:
    write(tmp_path, text)
    with pytest.raises(LawError) as caught:
        load_register(tmp_path / "law", root=tmp_path)
    return str(caught.value)


def test_the_project_register_loads():
    register = load_register()
    for entry in register.values():
        assert link_problem(entry["url"]) is None


def test_good_entries(tmp_path):
    write(tmp_path, GOOD)
    register = load_register(tmp_path / "law", root=tmp_path)
    assert list(register) == ["fr-ct-l8241-2", "qc-ccq-2186"]
    entry = register["fr-ct-l8241-2"]
    assert entry["checked"] == "2026-12-06" and entry["confirmed"] is True
    assert (entry["file"], entry["line"]) == ("law/essai.yml", 1)


@pytest.mark.parametrize(
    "change, expected",
    [
        (("  url: https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847\n", ""),
         "law/essai.yml:1: clé « url » manquante : l'adresse de l'article lui-même"),
        (("  checked: 2026-12-06\n", ""), "law/essai.yml:1: clé « checked » manquante"),
        (("checked: 2026-12-06", "checked: hier"), "law/essai.yml:7: « checked » vaut « hier » : écrivez la date AAAA-MM-JJ"),
        (("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847", "https://www.legifrance.gouv.fr/"),
         "law/essai.yml:5: l'adresse « https://www.legifrance.gouv.fr/ » mène à la page d'accueil du site, pas au texte"),
        (("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847",
          "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050"),
         "ne mène pas à un article précis de www.legifrance.gouv.fr"),
        (("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847",
          "https://www.legifrance.gouv.fr/search/code?query=L8241-2"), "est une page de recherche, pas le texte"),
        (("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847", "https://example.org/l8241"),
         "n'est pas sur un site officiel connu"),
        (("territory: FR", "territory: CH"), "law/essai.yml:2: territoire « CH » inconnu"),
        (("id: fr-ct-l8241-2", "id: qc-ct-l8241-2"), "law/essai.yml:1: l'id « qc-ct-l8241-2 » doit commencer par « fr- », son territoire"),
        (("  says:", "  resume: x\n  says:"), "law/essai.yml:6: clé inconnue « resume »"),
        (("confirmed: true", "confirmed: oui"), "law/essai.yml:8: « confirmed » doit valoir true"),
    ],
)
def test_errors_name_file_and_line(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    assert expected in error_of(tmp_path, GOOD.replace(old, new, 1))


def test_an_id_or_an_address_twice(tmp_path):
    write(tmp_path, GOOD, "a.yml")
    write(tmp_path, GOOD.split("- id: qc-ccq-2186")[0], "b.yml")
    with pytest.raises(LawError) as caught:
        load_register(tmp_path / "law", root=tmp_path)
    assert str(caught.value) == "law/b.yml:1: id « fr-ct-l8241-2 » déjà dans law/a.yml:1"


def test_a_broken_yaml_file_names_its_line(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  text: Code du travail", "  text: [Code du travail"))
    assert message.startswith("law/essai.yml:")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.legisquebec.gouv.qc.ca/fr/document/lc/N-1.1#se:92_5",
        "https://www.ejustice.just.fgov.be/eli/loi/1987/07/24/1987012597/justel#Art.31",
        "https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_26",
        "https://bofip.impots.gouv.fr/bofip/1234-PGP.html/identifiant=BOI-TVA-CHAMP-30-10-20-20120912",
    ],
)
def test_links_to_an_article_are_accepted(url):
    assert link_problem(url) is None


@pytest.mark.parametrize(
    "url",
    ["https://www.legisquebec.gouv.qc.ca/fr", "https://www.ejustice.just.fgov.be/loi/loi.htm",
     "https://www.cnesst.gouv.qc.ca/", "https://eur-lex.europa.eu/search.html?text=rgpd"],
)
def test_home_search_and_index_pages_are_refused(url):
    assert link_problem(url) is not None


def test_citations(tmp_path):
    write(tmp_path, GOOD)
    register = load_register(tmp_path / "law", root=tmp_path)
    assert french_date("2026-12-01") == "1er décembre 2026"
    assert markdown_link(register["fr-ct-l8241-2"]) == (
        "[Code du travail, art. L8241-2](https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847"
        ' "Vérifié le 6 décembre 2026")'
    )
    text = 'Voir {{ law("qc-ccq-2186", "le Code civil") }}.'
    assert expand(text, register) == (
        'Voir [le Code civil](https://www.legisquebec.gouv.qc.ca/fr/document/lc/CCQ-1991#se:2186'
        ' "Texte officiel non relu au 5 décembre 2026") (à faire vérifier).'
    )
    with pytest.raises(KeyError) as caught:
        expand('{{ law("fr-inconnu-1") }}', register)
    assert str(caught.value) == "référence juridique « fr-inconnu-1 » absente du registre law/*.yml"


def test_schema_accepts_every_register_file():
    import json

    import jsonschema
    import yaml

    schema = json.loads((ROOT / "law" / "schema.json").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "law").glob("*.yml")):
        # YAML reads 2026-12-06 as a date; the schema speaks of JSON, where it is a string.
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")) or [], default=str))
        jsonschema.validate(data, schema)


def test_a_label_with_an_apostrophe_and_a_malformed_call(tmp_path):
    from law.cite import MalformedCall

    write(tmp_path, GOOD)
    register = load_register(tmp_path / "law", root=tmp_path)
    assert expand("{{ law(\"qc-ccq-2186\", \"l'article 2186\") }}", register).startswith("[l'article 2186](")
    with pytest.raises(MalformedCall) as caught:
        expand('Un.\nDeux {{ law("qc-ccq-2186) }}', register)
    assert str(caught.value).startswith("ligne 2 : appel {{ law(...) }} mal écrit")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460",  # a whole law
        "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072050/LEGISCTA000006195651/#LEGIARTI000006901341",
        "https://www.legisquebec.gouv.qc.ca/fr/document/lc/CCQ-1991",
        "https://www.ejustice.just.fgov.be/eli/loi/2018/07/30/2018040581/justel",
    ],
)
def test_a_confirmed_entry_links_the_article_itself_not_the_whole_text(tmp_path, url):
    """A whole law, a code or a section may be cited while the article is not
    yet read (confirmed: false, « à faire vérifier »); an entry confirmed
    must open the article it names (found by a review: a confirmed entry
    opened the whole 1978 law)."""
    text = GOOD.replace("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847", url)
    assert "ne mène pas à l'article lui-même" in error_of(tmp_path, text)
    write(tmp_path, text.replace("  confirmed: true", "  confirmed: false"))
    assert load_register(tmp_path / "law", root=tmp_path)["fr-ct-l8241-2"]["url"] == url
