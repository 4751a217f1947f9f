"""The strict build passes and gives one page per nav entry, with nothing fetched from elsewhere."""

from __future__ import annotations

import re

from tests.site_pages import ROOT, nav_files, served_path

EXTERNAL_ASSET = re.compile(
    r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I
)


def test_every_nav_page_exists_in_docs():
    missing = [f for f in nav_files() if not (ROOT / "docs" / f).is_file()]
    assert not missing, f"pages du menu absentes de docs/ : {missing}"


def test_every_nav_page_is_built(site):
    for md_file in nav_files():
        html = site.dir / served_path(md_file) / "index.html"
        assert html.is_file(), f"{md_file} n'a pas donné {html}"


def test_no_page_loads_an_asset_from_another_host(site):
    offenders = []
    for html in site.dir.rglob("*.html"):
        for match in EXTERNAL_ASSET.finditer(html.read_text(encoding="utf-8")):
            # <link rel="canonical"> and the repository link are navigation, not assets.
            tag = match.group(0)
            if 'rel="canonical"' in tag:
                continue
            offenders.append(f"{html.relative_to(site.dir)}: {tag}")
    assert not offenders, "ressources chargées depuis un autre hôte :\n" + "\n".join(offenders)


def test_no_google_fonts(site):
    for html in site.dir.rglob("*.html"):
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8"), html


def test_pages_are_in_french(site):
    """Every page, not only the home: the browser sweep (tests/e2e/test_pages.py)
    moves by instant navigation, which keeps the first page's <html>."""
    for html in site.dir.rglob("*.html"):
        assert '<html lang="fr"' in html.read_text(encoding="utf-8"), html
