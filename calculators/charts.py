"""Charts as SVG strings: accessible, deterministic, self-contained.

Each chart has ``role="img"``, a French ``<title>`` and a ``<desc>`` giving
every figure, text labels in ``currentColor`` (they follow the theme, light or
dark), fill colours with a contrast of at least 3:1 both on white and on
Material's dark "slate" background (#1e2029).

Two layouts in one chart. A 640-unit chart shrunk into a phone's 300 px
column would write 6 px text, and a chart kept at 600 px in a scroll box hid
half of itself (issue 28). So each chart is drawn twice, inside one root
``<svg>``: a wide layout (``WIDE``, 640 units, text 13) and a narrow one
(``NARROW``, 320 units, text 14: 12.9 px in the 294 px column of a 360 px
phone), each a nested ``<svg>`` with its own ``viewBox``. The narrow one
carries ``display="none"``, so the chart reads right with no stylesheet;
calculators.css shows it instead of the wide one when the chart's box is
narrower than the wide layout can be read in (a container query). The root
has no ``viewBox``: its size comes from CSS, through custom properties
written here (``--mu-chart-wide``: the wide layout's ratio, and so on), so
every number of the layout stays in Python.

Text is laid out for the widest of the usual system fonts (DejaVu Sans):
long titles and labels wrap or are cut with "…" by estimated width
(``Layout.measure``). No script, no external reference; the same input
always gives the same bytes (ids are derived from the content).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from calculators.french import count_noun, noun_plural
from calculators.money import format_money, format_number


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


@dataclass(frozen=True)
class Layout:
    """One way to draw a chart: its width in SVG units, its text size, its side margin."""

    name: str
    width: int
    font: int
    margin: int

    # Average advance of a character, in em, in DejaVu Sans (wider than
    # Arial, Roboto or Segoe UI): about 0.6 for French text and figures,
    # 0.68 in bold. Used to wrap and cut text, never to place a figure.
    GLYPH = Fraction(3, 5)
    GLYPH_BOLD = Fraction(17, 25)

    @property
    def line(self) -> int:
        """The distance between two lines of text."""
        return self.font + 6

    @property
    def right(self) -> int:
        return self.width - self.margin

    def measure(self, text: str, bold: bool = False) -> Fraction:
        return len(text) * self.font * (self.GLYPH_BOLD if bold else self.GLYPH)

    def wrap(self, text: str, room, bold: bool = False) -> list[str]:
        """Words on as many lines as they need to fit in `room` units (a word
        too long for a line is cut)."""
        lines: list[str] = []
        for word in text.split(" "):
            if lines and self.measure(f"{lines[-1]} {word}", bold) <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(self.clip(word, room, bold))
        return lines or [""]

    def clip(self, text: str, room, bold: bool = False) -> str:
        """The text, cut with "…" if it is wider than `room` units."""
        if self.measure(text, bold) <= room:
            return text
        keep = max(1, int(Fraction(room) / (self.font * (self.GLYPH_BOLD if bold else self.GLYPH))) - 1)
        return text[:keep].rstrip() + "…"


WIDE = Layout("wide", 640, 13, 20)
NARROW = Layout("narrow", 320, 14, 12)
LAYOUTS = (WIDE, NARROW)
WIDTH = WIDE.width
HEIGHT = 220
# ≥ 3:1 on #ffffff and on #1e2029 (checked in tests/calculators/test_charts.py).
PALETTE = ("#2f7ec1", "#c0580b", "#2e8540", "#8e5cc7", "#b8860b")


def _n(value) -> str:
    """A coordinate with at most one decimal, deterministic ("12.5", "40")."""
    number = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)
    text = format(number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), "f")
    return text[:-2] if text.endswith(".0") else text


def _svg(kind: str, title: str, desc: str, draw) -> str:
    """The chart: `draw(layout)` gives each layout's elements and height."""
    # A stable id from the content (zlib is built in; hashlib costs an import in Pyodide).
    digest = format(zlib.crc32(f"{kind}\n{title}\n{desc}".encode("utf-8")), "08x")
    ident = f"mu-chart-{kind}-{digest}"
    drawn = {layout.name: (layout, *draw(layout)) for layout in LAYOUTS}
    wide_height = drawn["wide"][2]
    ratios = "; ".join(
        f"--mu-chart-{layout.name}: {layout.width} / {height}; --mu-chart-{layout.name}-width: {layout.width}px"
        for layout, _, height in drawn.values()
    )
    parts = []
    for layout, body, height in drawn.values():
        hidden = ' display="none"' if layout is not WIDE else ""
        parts.append(
            f'<svg class="mu-chart__{layout.name}" viewBox="0 0 {layout.width} {height}" width="100%" height="100%" '
            f'font-size="{layout.font}"{hidden}>' + "".join(body) + "</svg>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mu-chart mu-chart--{kind}" '
        f'width="{WIDE.width}" height="{wide_height}" style="{ratios}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" fill="currentColor">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>' + "".join(parts) + "</svg>"
    )


