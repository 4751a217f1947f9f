"""Charts as SVG strings: accessible, deterministic, self-contained.

Each chart has ``role="img"``, a French ``<title>`` and a ``<desc>`` giving
every figure, text labels in ``currentColor`` (they follow the theme, light or
dark), fill colours with a contrast of at least 3:1 both on white and on
Material's dark "slate" background (#1e2029) and a ``viewBox``.

Width: ``width="640"``, not ``100%``. Material gives every ``figure`` in a
page ``width: fit-content``, where a ``width="100%"`` SVG collapses to a
third of the column; with its natural width, Material's own
``.md-typeset svg {max-width: 100%; height: auto}`` makes the chart shrink
with the column on a phone and keep its proportions. No script, no external reference; the same input always
gives the same bytes (ids are derived from the content).
"""

from __future__ import annotations

import zlib
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from calculators.money import format_money, format_number
from calculators.usage_cost import LINE_LABELS


def escape(text: str) -> str:
    """Escape text for SVG. Not html.escape: importing `html` costs ~20 ms at
    every Pyodide boot (it loads html.entities), for five replacements."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


WIDTH = 640
HEIGHT = 220
# ≥ 3:1 on #ffffff and on #1e2029 (checked in tests/calculators/test_charts.py).
PALETTE = ("#2f7ec1", "#c0580b", "#2e8540", "#8e5cc7", "#b8860b")


def _n(value) -> str:
    """A coordinate with at most one decimal, deterministic ("12.5", "40")."""
    number = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)
    text = format(number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), "f")
    return text[:-2] if text.endswith(".0") else text


def _svg(kind: str, title: str, desc: str, body: list[str], height: int = HEIGHT) -> str:
    # A stable id from the content (zlib is built in; hashlib costs an import in Pyodide).
    digest = format(zlib.crc32(f"{kind}\n{title}\n{desc}".encode("utf-8")), "08x")
    ident = f"mu-chart-{kind}-{digest}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mu-chart mu-chart--{kind}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-size="13" fill="currentColor">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _text(x, y, content: str, anchor: str = "start", weight: str | None = None) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{bold}>{escape(content)}</text>'


def usage_cost_chart(result, currency: str = "$", locale: str = "fr_CA") -> str:
    """A horizontal stacked bar of the five lines, with a legend giving each amount."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    lines = result.lines
    title = f"Coût d'une utilisation : {money(result.total)}"
    desc = "Répartition du coût par poste : " + " ; ".join(
        f"{LINE_LABELS[name]} {money(value)}" for name, value in lines.items()
    ) + f". Total : {money(result.total)}."
    left, right, top, bar_height = 20, WIDTH - 20, 36, 36
    body = [_text(left, 22, title, weight="bold")]
    total = Fraction(result.total)
    if total > 0:
        x = Fraction(left)
        span = right - left
        for (name, value), colour in zip(lines.items(), PALETTE):
            if value <= 0:
                continue
            width = Fraction(value) / total * span
            body.append(
                f'<rect x="{_n(x)}" y="{top}" width="{_n(max(width - 1, Fraction(1, 2)))}" '
                f'height="{bar_height}" fill="{colour}"><title>{escape(LINE_LABELS[name])} : '
                f"{escape(money(value))}</title></rect>"
            )
            x += width
    else:
        body.append(
            f'<rect x="{left}" y="{top}" width="{right - left}" height="{bar_height}" fill="none" '
            f'stroke="currentColor" stroke-dasharray="4 4"/>'
        )
        body.append(_text(WIDTH / 2, top + 23, "Aucun coût", anchor="middle"))
    y = top + bar_height + 26
    for (name, value), colour in zip(lines.items(), PALETTE):
        body.append(f'<rect x="{left}" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
        body.append(_text(left + 22, y, LINE_LABELS[name]))
        body.append(_text(right, y, money(value), anchor="end"))
        y += 22
    return _svg("usage-cost", title, desc, body, height=max(HEIGHT, y - 8))


def break_even_chart(inp, result, currency: str = "$", locale: str = "fr_CA") -> str:
    """Yearly cost against uses a year: pooling (F + n·v) and the alternative (p·n)."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    n = result.break_even_uses
    points = result.curve
    last = points[-1].uses
    top_value = max(max(p.pooling, p.alternative) for p in points)
    if top_value <= 0:
        top_value = Decimal(1)
    x0, x1, y0, y1 = 110, WIDTH - 20, 176, 40  # plot area (y grows downwards)

    def px(uses):
        return x0 + Fraction(uses, last) * (x1 - x0)

    def py(value):
        return y0 - Fraction(value) / Fraction(top_value) * (y0 - y1)

    if n is None:
        title = "Seuil de rentabilité : aucun, la solution de rechange reste moins chère ou aussi chère"
    else:
        noun = "utilisation" if n == 1 else "utilisations"
        title = f"Seuil de rentabilité : {format_number(n, locale, 0)} {noun} par an"
    desc = (
        f"Coût annuel selon le nombre d'utilisations, de 0 à {format_number(last, locale, 0)}. "
        f"Mutualisation : {money(inp.annual_fixed_costs)} de coûts fixes plus "
        f"{money(inp.variable_cost_per_use)} par utilisation. Solution de rechange : "
        f"{money(inp.alternative_price_per_use)} par utilisation. "
    )
    if n is None:
        desc += "Les deux droites ne se croisent pas : la mutualisation n'est jamais moins chère."
    else:
        at = next(p for p in points if p.uses == n)
        desc += (
            f"À {format_number(n, locale, 0)} utilisation{'s' if n > 1 else ''} par an, la mutualisation coûte {money(at.pooling)} "
            f"et la solution de rechange {money(at.alternative)} : la mutualisation devient moins chère."
        )
    first, end = points[0], points[-1]
    body = [
        _text(20, 20, title, weight="bold"),
        # axes
        f'<path d="M{x0} {y1 - 6}V{y0}H{x1}" fill="none" stroke="currentColor" stroke-width="1"/>',
        _text(x0 - 6, y0 + 4, money(0), anchor="end"),
        _text(x0 - 6, y1 + 4, money(top_value), anchor="end"),
        _text(x0, y0 + 18, "0", anchor="middle"),
        _text(x1, y0 + 18, format_number(last, locale, 0), anchor="end"),
        _text((x0 + x1) / 2, y0 + 36, "Utilisations par an", anchor="middle"),
        # pooling: solid; alternative: dashed (not told apart by colour alone)
        f'<line x1="{_n(px(first.uses))}" y1="{_n(py(first.pooling))}" x2="{_n(px(end.uses))}" '
        f'y2="{_n(py(end.pooling))}" stroke="{PALETTE[0]}" stroke-width="3"/>',
        f'<line x1="{_n(px(first.uses))}" y1="{_n(py(first.alternative))}" x2="{_n(px(end.uses))}" '
        f'y2="{_n(py(end.alternative))}" stroke="{PALETTE[1]}" stroke-width="3" stroke-dasharray="8 5"/>',
        # legend, under the axis title so no line can cross it
        f'<line x1="{x0}" y1="{y0 + 58}" x2="{x0 + 24}" y2="{y0 + 58}" stroke="{PALETTE[0]}" stroke-width="3"/>',
        _text(x0 + 30, y0 + 62, "Mutualisation"),
        f'<line x1="{x0 + 170}" y1="{y0 + 58}" x2="{x0 + 194}" y2="{y0 + 58}" stroke="{PALETTE[1]}" '
        f'stroke-width="3" stroke-dasharray="8 5"/>',
        _text(x0 + 200, y0 + 62, "Solution de rechange"),
    ]
    if n is not None:
        at = next(p for p in points if p.uses == n)
        cx, cy = px(n), py(at.pooling)
        body.append(
            f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(cx)}" y2="{y0}" stroke="currentColor" '
            f'stroke-dasharray="2 3"/>'
        )
        body.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="5" fill="currentColor"/>')
        # Below-right of the point is under both lines (after the break-even the
        # alternative is dearer); above-left is over both (before it, pooling is dearer).
        label = f"Seuil : {format_number(n, locale, 0)}"
        if cx > (x0 + x1) * Fraction(2, 3):
            body.append(_text(cx - 10, cy - 10, label, anchor="end"))
        else:
            body.append(_text(cx + 10, min(cy + 20, Fraction(y0 - 6)), label, anchor="start"))
    return _svg("break-even", title, desc, body, height=HEIGHT + 24)


def split_chart(result, currency: str = "$", locale: str = "fr_CA") -> str:
    """One horizontal bar per partner, its share written at the end."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    title = f"Répartition de {money(result.total)} entre {len(result.partners)} partenaire" + (
        "s" if len(result.partners) > 1 else ""
    )
    desc = "Part de chaque partenaire : " + " ; ".join(
        f"{p.name} {money(p.share)}" for p in result.partners
    ) + "."
    row = 30
    top = 36
    height = max(HEIGHT, top + row * len(result.partners) + 10)
    label_width, amount_width = 170, 120
    x0, x1 = 20 + label_width, WIDTH - 20 - amount_width
    biggest = max((p.share for p in result.partners), default=Decimal(0))
    body = [_text(20, 22, title, weight="bold")]
    for index, p in enumerate(result.partners):
        y = top + index * row
        name = p.name if len(p.name) <= 24 else p.name[:23] + "…"
        body.append(_text(20, y + 16, name))
        if biggest > 0 and p.share > 0:
            width = Fraction(p.share) / Fraction(biggest) * (x1 - x0)
            body.append(
                f'<rect x="{x0}" y="{y + 2}" width="{_n(max(width, Fraction(1)))}" height="20" '
                f'fill="{PALETTE[index % len(PALETTE)]}"/>'
            )
        body.append(_text(WIDTH - 20, y + 16, money(p.share), anchor="end"))
    return _svg("split", title, desc, body, height=height)


