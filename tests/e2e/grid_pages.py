"""Helpers for the browser tests that share their module's one page and mount
a tool afresh on it (tests/e2e/test_grid.py, tests/e2e/test_dossier.py).

A module of its own, which pytest does not collect: test_dossier imported
these from test_grid, tying one test module to another.
"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit

from tests.e2e.harness import goto, open_tool

GRID = "outils/grille-diagnostic/"
# A page without a tool: leaving for it and coming back mounts the tool afresh.
AWAY = "outils/"
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default


def seed(page, records: dict) -> None:
    page.evaluate(
        "records => { for (const [k, v] of Object.entries(records)) localStorage.setItem(k, JSON.stringify(v)); }",
        records,
    )


def open_fresh(page, site, path: str = GRID, stored: dict | None = None) -> None:
    """Show `path` with its tool mounted afresh from localStorage (plus `stored`),
    by instant navigation as a reader would come back to it (no full load)."""
    if stored:
        seed(page, stored)
    if urlsplit(page.url).path == urlsplit(site.page_url(path)).path:
        open_tool(page, site, AWAY)
    open_tool(page, site, path)


def ready(page, site) -> None:
    """The module's shared page (conftest's `reader`, which has emptied
    localStorage) as a test expects it: on the site, screen media, default
    size, light palette (an earlier test may have left others)."""
    if not page.url.startswith("http"):
        goto(page, site, AWAY)  # the module's first test: the page is blank
    page.set_viewport_size(DEFAULT_VIEWPORT)
    page.emulate_media(media="screen", color_scheme="light")
    if page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate":
        page.click('label[for="__palette_0"]:not([hidden])')  # the toggle to light (its title becomes a tooltip)
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
        page.evaluate("() => localStorage.clear()")  # the toggle stored the choice


BLOCK_STORAGE = """() => { window.__muSetItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function () { throw new DOMException('bloqué', 'SecurityError'); }; }"""
UNBLOCK_STORAGE = """() => { if (window.__muSetItem) { Storage.prototype.setItem = window.__muSetItem;
  delete window.__muSetItem; } }"""


@contextmanager
def storage_refusing_writes(page):
    """localStorage refuses every write (private browsing, blocked cookies) in this
    window until the block ends; the shared page gets its storage back afterwards."""
    page.evaluate(BLOCK_STORAGE)
    try:
        yield
    finally:
        page.evaluate(UNBLOCK_STORAGE)
