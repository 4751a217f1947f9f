"""Worked examples computed by ``calculators``, rendered as HTML for the guide.

``register(env)`` defines three one-line macros; the rendering functions are
plain module functions (tested without MkDocs in tests/macros/test_worked_examples.py):

* ``usage_cost_example(example_id)``: table of the five lines with the working,
  the total, and the stacked bar (e.g. ``{{ usage_cost_example("planer") }}``);
* ``break_even_example(example_id)``: the three figures, the break-even and the chart;
* ``split_example(example_id)``: each partner's share, in-kind contribution and net.

The output is one HTML block without blank lines, so Markdown leaves it alone.
Amounts use the site's ``extra.network.currency`` and ``locale``.

The tables carry no class, like the tables Markdown writes: Material styles
them and wraps them in its scrolling container, so a narrow screen scrolls the
table, not the page. Amounts are right-aligned with the same inline
``text-align`` Python-Markdown writes for an aligned column.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from blocks import to_html
from calculators import charts
from calculators.bridge import compute
from calculators.break_even import break_even_text
from macros.calculator_render import render_form
from macros.countries import network_country
from calculators.examples import example, payload_json
from calculators.money import format_money, format_number
from calculators.usage_cost import HOURS_PER_YEAR, LINE_LABELS, LINE_NAMES, days_started


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _amount(value: Decimal, currency: str, locale: str) -> str:
    """An input amount, with every decimal it has (0,05 $; 0,0125 $), at least two."""
    places = max(2, _places(value))
    return f"{format_number(value, locale, places)}\u00a0{currency}"


def _qty(value: Decimal, locale: str) -> str:
    return format_number(value, locale, _places(value))


def _plural(count: Decimal | int, forms: tuple[str, str]) -> str:
    return forms[0] if count <= 1 else forms[1]


def usage_cost_working(inp, unit: tuple[str, str], currency: str, locale: str) -> dict[str, str]:
    """How each line is worked out, in French, from the example's inputs."""
    amount = lambda v: _amount(v, currency, locale)  # noqa: E731
    qty = lambda v: _qty(v, locale)  # noqa: E731
    units, hours = inp.use.units, inp.use.hours
    working = {name: "—" for name in LINE_NAMES}
    if inp.consumables is not None:
        working["consumables"] = f"{amount(inp.consumables.cost_per_unit)} × {qty(units)} {_plural(units, unit)}"
    if inp.maintenance is not None:
        m = inp.maintenance
        working["maintenance"] = (
            f"{amount(m.service_cost)} tous les {qty(m.service_interval_units)} "
            f"{_plural(m.service_interval_units, unit)}, × {qty(units)} {_plural(units, unit)}"
        )
    if inp.replacement is not None:
        r = inp.replacement
        base = f"({amount(r.purchase_price)} − {amount(r.residual_value)}) ÷ {qty(r.lifetime_years)} ans"
        if r.charged_per == "hour":
            working["replacement"] = f"{base} ÷ {format_number(HOURS_PER_YEAR, locale, 0)} h × {qty(hours)} h"
        elif r.charged_per == "day":
            days = days_started(hours)
            working["replacement"] = (
                f"{base} ÷ 365 jours × {days} {'jour entamé' if days == 1 else 'jours entamés'}"
            )
        else:
            working["replacement"] = f"{base} ÷ {qty(r.uses_per_year)} utilisations par an"
    if inp.preparation is not None:
        p = inp.preparation
        text = f"{qty(p.hours)} h × {amount(p.hourly_rate)}"
        if p.payroll_charges_rate:
            text += f" × (1 + {_qty(p.payroll_charges_rate * 100, locale)}\u00a0% de charges sociales)"
        else:
            text += " (charges sociales comprises)"
        working["preparation"] = text
    if inp.admin_fee:
        working["admin_fee"] = "Forfait par utilisation"
    return working


