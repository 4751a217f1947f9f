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

The tests that use the board as it is built share ONE page (`board`, on the
module's `reader` page): loaded once, then reached by instant navigation, its
filters cleared by the form's own reset and nothing stored at the start of
each test. board.js reads the saved inventory when a button is pressed, so a
test stores it and presses, without a reload. The e-mail mode and the page
without JavaScript need their own context.
"""

from __future__ import annotations

import json
import os
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from macros import network, network_build
from macros.network_loader import categories_from_inventory, load_entry
from macros.network_render import ENTRIES_MARKER
from sitebuild.config import load_config
from tests.e2e.harness import ROOT, axe_violations, describe_violations, goto, open_tool

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


DESKTOP = {"width": 1280, "height": 720}  # a new context's viewport

# What a reader finds on arriving: filters empty (the form's own reset, which
# board.js handles), no result of the tools, the network's country and empty
# author fields (nothing is stored: the reader fixture empties localStorage),
# the top of the page.
RESET_BOARD = """() => {
  document.querySelector('.mu-board-filters').reset();
  for (const r of document.querySelectorAll('.mu-board-match-result, .mu-board-publish-result')) r.replaceChildren();
  const catalog = JSON.parse(document.querySelector('.mu-board-catalog').textContent);
  document.querySelector('#mu-board-country').value = catalog.network_country;
  for (const id of ['mu-board-territory-own', 'mu-board-contact']) document.getElementById(id).value = '';
  const contact = document.getElementById('mu-board-contact');
  contact.removeAttribute('aria-invalid');
  contact.setAttribute('aria-describedby', 'mu-board-contact-help');
  document.getElementById('mu-board-contact-error').hidden = true;
  window.scrollTo(0, 0);
}"""


@pytest.fixture
def board(reader, site):
    """The module's shared page on the board, as a reader arrives on it (see the
    module's docstring): nothing stored, light palette, desktop size."""
    reader.set_viewport_size(DESKTOP)
    if not reader.url.startswith("http"):
        goto(reader, site, BOARD)
    elif urlsplit(reader.url).path != urlsplit(site.page_url(BOARD)).path:
        open_tool(reader, site, BOARD)
    reader.wait_for_selector(".mu-board-tools:not([hidden])")
    reader.evaluate(RESET_BOARD)
    return reader


def save_inventory(page):
    """Store the inventory as the questionnaire would (board.js reads it when a tool's button is pressed)."""
    page.evaluate(
        "(value) => localStorage.setItem(`mutuus:${new URL(__md_scope, location.href).pathname}:inventaire:v1`, value)",
        json.dumps(INVENTORY),
    )


def assert_axe_clean(page, case: str, **options) -> None:
    violations = axe_violations(page, **options)
    assert not violations, f"{case} : axe-core a trouvé des violations :\n" + describe_violations(violations)


def test_list_and_filters(board):
    page = board
    page.wait_for_selector(".mu-board-filters:not([hidden])")
    assert shown(page) == ORDER
    assert count_text(page) == "5 annonces en cours."
    page.select_option("#mu-board-kind", "need")
    # Needs: comptabilite-lille and entrepot-quebec.
    assert shown(page) == ORDER[:2]
    assert count_text(page) == "2 annonces sur 5 correspondent à vos filtres."
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


def test_search_ignores_accents_and_case(board):
    page = board
    search = page.locator("#mu-board-search")
    # "QUEBEC" finds "Québec": entrepot-quebec's territory, and salle-plateau's
    # country ("Montréal (Québec)").
    search.fill("QUEBEC")
    assert shown(page) == ["annonce-exemple-entrepot-quebec", "annonce-exemple-salle-plateau"]
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
    assert count_text(page) == "0 annonce sur 5 correspond à vos filtres."


def test_keyboard(board):
    page = board
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


def test_entry_shows_contact_dates_and_advice(board):
    page = board
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


def test_matching_from_the_saved_inventory(board):
    page = board
    save_inventory(page)
    page.click(".mu-board-match-run")
    result = page.locator(".mu-board-match-result")
    result.locator("li").first.wait_for()
    # Needs locaux -> offers in locaux: salle-plateau (entrepot-quebec is a need).
    # Offers fonctions_support -> needs there: comptabilite-lille.
    # Shared words of 4 letters or more: comptabilite-lille has "tenir", "comptes",
    # "petite" and "association" (4); salle-plateau has "salle" and "soir" (2,
    # "soirs" contains "soir"). But no country is chosen: the network's (Québec)
    # comes first, so salle-plateau (Montréal) leads and comptabilite-lille
    # (Lille) is marked "ailleurs : France".
    assert result.locator("p").first.inner_text() == "2 annonces correspondent à votre inventaire."
    links = result.locator("a")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "#annonce-exemple-salle-plateau",
        "#annonce-exemple-comptabilite-lille",
    ]
    assert result.locator("li").nth(0).inner_text() == (
        "Salle de réunion de 30 places, les soirs de semaine (Montréal · Répond à votre besoin : Locaux)"
    )
    assert result.locator("li").nth(1).inner_text() == (
        "Une journée de comptabilité par mois ailleurs : France (Lille · Cherche ce que vous offrez : Fonctions support)"
    )
    assert result.get_attribute("role") == "status"


