"""JSON in: what every calculator's reader (``read`` in its module) is made of.

Numbers may be JSON numbers or strings (``"0,05"``, ``"1 234,56"``). JSON
numbers are read with ``parse_float=Decimal`` and ``parse_int=Decimal``: they
never become floats. ``NaN`` and ``Infinity`` are refused. An empty string or
``null`` counts as a field left blank (the field's default, or « Indiquez… »
when it is required). Unknown keys are refused by name.

Every problem is collected, then raised at once as ``ValidationError``.
"""

from __future__ import annotations

import json
from decimal import Decimal

from calculators.errors import FieldError, ValidationError, label


def _reject_constant(name: str):
    raise ValueError(name)


def loads(text: str) -> object:
    """Parse JSON without floats; malformed text raises ValidationError (field "")."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        return json.loads(text, parse_float=Decimal, parse_int=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [
                FieldError(
                    "",
                    f"Les données reçues ne sont pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno}). "
                    'Envoyez un objet JSON, par exemple {"admin_fee": "5"}.',
                )
            ]
        ) from None
    except ValueError:
        raise ValidationError(
            [FieldError("", "NaN et Infinity ne sont pas des nombres acceptés : entrez des nombres ordinaires.")]
        ) from None


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "une valeur vrai/faux"
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, dict):
        return "un objet"
    if isinstance(value, (Decimal, int)):
        return "un nombre"
    if isinstance(value, str):
        return "un texte"
    return type(value).__name__


def path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def check_keys(obj: dict, prefix: str, allowed, errors: list[FieldError]) -> None:
    for key in obj:
        if key not in allowed:
            where = f"dans « {prefix} »" if prefix else "ici"
            errors.append(
                FieldError(
                    path(prefix, str(key)),
                    f"Champ inconnu : « {key} ». Champs acceptés {where} : {', '.join(allowed)}.",
                )
            )


def read_value(obj: dict, key: str, prefix: str, kind: str, errors: list[FieldError]):
    """The value of ``key`` if its JSON type fits ``kind``; None when blank or wrong (error added)."""
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    field = path(prefix, key)
    if kind == "number":
        if isinstance(value, (Decimal, str)):
            return value
        errors.append(
            FieldError(
                field,
                f"Entrez un nombre pour {label(field)} (par exemple 12,50), pas {type_name(value)}.",
            )
        )
        return None
    if isinstance(value, str):
        return value.strip()
    errors.append(FieldError(field, f"Entrez un texte pour {label(field)}, pas {type_name(value)}."))
    return None


def as_object(data: object, prefix: str, errors: list[FieldError]) -> dict | None:
    if isinstance(data, dict):
        return data
    if prefix:
        errors.append(FieldError(prefix, f"« {prefix} » doit être un objet JSON ({{…}}), pas {type_name(data)}."))
    else:
        errors.append(FieldError("", f"Envoyez un objet JSON ({{…}}), pas {type_name(data)}."))
    return None


def build(kind: type, kwargs: dict, errors: list[FieldError]):
    try:
        return kind(**kwargs)
    except ValidationError as exc:
        errors.extend(exc.errors)
        return None


def unique(errors: list[FieldError]) -> list[FieldError]:
    seen, out = set(), []
    for error in errors:
        if error.field not in seen:
            seen.add(error.field)
            out.append(error)
    return out


def read_list(root: dict, key: str, errors: list[FieldError]) -> list:
    raw = root.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(FieldError(key, f"« {key} » doit être une liste, pas {type_name(raw)}."))
        return []
    return raw


def read_flag(obj: dict, key: str, prefix: str, errors: list[FieldError]) -> bool:
    """A yes/no value: JSON true/false, or the texts a form sends ("true", "false", "on", "")."""
    value = obj.get(key)
    if value is None or value is False or (isinstance(value, str) and value.strip().lower() in ("", "false", "non", "0")):
        return False
    if value is True or (isinstance(value, str) and value.strip().lower() in ("true", "on", "oui", "1")):
        return True
    errors.append(FieldError(path(prefix, key), f"Indiquez {label(path(prefix, key))} par true ou false."))
    return False
