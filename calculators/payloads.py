"""JSON in: read a command's payload into the input dataclasses.

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

from calculators.annual_cost import AnnualCostInput, FixedCost, Loan
from calculators.break_even import BreakEvenInput
from calculators.errors import FieldError, ValidationError, label
from calculators.split import SplitInput, SplitPartner
from calculators.statement import StatementInput, StatementPartner
from calculators.usage_cost import Consumables, Maintenance, Preparation, Replacement, Use, UsageCostInput

USAGE_COST_SECTIONS: dict[str, tuple[type, dict[str, str]]] = {
    # section: (dataclass, {field: "number" | "text"})
    "use": (Use, {"units": "number", "hours": "number"}),
    "consumables": (Consumables, {"cost_per_unit": "number"}),
    "maintenance": (Maintenance, {"service_cost": "number", "service_interval_units": "number"}),
    "replacement": (
        Replacement,
        {
            "purchase_price": "number",
            "residual_value": "number",
            "lifetime_years": "number",
            "charged_per": "text",
            "uses_per_year": "number",
        },
    ),
    "preparation": (Preparation, {"hours": "number", "hourly_rate": "number", "payroll_charges_rate": "number"}),
}
USAGE_COST_KEYS = (*USAGE_COST_SECTIONS, "admin_fee")
BREAK_EVEN_KEYS = ("annual_fixed_costs", "variable_cost_per_use", "alternative_price_per_use")
SPLIT_KEYS = ("total", "method", "fixed_share", "partners")
PARTNER_KEYS = {"name": "text", "usage": "number", "weight": "number", "in_kind": "number"}


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


def _type_name(value: object) -> str:
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


def _path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _check_keys(obj: dict, prefix: str, allowed, errors: list[FieldError]) -> None:
    for key in obj:
        if key not in allowed:
            where = f"dans « {prefix} »" if prefix else "ici"
            errors.append(
                FieldError(
                    _path(prefix, str(key)),
                    f"Champ inconnu : « {key} ». Champs acceptés {where} : {', '.join(allowed)}.",
                )
            )


def _field(obj: dict, key: str, prefix: str, kind: str, errors: list[FieldError]):
    """The value of ``key`` if its JSON type fits ``kind``; None when blank or wrong (error added)."""
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    field = _path(prefix, key)
    if kind == "number":
        if isinstance(value, (Decimal, str)):
            return value
        errors.append(
            FieldError(
                field,
                f"Entrez un nombre pour {label(field)} (par exemple 12,50), pas {_type_name(value)}.",
            )
        )
        return None
    if isinstance(value, str):
        return value.strip()
    errors.append(FieldError(field, f"Entrez un texte pour {label(field)}, pas {_type_name(value)}."))
    return None


def _object(data: object, prefix: str, errors: list[FieldError]) -> dict | None:
    if isinstance(data, dict):
        return data
    if prefix:
        errors.append(FieldError(prefix, f"« {prefix} » doit être un objet JSON ({{…}}), pas {_type_name(data)}."))
    else:
        errors.append(FieldError("", f"Envoyez un objet JSON ({{…}}), pas {_type_name(data)}."))
    return None


def _build(kind: type, kwargs: dict, errors: list[FieldError]):
    try:
        return kind(**kwargs)
    except ValidationError as exc:
        errors.extend(exc.errors)
        return None


def read_usage_cost(data: object) -> UsageCostInput:
    errors: list[FieldError] = []
    root = _object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    _check_keys(root, "", USAGE_COST_KEYS, errors)
    sections: dict[str, object] = {}
    for name, (kind, fields) in USAGE_COST_SECTIONS.items():
        if root.get(name) is None:
            continue
        section = _object(root[name], name, errors)
        if section is None:
            continue
        before = len(errors)
        _check_keys(section, name, tuple(fields), errors)
        kwargs = {key: _field(section, key, name, fields[key], errors) for key in fields}
        if len(errors) == before:
            sections[name] = _build(kind, kwargs, errors)
    admin_fee = _field(root, "admin_fee", "", "number", errors)
    if errors:
        raise ValidationError(errors)
    return UsageCostInput(**sections, admin_fee=admin_fee)


def read_break_even(data: object) -> BreakEvenInput:
    errors: list[FieldError] = []
    root = _object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    _check_keys(root, "", BREAK_EVEN_KEYS, errors)
    kwargs = {key: _field(root, key, "", "number", errors) for key in BREAK_EVEN_KEYS}
    if errors:
        # still report range problems of the fields that were readable
        _build(BreakEvenInput, {k: v for k, v in kwargs.items()}, errors)
        raise ValidationError(_unique(errors))
    return BreakEvenInput(**kwargs)


def read_split(data: object) -> SplitInput:
    errors: list[FieldError] = []
    root = _object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    _check_keys(root, "", SPLIT_KEYS, errors)
    total = _field(root, "total", "", "number", errors)
    fixed_share = _field(root, "fixed_share", "", "number", errors)
    method = _field(root, "method", "", "text", errors)
    partners: list[SplitPartner] = []
    raw = root.get("partners")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        errors.append(FieldError("partners", f"« partners » doit être une liste de partenaires, pas {_type_name(raw)}."))
        raw = []
    for index, item in enumerate(raw):
        prefix = f"partners.{index}"
        entry = _object(item, prefix, errors)
        if entry is None:
            continue
        _check_keys(entry, prefix, tuple(PARTNER_KEYS), errors)
        values = {key: _field(entry, key, prefix, kind, errors) for key, kind in PARTNER_KEYS.items()}
        values["name"] = values["name"] or ""
        partners.append(SplitPartner(**values))
    if errors:
        raise ValidationError(errors)
    return SplitInput(total=total, method=method, partners=tuple(partners), fixed_share=fixed_share)


def _unique(errors: list[FieldError]) -> list[FieldError]:
    seen, out = set(), []
    for error in errors:
        if error.field not in seen:
            seen.add(error.field)
            out.append(error)
    return out


def _list(root: dict, key: str, errors: list[FieldError]) -> list:
    raw = root.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(FieldError(key, f"« {key} » doit être une liste, pas {_type_name(raw)}."))
        return []
    return raw


def _flag(obj: dict, key: str, prefix: str, errors: list[FieldError]) -> bool:
    """A yes/no value: JSON true/false, or the texts a form sends ("true", "false", "on", "")."""
    value = obj.get(key)
    if value is None or value is False or (isinstance(value, str) and value.strip().lower() in ("", "false", "non", "0")):
        return False
    if value is True or (isinstance(value, str) and value.strip().lower() in ("true", "on", "oui", "1")):
        return True
    errors.append(FieldError(_path(prefix, key), f"Indiquez {label(_path(prefix, key))} par true ou false."))
    return False


ANNUAL_COST_KEYS = {
    "purchase_price": "number",
    "subsidy": "number",
    "residual_value": "number",
    "lifetime_years": "number",
    "loan": "object",
    "fixed_costs": "list",
    "variable_cost_per_unit": "number",
    "expected_units": "number",
    "unit": "text",
}
LOAN_KEYS = {"amount": "number", "annual_rate": "number", "years": "number"}
FIXED_COST_KEYS = {"label": "text", "amount": "number"}


def read_annual_cost(data: object) -> AnnualCostInput:
    errors: list[FieldError] = []
    root = _object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    _check_keys(root, "", tuple(ANNUAL_COST_KEYS), errors)
    values = {
        key: _field(root, key, "", kind, errors) for key, kind in ANNUAL_COST_KEYS.items() if kind in ("number", "text")
    }
    loan = None
    if root.get("loan") is not None:
        section = _object(root["loan"], "loan", errors)
        if section is not None:
            before = len(errors)
            _check_keys(section, "loan", tuple(LOAN_KEYS), errors)
            kwargs = {key: _field(section, key, "loan", kind, errors) for key, kind in LOAN_KEYS.items()}
            if all(v is None for v in kwargs.values()):
                pass  # an empty loan section: no loan
            elif len(errors) == before:
                if kwargs["annual_rate"] is None:
                    kwargs["annual_rate"] = "0"
                loan = _build(Loan, kwargs, errors)
    costs = []
    for index, item in enumerate(_list(root, "fixed_costs", errors)):
        prefix = f"fixed_costs.{index}"
        entry = _object(item, prefix, errors)
        if entry is None:
            continue
        _check_keys(entry, prefix, tuple(FIXED_COST_KEYS), errors)
        kwargs = {key: _field(entry, key, prefix, kind, errors) for key, kind in FIXED_COST_KEYS.items()}
        kwargs["label"] = kwargs["label"] or ""
        costs.append(FixedCost(**kwargs))
    if errors:
        raise ValidationError(errors)
    values["unit"] = values.get("unit") or ""
    return AnnualCostInput(**values, loan=loan, fixed_costs=tuple(costs))


STATEMENT_KEYS = ("fixed_costs", "variable_cost_per_unit", "minimum_share_of_commitment", "partners", "compare")
COMPARE_KEYS = {"leaves": "text", "joins": "number"}
STATEMENT_PARTNER_KEYS = {"name": "text", "committed_units": "number", "actual_units": "number", "paid": "number"}


def read_statement(data: object) -> StatementInput:
    errors: list[FieldError] = []
    root = _object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    _check_keys(root, "", STATEMENT_KEYS, errors)
    values = {key: _field(root, key, "", "number", errors) for key in STATEMENT_KEYS[:3]}
    partners = []
    for index, item in enumerate(_list(root, "partners", errors)):
        prefix = f"partners.{index}"
        entry = _object(item, prefix, errors)
        if entry is None:
            continue
        _check_keys(entry, prefix, (*STATEMENT_PARTNER_KEYS, "holder"), errors)
        kwargs = {key: _field(entry, key, prefix, kind, errors) for key, kind in STATEMENT_PARTNER_KEYS.items()}
        kwargs["name"] = kwargs["name"] or ""
        kwargs["holder"] = _flag(entry, "holder", prefix, errors)
        partners.append(StatementPartner(**kwargs))
    wanted = {}
    if root.get("compare") is not None:
        section = _object(root["compare"], "compare", errors)
        if section is not None:
            _check_keys(section, "compare", tuple(COMPARE_KEYS), errors)
            wanted = {key: _field(section, key, "compare", kind, errors) for key, kind in COMPARE_KEYS.items()}
    if errors:
        raise ValidationError(errors)
    return StatementInput(
        **values, partners=tuple(partners), compare_leaves=wanted.get("leaves"), compare_joins=wanted.get("joins")
    )


READERS = {
    "usage-cost": read_usage_cost,
    "break-even": read_break_even,
    "split": read_split,
    "annual-cost": read_annual_cost,
    "statement": read_statement,
}
