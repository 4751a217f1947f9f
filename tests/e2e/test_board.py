"""The network's board (reseau/) and contacts in real Chromium.

The board shows the example entries of network/board/. On the build date fixed
below (2026-11-30) five are current and one (exemple-commande-papier, until
2026-06-30) is past, so left off:

  id                         kind   category           territory
  exemple-comptabilite-lille need   fonctions_support  Lille     published 2026-11-20
  exemple-entrepot-quebec    need   locaux             Québec    published 2026-11-10
  exemple-camionnette-liege  offer  transport          Liège     published 2026-11-02
  exemple-salle-plateau      offer  locaux             Montréal  published 2026-10-15
  exemple-graphisme-namur    offer  competences        Namur     published 2026-09-01

(newest first: that is the order of the list).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from macros.network_loader import categories_from_inventory, load_entry
from tests.e2e.harness import ROOT, ServedSite, assert_no_axe_violations, free_port, goto

# The site fixture builds once per session; the date rule reads this.
os.environ["MUTUUS_BUILD_DATE"] = "2026-11-30"

BOARD = "reseau/"
ORDER = [
    "annonce-exemple-comptabilite-lille",
    "annonce-exemple-entrepot-quebec",
    "annonce-exemple-camionnette-liege",
    "annonce-exemple-salle-plateau",
    "annonce-exemple-graphisme-namur",
]
INVENTORY = {
    "organisation": "Atelier d'essai",
    "answers": {
        "locaux_besoin": {"value": "Une salle pour nos réunions du soir"},
        "fonctions_support_offre": {"value": "Notre comptable peut tenir les comptes d'une petite association."},
        "fonctions_support_disponibilite": {"value": "Deux jours par mois"},
        "fonctions_support_conditions": {"value": "Tarif horaire à convenir"},
    },
    "updated_at": "2026-11-29T10:00:00Z",
}


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".mu-board-entry:not([hidden])", "els => els.map(e => e.id)")


def count_text(page) -> str:
    return page.locator(".mu-board-count").inner_text()


def save_inventory(page, site):
    goto(page, site, BOARD)
    page.evaluate(
        "(value) => localStorage.setItem(`mutuus:${new URL(__md_scope, location.href).pathname}:inventaire:v1`, value)",
        json.dumps(INVENTORY),
    )
    page.reload()
    page.wait_for_selector(".mu-board-tools:not([hidden])")


def test_list_and_filters(page, site):
    goto(page, site, BOARD)
    page.wait_for_selector(".mu-board-filters:not([hidden])")
    assert shown(page) == ORDER
    assert count_text(page) == "5 annonce(s) en cours."
    page.select_option("#mu-board-kind", "need")
    # Needs: comptabilite-lille and entrepot-quebec.
    assert shown(page) == ORDER[:2]
    assert count_text(page) == "2 annonce(s) sur 5 correspondent à vos filtres."
    page.select_option("#mu-board-category", "locaux")
    assert shown(page) == ["annonce-exemple-entrepot-quebec"]
    page.select_option("#mu-board-kind", "")
    # Locaux, both kinds: entrepot-quebec (need) and salle-plateau (offer).
    assert shown(page) == [ORDER[1], ORDER[3]]
    page.select_option("#mu-board-category", "")
    page.select_option("#mu-board-territory", "Liège")
    assert shown(page) == ["annonce-exemple-camionnette-liege"]
    # Territories offered are those of the current entries, sorted: the expired
    # entry's Lyon is not one of them.
    options = page.eval_on_selector_all("#mu-board-territory option", "os => os.map(o => o.value)")
    assert options == ["", "Liège", "Lille", "Montréal", "Namur", "Québec"]


def test_search_ignores_accents_and_case(page, site):
    goto(page, site, BOARD)
    search = page.locator("#mu-board-search")
    # "QUEBEC" finds "Québec" (territory of entrepot-quebec).
    search.fill("QUEBEC")
    assert shown(page) == ["annonce-exemple-entrepot-quebec"]
    # "reunion" finds "réunion" (salle-plateau's title).
    search.fill("reunion")
    assert shown(page) == ["annonce-exemple-salle-plateau"]
    # Every word must appear: "fete" (in "fêtes") and "tentes" -> entrepot-quebec only.
    search.fill("fete tentes")
    assert shown(page) == ["annonce-exemple-entrepot-quebec"]
    # An accented query finds the same: "comptabilité" is in comptabilite-lille's title.
    search.fill("Comptabilité")
    assert shown(page) == ["annonce-exemple-comptabilite-lille"]
    search.fill("zzzz introuvable")
    assert shown(page) == []
    assert count_text(page) == "0 annonce(s) sur 5 correspondent à vos filtres."


def test_keyboard(page, site):
    goto(page, site, BOARD)
    page.focus("#mu-board-kind")
    page.keyboard.press("ArrowDown")  # "Offre"
    # Offers: camionnette, salle, graphisme.
    assert shown(page) == ORDER[2:]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mu-board-category"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mu-board-search"
    page.keyboard.type("graphisme")
    assert shown(page) == ["annonce-exemple-graphisme-namur"]
    page.keyboard.press("Enter")  # submitting the filters does not leave the page
    assert shown(page) == ["annonce-exemple-graphisme-namur"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Effacer les filtres"
    assert shown(page) == ORDER
    assert page.evaluate("document.activeElement.id") == "mu-board-kind"
    # The advice link of an entry leads to its category's advice, by keyboard too.
    # (Material's instant navigation makes internal hrefs absolute: match the end.)
    link = page.locator("#annonce-exemple-salle-plateau a[href$='#conseils-locaux']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#conseils-locaux' || document.querySelector('#conseils-locaux')")
    assert page.locator("#conseils-locaux + ul a").count() == 4


def test_entry_shows_contact_dates_and_advice(page, site):
    goto(page, site, BOARD)
    entry = page.locator("#annonce-exemple-salle-plateau")
    text = entry.inner_text()
    assert "Publiée le 15 octobre 2026, valable jusqu'au 31 mars 2027" in text
    assert entry.locator("a[href='https://plateau.example.org/salle']").count() == 1
    mail = page.locator("#annonce-exemple-camionnette-liege a[href='mailto:camionnette@coteaux.example.org']")
    assert mail.count() == 1
    hrefs = page.eval_on_selector_all("#conseils-locaux + ul a", "as => as.map(a => new URL(a.href).pathname + new URL(a.href).hash)")
    assert hrefs == [
        "/comprendre/quoi-mutualiser/#espaces-equipements",
        "/pratique/#assurances",
        "/outils/cout-utilisation/",
        "/pratique/#formaliser",
    ]


def test_matching_from_the_saved_inventory(page, site):
    save_inventory(page, site)
    page.click(".mu-board-match-run")
    result = page.locator(".mu-board-match-result")
    result.locator("li").first.wait_for()
    # Needs locaux -> offers in locaux: salle-plateau (entrepot-quebec is a need).
    # Offers fonctions_support -> needs there: comptabilite-lille.
    # Shared words of 4 letters or more: comptabilite-lille has "tenir", "comptes",
    # "petite" and "association" (4); salle-plateau has "salle" and "soir" (2,
    # "soirs" contains "soir"): comptabilite-lille first.
    assert result.locator("p").inner_text() == "2 annonce(s) correspondent à votre inventaire."
    links = result.locator("a")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "#annonce-exemple-comptabilite-lille",
        "#annonce-exemple-salle-plateau",
    ]
    assert "Cherche ce que vous offrez : Fonctions support" in result.locator("li").nth(0).inner_text()
    assert "Répond à votre besoin : Locaux" in result.locator("li").nth(1).inner_text()
    assert result.get_attribute("role") == "status"


def test_no_inventory_says_so(page, site):
    goto(page, site, BOARD)
    page.click(".mu-board-match-run")
    assert page.locator(".mu-board-match-result").inner_text().startswith("Aucun inventaire enregistré")


def test_submission_link_from_the_inventory(page, site):
    save_inventory(page, site)
    page.click(".mu-board-publish-run")
    links = page.locator(".mu-board-issue-link")
    links.first.wait_for()
    # Two lines in the inventory, in the inventory's order: locaux (need), then
    # fonctions_support (offer).
    assert links.count() == 2
    need = urlsplit(links.nth(0).get_attribute("href"))
    assert need.path.endswith("/issues/new")
    query = {k: v[0] for k, v in parse_qs(need.query).items()}
    assert query == {
        "template": "annonce.yml",
        "title": "Besoin : Une salle pour nos réunions du soir",
        "kind": "Besoin",
        "category": "Locaux",
        "entry_title": "Une salle pour nos réunions du soir",
        "organisation": "Atelier d'essai",
        "description": "Une salle pour nos réunions du soir",
    }
    offer = {k: v[0] for k, v in parse_qs(urlsplit(links.nth(1).get_attribute("href")).query).items()}
    assert offer["kind"] == "Offre" and offer["category"] == "Fonctions support"
    assert offer["schedule"] == "Deux jours par mois"
    assert offer["conditions"] == "Tarif horaire à convenir"


def test_yaml_file_for_networks_without_issues(page, site, tmp_path):
    """The e-mail mode's file (entryYAML): hostile text stays text and the build's loader accepts it once completed."""
    goto(page, site, BOARD)
    text = page.evaluate(
        """async () => {
            const m = await import(new URL('assets/javascripts/board.js', new URL(__md_scope, location.href)).href);
            return m.entryYAML({kind: 'offer', title: 'Salle: "grande" # 1\\nkind: need', category: 'locaux',
                                organisation: '<b>Atelier</b>', territory: 'Namur', description: '- a\\n- b',
                                contact: 'a@b.example.org'}, new Date('2026-11-30T12:00:00Z'), '# En-tête');
        }"""
    )
    data = yaml.safe_load(text)
    assert data["kind"] == "offer"
    assert data["title"] == 'Salle: "grande" # 1\nkind: need'
    # 2026-11-30 + 180 days = 2027-05-29 (see tests/network/test_issue.py for the working).
    assert data["published"] == "2026-11-30" and data["until"] == "2027-05-29"
    assert text.startswith("# En-tête\n")
    path = tmp_path / "salle.yml"
    path.write_text(text, encoding="utf-8")
    entry = load_entry(path, categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml"))
    assert entry["organisation"] == "<b>Atelier</b>" and entry["description"] == "- a\n- b"


def test_without_javascript_the_list_is_plain(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.page_url(BOARD))
        ids = page.eval_on_selector_all(".mu-board-entry", "els => els.filter(e => e.offsetParent).map(e => e.id)")
        assert ids == ORDER
        assert page.locator(".mu-board-filters").is_hidden()
        assert page.locator(".mu-board-tools").is_hidden()
        assert page.locator(".mu-board-count").inner_text() == "5 annonces en cours."
    finally:
        context.close()


def test_contacts_page_and_guide(page, site):
    goto(page, site, "reseau/contacts/")
    text = page.locator(".mu-network-contacts").inner_text()
    assert "Liège" in text and "Agence-conseil Meuse (exemple fictif)" in text
    assert page.locator(".mu-network-contacts a[href='mailto:conseil@meuse.example.org']").count() == 1
    goto(page, site, "pratique/")
    assert page.locator(".mu-network-contacts dt").count() == 5


def fill_tools(page, site):
    save_inventory(page, site)
    page.click(".mu-board-match-run")
    page.click(".mu-board-publish-run")
    page.locator(".mu-board-issue-link").first.wait_for()


def test_axe_light_palette_and_390px(page, site):
    fill_tools(page, site)
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)
    goto(page, site, "reseau/contacts/")
    assert_no_axe_violations(page)


def test_axe_dark_palette(page, site):
    page.emulate_media(color_scheme="dark")
    fill_tools(page, site)
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.select_option("#mu-board-kind", "need")
    assert_no_axe_violations(page)
    goto(page, site, "reseau/contacts/")
    assert_no_axe_violations(page)


# --- e-mail mode: a network without GitHub issues ---------------------------------

BOARD_EMAIL = "annonces@reseau.example.org"


@pytest.fixture(scope="module")
def email_site(tmp_path_factory):
    """The site built with extra.network.board_email set, by a temporary
    mkdocs.yml that INHERITs the real one (mkdocs.yml's defaults stay as they
    are). Built as `make build` does: sitebuild pre, MkDocs, sitebuild post."""
    dest = tmp_path_factory.mktemp("site-board-email")
    served = ServedSite(dir=dest, port=free_port())
    # Beside mkdocs.yml: MkDocs reads docs_dir and the macros' project folder
    # relative to the config file.
    config = ROOT / f".mkdocs-board-email-{os.getpid()}.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\nextra:\n  network:\n    board_email: {BOARD_EMAIL}\n", encoding="utf-8"
    )
    env = dict(os.environ, SITE_URL=served.url, NO_MKDOCS_2_WARNING="1")
    py = sys.executable
    try:
        for command in (
            [py, "-m", "sitebuild", "pre", str(dest)],
            [py, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(dest)],
            [py, "-m", "sitebuild", "post", str(dest)],
        ):
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            assert done.returncode == 0, " ".join(command[2:4]) + " :\n" + (done.stdout + done.stderr)[-4000:]
    finally:
        config.unlink(missing_ok=True)
    served.start()
    yield served
    served.stop()


def test_email_mode_offers_a_yaml_file_and_the_address(page, email_site, tmp_path):
    """With board_email set, "Publier depuis mon inventaire" offers each line as a
    YAML file and a mailto link to the network, no GitHub link."""
    save_inventory(page, email_site)
    assert "un fichier YAML prêt à envoyer au réseau par courriel" in page.locator(".mu-board-publish").inner_text()
    page.click(".mu-board-publish-run")
    mails = page.locator(".mu-board-mail-link")
    mails.first.wait_for()
    assert page.locator(".mu-board-issue-link").count() == 0
    # Two lines in the inventory: locaux (need), then fonctions_support (offer).
    assert mails.count() == 2
    href = mails.nth(1).get_attribute("href")
    assert href.startswith(f"mailto:{BOARD_EMAIL}?")
    mail = parse_qs(urlsplit(href).query)
    assert mail["subject"] == ["Annonce pour le tableau du réseau : Notre comptable peut tenir les comptes d'une petite association."]
    # The offer's file: the second line's button.
    buttons = page.locator(".mu-board-publish-list button")
    assert buttons.count() == 2
    with page.expect_download() as info:
        buttons.nth(1).click()
    download = info.value
    assert download.suggested_filename.endswith(".yml")
    text = download.path().read_text(encoding="utf-8")
    assert text in unquote(href)  # the mail's body carries the same file
    data = yaml.safe_load(text)
    assert data["kind"] == "offer" and data["category"] == "fonctions_support"
    assert data["organisation"] == "Atelier d'essai"
    assert data["description"] == "Notre comptable peut tenir les comptes d'une petite association."
    assert data["schedule"] == "Deux jours par mois" and data["conditions"] == "Tarif horaire à convenir"
    # The header asks the member to complete territory and contact; once done,
    # the build's loader accepts the file as it is.
    assert text.startswith("# Annonce préparée depuis l'inventaire.")
    assert data["territory"] == "" and data["contact"] == ""
    completed = text.replace('territory: ""', 'territory: "Lille"').replace('contact: ""', 'contact: "compta@essai.example.org"')
    path = tmp_path / "atelier-comptable.yml"
    path.write_text(completed, encoding="utf-8")
    entry = load_entry(path, categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml"))
    assert entry["kind"] == "offer" and entry["territory"] == "Lille"
    assert entry["description"] == data["description"] and entry["until"] == data["until"]
    assert_no_axe_violations(page)
