"""make serve's rebuild (sitebuild/serve.py): pages kept from the previous
build give the same site as a fresh build, and an edited page is converted
again. Real MkDocs builds of the site, in this process, as make serve runs them."""

from __future__ import annotations

from pathlib import Path

from sitebuild import serve
from sitebuild.build import build

ROOT = Path(__file__).resolve().parents[2]
EDITED = ROOT / "docs" / "glossaire.md"
SITE_URL = "http://127.0.0.1:8000/"


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_a_rebuild_from_kept_pages_is_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("MUTUUS_SERVE", "1")  # as make serve builds (no service worker)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setattr(serve, "CACHE", tmp_path / "serve")
    fresh = tmp_path / "fresh"
    build(fresh, "mkdocs", SITE_URL, quiet=True)
    state = serve.State()
    serve.rebuild(state, "mkdocs", SITE_URL)  # make serve's first build: every page converted
    first = set(state.pages)
    assert len(first) == sum(1 for _ in (ROOT / "docs").rglob("*.md"))
    serve.rebuild(state, "mkdocs", SITE_URL)  # nothing changed: every page kept
    assert set(state.pages) == first
    assert pages(state.site) == pages(fresh)

    text = EDITED.read_text(encoding="utf-8")
    try:
        EDITED.write_text(text + "\nUne ligne ajoutée par le test.\n", encoding="utf-8")
        serve.rebuild(state, "mkdocs", SITE_URL)
    finally:
        EDITED.write_text(text, encoding="utf-8")
    assert len(set(state.pages) - first) == 1  # the edited page alone was converted again
    after = pages(state.site)
    assert "Une ligne ajoutée par le test." in after["glossaire/index.html"]
    changed = {name for name in after if after[name] != pages(fresh)[name]}
    # The edited page, and the search index's page list is in search/, not in HTML.
    assert changed == {"glossaire/index.html"}
