"""What a calculator's view is made of: the helpers each ``view`` function builds its blocks with.

A view is ``{"summary": sentence, "blocks": [...]}`` (see ``calculators.spec``),
every text French and every figure already formatted. The blocks are the
site's one format for views and documents (the ``blocks`` package: its
``to_html`` writes the guide's worked examples, core/blocks-dom.js the
page's result), written here as plain dicts: this package imports nothing
outside the standard library.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

from calculators.money import format_money, format_number


def money(currency: str, locale: str):
    """A function writing an amount as the reader's country does (``37,84 $``)."""
    return lambda value: format_money(value, currency, locale)


def table(caption: str, headers, rows, foot=None, css_class: str = "mu-calc-table", scroll: bool = True) -> dict:
    """A table whose first cell names its row, each cell carrying its column's name (a phone shows
    rows as cards), in a box that scrolls when it is wider than the page (``scroll``)."""
    block = {
        "type": "table", "class": css_class, "caption": caption, "head": list(headers),
        "rows": [list(r) for r in rows], "row_head": True, "columns": True,
    }
    if foot:
        block["foot"] = list(foot)
    if scroll:
        block["scroll"] = True
    return block


def note(text: str, css_class: str = "mu-calc-note") -> dict:
    return {"type": "paragraph", "class": css_class, "text": text}


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)


def chart(svg: str | None) -> list[dict]:
    """The chart's figure, named by the chart's own title, or none when the calculator draws nothing."""
    if not svg:
        return []
    found = _TITLE.search(svg)
    label = unescape(found.group(1)) if found else ""
    return [{"type": "figure", "class": "mu-calc-chart", "svg": svg, "caption": "", **({"label": label} if label else {})}]


def units(value: Decimal, locale: str) -> str:
    """A quantity with the decimals it has (at most 4): « 1 234,5 »."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_number(value, locale, min(places, 4))
