import re
"""Country tabs: the network's country first, same labels everywhere, clear errors."""

import pytest

from macros import countries
from macros.countries import CountryError, law_tabs, network_country, order


def test_order_puts_the_network_first_then_qc_fr_be():
    assert order("QC") == ["QC", "FR", "BE"]
    assert order("FR") == ["FR", "QC", "BE"]
    assert order("BE") == ["BE", "QC", "FR"]


def test_network_country_reads_extra_and_defaults_to_quebec():
    assert network_country({"network": {"country": "be"}}) == "BE"
    assert network_country({"network": {}}) == "QC"
    assert network_country(None) == "QC"
    with pytest.raises(CountryError, match="extra.network.country vaut « CH »"):
        network_country({"network": {"country": "CH"}})


def write(tmp_path, topic, texts):
    folder = tmp_path / topic
    folder.mkdir()
    for code, text in texts.items():
        (folder / f"{code}.md").write_text(text, encoding="utf-8")


def test_tabs_markdown_in_order_and_indented(tmp_path):
    write(tmp_path, "t", {"qc": "Texte QC.\n\n- point", "fr": "Texte FR.", "be": "Texte BE."})
    md = law_tabs("t", "FR", tmp_path)
    assert md.index('=== "France"') < md.index('=== "Québec"') < md.index('=== "Belgique"')
    assert "    Texte QC.\n\n    - point" in md


def test_missing_or_empty_file_names_it(tmp_path):
    write(tmp_path, "t", {"qc": "x", "fr": ""})
    with pytest.raises(CountryError, match="includes/law/t/fr.md : le fichier est vide"):
        law_tabs("t", "QC", tmp_path)
    with pytest.raises(CountryError, match="includes/law/u/qc.md : fichier introuvable"):
        law_tabs("u", "QC", tmp_path)


def test_every_topic_of_the_guide_has_three_tabs():
    topics = [p for p in countries.LAW_DIR.iterdir() if p.is_dir()]
    assert topics, "includes/law/ holds the guide's country texts"
    for topic in topics:
        for code in ("QC", "FR", "BE"):
            assert countries.tab_text(topic.name, code).strip()


OFFICIAL = (
    "legifrance.gouv.fr", "legisquebec.gouv.qc.ca", "ejustice.just.fgov.be", "cnil.fr",
    "autoriteprotectiondonnees.be", "cai.gouv.qc.ca", "revenuquebec.ca", "canada.ca",
    "laws-lois.justice.gc.ca", "impots.gouv.fr", "finances.belgium.be",
)


def test_every_law_text_is_dated_cites_the_register_and_is_to_be_checked():
    # The house rule for law: country and date first, texts cited from the
    # register (never a hand-written link), "À faire vérifier" with whom.
    from law.cite import cited_ids
    from law.register import load_register

    register = load_register()
    date = re.compile(r"^\*" + "{name}" + r", à jour au (1er|\d{1,2}) [a-zéû]+ 20\d\d\.\*")
    for topic in (p for p in countries.LAW_DIR.iterdir() if p.is_dir()):
        for code, name in countries.COUNTRIES.items():
            text = countries.tab_text(topic.name, code)
            where = f"includes/law/{topic.name}/{code.lower()}.md"
            assert re.match(date.pattern.replace("{name}", name), text), where
            assert "**À faire vérifier**" in text, where
            ids = cited_ids(text)
            assert all(i in register for i in ids), (where, [i for i in ids if i not in register])
            assert "{{" not in countries.law_tabs(topic.name, code, register=register).replace("{{ law_tabs", ""), where


def test_site_countries_give_each_country_its_currency_and_locale():
    # Québec writes dollars the Canadian French way; France and Belgium write euros.
    info = countries.site_countries("BE")
    assert info["default"] == "BE"
    assert list(info["countries"]) == ["BE", "QC", "FR"]
    assert info["countries"]["QC"] == {"name": "Québec", "currency": "$", "locale": "fr_CA"}
    assert info["countries"]["FR"] == {"name": "France", "currency": "€", "locale": "fr_FR"}
    assert info["countries"]["BE"] == {"name": "Belgique", "currency": "€", "locale": "fr_BE"}


def test_country_menu_is_labelled_and_lists_the_three_countries():
    html = countries.country_control("QC", "uc-country")
    assert '<label for="uc-country">Votre pays</label>' in html
    assert '<select id="uc-country"' in html
    assert re.findall(r'<option value="(\w+)">', html) == ["QC", "FR", "BE"]
    assert "\n\n" not in html
