"""Pages kept between builds (sitebuild/build.py, ``pages_kept``), as
``make build`` and ``make serve`` use them: a build whose pages come from
an earlier build writes the same site as one that converted every page, an
edited page is converted again, and a warning a kept page gave is given
again. Real MkDocs builds of the site, in this process."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import build as steps
from sitebuild import serve
from sitebuild.errors import BuildError

ROOT = Path(__file__).resolve().parents[2]
EDITED = ROOT / "docs" / "glossaire.md"
SITE_URL = "http://127.0.0.1:8000/"


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """An empty page cache of this test's own, in memory and on disk."""
    monkeypatch.setenv("MUTUUS_SERVE", "1")  # as make serve builds (no service worker): quicker
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setattr(steps, "PAGES_CACHE", tmp_path / "pages.pickle")
    monkeypatch.setattr(steps, "_pages", {})
    monkeypatch.setattr(serve, "CACHE", tmp_path / "serve")
    return tmp_path


def test_pages_kept_give_the_same_site_and_an_edited_page_is_converted_again(own_cache):
    fresh = own_cache / "fresh"
    steps.build(fresh, "mkdocs", SITE_URL, quiet=True)  # every page converted
    converted = set(steps._pages)
    assert len(converted) == sum(1 for _ in (ROOT / "docs").rglob("*.md"))
    steps._pages.clear()  # as a new process: the pages come from .sitebuild/pages/
    kept = own_cache / "kept"
    steps.build(kept, "mkdocs", SITE_URL, quiet=True)
    assert set(steps._pages) == converted  # none converted again
    assert pages(kept) == pages(fresh)

    state = serve.State()
    text = EDITED.read_text(encoding="utf-8")
    try:
        EDITED.write_text(text + "\nUne ligne ajoutée par le test.\n", encoding="utf-8")
        serve.rebuild(state, "mkdocs", SITE_URL)  # make serve, after the page is saved
    finally:
        EDITED.write_text(text, encoding="utf-8")
    assert len(set(steps._pages) - converted) == 1  # the edited page alone was converted again
    after = pages(state.site)
    assert "Une ligne ajoutée par le test." in after["glossaire/index.html"]
    assert {name for name in after if after[name] != pages(fresh)[name]} == {"glossaire/index.html"}


def test_a_kept_page_gives_its_warning_again_and_a_strict_build_stops(own_cache):
    """A broken link is a warning at conversion: the next build, taking the
    page from the cache, must stop on it too."""
    text = EDITED.read_text(encoding="utf-8")
    try:
        EDITED.write_text(text + "\n[lien cassé](nulle-part.md)\n", encoding="utf-8")
        with pytest.raises(BuildError, match="nulle-part.md"):
            steps.build(own_cache / "converted", "mkdocs", SITE_URL, quiet=True)
        converted = set(steps._pages)
        with pytest.raises(BuildError, match="nulle-part.md"):
            steps.build(own_cache / "kept", "mkdocs", SITE_URL, quiet=True)
        assert set(steps._pages) == converted  # the broken page came from the cache, its warning with it
    finally:
        EDITED.write_text(text, encoding="utf-8")
