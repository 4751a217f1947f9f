"""What a calculator is: one declaration, in its own module, that every door reads.

A calculator is one module of this package that defines ``CALCULATOR =
Calculator(...)``: its command, its reader (JSON → input dataclass), its
compute function, its JSON result, its French view, its form fields, the
labels its error messages use and its worked examples. ``calculators.registry``
finds every such module; the bridge, the CLI, the ``calculator(id)`` macro,
the guide's worked examples, the tests and the browser (calculator-app.js,
which renders any ``view`` the same way) read it from there.

View format (all text French, all figures already formatted by Python): a
summary sentence (the page's role="status" line) and blocks in the ``blocks``
package's format (built with ``calculators.view_blocks``)::

    {"summary": "Coût d'une utilisation : 37,84 $.",
     "blocks": [
        {"type": "table", "caption": …, "head": […], "rows": [[…]], "foot"?: […], "row_head": true, …},
        {"type": "paragraph", "class": "mu-calc-note", "text": …},
        {"type": "figure", "class": "mu-calc-chart", "svg": "<svg…>", "caption": "", "label": …}]}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from calculators.errors import add_labels


@dataclass(frozen=True)
class Field:
    """One input. ``name``: dotted path in the CLI's JSON (in a list: the key in a row).

    ``kind``: ``decimal`` (a number typed in French), ``percent`` (a rate
    typed in percent, "15" or "15 %", a fraction in the CLI's JSON; see
    ``calculators.form_values``), ``text``, ``choice`` (a select, ``choices`` =
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
    name: str  # what the guide calls it, in French, lower case: "coût d'utilisation"
    prefix: str  # the form's id, and the prefix of its fields' ids: "uc"
    file: str  # the exported file's name, without .json
    read: Callable  # JSON (already parsed) -> input dataclass, raises ValidationError
    compute: Callable  # input -> result
    to_json: Callable  # result -> the CLI's JSON (amounts as strings)
    view: Callable  # (input, result, currency, locale) -> view dict (see above)
    sections: tuple[Section, ...]
    examples: Mapping[str, dict]  # worked examples: {id: {"title", "payload", …}} (amounts as strings)
    example: str  # the example the page's button loads (one of ``examples``)
    labels: Mapping[str, str] = field(default_factory=dict)  # dotted path -> its name in error messages
    example_label: str = "Charger un exemple"
    carry: tuple[Carry, ...] = field(default=())  # figures taken from other calculators' last results

    def __post_init__(self):
        add_labels(self.labels)  # calculators.errors names a field by them

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
