"""Build step: each tool's stylesheet only on the pages that hold that tool.

The questionnaire, grid and calculator stylesheets used to be in
``extra_css``: every guide page loaded all three as render-blocking CSS. This
step reads the classes each stylesheet styles (``.mu-…`` selectors) and adds
``<link rel="stylesheet">`` for it to the ``<head>`` of a built page only when
the page's markup uses one of them. A tool's script builds its content inside
the tool's own container, whose class is in the static page, so a page that
holds a tool always gets its stylesheet.

Instant navigation keeps working: Material appends to ``<head>`` the elements
of the new page that the current head lacks, so a tool page reached from a
guide page gets its stylesheet then.

Run after the site generator and before the service worker step (the
precache revisions hash the final pages): ``run(config, site_dir)``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

STYLESHEET_DIR = "assets/stylesheets"
TOOL_STYLESHEETS = ("questionnaires.css", "grid.css", "calculators.css", "agreements.css", "board.css", "usage-log.css")
# The link goes right after the project's own stylesheet, still in extra_css.
ANCHOR = re.compile(r'<link\b[^>]*href="[^"]*assets/stylesheets/mutuus\.css[^"]*"[^>]*>', re.I)
_CLASS_SELECTOR = re.compile(r"\.(mu-[A-Za-z0-9_-]+)")
# An attribute follows white space: "\s" (not "\b") lets the scan skip ahead
# fast on a 4.5 MB page (the network board with 5,000 entries).
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def classes_styled(css: str) -> set[str]:
    """The ``mu-`` class names a stylesheet has selectors for (comments ignored)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return set(_CLASS_SELECTOR.findall(css))


def classes_used(html: str) -> set[str]:
    used: set[str] = set()
    for double, single in set(_CLASS_ATTR.findall(html)):  # thousands of alike entries: once each
        used.update((double or single).split())
    return used


def stylesheets_for(html: str, catalogue: dict[str, set[str]]) -> list[str]:
    """The tool stylesheets a page needs, in the order of ``TOOL_STYLESHEETS``."""
    used = classes_used(html)
    return [name for name in TOOL_STYLESHEETS if catalogue.get(name, set()) & used]


def add_links(html: str, hrefs: list[str]) -> str:
    if not hrefs:
        return html
    tags = "".join(f'<link rel="stylesheet" href="{href}">' for href in hrefs)
    if any(f'href="{href}"' in html for href in hrefs):
        return html  # already there (a second run of the step)
    match = ANCHOR.search(html)
    if match is not None:
        return html[: match.end()] + tags + html[match.end() :]
    head_end = html.lower().find("</head>")
    if head_end < 0:
        return html
    return html[:head_end] + tags + html[head_end:]


def catalogue(site_dir: Path) -> dict[str, set[str]]:
    found = {}
    for name in TOOL_STYLESHEETS:
        path = site_dir / STYLESHEET_DIR / name
        if path.is_file():
            found[name] = classes_styled(path.read_text(encoding="utf-8"))
    return found


def run(config: dict, site_dir: Path) -> int:
    """Add the tool stylesheets to the built pages that need them; return how many pages changed."""
    site_dir = Path(site_dir)
    known = catalogue(site_dir)
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir)
        if rel.as_posix() == "404.html":
            continue  # served at any address; holds no tool
        html = page.read_text(encoding="utf-8")
        names = stylesheets_for(html, known)
        if not names:
            continue
        prefix = os.path.relpath(site_dir / STYLESHEET_DIR, page.parent).replace(os.sep, "/")
        updated = add_links(html, [f"{prefix}/{name}" for name in names])
        if updated != html:
            page.write_text(updated, encoding="utf-8")
            changed += 1
    return changed