def chart(command: str, inp, result, currency: str = "$", locale: str = "fr_CA") -> str:
    if command == "usage-cost":
        return usage_cost_chart(result, currency, locale)
    if command == "break-even":
        return break_even_chart(inp, result, currency, locale)
    return split_chart(result, currency, locale)


def loan_schedule_chart(result, currency: str = "$", locale: str = "fr_CA") -> str | None:
    """One bar per year of the loan: interest (dashed outline) on top of principal."""
    schedule = result.schedule
    if not schedule:
        return None
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    title = f"Remboursement du prêt sur {len(schedule)} an" + ("s" if len(schedule) > 1 else "")
    desc = "Par année, intérêts et capital remboursés : " + " ; ".join(
        f"année {row.year} : {money(row.payment)} dont {money(row.interest)} d'intérêts et {money(row.principal)} de capital"
        for row in schedule
    ) + "."
    x0, x1, y0, y1 = 20, WIDTH - 20, 176, 40
    biggest = max(row.payment for row in schedule) or Decimal(1)
    slot = Fraction(x1 - x0, len(schedule))
    bar = max(slot * Fraction(6, 10), Fraction(2))
    body = [_text(20, 22, title, weight="bold")]
    for index, row in enumerate(schedule):
        x = x0 + slot * index + (slot - bar) / 2
        principal_h = Fraction(max(row.principal, Decimal(0))) / Fraction(biggest) * (y0 - y1)
        interest_h = Fraction(row.interest) / Fraction(biggest) * (y0 - y1)
        body.append(
            f'<rect x="{_n(x)}" y="{_n(y0 - principal_h)}" width="{_n(bar)}" height="{_n(principal_h)}" '
            f'fill="{PALETTE[0]}"><title>Année {row.year} : capital {escape(money(row.principal))}</title></rect>'
        )
        if interest_h > 0:
            body.append(
                f'<rect x="{_n(x)}" y="{_n(y0 - principal_h - interest_h)}" width="{_n(bar)}" '
                f'height="{_n(interest_h)}" fill="{PALETTE[1]}"><title>Année {row.year} : intérêts '
                f"{escape(money(row.interest))}</title></rect>"
            )
        if len(schedule) <= 12:
            body.append(_text(x + bar / 2, y0 + 18, f"An {row.year}", anchor="middle"))
    body.append(f'<rect x="{x0}" y="{y0 + 30}" width="14" height="14" fill="{PALETTE[0]}"/>')
    body.append(_text(x0 + 22, y0 + 42, "Capital"))
    body.append(f'<rect x="{x0 + 150}" y="{y0 + 30}" width="14" height="14" fill="{PALETTE[1]}"/>')
    body.append(_text(x0 + 172, y0 + 42, "Intérêts"))
    return _svg("loan", title, desc, body, height=HEIGHT + 10)


