"""Search finds pages whether or not accents and plural endings are typed (issue 8).

Material matches typed words as prefixes; search-mutuus.js (set up by
sitebuild/search.py) drops accents on both sides and a final s/x from the
query. Each word below is typed as a hurried reader would, and must find the
page that holds the correctly written word.

The four words are typed on ONE home page (the module's `reader`), loaded
once. The search box, opened by its shortcut for the first word, stays open:
before the next word its query is emptied and its results gone (closing it
by Escape and reopening it raced with Material's own closing).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import goto, wait_for_path

CASES = [
    # typed,        a result title that holds the real word
    ("evaluation", "Étape 6 : l'évaluation"),  # évaluation, without its accent
    ("vehicule", "Glossaire"),  # véhicule (the glossary defines it), without accents
    ("raboteuses", "Exemple : la raboteuse"),  # plural of raboteuse
    ("groupements", "groupement d"),  # plural of groupement ("le groupement d'employeurs")
]


def search(page, words: str):
    if not page.locator("#__search").is_checked():  # Material's toggle: the search is closed
        page.keyboard.press("s")  # Material's shortcut: opens the search box
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill(words)
    box.press("End")  # Material reads the query on keyup


@pytest.fixture
def home(reader, site):
    """The module's page on the home page, its search empty (see the module's docstring)."""
    page = reader
    if not page.url.startswith("http"):
        goto(page, site, "")
        return page
    wait_for_path(page, "/")
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        expect(page.locator(".md-search-result__item")).to_have_count(0)
    return page


@pytest.mark.parametrize("typed, title", CASES)
def test_search_without_accents_or_plural(home, typed, title):
    page = home
    search(page, typed)
    results = page.locator(".md-search-result__item")
    expect(results.filter(has_text=title.replace("\u00a0", " ")).first).to_be_visible(timeout=30_000)
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Aucun")


def test_search_from_a_calculator_page_starts_at_once(page, site):
    """The index is built late (on every page: the guide's searches above start
    it too), unless the reader searches first; here on a calculator page.

    The calculators' engine is not needed here: its worker's script is held
    (never answered), so Pyodide does not boot. The search does not wait for
    the engine (its delay is a fixed time, set by sitebuild/search.py)."""
    page.route("**/assets/javascripts/calculator-worker.js", lambda route: None)  # held
    goto(page, site, "outils/cout-utilisation/")
    search(page, "vehicule")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
