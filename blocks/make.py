"""Block constructors: plain dicts, so they travel as JSON unchanged."""

from __future__ import annotations

BLANK = "________"


def _extra(block: dict, css_class: str | None, block_id: str | None) -> dict:
    if css_class:
        block["class"] = css_class
    if block_id:
        block["id"] = block_id
    return block


def heading(level: int, text, css_class: str | None = None, block_id: str | None = None) -> dict:
    return _extra({"type": "heading", "level": level, "text": text}, css_class, block_id)


def paragraph(text, css_class: str | None = None, block_id: str | None = None) -> dict:
    return _extra({"type": "paragraph", "text": text}, css_class, block_id)


def list_block(items: list, ordered: bool = False, css_class: str | None = None, block_id: str | None = None) -> dict:
    return _extra({"type": "list", "ordered": ordered, "items": list(items)}, css_class, block_id)


def table(head: list, rows: list, caption=None, numeric: list | None = None, sign: bool = False,
          css_class: str | None = None, block_id: str | None = None) -> dict:
    block = {"type": "table", "head": list(head), "rows": [list(row) for row in rows]}
    if caption:
        block["caption"] = caption
    if numeric:
        block["numeric"] = list(numeric)
    if sign:
        block["sign"] = True
    return _extra(block, css_class, block_id)


def blank(label, css_class: str | None = None, block_id: str | None = None) -> dict:
    return _extra({"type": "blank", "label": label}, css_class, block_id)


def figure(svg: str, caption, css_class: str | None = None, block_id: str | None = None) -> dict:
    return _extra({"type": "figure", "svg": svg, "caption": caption}, css_class, block_id)


def note(text, title=None, kind: str = "note", css_class: str | None = None, block_id: str | None = None) -> dict:
    block = {"type": "note", "text": text, "kind": kind}
    if title:
        block["title"] = title
    return _extra(block, css_class, block_id)


def section(children: list, css_class: str | None = None, block_id: str | None = None) -> dict:
    return _extra({"type": "section", "blocks": list(children)}, css_class, block_id)


def blank_run(label: str | None = None) -> dict:
    """A gap in a sentence: ``________``, followed on screen by ``(label)``."""
    return {"blank": True, "label": label} if label else {"blank": True}


def plain_text(text) -> str:
    """A text (string or runs) as plain text, blanks as ``________``."""
    if isinstance(text, str):
        return text
    return "".join(BLANK if run.get("blank") else run["text"] for run in text)
