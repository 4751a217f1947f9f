"""Smoke test run on BOTH builds (MkDocs + Material, and Zensical): every page
opens cleanly, a questionnaire keeps an answer, a calculator computes in
Pyodide, and axe finds nothing. The `page` fixture fails a test on any console
error, CSP violation or request leaving 127.0.0.1.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import (
    PageLog,
    assert_no_axe_violations,
    goto,
    open_tool,
    reload,
    wait_for_path,
    watch_context,
)
from tests.site_pages import page_paths

BOOT = 120_000  # ms: Pyodide boots in about 2 s; room for a heavily loaded machine


def test_every_zensical_page_opens_cleanly(page, zensical_site):
    """Every page of the Zensical build, one after the other by instant
    navigation (as test_pages.py does for the MkDocs build, with axe there):
    each has its title and mounts with no console error, CSP violation or
    outside request. The policy itself is in every built file
    (tests/test_engines.py). A full load per page took 82 s under -n 2."""
    paths = page_paths()
    goto(page, zensical_site, paths[0])
    for path in paths[1:]:
        open_tool(page, zensical_site, path)
        assert page.locator("article h1").count() >= 1, path


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_is_accessible(page, any_site, scheme):
    page.emulate_media(color_scheme=scheme)
    goto(page, any_site, "")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_no_axe_violations(page)


def test_instant_navigation(page, any_site):
    goto(page, any_site, "")
    page.evaluate("window.__mu_marker = 42")
    page.locator("a.md-footer__link--next").click()
    wait_for_path(page, "/comprendre/")
    assert page.evaluate("window.__mu_marker") == 42, "navigation.instant est inactif"


def test_questionnaire_keeps_an_answer(page, any_site):
    form = 'form[data-questionnaire="evaluation"]'
    goto(page, any_site, "etapes/evaluation/")
    page.wait_for_selector(f"{form}[data-mu-mounted]")
    page.fill("#mu-q-evaluation--organisation", "Atelier partagé de Liège")
    reload(page)
    page.wait_for_selector(f"{form}[data-mu-mounted]")
    assert page.input_value("#mu-q-evaluation--organisation") == "Atelier partagé de Liège"


def test_calculator_computes_the_planer_in_pyodide(page, any_site):
    # Worked by hand (see tests/e2e/test_calculators.py): 2.50 + 0.05 + 0.29
    # + 30.00 + 5.00 = 37.84 for one use of the wood planer.
    goto(page, any_site, "outils/cout-utilisation/")
    form = page.locator("form.mu-calculator").first
    expect(form).to_have_attribute("data-engine", "ready", timeout=BOOT)
    form.get_by_role("button", name=re.compile("exemple", re.I)).first.click()
    expect(form.locator(".mu-calc-summary")).to_contain_text(re.compile(r"37,84"), timeout=BOOT)
    assert_no_axe_violations(page, ".md-content")


def test_shared_engine_page_keeps_its_worker_across_tools(engine_page, site):
    """The engine_page fixture: one Pyodide boot serves every calculator of a module."""
    engine_page.evaluate("() => { window.__muCalculatorWorker.muTestMark = 7; }")
    for path in ("outils/repartition/", "outils/seuil-rentabilite/", "outils/cout-utilisation/"):
        open_tool(engine_page, site, path)
        form = engine_page.locator("form.mu-calculator").first
        expect(form).to_have_attribute("data-engine", "ready", timeout=BOOT)
    assert engine_page.evaluate("() => window.__muCalculatorWorker.muTestMark") == 7, "le moteur a redémarré"


def test_a_request_to_another_site_is_caught_and_goes_nowhere(browser, site):
    """The harness itself: a request leaving 127.0.0.1 is reported (the
    `page` fixture would fail the test) and reaches nothing (no other host
    resolves: CHROMIUM_ARGS)."""
    log = PageLog()
    # bypass_csp: the site's own policy (connect-src 'self') would stop the
    # request before the network; the harness is what is tested here.
    ctx = browser.new_context(service_workers="block", bypass_csp=True)
    watch_context(ctx, log)
    try:
        pg = ctx.new_page()
        goto(pg, site, "")
        outcome = pg.evaluate(
            """async () => { try { await fetch("https://fonts.example.org/police.woff2", {mode: "no-cors"});
                                   return "reached"; } catch (e) { return "failed"; } }"""
        )
    finally:
        ctx.close()
    assert outcome == "failed"
    assert log.external_requests == ["https://fonts.example.org/police.woff2"]


def palette(page):
    """What the reader sees of the palette: the body's scheme, the one toggle
    label shown (by the option it selects: __palette_0 light, __palette_1
    dark; its title may be held by Material's tooltip), the choice stored
    (None: nothing chosen) and the color-scheme <meta>."""
    return page.evaluate(
        """() => ({
        scheme: document.body.getAttribute('data-md-color-scheme'),
        shown: [...document.querySelectorAll('form[data-mu-palette] label')].filter((l) => !l.hidden).map((l) => l.htmlFor),
        stored: Object.keys(localStorage).filter((k) => k.endsWith('.__palette')).map((k) => JSON.parse(localStorage.getItem(k)))[0] || null,
        meta: (document.querySelector('meta[name="color-scheme"]') || {}).content || null,
    })"""
    )


def test_palette_does_nothing_at_load_in_the_pages_own_colours(page, any_site):
    """Light system, nothing stored: the page is already in its colours, so
    palette.js writes no <meta> and reads no computed style at load (that read
    restyled the whole page inside the load's longest task). The body still
    carries the media query, as Material's component writes it."""
    page.emulate_media(color_scheme="light")
    goto(page, any_site, "etapes/diagnostic/")
    page.evaluate("() => localStorage.clear()")
    reload(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-media", "(prefers-color-scheme: light)")
    assert palette(page) == {"scheme": "default", "shown": ["__palette_1"], "stored": None, "meta": None}


def test_palette_switch_follows_the_system_then_the_reader(page, any_site):
    """The header's light/dark switch (docs/assets/javascripts/palette.js, in
    place of Material's component): with no choice, the system's mode, also
    when it changes on an open page, and nothing stored; a click switches and
    is kept across a reload and instant navigation; Enter on the focused
    option switches back, as with Material."""
    page.emulate_media(color_scheme="dark")
    goto(page, any_site, "")
    page.evaluate("() => localStorage.clear()")
    reload(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert palette(page) == {"scheme": "slate", "shown": ["__palette_0"], "stored": None, "meta": "dark"}
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert palette(page)["shown"] == ["__palette_1"]
    assert palette(page)["stored"] is None

    # The reader's choice: dark, kept after a reload and on the next page.
    page.locator("label[title='Passer au thème sombre']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    state = palette(page)
    assert state["stored"] == {
        "index": 1,
        "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal", "accent": "deep-orange"},
    }
    assert (state["shown"], state["meta"]) == (["__palette_0"], "dark")
    reload(page)
    assert palette(page)["scheme"] == "slate"
    page.wait_for_function("() => document.querySelector('meta[name=\"color-scheme\"]')?.content === 'dark'")
    page.evaluate("window.__mu_marker = 42")
    page.locator("a.md-footer__link--next").click()
    wait_for_path(page, "/comprendre/")
    assert page.evaluate("window.__mu_marker") == 42
    assert palette(page)["scheme"] == "slate"
    assert palette(page)["shown"] == ["__palette_0"]

    # Keyboard: on the focused (checked) option, Enter moves to the next palette.
    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert palette(page)["stored"]["index"] == 0
    assert page.evaluate("document.activeElement.id") == "__palette_0"
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False
    page.evaluate("() => localStorage.clear()")
