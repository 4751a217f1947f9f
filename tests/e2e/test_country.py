"""One country choice for the whole site, in real Chromium.

A treasurer in France opens the usage-cost calculator of a network whose
country is Québec, types the wood planer, then says "Votre pays : France".
The labels and the result switch to euros, the France law tab opens on the
guide's pages, the agreements generator starts on France, and a reload keeps
the choice. Both palettes are axe-clean (the `page` fixture fails the test on
any console error or off-site request).

Worked by hand (the same scenario as tests/e2e/test_calculators.py):
  consumables 0.05 × 50 = 2.50; maintenance 100 / 100 000 × 50 = 0.05;
  replacement 3 500 / 7 / (365 × 24) × 5 = 0.2854 → 0.29; preparation 1 × 30 = 30.00;
  admin fee 5.00; total 2.50 + 0.05 + 0.29 + 30.00 + 5.00 = 37.84,
  written "37,84 $" in Québec (fr_CA) and "37,84 €" in France (fr_FR).
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.harness import PageLog, assert_no_axe_violations, goto, open_tool, reload, watch_context
from tests.e2e.test_calculators import BOOT, PLANER_TYPED, expect_summary, switch_to_dark

USAGE = "outils/cout-utilisation/"
LAW_PAGE = "engager/assurances/"
GENERATOR = "outils/conventions/"
SERVICE_LABEL = "#uc-maintenance-service-cost"


def service_label(page):
    return page.locator(f"label[for='{SERVICE_LABEL[1:]}']")


def test_country_switch_gives_euros_law_tab_and_agreement_default(page, site):
    goto(page, site, USAGE)
    country = page.get_by_label("Votre pays")
    expect(country).to_have_value("QC")  # the network's country (mkdocs.yml)
    expect(service_label(page)).to_have_text(re.compile(r"\(en\s\$\)"))
    for selector, value in PLANER_TYPED.items():
        page.fill(selector, value)
    expect_summary(page, "uc", "Coût d'une utilisation : 37,84 $.")

    country.select_option("FR")
    expect(service_label(page)).to_have_text(re.compile(r"\(en\s€\)"))
    expect_summary(page, "uc", "Coût d'une utilisation : 37,84 €.")
    stored = page.evaluate(
        "() => Object.entries(localStorage).filter(([k]) => k.endsWith(':calculator:usage-cost')).map(([, v]) => JSON.parse(v))"
    )
    assert [record["currency"] for record in stored] == ["€"]

    # A reload keeps the choice, the labels and the result in euros.
    reload(page)
    expect(page.get_by_label("Votre pays")).to_have_value("FR")
    expect(service_label(page)).to_have_text(re.compile(r"\(en\s€\)"))
    expect_summary(page, "uc", "Coût d'une utilisation : 37,84 €.", timeout=BOOT)

    # Both palettes: no axe violation with the menu and the euro result on the page.
    assert_no_axe_violations(page, include=".md-content")
    switch_to_dark(page)
    assert_no_axe_violations(page, include=".md-content")
    page.locator("input[aria-label='Passer au thème clair'] + label").click()

    # The guide's law tabs open on France.
    open_tool(page, site, LAW_PAGE)
    selected = page.locator(".tabbed-set").first.locator(".tabbed-labels > label").filter(has_text="France")
    tab_input = page.locator(f"#{selected.get_attribute('for')}")
    expect(tab_input).to_be_checked()

    # The agreements generator starts a new draft for France.
    open_tool(page, site, GENERATOR)
    expect(page.locator("#mu-ag-territory")).to_have_value("FR")


def test_law_tab_sets_the_country_of_the_calculators(page, site):
    goto(page, site, LAW_PAGE)
    page.locator(".tabbed-set").first.locator(".tabbed-labels > label", has_text="Belgique").click()
    open_tool(page, site, USAGE)
    expect(page.get_by_label("Votre pays")).to_have_value("BE")
    expect(service_label(page)).to_have_text(re.compile(r"\(en\s€\)"))


def header_menu(page):
    # "Pays", exactly: the tools' own menus are "Votre pays".
    return page.locator(".md-header").get_by_role("combobox", name="Pays", exact=True)


def test_header_menu_sets_the_country_and_the_calculator_follows(page, site):
    """From any page's header, by keyboard: France gives euros, Belgique too, Québec dollars."""
    goto(page, site, USAGE)
    menu = header_menu(page)
    expect(menu).to_have_value("QC")  # the network's country until the reader says hers
    type_planer_and_expect(page, "37,84 $")

    # Keyboard: Tab reaches it, it shows a ring of 2 px or more, and its target is 24 px or more.
    menu.focus()
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert ring[0] != "none" and ring[1] >= 2, ring
    box = menu.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    # The options are in the catalog's order, Belgique, France, Québec: up once is France.
    page.keyboard.press("ArrowUp")
    expect(menu).to_have_value("FR")
    expect(page.get_by_label("Votre pays")).to_have_value("FR")
    expect(service_label(page)).to_have_text(re.compile(r"\(en\s€\)"))
    expect_summary(page, "uc", "Coût d'une utilisation : 37,84 €.")

    menu.select_option("BE")
    expect(page.get_by_label("Votre pays")).to_have_value("BE")
    expect_summary(page, "uc", "Coût d'une utilisation : 37,84 €.")
    menu.select_option("QC")
    expect(service_label(page)).to_have_text(re.compile(r"\(en\s\$\)"))
    expect_summary(page, "uc", "Coût d'une utilisation : 37,84 $.")

    # The calculator's own menu moves the header's; the choice holds on the next page.
    page.get_by_label("Votre pays").select_option("FR")
    expect(menu).to_have_value("FR")
    open_tool(page, site, LAW_PAGE)
    expect(header_menu(page)).to_have_value("FR")

    # Both palettes: the header with its menu has no axe violation.
    assert_no_axe_violations(page, include=".md-header")
    switch_to_dark(page)
    assert_no_axe_violations(page, include=".md-header")
    page.locator("input[aria-label='Passer au thème clair'] + label").click()


def type_planer_and_expect(page, amount):
    for selector, value in PLANER_TYPED.items():
        page.fill(selector, value)
    expect_summary(page, "uc", f"Coût d'une utilisation : {amount}.")


def test_without_javascript_the_header_has_no_country_menu(browser, site):
    """The menu does nothing without JavaScript: its slot stays hidden."""
    log = PageLog()
    context = browser.new_context(java_script_enabled=False, locale="fr-CA")
    watch_context(context, log)
    try:
        page = context.new_page()
        page.goto(site.page_url(LAW_PAGE))
        assert page.locator(".mu-header-country").count() == 1
        expect(page.locator(".mu-header-country")).to_be_hidden()
        expect(page.locator(".md-header")).to_be_visible()
    finally:
        context.close()
