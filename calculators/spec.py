"""What a calculator is: one declaration that every door reads.

A ``Calculator`` names its command, its reader (JSON → input dataclass), its
compute function, its JSON result, its French view (summary sentence, tables,
notes, charts) and its form fields. The bridge and the CLI look commands up in
``calculators.registry.REGISTRY``; the ``calculator(id)`` macro renders the
form from the fields; the browser module (calculator-app.js) renders any
``view`` the same way, with no per-calculator code.

View format (all text French, all figures already formatted by Python)::

    {"summary": "Coût d'une utilisation : 37,84 $.",
     "blocks": [
        {"kind": "table", "caption": …, "headers": […], "rows": [[…]], "foot": […] | null},
        {"kind": "note", "text": …},
        {"kind": "chart", "svg": "<svg…>"}]}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Field:
    """One input. ``name``: dotted path in the CLI's JSON (in a list: the key in a row).

    ``kind``: ``decimal`` (a number typed in French), ``percent`` (a rate
    typed in percent, "15" or "15 %", a fraction in the CLI's JSON; see
    ``calculators.form``), ``text``, ``choice`` (a select, ``choices`` =
    ((value, French label), …)) or ``radio`` (in a list: one row is chosen,
    sent as ``true``). ``{currency}`` in ``label`` and
    ``help`` is replaced by the network's currency symbol.
    """

    name: str
    label: str
    help: str = ""
    kind: str = "decimal"
    choices: tuple[tuple[str, str], ...] = ()
    show_when: str = ""  # "name=value|value": shown only when a select has one of these values
    header: str = ""  # in a list: the column header, when it differs from the label


@dataclass(frozen=True)
class ListField:
    """Rows of the same fields (partners, fixed costs): one table, one row per item."""

    name: str
    caption: str
    item: str  # what one row is, in French: "partenaire", "coût fixe"
    columns: tuple[Field, ...]
    add_label: str
    min_rows: int = 2


@dataclass(frozen=True)
class Section:
    legend: str
    fields: tuple[Field | ListField, ...]
    intro: str = ""
    show_when: str = ""


@dataclass(frozen=True)
class Carry:
    """A button that takes a figure from another calculator's last result kept in the browser.

    ``values`` maps a field of this form to a dotted path in the stored record
    ``{"input": …, "result": …}`` of ``source``; ``fixed`` sets other fields to
    constant values (as typed).
    """

    source: str
    label: str
    done: str
    missing: str
    values: tuple[tuple[str, str], ...]
    fixed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Calculator:
    id: str  # the CLI command: "usage-cost"
    prefix: str  # the form's id, and the prefix of its fields' ids: "uc"
    file: str  # the exported file's name, without .json
    read: Callable  # JSON (already parsed) -> input dataclass, raises ValidationError
    compute: Callable  # input -> result
    to_json: Callable  # result -> the CLI's JSON (amounts as strings)
    view: Callable  # (input, result, currency, locale) -> view dict (see above)
    sections: tuple[Section, ...]
    example: str  # the example the page's button loads (calculators/examples.py)
    example_label: str = "Charger un exemple"
    extras: Callable | None = None  # (input, result, currency, locale) -> extra keys of present()
    result_title: str = "Résultat"
    noscript: str = "Ce calculateur a besoin de JavaScript."
    carry: tuple[Carry, ...] = field(default=())  # figures taken from other calculators' last results

    def field_kinds(self) -> dict[str, str]:
        """Each field's ``kind`` by its dotted path; list columns as ``<list>.N.<key>`` patterns."""
        kinds = {}
        for section in self.sections:
            for item in section.fields:
                if isinstance(item, ListField):
                    kinds.update({f"{item.name}.N.{column.name}": column.kind for column in item.columns})
                else:
                    kinds[item.name] = item.kind
        return kinds