def test_no_inventory_says_so(board):
    page = board
    page.click(".mu-board-match-run")
    assert page.locator(".mu-board-match-result").inner_text().startswith("Aucun inventaire enregistré")


def test_submission_link_from_the_inventory(board):
    page = board
    save_inventory(page)
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
        # No country chosen: the network's (extra.network.country); territory
        # and contact left empty, so not in the address.
        "country": "Québec",
        "description": "Une salle pour nos réunions du soir",
    }
    offer = {k: v[0] for k, v in parse_qs(urlsplit(links.nth(1).get_attribute("href")).query).items()}
    assert offer["kind"] == "Offre" and offer["category"] == "Fonctions support"
    assert offer["schedule"] == "Deux jours par mois"
    assert offer["conditions"] == "Tarif horaire à convenir"


def test_yaml_file_for_networks_without_issues(board, tmp_path):
    """The entry file (entryYAML): hostile text stays text and the build's loader accepts it as it is."""
    page = board
    text = page.evaluate(
        """async () => {
            const m = await import(new URL('assets/javascripts/board-rules.js', new URL(__md_scope, location.href)).href);
            const catalog = JSON.parse(document.querySelector('.mu-board-catalog').textContent);
            return m.entryYAML(catalog, {kind: 'offer', title: 'Salle: "grande" # 1\\nkind: need', category: 'locaux',
                                organisation: '<b>Atelier</b>', territory: 'Namur', country: 'BE', description: '- a\\n- b',
                                contact: 'a@b.example.org'}, new Date('2026-11-30T12:00:00Z'));
        }"""
    )
    data = yaml.safe_load(text)
    assert data["kind"] == "offer"
    assert data["title"] == 'Salle: "grande" # 1\nkind: need'
    # 2026-11-30 + 180 days = 2027-05-29 (see tests/network/test_issue.py for the working).
    assert data["published"] == "2026-11-30" and data["until"] == "2027-05-29"
    # Nothing left to complete: the header only.
    assert text.startswith("# Annonce préparée depuis l'inventaire. Relisez-la avant de l'envoyer.\nkind: ")
    path = tmp_path / "salle.yml"
    path.write_text(text, encoding="utf-8")
    entry = load_entry(path, categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml"))
    assert entry["organisation"] == "<b>Atelier</b>" and entry["description"] == "- a\n- b"
    assert entry["country"] == "BE"


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


def test_contacts_page_and_guide(board, site):
    page = board
    open_tool(page, site, "reseau/contacts/")
    text = page.locator(".mu-network-contacts").inner_text()
    assert "Liège" in text and "Agence-conseil Meuse (exemple fictif)" in text
    assert page.locator(".mu-network-contacts a[href='mailto:conseil@meuse.example.org']").count() == 1
    open_tool(page, site, "pratique/")
    assert page.locator(".mu-network-contacts dt").count() == 5


def fill_tools(page):
    save_inventory(page)
    page.click(".mu-board-match-run")
    page.click(".mu-board-publish-run")
    page.locator(".mu-board-issue-link").first.wait_for()


def test_axe_light_and_dark_palettes_and_390px(board, page, site):
    """The board with its tools' results, and the contacts page, in both palettes.
    Light on the shared page; dark in a page of its own, as a reader whose
    system asks for it opens the site (palette.js follows the system's mode
    when the reader has chosen none). The board, checked
    whole in light at this size, gets axe's colour rules in dark (the need
    filter only removes entries); contacts, checked whole in light at 390 px
    only, is checked whole in dark at desktop size."""
    light = board
    fill_tools(light)
    assert_axe_clean(light, "tableau, thème clair")
    light.set_viewport_size({"width": 390, "height": 844})
    assert light.evaluate("document.documentElement.scrollWidth") <= 390
    assert_axe_clean(light, "tableau, thème clair, 390 px")
    open_tool(light, site, "reseau/contacts/")
    assert_axe_clean(light, "contacts, thème clair, 390 px")

    dark = page
    dark.emulate_media(color_scheme="dark")
    goto(dark, site, BOARD)
    fill_tools(dark)
    assert dark.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark.select_option("#mu-board-kind", "need")
    assert_axe_clean(dark, "tableau, thème sombre", colours_only=True)
    # A contact refused: its message in the dark palette.
    dark.fill("#mu-board-contact", "tresorerie chez nous")
    dark.click(".mu-board-publish-run")
    dark.locator("#mu-board-contact-error").wait_for()
    assert_axe_clean(dark, "contact refusé, thème sombre", include=".mu-board-tools", colours_only=True)
    open_tool(dark, site, "reseau/contacts/")
    assert_axe_clean(dark, "contacts, thème sombre")


# --- e-mail mode: a network without GitHub issues ---------------------------------

BOARD_EMAIL = "annonces@reseau.example.org"


class MacroEnv:
    """What macros/network.py's register() reads of mkdocs-macros' env."""

    def __init__(self, conf: dict):
        self.project_dir = str(ROOT)
        self.conf = conf
        self.variables = {}
        self.macros = {}

    def macro(self, function, name=None):
        self.macros[name or function.__name__] = function
        return function


def board_head(conf: dict) -> str:
    """What the board() macro writes before its entries, with this configuration."""
    env = MacroEnv(conf)
    with pytest.MonkeyPatch.context() as patch:
        # remember() caches the entries for the build step: the site is built already.
        patch.setattr(network_build, "remember", lambda *args: None)
        network.register(env)
    return env.macros["board"]().split(ENTRIES_MARKER)[0]


@pytest.fixture(scope="module")
def email_board_page(site):
    """The board page of a site whose mkdocs.yml sets extra.network.board_email.

    Only the board page depends on that setting, and in it only what the
    board() macro writes before the entries (catalog and tools' text): the
    built page with that part written by the macro under this configuration.
    (Checked on 2026-11-30: byte for byte the page a second `sitebuild build`
    with an INHERIT config writes, for a tenth of a second instead of a build.)"""
    config = load_config()
    extra = config.get("extra") or {}
    email = {**extra, "network": {**(extra.get("network") or {}), "board_email": BOARD_EMAIL}}
    issue_head, email_head = board_head(config), board_head({**config, "extra": email})
    assert issue_head != email_head
    html = (site.dir / BOARD / "index.html").read_text(encoding="utf-8")
    assert html.count(issue_head) == 1, "la partie du tableau écrite par board() est introuvable dans la page construite"
    return html.replace(issue_head, email_head)


def test_email_mode_offers_a_yaml_file_and_the_address(page, site, email_board_page, tmp_path):
    """With board_email set, "Publier depuis mon inventaire" offers each line as a
    YAML file and a mailto link to the network, no GitHub link. The site's
    server answers every request but the board page's, which is the e-mail
    mode's (email_board_page)."""
    page.route(
        site.page_url(BOARD),
        lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=email_board_page),
    )
    goto(page, site, BOARD)
    page.wait_for_selector(".mu-board-tools:not([hidden])")
    save_inventory(page)
    intro = page.locator(".mu-board-publish").inner_text()
    assert "Téléchargez l'annonce (un petit fichier .yml), puis joignez-la" in intro and "GitHub" not in intro
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
    assert text.startswith("# Annonce préparée depuis l'inventaire. Relisez-la avant de l'envoyer.\n"
                           "# À compléter avant l'envoi : territory, contact.\n")
    assert data["territory"] == "" and data["contact"] == "" and data["country"] == "QC"
    completed = text.replace('territory: ""', 'territory: "Lille"').replace('contact: ""', 'contact: "compta@essai.example.org"')
    path = tmp_path / "atelier-comptable.yml"
    path.write_text(completed, encoding="utf-8")
    entry = load_entry(path, categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml"))
    assert entry["kind"] == "offer" and entry["territory"] == "Lille"
    assert entry["description"] == data["description"] and entry["until"] == data["until"]
    assert_axe_clean(page, "tableau en mode courriel")


# --- territory first; publishing without a GitHub account ---------------------------

# A treasurer of an ASBL in Liège: she needs a meeting room for the evening and
# a vehicle for collections.
LIEGE = {
    "organisation": "ASBL Les Tisserands",
    "answers": {
        "locaux_besoin": {"value": "Une salle de réunion le soir, avec un projecteur"},
        "transport_besoin": {"value": "Un véhicule pour nos collectes de vêtements"},
    },
    "updated_at": "2026-11-29T10:00:00Z",
}


def save_record(page, record):
    page.evaluate(
        "(value) => localStorage.setItem(`mutuus:${new URL(__md_scope, location.href).pathname}:inventaire:v1`, value)",
        json.dumps(record),
    )


def match_rows(page):
    """(href, text) of each line of the matches, in order."""
    result = page.locator(".mu-board-match-result")
    result.locator("li").first.wait_for()
    return page.eval_on_selector_all(
        ".mu-board-match-result li",
        "lis => lis.map(li => [li.querySelector('a').getAttribute('href'), li.textContent])",
    )


def test_matches_from_the_readers_country_first(board, site):
    """Her needs (locaux, transport) match two offers: the room of salle-plateau
    (Montréal, Québec) and the van of camionnette-liege (Liège, Belgique).

    Words of 4 letters or more shared with her lines (what the old order went
    by): the room's entry has "salle", "réunion", "soir" (in "soirs"), "avec" and
    "projecteur" (5); the van's has "véhicule" (in its category "Transport et
    véhicules") only (1). So the room came first, though it is an ocean away.
    With Belgique chosen, the van comes first and the room is marked
    "ailleurs : Québec"."""
    page = board
    save_record(page, LIEGE)
    # The network's country (extra.network.country: QC) until she says hers.
    assert page.locator("#mu-board-country").input_value() == "QC"
    page.select_option("#mu-board-country", "BE")
    page.click(".mu-board-match-run")
    rows = match_rows(page)
    assert [href for href, _ in rows] == ["#annonce-exemple-camionnette-liege", "#annonce-exemple-salle-plateau"]
    assert "Liège" in rows[0][1] and "ailleurs" not in rows[0][1]
    assert "ailleurs : Québec" in rows[1][1] and "Montréal" in rows[1][1]
    summary = page.locator(".mu-board-match-result > p").all_inner_texts()
    assert summary == [
        "2 annonces correspondent à votre inventaire.",
        "Les annonces en Belgique viennent d'abord ; les autres sont marquées « ailleurs ».",
    ]
    # Her choice is the site's one: the law tabs open on Belgique, and the
    # board remembers it when she comes back.
    open_tool(page, site, "engager/assurances/")
    checked = page.eval_on_selector(
        ".tabbed-set", "set => set.querySelector(`label[for='${set.querySelector('input:checked').id}']`).innerText.trim()"
    )
    assert checked == "Belgique"
    open_tool(page, site, BOARD)
    page.wait_for_selector(".mu-board-tools:not([hidden])")
    assert page.locator("#mu-board-country").input_value() == "BE"


def test_country_from_the_law_tabs_and_changed_after_a_search(board, site):
    """No choice made: the network's country (Québec) comes first, and the van
    is marked "ailleurs : Belgique". A reader who picked the Belgique tab on a
    guide page finds Belgique chosen on the board; changing the country after
    a search sorts the matches again."""
    page = board
    save_record(page, LIEGE)
    page.click(".mu-board-match-run")
    rows = match_rows(page)
    assert [href for href, _ in rows] == ["#annonce-exemple-salle-plateau", "#annonce-exemple-camionnette-liege"]
    assert "ailleurs : Belgique" in rows[1][1] and "ailleurs" not in rows[0][1]
    page.select_option("#mu-board-country", "FR")
    page.wait_for_function(
        "() => document.querySelector('.mu-board-match-result').textContent.includes('en France viennent')"
    )
    rows = match_rows(page)
    # France first (none here), then the network's order: Québec, Belgique.
    assert "ailleurs : Québec" in rows[0][1] and "ailleurs : Belgique" in rows[1][1]

    open_tool(page, site, "engager/assurances/")
    page.locator(".tabbed-set").first.locator("label", has_text="Belgique").click()
    open_tool(page, site, BOARD)
    page.wait_for_selector(".mu-board-tools:not([hidden])")
    assert page.locator("#mu-board-country").input_value() == "BE"


def publish_fields(page, territory="Liège", contact="tresorerie@tisserands.example.org"):
    page.select_option("#mu-board-country", "BE")
    page.fill("#mu-board-territory-own", territory)
    page.fill("#mu-board-contact", contact)


def test_publish_without_a_github_account(board, site, tmp_path):
    """The treasurer has no GitHub account: each of her lines offers the entry
    as a file to download and an e-mail to the network (extra.network.contact,
    contact@example.org) whose body says to attach it; territory, country and
    contact are filled in both ways, and the file is accepted as it is."""
    page = board
    save_record(page, LIEGE)
    publish_fields(page)
    page.click(".mu-board-publish-run")
    items = page.locator(".mu-board-publish-list > li")
    items.first.wait_for()
    # Inventory order: locaux (need), transport (need).
    assert items.count() == 2
    room = items.nth(0)
    download = room.get_by_role("button", name="Télécharger l'annonce (fichier .yml)")
    mail = room.get_by_role("link", name="Écrire au réseau")
    assert download.count() == 1 and mail.count() == 1
    href = mail.get_attribute("href")
    assert href.startswith("mailto:contact@example.org?")
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == ["Annonce pour le tableau du réseau : Une salle de réunion le soir, avec un projecteur"]
    body = query["body"][0]
    with page.expect_download() as info:
        download.click()
    name = info.value.suggested_filename
    text = info.value.path().read_text(encoding="utf-8")
    # "asbl-les-tisserands-une-salle-de-reunion-le-soir-avec-un-projecteur" has 67
    # characters; cut at the last hyphen within 60 (after "un", 56 characters).
    assert name == "asbl-les-tisserands-une-salle-de-reunion-le-soir-avec-un.yml"
    assert f"joignez le fichier {name}" in body  # a mailto: cannot attach: the body says to
    assert text in body  # and carries the entry too, for a phone that cannot attach
    data = yaml.safe_load(text)
    assert (data["territory"], data["country"], data["contact"]) == ("Liège", "BE", "tresorerie@tisserands.example.org")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entry = load_entry(path, categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml"))
    assert entry["kind"] == "need" and entry["category"] == "locaux" and entry["territory"] == "Liège"
    # The GitHub form, for those who have an account, is prefilled the same way.
    github = {k: v[0] for k, v in parse_qs(urlsplit(room.locator(".mu-board-issue-link").get_attribute("href")).query).items()}
    assert (github["territory"], github["country"], github["contact"]) == ("Liège", "Belgique", "tresorerie@tisserands.example.org")
    # Her territory and contact are kept on this device for next time.
    open_tool(page, site, "reseau/contacts/")
    open_tool(page, site, BOARD)
    page.wait_for_selector(".mu-board-tools:not([hidden])")
    assert page.locator("#mu-board-territory-own").input_value() == "Liège"
    assert page.locator("#mu-board-contact").input_value() == "tresorerie@tisserands.example.org"


def test_publish_refuses_a_contact_that_cannot_be_published(board):
    page = board
    save_record(page, LIEGE)
    publish_fields(page, contact="tresorerie chez nous")
    page.click(".mu-board-publish-run")
    contact = page.locator("#mu-board-contact")
    error = page.locator("#mu-board-contact-error")
    error.wait_for()
    assert error.inner_text() == "Écrivez une adresse courriel (nom@exemple.org) ou une adresse web qui commence par https://."
    assert contact.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "mu-board-contact"
    assert page.locator(".mu-board-publish-list").count() == 0
    assert_axe_clean(page, "contact refusé, thème clair", include=".mu-board-tools")
    page.fill("#mu-board-contact", "https://tisserands.example.org/contact")
    page.click(".mu-board-publish-run")
    page.locator(".mu-board-publish-list > li").first.wait_for()
    assert error.is_hidden() and contact.get_attribute("aria-invalid") is None


def test_counts_say_one_or_several(board):
    """French plurals from Python's rule: 0 and 1 take the singular, never "(s)"."""
    page = board
    assert count_text(page) == "5 annonces en cours."
    page.select_option("#mu-board-territory", "Liège")
    assert count_text(page) == "1 annonce sur 5 correspond à vos filtres."
    page.select_option("#mu-board-territory", "")
    page.fill("#mu-board-search", "zzzz introuvable")
    assert count_text(page) == "0 annonce sur 5 correspond à vos filtres."
    page.fill("#mu-board-search", "")
    page.select_option("#mu-board-kind", "need")
    assert count_text(page) == "2 annonces sur 5 correspondent à vos filtres."
    # One line in the inventory: one match, one entry to prepare.
    save_record(page, {**LIEGE, "answers": {"transport_besoin": LIEGE["answers"]["transport_besoin"]}})
    page.click(".mu-board-match-run")
    page.locator(".mu-board-match-result li").first.wait_for()
    assert page.locator(".mu-board-match-result > p").first.inner_text() == "1 annonce correspond à votre inventaire."
    page.click(".mu-board-publish-run")
    page.locator(".mu-board-publish-list > li").first.wait_for()
    assert page.locator(".mu-board-publish-result > p").first.inner_text() == "1 annonce prête à proposer depuis votre inventaire."
    save_record(page, LIEGE)
    page.click(".mu-board-publish-run")
    page.wait_for_function("() => document.querySelectorAll('.mu-board-publish-list > li').length === 2")
    assert page.locator(".mu-board-publish-result > p").first.inner_text() == "2 annonces prêtes à proposer depuis votre inventaire."
    assert "(s)" not in page.locator(".mu-board").inner_text()
