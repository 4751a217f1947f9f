"""Every page of the site, in real Chromium: no console error, nothing leaves 127.0.0.1, axe finds nothing.

The pages are opened one after the other in the module's one page (`reader`),
by instant navigation, as a reader following links does: the window, axe and
the calculators' booted engine are kept, and each page is mounted by the same
`document$` path a click takes. What a navigation keeps from the first load
is checked on every built file instead: `<html lang="fr">`
(tests/test_build.py) and the Content-Security-Policy first in <head>
(tests/test_engines.py). Each page's full load is exercised by its tool's
own module and by the smoke test.

Measured under `make test` (-n 2): 269 s for this module with a full load per
page and axe twice in full; see the note of issue 13 for the figure after.
"""

from __future__ import annotations

import pytest

from tests.e2e.harness import assert_no_axe_violations, goto, open_tool, wait_for_path
from tests.site_pages import page_paths

PAGES = page_paths()
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def frame_checked_whole(paths: list[str]) -> set[str]:
    """The home page and the first page of each section of the navigation.

    Material's frame (header, navigation, table of contents, footer) is the
    same markup on every page but for the current link and the open section:
    axe checks it whole on these pages, and on the others only each page's
    own content, `.md-content` (the frame took 0.5 s of the 0.87 s of a
    whole-page run: 25 s per run of this module)."""
    firsts: dict[str, str] = {}
    for path in paths:
        firsts.setdefault(path.split("/", 1)[0], path)
    return set(firsts.values())


WHOLE = frame_checked_whole(PAGES)


def visit(reader, site, path: str) -> None:
    """Instant navigation from the page the reader is on; a full load for the first."""
    if reader.url.startswith(site.url):
        open_tool(reader, site, path)
    else:
        goto(reader, site, path)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_and_accessible(reader, site, path):
    """Light then dark on the same page: the palette toggle, as a person would
    use it, switches to slate without a reload. The dark run checks only the
    colour rules: the palettes differ in colours, not in markup. The light
    palette is put back for the next page. The frame is checked on the pages
    of WHOLE, the content on every page. The Zensical build's pages are
    opened by test_smoke.py."""
    scope = None if path in WHOLE else ".md-content"
    visit(reader, site, path)
    assert reader.evaluate(SCHEME) == "default"
    assert reader.locator("h1").count() >= 1, "chaque page a un titre de niveau 1"
    assert_no_axe_violations(reader, scope)
    # Material turns the toggles' titles into tooltips once shown: the
    # labels are found by the palette input they switch to.
    reader.locator('label[for="__palette_1"]:not([hidden])').click()
    reader.wait_for_function(f"() => ({SCHEME})() === 'slate'")
    assert_no_axe_violations(reader, scope, colours_only=True)
    reader.locator('label[for="__palette_0"]:not([hidden])').click()
    reader.wait_for_function(f"() => ({SCHEME})() === 'default'")


def test_dark_palette_is_accessible(page, site):
    """The slate (dark) palette, chosen by the system setting, passes axe in full."""
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
