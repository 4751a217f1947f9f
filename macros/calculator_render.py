"""A calculator's form, rendered at build time from its declaration (``calculators.registry``).

``render_form(calculator_id, currency, locale)`` returns the engine line, the
example and clear buttons (the example's values come from the calculator's
own examples), one fieldset per section, list tables with a row
``<template>`` (partners, fixed costs), the export/import/print toolbar and
the result box. ``calculator-app.js`` reads this markup for the fields; its
sentences, like these, are in the catalog (``words/calculators.py``).

One HTML block without blank lines, so Markdown leaves it alone.
"""

from __future__ import annotations

import json
import re
from html import escape

from calculators.examples import example
from calculators.form_values import form_text
from calculators.registry import REGISTRY
from calculators.spec import Field, ListField
from macros.countries import country_control
from words import t


def _say(key: str, **values) -> str:
    """A sentence of the catalog, as HTML text."""
    return escape(t(key, **values), quote=False)


def _noscript() -> str:
    link = f'<a href="../../economie/#liste-couts">{_say("calculators.noscript_link")}</a>'
    return _say("calculators.noscript", link="{link}").replace("{link}", link)


def _id(prefix: str, name: str) -> str:
    return f"{prefix}-" + name.replace(".", "-").replace("_", "-")


def _text(template: str, currency: str) -> str:
    """Escaped text; the currency sign in a span that follows the reader's country (country.js)."""
    return escape(template).replace("{currency}", f'<span class="mu-currency">{escape(currency)}</span>')


def _attr(template: str, currency: str) -> str:
    return escape(template.replace("{currency}", currency))


def flat_values(payload: dict, kinds: dict[str, str], prefix: str = "", out: dict | None = None) -> dict[str, str]:
    """The form's flat values ({"use.units": "50", "partners.0.holder": "true"}) from a CLI payload,
    each as a person types it in the form (``calculators.form_values.form_text``: "0.05" → "0,05", a rate
    "0.15" → "15"). ``kinds``: the calculator's ``field_kinds()``."""
    out = {} if out is None else out
    for key, value in payload.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat_values(value, kinds, path, out)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                flat_values(item, kinds, f"{path}.{index}", out)
        elif value is True:
            out[path] = "true"
        elif value is not None and value is not False:
            out[path] = form_text(kinds.get(re.sub(r"\.\d+\.", ".N.", path), "text"), value)
    return out


def _field(prefix: str, field: Field, currency: str) -> str:
    ident = _id(prefix, field.name)
    help_id = f"{ident}-help"
    described = f' aria-describedby="{help_id}"' if field.help else ""
    if field.kind == "choice":
        options = "".join(
            f'<option value="{escape(value)}"{" selected" if i == 0 else ""}>{escape(label)}</option>'
            for i, (value, label) in enumerate(field.choices)
        )
        control = f'<select id="{ident}" name="{escape(field.name)}"{described}>{options}</select>'
    else:
        kind = ' data-kind="text"' if field.kind == "text" else ' inputmode="decimal"'
        control = (
            f'<input id="{ident}" name="{escape(field.name)}" type="text"{kind} autocomplete="off"{described}>'
        )
    help_html = f'<p class="mu-help" id="{help_id}">{_text(field.help, currency)}</p>' if field.help else ""
    html = f'<div class="mu-field"><label for="{ident}">{_text(field.label, currency)}</label>{control}{help_html}</div>'
    if field.show_when:
        html = f'<div data-show-when="{escape(field.show_when)}">{html}</div>'
    return html


def _list(prefix: str, item: ListField, currency: str, help_id: str | None) -> str:
    headers = "".join(
        f'<th scope="col">{_text(column.header or column.label, currency)}</th>' for column in item.columns
    )
    cells = []
    for column in item.columns:
        label = _attr(column.label, currency)
        # A label with the currency keeps its template: country.js rewrites it for the reader's country.
        template = f' data-currency-template="{escape(column.label)}"' if "{currency}" in column.label else ""
        if column.kind == "radio":
            control = f'<input type="radio" data-key="{escape(column.name)}" name="{prefix}-{escape(item.name)}-{escape(column.name)}" value="true">'
        else:
            kind = ' data-kind="text"' if column.kind == "text" else ' inputmode="decimal"'
            control = f'<input type="text" data-key="{escape(column.name)}"{kind} autocomplete="off">'
        cells.append(
            f'<td data-column="{label}"{template}><label class="md-visually-hidden mu-visually-hidden" data-label="{label}"{template}></label>'
            f"{control}</td>"
        )
    described = f' data-help="{help_id}"' if help_id else ""
    return (
        f'<div class="mu-table-scroll"><table class="mu-list mu-partners"><caption>{escape(item.caption)}</caption>'
        f'<thead><tr>{headers}<th scope="col">{_say("calculators.remove")}</th></tr></thead>'
        f'<tbody data-list="{escape(item.name)}" data-item="{escape(item.item)}" data-min-rows="{item.min_rows}"{described}>'
        f"</tbody></table></div>"
        f'<template data-row-for="{escape(item.name)}"><tr data-row>{"".join(cells)}'
        f'<td data-column=""><button type="button" class="md-button mu-calc-remove" data-action="remove-row"></button></td></tr></template>'
        f'<button type="button" class="md-button" data-action="add-row" data-list="{escape(item.name)}">{escape(item.add_label)}</button>'
    )


