"""The formalisation rule as a page shows it: the table, and the chooser's form.

Plain functions, tested without MkDocs. Every word comes from
``agreements.formalisation`` (the rule) or from the validated agreement
models (their titles); nothing here decides anything.

- ``render_rule(models, page_src)``: the rule as a Markdown table with its
  notes (the table of ``conditions.md#formalisation`` and the chooser's
  table without JavaScript). Links to the model pages are relative ``.md``
  paths, so MkDocs checks them.
- ``render_chooser(models, network, page_url)``: the chooser's form (hidden
  until chooser.js mounts it), its result region and, in ``<template>``s,
  the models' titles and addresses and the interface's sentences.
"""

from __future__ import annotations

import posixpath
from html import escape

from agreements.formalisation import (
    CURRENCIES,
    CURRENCY_ALIASES,
    CURRENCY_NAMES,
    GUIDE_PAGES,
    KIND_LABELS,
    KINDS,
    rule_notes,
    rule_rows,
)
from macros.agreement_render import inert_json
from macros.questionnaire_render import link_href
from words import t

GENERATOR = "outils/conventions/index.md"


def model_page(model_id: str) -> str:
    """``convention_cadre`` → ``outils/conventions/convention-cadre.md`` (the model's page, under docs/)."""
    return f"outils/conventions/{model_id.replace('_', '-')}.md"


def _relative(target: str, page_src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_rule(models: dict, page_src: str) -> str:
    """The rule as Markdown: a table read from the top, then its notes."""
    lines = [
        "| Votre situation | La forme qui convient | Les modèles pour l'écrire |",
        "| --- | --- | --- |",
    ]
    for row in rule_rows():
        links = ", ".join(f"[{_cell(models[m]['title'])}]({_relative(model_page(m), page_src)})" for m in row["models"])
        models_cell = f"{row['models_note'][0].upper()}{row['models_note'][1:]} : {links}" if row["models_note"] else links
        form = f"**{_cell(row['title'])}**" + (f" : {_cell(row['detail'])}" if row["detail"] else "")
        lines.append(f"| {_cell(row['when'])} | {form} | {_cell(models_cell)} |")
    lines.append("")
    lines.extend(f"- {note}" for note in rule_notes())
    return "\n".join(lines) + "\n"


def _text_input(name: str, label: str, value: str, help_text: str = "", inputmode: str = "numeric") -> str:
    field_id = f"mu-ch-{name.replace('.', '-')}"
    described = f' aria-describedby="{field_id}-help"' if help_text else ""
    help_html = f'<br><span class="mu-ag-help" id="{field_id}-help">{escape(help_text)}</span>' if help_text else ""
    return (
        f'<p><label for="{field_id}">{escape(label)}</label><br>'
        f'<input type="text" id="{field_id}" name="{escape(name)}" value="{escape(value)}" inputmode="{inputmode}" '
        f'autocomplete="off"{described}>{help_html}</p>'
    )


def _checkbox(name: str, label: str, help_text: str) -> str:
    field_id = f"mu-ch-{name}"
    return (
        f'<p><input type="checkbox" id="{field_id}" name="{name}" aria-describedby="{field_id}-help"> '
        f'<label for="{field_id}">{escape(label)}</label><br>'
        f'<span class="mu-ag-help" id="{field_id}-help">{escape(help_text)}</span></p>'
    )


def render_chooser(models: dict, network: dict, page_url: str, use_directory_urls: bool = True) -> str:
    """The chooser: a form with fieldsets and labels, a role="status" result, and its data."""
    default_currency = CURRENCY_ALIASES.get(str(network.get("currency", "$")), "CAD")
    currency_options = "".join(
        f'<option value="{c}"{" selected" if c == default_currency else ""}>{escape(CURRENCY_NAMES[c])}</option>'
        for c in CURRENCIES
    )
    resources = "".join(_text_input(f"resources.{k}", KIND_LABELS[k], "0") for k in KINDS)
    catalog = {
        "models": {
            m: {
                "title": models[m]["title"],
                "href": link_href(model_page(m), page_url, use_directory_urls),
                "fill": t("agreements.choose_fill", title=models[m]["title"]),
            }
            for m in models
        },
        "generator": link_href(GENERATOR, page_url, use_directory_urls),
        "guide": {
            key: {"label": label, "href": link_href(path, page_url, use_directory_urls)} for key, (label, path) in GUIDE_PAGES.items()
        },
    }
    return f"""<div class="mu-chooser">
<noscript><p>Ce formulaire a besoin de JavaScript. Sans lui, lisez la règle dans le tableau plus bas : elle donne la même réponse.</p></noscript>
<p class="mu-ag-engine mu-ch-engine" role="status" aria-live="polite"></p>
<form class="mu-ag-form mu-ch-form" novalidate hidden>
<fieldset><legend>Durée et argent</legend>
{_text_input("duration_months", "Durée prévue du partage, en mois", "12", "Pour un prêt d'un jour ou d'une semaine, indiquez 1.")}
{_text_input("annual_amount", "Sommes en jeu par an", "0", "Ce que les partenaires se paient ou paient ensemble en un an : loyers, refacturations, salaires partagés, achats. 0 s'il n'y en a pas.", "decimal")}
<p><label for="mu-ch-currency">Monnaie de ces sommes</label><br><select id="mu-ch-currency" name="currency">{currency_options}</select></p>
</fieldset>
<fieldset aria-describedby="mu-ch-resources-help"><legend>Ce que vous mettez en commun (nombre de chaque sorte)</legend>
<p class="mu-ag-help" id="mu-ch-resources-help">Deux locaux comptent pour deux ressources ; un lot de matériel partagé sous les mêmes règles compte pour une.</p>
{resources}
{_checkbox("bought_together", "Vous achetez un bien ensemble", "Un véhicule, une machine, un logiciel payé à plusieurs.")}
</fieldset>
<fieldset><legend>Le groupe</legend>
{_text_input("partners", "Nombre d'organisations partenaires", "2")}
{_checkbox("own_name", "Le projet doit signer, posséder, employer ou recevoir des fonds en son propre nom", "Par exemple : signer un bail, embaucher, recevoir une subvention au nom du groupe.")}
</fieldset>
<p><button type="submit" class="md-button md-button--primary">Voir la forme qui convient</button></p>
</form>
<div class="mu-ch-result" role="status" aria-live="polite"></div>
<template data-search-exclude class="mu-ch-catalog">{inert_json(catalog)}</template>
</div>"""
