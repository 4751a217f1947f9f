"""What a calculator's view is made of: the helpers each ``view`` function builds its blocks with.

A view is ``{"summary": sentence, "blocks": [...]}`` (see ``calculators.spec``),
every text French and every figure already formatted.
"""

from __future__ import annotations

from decimal import Decimal

from calculators.money import format_money, format_number


def money(currency: str, locale: str):
    """A function writing an amount as the reader's country does (``37,84 $``)."""
    return lambda value: format_money(value, currency, locale)


def table(caption: str, headers, rows, foot=None) -> dict:
    return {"kind": "table", "caption": caption, "headers": list(headers), "rows": [list(r) for r in rows], "foot": foot}


def note(text: str, css_class: str | None = None) -> dict:
    return {"kind": "note", "text": text, **({"class": css_class} if css_class else {})}


def chart(svg: str | None) -> list[dict]:
    """The chart's block, or none when the calculator draws nothing."""
    return [{"kind": "chart", "svg": svg}] if svg else []


def units(value: Decimal, locale: str) -> str:
    """A quantity with the decimals it has (at most 4): « 1 234,5 »."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_number(value, locale, min(places, 4))