def _text(x, y, content: str, anchor: str = "start", weight: str | None = None) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{bold}>{escape(content)}</text>'


def _title(layout: Layout, title: str, body: list[str], y: int = 22) -> int:
    """The chart's title, bold, wrapped to the layout's width; returns how much
    lower than a one-line title the rest of the chart starts."""
    lines = layout.wrap(title, layout.right - layout.margin, bold=True)
    for index, line in enumerate(lines):
        body.append(_text(layout.margin, y + index * layout.line, line, weight="bold"))
    return (len(lines) - 1) * layout.line


def _centred(layout: Layout, x, y, content: str) -> str:
    """Text centred on x, moved sideways (and cut) so that it stays in the chart."""
    content = layout.clip(content, layout.right - layout.margin)
    half = layout.measure(content) / 2
    x = min(max(Fraction(x), layout.margin + half), layout.right - half)
    return _text(x, y, content, anchor="middle")


def _legend(layout: Layout, x0, y, items: list[tuple[str, str, bool]]) -> tuple[list[str], int]:
    """A legend of lines (solid or dashed), side by side when they fit, else one
    under the other; returns its elements and the baseline of its last row."""
    body = []
    step = 170
    together = layout.measure(items[0][1]) + 30 <= step and x0 + step + 30 + layout.measure(items[1][1]) <= layout.right
    x, row = (x0, y) if together else (layout.margin, y)
    for index, (colour, label, dashed) in enumerate(items):
        if index and together:
            x += step
        elif index:
            row += layout.line + 4
        dash = ' stroke-dasharray="8 5"' if dashed else ""
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(row - 4)}" x2="{_n(x + 24)}" y2="{_n(row - 4)}" stroke="{colour}" stroke-width="3"{dash}/>'
        )
        body.append(_text(x + 30, row, label))
    return body, row