def _figure(svg: str, caption: str) -> str:
    # The chart fits its column at any width (a narrow layout below 592 px, calculators.css):
    # nothing scrolls, so the figure is no tab stop.
    return (
        f'<figure class="mu-calc-figure" aria-label="{escape(caption)}">{svg}'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def render_usage_cost_example(example_id: str, currency: str = "$", locale: str = "fr_CA") -> str:
    spec = example("usage-cost", example_id)
    inp, result = compute("usage-cost", payload_json("usage-cost", example_id))
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    working = usage_cost_working(inp, spec["unit"], currency, locale)
    rows = "".join(
        f'<tr><th scope="row">{escape(LINE_LABELS[name])}</th><td>{escape(working[name])}</td>'
        f'<td style="text-align: right">{escape(money(value))}</td></tr>'
        for name, value in result.lines.items()
    )
    table = (
        f'<table><caption>{escape(spec["title"])}</caption>'
        '<thead><tr><th scope="col">Poste</th><th scope="col">Calcul</th>'
        '<th scope="col" style="text-align: right">Montant</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">Total</th><td>Somme des montants arrondis au cent</td>'
        f'<td style="text-align: right"><strong>{escape(money(result.total))}</strong></td></tr></tfoot></table>'
    )
    svg = charts.usage_cost_chart(result, LINE_LABELS, currency, locale)
    caption = f"Part de chaque poste dans le coût d'une utilisation ({money(result.total)})."
    return f'<div class="mu-calc-example" data-example="usage-cost:{escape(example_id)}">{table}{_figure(svg, caption)}</div>'


def render_break_even_example(example_id: str, currency: str = "$", locale: str = "fr_CA") -> str:
    spec = example("break-even", example_id)
    inp, result = compute("break-even", payload_json("break-even", example_id))
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    rows = [
        ("Coûts fixes annuels de la mutualisation", money(inp.annual_fixed_costs)),
        ("Coût variable par utilisation", money(inp.variable_cost_per_use)),
        ("Prix d'une utilisation sans mutualisation", money(inp.alternative_price_per_use)),
    ]
    body = "".join(
        f'<tr><th scope="row">{escape(k)}</th><td style="text-align: right">{escape(v)}</td></tr>' for k, v in rows
    )
    table = (
        f'<table><caption>{escape(spec["title"])}</caption>'
        '<thead><tr><th scope="col">Donnée</th><th scope="col" style="text-align: right">Valeur</th></tr></thead>'
        f"<tbody>{body}</tbody>"
        f'<tfoot><tr><th scope="row">Seuil de rentabilité</th><td style="text-align: right"><strong>'
        f"{escape(break_even_text(result.break_even_uses, locale))}</strong></td></tr></tfoot></table>"
    )
    svg = charts.break_even_chart(inp, result, currency, locale)
    caption = "Coût annuel de la mutualisation (trait plein) et de la solution de rechange (tirets)."
    return f'<div class="mu-calc-example" data-example="break-even:{escape(example_id)}">{table}{_figure(svg, caption)}</div>'


def render_split_example(example_id: str, currency: str = "$", locale: str = "fr_CA") -> str:
    spec = example("split", example_id)
    inp, result = compute("split", payload_json("split", example_id))
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    rows = "".join(
        f'<tr><th scope="row">{escape(p.name)}</th><td style="text-align: right">{escape(money(p.share))}</td>'
        f'<td style="text-align: right">{escape(money(p.in_kind))}</td><td style="text-align: right">{escape(money(p.net))}</td></tr>'
        for p in result.partners
    )
    table = (
        f'<table><caption>{escape(spec["title"])}</caption>'
        '<thead><tr><th scope="col">Partenaire</th><th scope="col" style="text-align: right">Part</th>'
        '<th scope="col" style="text-align: right">Apport en nature</th>'
        '<th scope="col" style="text-align: right">Reste à payer</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">Total</th><td style="text-align: right"><strong>{escape(money(result.total))}'
        "</strong></td><td></td><td></td></tr></tfoot></table>"
    )
    note = ""
    if any(p.net < 0 for p in result.partners):
        note = (
            '<p class="mu-calc-note">Un reste à payer négatif signifie que ce partenaire a apporté plus '
            "que sa part : les autres lui doivent ce montant.</p>"
        )
    svg = charts.split_chart(result, currency, locale)
    caption = "Part de chaque partenaire avant déduction des apports en nature."
    return (
        f'<div class="mu-calc-example" data-example="split:{escape(example_id)}">{table}{note}'
        f"{_figure(svg, caption)}</div>"
    )


def _network(env) -> tuple[str, str]:
    network = env.variables["network"]
    return network["currency"], network["locale"]


def register(env):
    """Define the calculator macros on the mkdocs-macros environment."""

    @env.macro
    def usage_cost_example(example_id):
        return render_usage_cost_example(example_id, *_network(env))

    @env.macro
    def break_even_example(example_id):
        return render_break_even_example(example_id, *_network(env))

    @env.macro
    def split_example(example_id):
        return render_split_example(example_id, *_network(env))

    @env.macro
    def calculator(calculator_id):
        return render_form(calculator_id, *_network(env), network_country(env.conf.get("extra")))

    @env.macro
    def break_even_sentence(example_id):
        return render_break_even_sentence(example_id, *_network(env))

    @env.macro
    def calculator_example(calculator_id, example_id):
        return render_view_example(calculator_id, example_id, *_network(env))

    @env.macro
    def example_inputs(calculator_id, example_id):
        return render_example_inputs(calculator_id, example_id, *_network(env))

    @env.macro
    def depreciation(example_id, per):
        return render_depreciation(example_id, per, *_network(env))


def render_break_even_sentence(example_id: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """The worked example of the break-even page, in one paragraph, every figure computed."""
    inp, result = compute("break-even", payload_json("break-even", example_id))
    money = lambda v: format_money(v, currency, locale)  # noqa: E731
    margin = inp.alternative_price_per_use - inp.variable_cost_per_use
    n = result.break_even_uses
    if n is None:
        return f"Exemple : {escape(break_even_text(None, locale))}"
    tie = inp.annual_fixed_costs / margin if margin else None
    text = (
        f"Exemple : {money(inp.annual_fixed_costs)} de coûts fixes, {money(inp.variable_cost_per_use)} de coût variable, "
        f"{money(inp.alternative_price_per_use)} pour la solution de rechange. Chaque utilisation rapporte {money(margin)}. "
    )
    if tie is not None and tie == tie.to_integral_value():
        both = inp.annual_fixed_costs + tie * inp.variable_cost_per_use
        text += f"À {format_number(tie, locale, 0)} utilisations, les deux formules coûtent {money(both)} : c'est l'égalité. "
    text += f"Le partage devient moins cher {break_even_text(n, locale)[0].lower()}{break_even_text(n, locale)[1:]}."
    return escape(text)


def render_depreciation(example_id: str, per: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """The depreciation of a usage-cost example per ``year`` or per ``day`` (÷ 365), rounded to the cent."""
    from calculators.money import round_cents
    from fractions import Fraction

    inp, _ = compute("usage-cost", payload_json("usage-cost", example_id))
    r = inp.replacement
    yearly = (Fraction(r.purchase_price) - Fraction(r.residual_value)) / Fraction(r.lifetime_years)
    if per == "day":
        yearly = yearly / 365
    elif per != "year":
        raise ValueError(f"depreciation : « {per} » inconnu, choisissez year ou day.")
    return escape(format_money(round_cents(yearly), currency, locale))


def render_view_example(calculator_id: str, example_id: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """Any calculator's worked example, as the page shows it: Python's view, its blocks written by ``blocks.to_html``."""
    from calculators.registry import REGISTRY

    spec = example(calculator_id, example_id)
    inp, result = compute(calculator_id, payload_json(calculator_id, example_id))
    view = REGISTRY[calculator_id].view(inp, result, currency, locale)
    # The page's blocks, classed for the guide: Material's table look, amounts
    # right-aligned and the total in bold, the chart as the guide's figures.
    shown = []
    for block in view["blocks"]:
        if block["type"] == "table":
            block = {**block, "class": "mu-calc-view-table", "numeric": list(range(1, len(block["head"])))}
            if "foot" in block:
                block["foot"] = [cell if i == 0 else [{"text": cell, "strong": True}] for i, cell in enumerate(block["foot"])]
        elif block["type"] == "figure":
            block = {**block, "class": "mu-calc-figure"}
        elif block["type"] == "paragraph":
            block = {**block, "class": "mu-calc-note"}
        shown.append(block)
    parts = [f"<p><strong>{escape(view['summary'])}</strong></p>", *(to_html([block]) for block in shown)]
    return (
        f'<div class="mu-calc-example" data-example="{escape(calculator_id)}:{escape(example_id)}">'
        f'<p class="mu-calc-example-title">{escape(spec["title"])}</p>{"".join(parts)}</div>'
    )


def render_example_inputs(calculator_id: str, example_id: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """Every input of an example, as a list with the spec's French labels, and where each figure comes from."""
    from calculators.registry import REGISTRY
    from calculators.spec import ListField
    from macros.calculator_render import flat_values

    spec = example(calculator_id, example_id)
    values = flat_values(spec["payload"], REGISTRY[calculator_id].field_kinds())
    labels = {}
    for section in REGISTRY[calculator_id].sections:
        for item in section.fields:
            if isinstance(item, ListField):
                for key, value in values.items():
                    if key.startswith(item.name + "."):
                        index, column = key.split(".")[1:3]
                        col = next((c for c in item.columns if c.name == column), None)
                        if col is not None:
                            labels[key] = f"{col.label}, {item.item} {int(index) + 1}".replace("{currency}", currency)
            else:
                labels[item.name] = item.label.replace("{currency}", currency)
    origins = spec.get("origins", {})
    rows = []
    for key, value in values.items():
        shown = "oui" if value == "true" else value
        origin = origins.get(key, "")
        rows.append(f"<li>{escape(labels.get(key, key))} : {escape(shown)}" + (f" ({escape(origin)})" if origin else "") + "</li>")
    return f'<ul class="mu-calc-inputs-list">{"".join(rows)}</ul>'