def per_unit_chart(inp, result, currency: str = "$", locale: str = "fr_CA") -> str | None:
    """Cost per unit against the units used in the year, in both views (solid: accounting; dashed: cash)."""
    expected = inp.expected_units
    if expected <= 0:
        return None
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    unit = inp.unit or "unité"
    variable_rate = Fraction(inp.variable_cost_per_unit)
    acc_fixed = Fraction(result.accounting.total - result.accounting.variable)
    cash_fixed = Fraction(result.cash.total - result.cash.variable)
    low, high = Fraction(expected) / 4, Fraction(expected) * 2
    steps = [low + (high - low) * k / 20 for k in range(21)]

    def per(fixed, units):
        return fixed / units + variable_rate

    top = max(per(acc_fixed, low), per(cash_fixed, low)) or Fraction(1)
    x0, x1, y0, y1 = 110, WIDTH - 20, 176, 40

    def px(units):
        return x0 + (units - low) / (high - low) * (x1 - x0)

    def py(value):
        return y0 - value / top * (y0 - y1)

    title = f"Coût par {unit} selon l'usage de l'année"
    desc = (
        f"Plus le bien sert, moins chaque {unit} coûte. À {format_number(expected, locale, _places(expected))} "
        f"{unit}(s) prévus : {money(result.accounting.per_unit)} en vue comptable, "
        f"{money(result.cash.per_unit)} en vue trésorerie. À la moitié de cet usage : "
        f"{money(round_fraction(per(acc_fixed, Fraction(expected) / 2)))} et "
        f"{money(round_fraction(per(cash_fixed, Fraction(expected) / 2)))}."
    )
    acc = " ".join(f"{'M' if i == 0 else 'L'}{_n(px(u))} {_n(py(per(acc_fixed, u)))}" for i, u in enumerate(steps))
    cash = " ".join(f"{'M' if i == 0 else 'L'}{_n(px(u))} {_n(py(per(cash_fixed, u)))}" for i, u in enumerate(steps))
    ex, ey = px(Fraction(expected)), py(Fraction(result.accounting.per_unit))
    body = [
        _text(20, 20, title, weight="bold"),
        f'<path d="M{x0} {y1 - 6}V{y0}H{x1}" fill="none" stroke="currentColor" stroke-width="1"/>',
        _text(x0 - 6, y0 + 4, money(0), anchor="end"),
        _text(x0 - 6, y1 + 4, money(round_fraction(top)), anchor="end"),
        _text(x0, y0 + 18, format_number(round_fraction(low), locale, 0), anchor="middle"),
        _text(x1, y0 + 18, format_number(round_fraction(high), locale, 0), anchor="end"),
        _text((x0 + x1) / 2, y0 + 36, f"Usage de l'année ({unit})", anchor="middle"),
        f'<path d="{acc}" fill="none" stroke="{PALETTE[0]}" stroke-width="3"/>',
        f'<path d="{cash}" fill="none" stroke="{PALETTE[1]}" stroke-width="3" stroke-dasharray="8 5"/>',
        f'<circle cx="{_n(ex)}" cy="{_n(ey)}" r="5" fill="currentColor"/>',
        f'<line x1="{x0}" y1="{y0 + 58}" x2="{x0 + 24}" y2="{y0 + 58}" stroke="{PALETTE[0]}" stroke-width="3"/>',
        _text(x0 + 30, y0 + 62, "Vue comptable"),
        f'<line x1="{x0 + 170}" y1="{y0 + 58}" x2="{x0 + 194}" y2="{y0 + 58}" stroke="{PALETTE[1]}" '
        f'stroke-width="3" stroke-dasharray="8 5"/>',
        _text(x0 + 200, y0 + 62, "Vue trésorerie"),
    ]
    return _svg("per-unit", title, desc, body, height=HEIGHT + 24)