def usage_cost_chart(result, labels: dict[str, str], currency: str = "$", locale: str = "fr_CA") -> str:
    """A horizontal stacked bar of the five lines (``labels``: their names), with a legend giving each amount."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    lines = result.lines
    title = f"Coût d'une utilisation : {money(result.total)}"
    desc = "Répartition du coût par poste : " + " ; ".join(
        f"{labels[name]} {money(value)}" for name, value in lines.items()
    ) + f". Total : {money(result.total)}."

    def draw(layout: Layout):
        left, right, bar_height = layout.margin, layout.right, 36
        body: list[str] = []
        top = 36 + _title(layout, title, body)
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
                    f'height="{bar_height}" fill="{colour}"><title>{escape(labels[name])} : '
                    f"{escape(money(value))}</title></rect>"
                )
                x += width
        else:
            body.append(
                f'<rect x="{left}" y="{top}" width="{right - left}" height="{bar_height}" fill="none" '
                f'stroke="currentColor" stroke-dasharray="4 4"/>'
            )
            body.append(_text(Fraction(left + right, 2), top + 23, "Aucun coût", anchor="middle"))
        y = top + bar_height + 26
        for (name, value), colour in zip(lines.items(), PALETTE):
            amount = money(value)
            room = right - (left + 22) - layout.measure(amount) - 12
            body.append(f'<rect x="{left}" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
            label = layout.wrap(labels[name], room)
            for index, text in enumerate(label):
                body.append(_text(left + 22, y + index * layout.line, text))
            body.append(_text(right, y, amount, anchor="end"))
            y += 22 + (len(label) - 1) * layout.line
        return body, max(HEIGHT, y - 8) if layout is WIDE else y - 8

    return _svg("usage-cost", title, desc, draw)


def _value_axis(layout: Layout, labels: list[str]) -> int:
    """Where a plot starts: after its widest value label (at least where the wide layout always put it)."""
    widest = max(layout.measure(text) for text in labels)
    return max(110 if layout is WIDE else 0, math.ceil(layout.margin + widest + 6))


def break_even_chart(inp, result, currency: str = "$", locale: str = "fr_CA") -> str:
    """Yearly cost against uses a year: pooling (F + n·v) and the alternative (p·n)."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    n = result.break_even_uses
    points = result.curve
    last = points[-1].uses
    top_value = max(max(p.pooling, p.alternative) for p in points)
    if top_value <= 0:
        top_value = Decimal(1)

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

    def draw(layout: Layout):
        body: list[str] = []
        shift = _title(layout, title, body, y=20)
        x0 = _value_axis(layout, [money(0), money(top_value)])
        x1, y1 = layout.right, 40 + shift
        y0 = y1 + 136  # plot area (y grows downwards)

        def px(uses):
            return x0 + Fraction(uses, last) * (x1 - x0)

        def py(value):
            return y0 - Fraction(value) / Fraction(top_value) * (y0 - y1)

        body += [
            # axes
            f'<path d="M{x0} {y1 - 6}V{y0}H{x1}" fill="none" stroke="currentColor" stroke-width="1"/>',
            _text(x0 - 6, y0 + 4, money(0), anchor="end"),
            _text(x0 - 6, y1 + 4, money(top_value), anchor="end"),
            _text(x0, y0 + 18, "0", anchor="middle"),
            _text(x1, y0 + 18, format_number(last, locale, 0), anchor="end"),
            _centred(layout, (x0 + x1) / 2, y0 + 36, "Utilisations par an"),
            # pooling: solid; alternative: dashed (not told apart by colour alone)
            f'<line x1="{_n(px(first.uses))}" y1="{_n(py(first.pooling))}" x2="{_n(px(end.uses))}" '
            f'y2="{_n(py(end.pooling))}" stroke="{PALETTE[0]}" stroke-width="3"/>',
            f'<line x1="{_n(px(first.uses))}" y1="{_n(py(first.alternative))}" x2="{_n(px(end.uses))}" '
            f'y2="{_n(py(end.alternative))}" stroke="{PALETTE[1]}" stroke-width="3" stroke-dasharray="8 5"/>',
        ]
        # legend, under the axis title so no line can cross it
        legend, bottom = _legend(
            layout, x0, y0 + 62, [(PALETTE[0], "Mutualisation", False), (PALETTE[1], "Solution de rechange", True)]
        )
        body += legend
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
            if cx > (x0 + x1) * Fraction(2, 3) or cx + 10 + layout.measure(label) > x1:
                body.append(_text(cx - 10, cy - 10, label, anchor="end"))
            else:
                body.append(_text(cx + 10, min(cy + 20, Fraction(y0 - 6)), label, anchor="start"))
        return body, bottom + 6

    return _svg("break-even", title, desc, draw)


