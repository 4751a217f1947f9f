"""The chooser "Quelle entente choisir ?" in real Chromium: answers, links, errors, keyboard, axe, no JavaScript.

The fixtures fail a test on any console error, page error, CSP violation or
request leaving 127.0.0.1. The answers are computed by Python
(agreements.formalisation through agreements.bridge.recommend) in the
calculators' Pyodide worker; the expected ones are worked out by hand from
the rule (see tests/agreements/test_formalisation.py):

- 12 months, 12 000 €, one room and one person, 3 partners: a person shared
  and 12 000 >= 10 000 -> convention-cadre, with the premises and staff models;
- 3 months, nothing paid, one room: row 4 -> lettre d'entente;
- 36 months, in its own name: row 1 -> a shared legal entity.
"""

from __future__ import annotations


from playwright.sync_api import expect

from tests.e2e.harness import assert_no_axe_violations, dark_palette, goto, open_tool, wait_for_path

CHOOSER = "outils/conventions/choisir/"
BOOT = 180_000  # ms: Pyodide boots in ~2 s idle; the shared 2 cores can be far busier.
NBSP = "\u00a0"




def assert_accessible_in_both_palettes(page, state):
    try:
        assert_no_axe_violations(page)
        with dark_palette(page):
            assert_no_axe_violations(page, colours_only=True)
    except AssertionError as error:
        raise AssertionError(f"{state}: {error}") from error


def fill(page, **values):
    """Fill the chooser's fields by name (their labels are checked by the unit tests)."""
    for name, value in values.items():
        page.fill(f"#mu-ch-{name}", value)


def open_chooser(page, site):
    """A fresh chooser on the shared page, by instant navigation (through the home page if it is already shown)."""
    if page.evaluate("() => location.pathname").endswith("/" + CHOOSER):
        open_tool(page, site, "")
    open_tool(page, site, CHOOSER)
    expect(page.locator(".mu-ch-form")).to_be_visible()


def ask(page):
    page.locator(".md-content button[type=submit]").click()
    expect(page.locator(".mu-ch-result")).to_have_attribute("data-state", "done", timeout=BOOT)


def test_direct_visit_recommends_a_convention_cadre_and_links_its_models(page, site):
    goto(page, site, CHOOSER)
    result = page.locator(".mu-ch-result")
    expect(page.locator(".mu-ch-form")).to_be_visible()  # shown once chooser.js has mounted it
    assert_accessible_in_both_palettes(page, "empty")

    fill(page, duration_months="12", annual_amount="12 000", **{"resources-locaux": "1", "resources-personnel": "1", "partners": "3"})
    page.select_option("#mu-ch-currency", "EUR")
    ask(page)
    expect(result).to_have_attribute("data-form", "convention_cadre")
    expect(result).to_contain_text("Une convention-cadre, avec une annexe par ressource")
    expect(result).to_contain_text("Vous partagez une personne salariée")
    expect(result).to_contain_text(f"12\u202f000{NBSP}€ par an")  # fr_FR, for euros
    expect(result).to_contain_text("signée par les 3 organisations : un accord oral ne suffit pas")
    links = result.locator("a[data-model]")
    assert links.evaluate_all("(as) => as.map((a) => [a.dataset.model, a.getAttribute('href')])") == [
        ["convention_cadre", "../convention-cadre/"],
        ["locaux", "../locaux/"],
        ["personnel", "../personnel/"],
    ]
    fills = result.locator("a.mu-ch-generator")
    assert fills.evaluate_all("(as) => as.map((a) => a.getAttribute('href'))") == [
        "../?modele=convention_cadre", "../?modele=locaux", "../?modele=personnel"]
    # A person shared and 12 000 €: the guide's pages on staff and on money.
    guide = result.locator(".mu-ch-guide a")
    assert guide.evaluate_all("(as) => as.map((a) => a.getAttribute('href'))") == ["../../../engager/personnel/", "../../../engager/argent/"]
    assert_accessible_in_both_palettes(page, "answered")

    # The first model's page, by its link.
    links.first.click()
    wait_for_path(page, "/outils/conventions/convention-cadre/")
    expect(page.locator("article h1")).to_contain_text("Convention-cadre de mutualisation")


def test_lighter_and_heavier_situations(engine_page, site):
    page = engine_page
    open_chooser(page, site)
    result = page.locator(".mu-ch-result")
    # One room lent for 3 months, nothing paid: the lightest form.
    fill(page, duration_months="3", annual_amount="0", **{"resources-locaux": "1"})
    ask(page)
    expect(result).to_have_attribute("data-form", "lettre_entente")
    expect(result.locator("a[data-model]")).to_have_count(1)
    expect(result.locator("a[data-model='lettre_entente']")).to_have_attribute("href", "../lettre-entente/")
    # The same room for 36 months, in the project's own name: a shared legal entity, with each country's forms.
    fill(page, duration_months="36")
    page.check("#mu-ch-own_name")
    ask(page)
    expect(result).to_have_attribute("data-form", "entite")
    forms = result.locator(".mu-ch-entity-forms li")
    expect(forms).to_have_count(3)
    expect(forms.nth(0)).to_contain_text("Québec : un OBNL")
    expect(forms.nth(1)).to_contain_text("association loi 1901")
    expect(forms.nth(2)).to_contain_text("Belgique : une ASBL")


def test_errors_keyboard_and_axe(engine_page, site):
    page = engine_page
    open_chooser(page, site)
    result = page.locator(".mu-ch-result")
    # Only one partner and no resource: both said, the partner field marked invalid.
    fill(page, partners="1")
    page.focus("#mu-ch-partners")
    page.keyboard.press("Enter")  # Enter in a field submits the form
    expect(result).to_have_attribute("data-state", "error", timeout=BOOT)
    expect(result).to_contain_text("au moins deux organisations")
    expect(result).to_contain_text("au moins une ressource")
    expect(page.locator("#mu-ch-partners")).to_have_attribute("aria-invalid", "true")
    assert_accessible_in_both_palettes(page, "error")
    # Corrected with the keyboard only: the mark goes, the answer comes.
    page.focus("#mu-ch-partners")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.focus("#mu-ch-resources-vehicule")
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    expect(result).to_have_attribute("data-state", "done", timeout=BOOT)
    expect(page.locator("#mu-ch-partners")).not_to_have_attribute("aria-invalid", "true")
    # One vehicle for the default 12 months (> 6), nothing paid: row 3.
    expect(result).to_have_attribute("data-form", "convention")
    expect(result.locator("a[data-model='vehicule']")).to_have_attribute("href", "../vehicule/")


def test_the_rule_reads_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.page_url(CHOOSER))
    expect(page.locator(".mu-ch-form")).to_be_hidden()
    article = page.locator("article")
    assert "<noscript><p>Ce formulaire a besoin de JavaScript." in page.content()
    rows = page.locator("article table tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_contain_text("Une structure juridique commune")
    expect(rows.nth(3)).to_contain_text("Une lettre d'entente")
    expect(article).to_contain_text("pas des seuils fixés par la loi")
    context.close()
