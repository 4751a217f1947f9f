"""Every page of the site, in real Chromium: no console error, nothing leaves 127.0.0.1, axe finds nothing.

The pages are opened one after the other in the module's one page (`reader`),
as a reader going from page to page would. A fresh browser context per page
checks nothing more and took 156 s for this module instead of 135 s."""

from __future__ import annotations

import pytest

from tests.e2e.harness import assert_no_axe_violations, goto, wait_for_path
from tests.site_pages import page_paths

PAGES = page_paths()


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_and_accessible(reader, site, path):
    """Light then dark on the same load: the palette toggle, as a person would
    use it, switches to slate without a reload (half the loads of two tests).
    The smoke test opens the Zensical build's pages (test_smoke.py)."""
    goto(reader, site, path)
    assert reader.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "default"
    assert reader.locator("html").get_attribute("lang") == "fr"
    assert reader.locator("h1").count() >= 1, "chaque page a un titre de niveau 1"
    assert reader.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert_no_axe_violations(reader)
    reader.locator('label[title="Passer au thème sombre"]').first.click()
    reader.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert_no_axe_violations(reader)


def test_dark_palette_is_accessible(page, site):
    """The slate (dark) palette passes axe too: the user may pick it."""
    page.emulate_media(color_scheme="dark")
    goto(page, site, "")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert_no_axe_violations(page)


def test_search_dialog_is_named(page, site):
    goto(page, site, "")
    page.keyboard.press("s")
    dialog = page.locator("[role=dialog]").first
    assert dialog.get_attribute("aria-label") or dialog.get_attribute("aria-labelledby")
    assert_no_axe_violations(page)


def test_instant_navigation_is_active(page, site):
    """With site_url matching the served address, links load without a full reload."""
    goto(page, site, "")
    page.evaluate("window.__mu_marker = 42")
    page.locator("a.md-footer__link--next").click()
    wait_for_path(page, "/comprendre/")
    assert page.evaluate("window.__mu_marker") == 42, "navigation.instant est inactif"