def _import_help() -> str:
    return _say("calculators.import_help", command="{command}").replace("{command}", "<code>python -m calculators</code>")


def render_form(calculator_id: str, currency: str = "$", locale: str = "fr_CA", country: str = "QC") -> str:
    if calculator_id not in REGISTRY:
        raise KeyError(f"Calculateur « {calculator_id} » inconnu : choisissez parmi {', '.join(REGISTRY)}.")
    spec = REGISTRY[calculator_id]
    p = spec.prefix
    values = flat_values(example(spec.id, spec.example)["payload"], spec.field_kinds())
    parts = [
        country_control(country, f"{p}-country"),
        f'<form id="{p}" class="mu-calculator" data-command="{spec.id}" data-file="{spec.file}" '
        f'data-currency="{escape(currency)}" data-locale="{escape(locale)}" novalidate>',
        f'<p class="mu-calc-engine" role="status"></p>',
        f'<noscript><p class="mu-calc-noscript">{_noscript()}</p></noscript>',
        '<div class="mu-calc-toolbar">',
        f'<button type="button" class="md-button" data-action="example" '
        f'data-example="{escape(json.dumps(values, ensure_ascii=False))}">{escape(spec.example_label)}</button>',
        f'<button type="button" class="md-button" data-action="clear">{_say("calculators.clear")}</button>',
        *(
            f'<button type="button" class="md-button" data-action="carry" data-source="{escape(c.source)}" '
            f'data-values="{escape(json.dumps(dict(c.values)))}" data-fixed="{escape(json.dumps(dict(c.fixed)))}" '
            f'data-done="{escape(c.done)}" data-missing="{escape(c.missing)}">{escape(c.label)}</button>'
            for c in spec.carry
        ),
        "</div>",
        f'<div class="mu-calc-layout"><div class="mu-calc-inputs">',
    ]
    for index, section in enumerate(spec.sections):
        intro_id = f"{p}-s{index + 1}-help"
        has_list = any(isinstance(f, ListField) for f in section.fields)
        intro = ""
        if section.intro:
            ident = f' id="{intro_id}"' if has_list else ""
            intro = f'<p class="mu-fieldset-intro"{ident}>{_text(section.intro, currency)}</p>'
        body = "".join(
            _list(p, f, currency, intro_id if section.intro else None) if isinstance(f, ListField) else _field(p, f, currency)
            for f in section.fields
        )
        parts.append(f'<fieldset class="mu-calc-section"><legend>{escape(section.legend)}</legend>{intro}{body}</fieldset>')
    parts += [
        '<div class="mu-calc-toolbar mu-calc-files">',
        f'<button type="button" class="md-button" data-action="export">{_say("calculators.export")}</button>',
        f'<span class="mu-calc-import"><input id="{p}-import" type="file" accept="application/json,.json" class="mu-calc-file" '
        f'aria-describedby="{p}-import-help"><label for="{p}-import" class="md-button">{_say("calculators.import")}</label></span>',
        f'<button type="button" class="md-button" data-action="link">{_say("calculators.link")}</button>',
        f'<button type="button" class="md-button" data-action="print">{_say("calculators.print")}</button>',
        "</div>",
        f'<p class="mu-help" id="{p}-import-help">{_import_help()}</p>',
        f'<p class="mu-calc-link" hidden><label for="{p}-link">{_say("calculators.link_label")}</label>'
        f'<input id="{p}-link" type="text" readonly autocomplete="off"></p>',
        '<p class="mu-calc-notice" role="status"></p>',
        '<p class="mu-calc-live" aria-hidden="true"></p>',
        "</div>",
        f'<section class="mu-calc-output" aria-labelledby="{p}-result-title">',
        f'<h2 id="{p}-result-title">{_say("calculators.result")}</h2>',
        '<div class="mu-calc-errors" role="alert" hidden></div>',
        f'<p class="mu-calc-summary" role="status">{_say("calculators.empty")}</p>',
        '<div class="mu-calc-details" hidden></div>',
        "</section></div>",
        "</form>",
    ]
    return "".join(parts)
