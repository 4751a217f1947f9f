"""Blocks as HTML, for pages built by the site generator and for print.

Every text is escaped; only a figure's ``svg`` (our own Python's markup) is
written as it is. Same shape as core/blocks-dom.js builds in the page.
"""

from __future__ import annotations

from html import escape

from blocks.make import BLANK, plain_text


def _attributes(block: dict, extra_class: str = "") -> str:
    classes = " ".join(c for c in (extra_class, block.get("class", "")) if c)
    out = f' id="{escape(block["id"])}"' if block.get("id") else ""
    return out + (f' class="{escape(classes)}"' if classes else "")


def inline(text) -> str:
    """A text (string or runs) as HTML."""
    if isinstance(text, str):
        return escape(text, quote=False)
    out = []
    for run in text:
        if run.get("blank"):
            out.append(f'<span class="mu-blank">{BLANK}</span>')
            if run.get("label"):
                out.append(f' <span class="mu-hint">({escape(run["label"], quote=False)})</span>')
            continue
        part = escape(run["text"], quote=False)
        if run.get("class"):
            part = f'<span class="{escape(run["class"])}">{part}</span>'
        if run.get("href"):
            part = f'<a href="{escape(run["href"])}">{part}</a>'
        if run.get("strong"):
            part = f"<strong>{part}</strong>"
        if run.get("em"):
            part = f"<em>{part}</em>"
        out.append(part)
    return "".join(out)


def _table(block: dict) -> str:
    numeric = set(block.get("numeric", []))
    heads = [plain_text(text) for text in block["head"]]

    def cell(tag: str, index: int, text, scope: str = "") -> str:
        attrs = (f' scope="{scope}"' if scope else "") + (' class="mu-num"' if index in numeric else "")
        return f"<{tag}{attrs}>{inline(text)}</{tag}>"

    def row(cells) -> str:
        # row_head: the first cell names its row; columns: each cell carries its column's name (a phone's cards)
        out = []
        for i, text in enumerate(cells):
            if i == 0 and block.get("row_head"):
                out.append(cell("th", i, text, "row"))
            elif block.get("columns"):
                out.append(cell("td", i, text).replace("<td", f'<td data-column="{escape(heads[i])}"', 1))
            else:
                out.append(cell("td", i, text))
        return "<tr>" + "".join(out) + "</tr>"

    parts = [f"<table{_attributes(block, 'mu-sign' if block.get('sign') else '')}>"]
    if block.get("caption"):
        parts.append(f"<caption>{inline(block['caption'])}</caption>")
    parts.append("<thead><tr>" + "".join(cell("th", i, t, "col") for i, t in enumerate(block["head"])) + "</tr></thead>")
    parts.append("<tbody>" + "".join(row(cells) for cells in block["rows"]) + "</tbody>")
    if block.get("foot"):
        parts.append("<tfoot>" + row(block["foot"]) + "</tfoot>")
    parts.append("</table>")
    html = "".join(parts)
    if block.get("scroll"):
        # A wide table scrolls in its own box, which the keyboard can reach.
        label = escape(plain_text(block.get("caption", "")))
        html = f'<div class="mu-table-scroll" role="region" tabindex="0" aria-label="{label}">{html}</div>'
    return html


def _section(block: dict, shift: int) -> str:
    first = next((b for b in block["blocks"] if b["type"] == "heading" and b.get("id")), None)
    labelled = f' aria-labelledby="{escape(first["id"])}"' if first else ""
    return f"<section{_attributes(block)}{labelled}>\n{_join(block['blocks'], shift)}\n</section>"


def _block(block: dict, shift: int) -> str:
    kind, attrs = block["type"], _attributes(block)
    if kind == "heading":
        level = min(block["level"] + shift, 6)
        return f"<h{level}{attrs}>{inline(block['text'])}</h{level}>"
    if kind == "paragraph":
        return f"<p{attrs}>{inline(block['text'])}</p>"
    if kind == "list":
        tag = "ol" if block["ordered"] else "ul"
        return f"<{tag}{attrs}>" + "".join(f"<li>{inline(item)}</li>" for item in block["items"]) + f"</{tag}>"
    if kind == "table":
        return _table(block)
    if kind == "blank":
        return f'<p{_attributes(block, "mu-blank-line")}>{inline(block["label"])} : <span class="mu-blank">{BLANK}{BLANK}</span></p>'
    if kind == "figure":
        label = f' aria-label="{escape(block["label"])}"' if block.get("label") else ""
        caption = f"<figcaption>{inline(block['caption'])}</figcaption>" if block["caption"] else ""
        return f"<figure{attrs}{label}>{block['svg']}{caption}</figure>"
    if kind == "note":
        title = f'<p class="admonition-title">{inline(block["title"])}</p>' if block.get("title") else ""
        return f'<div{_attributes(block, "admonition " + block.get("kind", "note"))}>{title}<p>{inline(block["text"])}</p></div>'
    if kind == "section":
        return _section(block, shift)
    raise ValueError(f"unknown block type {kind!r}")


def _join(blocks: list, shift: int) -> str:
    return "\n".join(_block(b, shift) for b in blocks)


def to_html(blocks: list, shift: int = 0) -> str:
    """The blocks as HTML; ``shift`` lowers every heading (1 → h3 with shift 2)."""
    return _join(blocks, shift)