def round_fraction(value: Fraction) -> Decimal:
    from calculators.money import round_cents

    return round_cents(value)


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def statement_chart(result, currency: str = "$", locale: str = "fr_CA") -> str:
    """Per partner: what it owes for the year (bar) and its balance (to pay or to be refunded)."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    title = f"Relevé de l'année : {money(result.total_due)} dus au total"
    desc = "Par partenaire, montant dû et solde : " + " ; ".join(
        f"{p.name} doit {money(p.due)}, solde {money(p.balance)}" for p in result.partners
    ) + "."
    row = 34
    top = 36
    height = max(HEIGHT, top + row * len(result.partners) + 40)
    x0, x1 = 190, WIDTH - 140
    biggest = max((p.due for p in result.partners), default=Decimal(0))
    body = [_text(20, 22, title, weight="bold")]
    for index, p in enumerate(result.partners):
        y = top + index * row
        name = p.name if len(p.name) <= 22 else p.name[:21] + "…"
        body.append(_text(20, y + 16, name))
        if biggest > 0 and p.due > 0:
            width = Fraction(p.due) / Fraction(biggest) * (x1 - x0)
            body.append(
                f'<rect x="{x0}" y="{y + 2}" width="{_n(max(width, Fraction(1)))}" height="20" fill="{PALETTE[0]}"/>'
            )
        sign = "à payer" if p.balance > 0 else "à recevoir" if p.balance < 0 else "soldé"
        body.append(_text(WIDTH - 20, y + 16, f"{money(abs(p.balance))} {sign}" if p.balance else sign, anchor="end"))
    y = top + row * len(result.partners) + 14
    body.append(f'<rect x="20" y="{y}" width="14" height="14" fill="{PALETTE[0]}"/>')
    body.append(_text(42, y + 12, "Montant dû pour l'année ; à droite, le solde"))
    return _svg("statement", title, desc, body, height=height)
