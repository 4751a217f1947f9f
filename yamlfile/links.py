"""Links from a data file to a page of the guide: ``page.md#anchor`` checked.

Questionnaires, agreement models and the network's data link to guide
pages; :class:`DocsIndex` says whether ``docs/<page>`` exists and has the
anchor, reading each page once. :func:`page_anchors` lists the ids a page
will have, as MkDocs' toc makes them (explicit ``{ #id }``, HTML ids,
heading slugs).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from markdown.extensions.toc import slugify

_ATTR_ID = re.compile(r"\{:?\s*[^}]*?(?<![\w-])#([A-Za-z][\w:.-]*)[^}]*\}")
# Indented headings count too: inside admonitions and tabs, toc still gives them ids.
_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
_TRAILING_ATTR = re.compile(r"\s*\{:?\s*[^}]*\}\s*$")
_HTML_ID = re.compile(r"""<[a-zA-Z][^>]*\sid=["']([^"']+)["']""")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _heading_text(raw: str) -> str:
    """Rough plain text of a Markdown heading, as toc sees it after rendering."""
    text = _TRAILING_ATTR.sub("", raw)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links, images
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = re.sub(r"[*_`]", "", text)  # emphasis, code
    return text.strip()


def page_anchors(markdown_text: str) -> set[str]:
    """Ids a page will have: explicit ``{ #id }`` attributes, HTML ids and heading slugs."""
    anchors: set[str] = set()
    counts: dict[str, int] = {}
    in_fence = False
    lines = markdown_text.splitlines()
    if lines and lines[0].strip() == "---":  # YAML front matter: not Markdown
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                lines = lines[end + 1 :]
                break
    previous = ""
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            previous = ""
            continue
        if in_fence:
            continue
        anchors.update(_ATTR_ID.findall(line))
        anchors.update(_HTML_ID.findall(line))
        heading_text = None
        explicit = None
        match = _HEADING.match(line)
        if match:
            raw = match.group(2)
            attr = _TRAILING_ATTR.search(raw)
            if attr:
                ids = _ATTR_ID.findall(attr.group(0))
                explicit = ids[0] if ids else None
            heading_text = raw
        elif previous.strip() and re.match(r"^(=+|-+)\s*$", line) and not previous.startswith(("-", "*", "#", ">")):
            heading_text = previous
        previous = line
        if heading_text is None or explicit:
            continue
        slug = slugify(_heading_text(heading_text), "-")
        if not slug:
            continue
        if slug in counts or slug in anchors:
            counts[slug] = counts.get(slug, 0) + 1
            while f"{slug}_{counts[slug]}" in anchors:
                counts[slug] += 1
            slug = f"{slug}_{counts[slug]}"
        else:
            counts[slug] = 0
        anchors.add(slug)
    return anchors


class DocsIndex:
    """Answers "does docs/<page> exist, and has it this anchor?", reading each page once."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = Path(docs_dir)
        self._anchors: dict[str, frozenset[str]] = {}
        # A build checks some 450 links to a few dozen pages: Path.resolve()
        # for each was a fifth of the check's time (cProfile, issue 27).
        self._pages: dict[str, bool] = {}

    def has_page(self, page: str) -> bool:
        if page not in self._pages:
            path = (self.docs_dir / page).resolve()
            try:
                path.relative_to(self.docs_dir.resolve())
            except ValueError:
                self._pages[page] = False
            else:
                self._pages[page] = path.is_file()
        return self._pages[page]

    def anchors(self, page: str) -> frozenset[str]:
        if page not in self._anchors:
            text = (self.docs_dir / page).read_text(encoding="utf-8")
            self._anchors[page] = _anchors_of(text)
        return self._anchors[page]

    def check(self, target: str) -> str | None:
        """None when ``page.md#anchor`` resolves, else a French sentence saying why not."""
        page, _, anchor = target.partition("#")
        if not page.endswith(".md") or page.startswith("/") or "\\" in page:
            return (
                f"le lien « {target} » doit viser une page du guide, écrite depuis docs/ "
                "(par exemple « risques.md#gouvernance »)"
            )
        if not self.has_page(page):
            return f"le lien « {target} » vise la page docs/{page}, qui n'existe pas"
        if anchor and anchor not in self.anchors(page):
            return f"le lien « {target} » vise l'ancre « #{anchor} », absente de docs/{page}"
        return None


@functools.lru_cache(maxsize=512)
def _anchors_of(text: str) -> frozenset[str]:
    """page_anchors, kept by text: each loader (questionnaires, agreements,
    network) makes its own DocsIndex, and make serve builds again and again."""
    return frozenset(page_anchors(text))
