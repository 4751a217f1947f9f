"""sitebuild/search.py: every page's Material config points at the search wrapper."""

from __future__ import annotations

from sitebuild import search

CONFIG_SNIPPET = '<script id="__config" type="application/json">{"base": "../..", "search": "../../assets/javascripts/workers/search.973d3a69.min.js", "tags": null}</script>'


def test_every_page_uses_the_wrapper_and_starts_it_late():
    for page in (f"<p>Guide</p>{CONFIG_SNIPPET}", f'<form class="mu-calculator" data-command="usage-cost"></form>{CONFIG_SNIPPET}'):
        assert (
            '"search": "../../assets/javascripts/workers/search-mutuus.js?worker=search.973d3a69.min.js&delay=2500"'
            in search.use_wrapper(page)
        )


def test_a_second_run_changes_nothing():
    once = search.use_wrapper(CONFIG_SNIPPET)
    assert search.use_wrapper(once) == once


def test_built_site_points_every_page_at_the_wrapper(site):
    for page in ("index.html", "etapes/evaluation/index.html", "404.html"):
        assert "workers/search-mutuus.js?worker=search." in (site.dir / page).read_text(encoding="utf-8")
        assert "&delay=2500" in (site.dir / page).read_text(encoding="utf-8")
    assert (site.dir / "assets/javascripts/workers/search-mutuus.js").is_file()
