"""Field errors: what the calculators say when an input cannot be used.

Every error names the field by its dotted path in the JSON input
(``maintenance.service_interval_units``) and tells the reader, in French,
what to enter instead. ``ValidationError`` carries one or more of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``field`` is a dotted path, ``message`` French."""

    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class ValidationError(ValueError):
    """Raised when an input is refused; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...]):
        self.errors = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    def to_json(self) -> dict[str, list[dict[str, str]]]:
        return {"errors": [e.to_json() for e in self.errors]}


# The messages every calculator shares, by key (words/calculators.py puts them
# in the site's catalog: one definition). ``{label}`` is the field's name in
# French, article included, from its calculator's ``labels``.
MESSAGES: dict[str, str] = {
    "missing": "Indiquez {label}.",
    "not_a_number": "Entrez un nombre pour {label}, par exemple 12,50 ou 1 234,56.",
    "not_a_number_shown": "« {text} » n'est pas un nombre. Entrez un nombre pour {label}, par exemple 12,50 ou 1 234,56.",
    "negative": "Entrez un nombre positif ou nul pour {label}.",
    "not_positive": "Entrez un nombre supérieur à zéro pour {label}.",
    "unknown_field": "le champ « {field} »",
}


# Every calculator's labels by dotted path, filled as each calculator is
# declared (calculators.spec.Calculator): so this module imports no calculator.
# Two calculators that share a path share its label (the registry checks it).
_LABELS: dict[str, str] = {}


def add_labels(labels) -> None:
    for path, text in labels.items():
        _LABELS.setdefault(path, text)


def label(field: str) -> str:
    """The French label of a dotted path (``partners.2.usage`` included), from its calculator's ``labels``."""
    pattern = re.sub(r"\.\d+\.", ".N.", field)
    return _LABELS.get(field) or _LABELS.get(pattern) or MESSAGES["unknown_field"].format(field=field)


def missing(field: str) -> FieldError:
    return FieldError(field, MESSAGES["missing"].format(label=label(field)))


def not_a_number(field: str, text: str | None = None) -> FieldError:
    if text:
        return FieldError(field, MESSAGES["not_a_number_shown"].format(text=text, label=label(field)))
    return FieldError(field, MESSAGES["not_a_number"].format(label=label(field)))


def negative(field: str) -> FieldError:
    return FieldError(field, MESSAGES["negative"].format(label=label(field)))


def not_positive(field: str) -> FieldError:
    return FieldError(field, MESSAGES["not_positive"].format(label=label(field)))
