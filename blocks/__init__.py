"""Documents and views as plain JSON blocks, and their Markdown and HTML.

A document is a list of blocks; each is a dict with a ``type``:

- ``{"type": "heading", "level": 1-6, "text": T}``
- ``{"type": "paragraph", "text": T}``
- ``{"type": "list", "ordered": bool, "items": [T, ...]}``
- ``{"type": "table", "caption"?: T, "head": [T, ...], "rows": [[T, ...], ...],
  "numeric"?: [column index, ...], "sign"?: bool}`` (``sign``: rows leave room to sign)
- ``{"type": "blank", "label": T}``: a line to fill in or sign
- ``{"type": "figure", "svg": str, "caption": T}``: ``svg`` is markup our own
  Python wrote, never user text
- ``{"type": "note", "title"?: T, "text": T, "kind"?: "note" | "warning"}``:
  an aside (a quotation in Markdown, an admonition in HTML)
- ``{"type": "section", "blocks": [block, ...]}``: a group, labelled by its
  first heading

Any block may carry ``"class"`` and ``"id"``. ``T`` is a string or a list of
runs: ``{"text", "strong"?, "em"?, "href"?, "class"?}`` or ``{"blank": true,
"label"?}`` (a gap in a sentence, shown as ``________`` with its label).

Every text is literal: ``to_markdown`` escapes what Markdown would read,
``to_html`` escapes for HTML, and the browser (core/blocks-dom.js) writes it
with ``textContent``. Standard library only: Pyodide runs it too.
"""

from blocks.check import BlockError, validate
from blocks.html import to_html
from blocks.markdown import escape_markdown, to_markdown
from blocks.make import (
    BLANK,
    blank,
    blank_run,
    figure,
    heading,
    list_block,
    note,
    paragraph,
    plain_text,
    section,
    table,
)

__all__ = [
    "BLANK", "BlockError", "blank", "blank_run", "escape_markdown", "figure", "heading", "list_block", "note",
    "paragraph", "plain_text", "section", "table", "to_html", "to_markdown", "validate",
]