def split_chart(result, currency: str = "$", locale: str = "fr_CA") -> str:
    """One horizontal bar per partner, its share written at the end (wide), or
    under its name (narrow)."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    # A no-break space keeps the count with its noun when the title wraps.
    title = f"Répartition de {money(result.total)} entre {len(result.partners)}\u00a0partenaire" + (
        "s" if len(result.partners) > 1 else ""
    )
    desc = "Part de chaque partenaire : " + " ; ".join(
        f"{p.name} {money(p.share)}" for p in result.partners
    ) + "."
    biggest = max((p.share for p in result.partners), default=Decimal(0))

    def draw(layout: Layout):
        body: list[str] = []
        top = 36 + _title(layout, title, body)
        wide = layout is WIDE
        row = 30 if wide else 44
        amount_width = max([120] + [math.ceil(layout.measure(money(p.share))) + 8 for p in result.partners])
        x0 = layout.margin + 170 if wide else layout.margin
        x1 = layout.right - amount_width
        for index, p in enumerate(result.partners):
            y = top + index * row
            if wide:
                name, bar_y, text_y = (p.name if len(p.name) <= 24 else p.name[:23] + "…"), y + 2, y + 16
            else:
                name, bar_y, text_y = layout.clip(p.name, layout.right - layout.margin), y + 20, y + 34
            body.append(_text(layout.margin, y + 16, name))
            if biggest > 0 and p.share > 0:
                width = Fraction(p.share) / Fraction(biggest) * (x1 - x0)
                body.append(
                    f'<rect x="{x0}" y="{bar_y}" width="{_n(max(width, Fraction(1)))}" height="20" '
                    f'fill="{PALETTE[index % len(PALETTE)]}"/>'
                )
            body.append(_text(layout.right, text_y, money(p.share), anchor="end"))
        bottom = top + row * len(result.partners) + 10
        return body, max(HEIGHT, bottom) if wide else bottom

    return _svg("split", title, desc, draw)


def loan_schedule_chart(result, currency: str = "$", locale: str = "fr_CA") -> str | None:
    """One bar per year of the loan: interest on top of principal; as many years
    named under the bars as the width allows (every one, or one in two, …)."""
    schedule = result.schedule
    if not schedule:
        return None
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    title = f"Remboursement du prêt sur {len(schedule)}\u00a0an" + ("s" if len(schedule) > 1 else "")
    desc = "Par année, intérêts et capital remboursés : " + " ; ".join(
        f"année {row.year} : {money(row.payment)} dont {money(row.interest)} d'intérêts et {money(row.principal)} de capital"
        for row in schedule
    ) + "."
    biggest = max(row.payment for row in schedule) or Decimal(1)

    def draw(layout: Layout):
        body: list[str] = []
        shift = _title(layout, title, body)
        x0, x1, y1 = layout.margin, layout.right, 40 + shift
        y0 = y1 + 136
        slot = Fraction(x1 - x0, len(schedule))
        bar = max(slot * Fraction(6, 10), Fraction(2))
        label_room = layout.measure(f"An {schedule[-1].year}") + 8
        every = max(1, math.ceil(label_room / slot))
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
            if index % every == 0:
                body.append(_text(x + bar / 2, y0 + 18, f"An {row.year}", anchor="middle"))
        gap = 150 if layout is WIDE else 120
        body.append(f'<rect x="{x0}" y="{y0 + 30}" width="14" height="14" fill="{PALETTE[0]}"/>')
        body.append(_text(x0 + 22, y0 + 42, "Capital"))
        body.append(f'<rect x="{x0 + gap}" y="{y0 + 30}" width="14" height="14" fill="{PALETTE[1]}"/>')
        body.append(_text(x0 + gap + 22, y0 + 42, "Intérêts"))
        return body, y0 + 54

    return _svg("loan", title, desc, draw)


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
    title = f"Coût par {unit} selon l'usage de l'année"
    desc = (
        f"Plus le bien sert, moins chaque {unit} coûte. Pour {count_noun(expected, unit, locale)} "
        f"dans l'année : {money(result.accounting.per_unit)} en vue comptable, "
        f"{money(result.cash.per_unit)} en vue trésorerie. À la moitié de cet usage : "
        f"{money(round_fraction(per(acc_fixed, Fraction(expected) / 2)))} et "
        f"{money(round_fraction(per(cash_fixed, Fraction(expected) / 2)))}."
    )

    def draw(layout: Layout):
        body: list[str] = []
        shift = _title(layout, title, body, y=20)
        x0 = _value_axis(layout, [money(0), money(round_fraction(top))])
        x1, y1 = layout.right, 40 + shift
        y0 = y1 + 136

        def px(units):
            return x0 + (units - low) / (high - low) * (x1 - x0)

        def py(value):
            return y0 - value / top * (y0 - y1)

        acc = " ".join(f"{'M' if i == 0 else 'L'}{_n(px(u))} {_n(py(per(acc_fixed, u)))}" for i, u in enumerate(steps))
        cash = " ".join(f"{'M' if i == 0 else 'L'}{_n(px(u))} {_n(py(per(cash_fixed, u)))}" for i, u in enumerate(steps))
        ex, ey = px(Fraction(expected)), py(Fraction(result.accounting.per_unit))
        body += [
            f'<path d="M{x0} {y1 - 6}V{y0}H{x1}" fill="none" stroke="currentColor" stroke-width="1"/>',
            _text(x0 - 6, y0 + 4, money(0), anchor="end"),
            _text(x0 - 6, y1 + 4, money(round_fraction(top)), anchor="end"),
            _text(x0, y0 + 18, format_number(round_fraction(low), locale, 0), anchor="middle"),
            _text(x1, y0 + 18, format_number(round_fraction(high), locale, 0), anchor="end"),
            _centred(layout, (x0 + x1) / 2, y0 + 36, f"Usage de l'année (en {noun_plural(unit)})"),
            f'<path d="{acc}" fill="none" stroke="{PALETTE[0]}" stroke-width="3"/>',
            f'<path d="{cash}" fill="none" stroke="{PALETTE[1]}" stroke-width="3" stroke-dasharray="8 5"/>',
            f'<circle cx="{_n(ex)}" cy="{_n(ey)}" r="5" fill="currentColor"/>',
        ]
        legend, bottom = _legend(
            layout, x0, y0 + 62, [(PALETTE[0], "Vue comptable", False), (PALETTE[1], "Vue trésorerie", True)]
        )
        return body + legend, bottom + 6

    return _svg("per-unit", title, desc, draw)


def round_fraction(value: Fraction) -> Decimal:
    from calculators.money import round_cents

    return round_cents(value)


def statement_chart(result, currency: str = "$", locale: str = "fr_CA") -> str:
    """Per partner: what it owes for the year (bar) and its balance (to pay or to be refunded)."""
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    title = f"Relevé de l'année : {money(result.total_due)} dus au total"
    desc = "Par partenaire, montant dû et solde : " + " ; ".join(
        f"{p.name} doit {money(p.due)}, solde {money(p.balance)}" for p in result.partners
    ) + "."
    biggest = max((p.due for p in result.partners), default=Decimal(0))

    def balance(p) -> str:
        sign = "à payer" if p.balance > 0 else "à recevoir" if p.balance < 0 else "soldé"
        return f"{money(abs(p.balance))} {sign}" if p.balance else sign

    def draw(layout: Layout):
        # Wide: name, bar and balance on one line. Narrow: the name, the bar
        # under it, the balance under the bar.
        body: list[str] = []
        top = 36 + _title(layout, title, body)
        wide = layout is WIDE
        row = 34 if wide else 70
        x0, x1 = (190, layout.width - 140) if wide else (layout.margin, layout.right)
        for index, p in enumerate(result.partners):
            y = top + index * row
            if wide:
                name = p.name if len(p.name) <= 22 else p.name[:21] + "…"
                bar_y = y + 2
            else:
                name = layout.clip(p.name, layout.right - layout.margin)
                bar_y = y + 22
            body.append(_text(layout.margin, y + 16, name))
            if biggest > 0 and p.due > 0:
                width = Fraction(p.due) / Fraction(biggest) * (x1 - x0)
                body.append(
                    f'<rect x="{x0}" y="{bar_y}" width="{_n(max(width, Fraction(1)))}" height="20" fill="{PALETTE[0]}"/>'
                )
            if wide:
                body.append(_text(layout.right, y + 16, balance(p), anchor="end"))
            else:
                body.append(_text(layout.margin, y + 58, balance(p)))
        y = top + row * len(result.partners) + (14 if wide else 0)
        body.append(f'<rect x="{layout.margin}" y="{y}" width="14" height="14" fill="{PALETTE[0]}"/>')
        where = "à droite" if wide else "sous la barre"
        legend = layout.wrap(f"Montant dû pour l'année ; {where}, le solde", layout.right - layout.margin - 22)
        for index, line in enumerate(legend):
            body.append(_text(layout.margin + 22, y + 12 + index * layout.line, line))
        bottom = y + 12 + (len(legend) - 1) * layout.line + 14
        return body, max(HEIGHT, bottom) if wide else bottom

    return _svg("statement", title, desc, draw)
