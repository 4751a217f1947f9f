"""Search finds pages whether or not accents and plural endings are typed (issue 8).

Material matches typed words as prefixes; search-mutuus.js (set up by
sitebuild/search.py) drops accents on both sides and a final s/x from the
query. Each word below is typed as a hurried reader would, and must find the
page that holds the correctly written word.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import goto

CASES = [
    # typed,        a result title that holds the real word
    ("evaluation", "Étape 6 : l'évaluation"),  # évaluation, without its accent
    ("vehicule", "Glossaire"),  # véhicule (the glossary defines it), without accents
    ("raboteuses", "Exemple : la raboteuse"),  # plural of raboteuse
    ("groupements", "groupement d"),  # plural of groupement ("le groupement d'employeurs")
]


def search(page, words: str):
    page.keyboard.press("s")  # Material's shortcut: opens the search box
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill(words)
    box.press("End")  # Material reads the query on keyup


@pytest.mark.parametrize("typed, title", CASES)
def test_search_without_accents_or_plural(page, site, typed, title):
    goto(page, site, "")
    search(page, typed)
    results = page.locator(".md-search-result__item")
    expect(results.filter(has_text=title.replace("\u00a0", " ")).first).to_be_visible(timeout=30_000)
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Aucun")


def test_search_from_a_calculator_page_starts_at_once(page, site):
    """On a calculator page the index is built late, unless the reader searches first."""
    goto(page, site, "outils/cout-utilisation/")
    search(page, "vehicule")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
