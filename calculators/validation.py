"""Checks shared by the input dataclasses: numbers, ranges, choices.

Each input dataclass calls ``coerce`` in ``__post_init__``: every number is
turned into a ``Decimal`` (a float raises ``TypeError``), its range is checked
and every problem becomes a ``FieldError`` named by its dotted path. All the
problems of one input are reported together by ``ValidationError``.

A rate has two notations. The CLI's JSON (and so every input dataclass) holds
a fraction: ``"0.15"``, or ``"15 %"`` written with its sign. A form field
labelled in percent holds a percentage: ``"15"`` and ``"15 %"`` both mean
15 %; ``percent_as_fraction`` reads it (``calculators.form_values`` turns the form's
values into the CLI's JSON with it).
"""

from __future__ import annotations

from decimal import Decimal

from calculators.errors import (
    FieldError,
    ValidationError,
    label,
    missing,
    negative,
    not_a_number,
    not_positive,
)
from calculators.money import MAX_DECIMALS, NumberFormatError, to_decimal

# Amount fields that people may take for a rate: "30 %" gets this message
# instead of « n'est pas un nombre ». The currency is not known here: « un montant ».
PERCENT_GIVEN_FOR_AMOUNT = {
    "fixed_share": "La part fixe est un montant (par exemple 1 800), pas un pourcentage.",
}


def path(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def coerce_number(value: object, field: str, rule: str, errors: list[FieldError]) -> Decimal | None:
    """Return ``value`` as a Decimal checked against ``rule``; append errors, return None on error.

    ``rule``: "any" (finite), "non_negative" (≥ 0), "positive" (> 0) or
    "rate" (a fraction from 0 to 1; "15 %" is read as 0.15)."""
    with_sign = rule == "rate" and isinstance(value, str) and value.strip().endswith("%")
    if with_sign:
        try:
            number = to_decimal(value.strip()[:-1]) / 100
        except NumberFormatError:
            errors.append(not_a_number(field, value.strip()))
            return None
    elif field in PERCENT_GIVEN_FOR_AMOUNT and isinstance(value, str) and value.strip().endswith("%"):
        errors.append(FieldError(field, PERCENT_GIVEN_FOR_AMOUNT[field]))
        return None
    else:
        try:
            number = to_decimal(value)
        except NumberFormatError as exc:
            if isinstance(value, str):
                text = value.strip()
                if text:
                    errors.append(FieldError(field, f"{exc} Ce champ attend {label(field)}."))
                else:
                    errors.append(not_a_number(field))
            else:
                errors.append(FieldError(field, f"{exc} Ce champ attend {label(field)}."))
            return None
    if rule in ("non_negative", "rate") and number < 0:
        errors.append(negative(field))
        return None
    if rule == "positive" and number <= 0:
        errors.append(not_positive(field))
        return None
    if rule == "rate" and number > 1:
        if with_sign:
            errors.append(over_100_percent(field, number * 100))
        else:
            errors.append(
                FieldError(
                    field,
                    f"Écrivez {label(field)} avec le signe % (par exemple 15 %) ou en fraction (0,15) : "
                    f"{_plain(number)} voudrait dire {_plain(number * 100)} %.",
                )
            )
        return None
    return number


def over_100_percent(field: str, percent: Decimal) -> FieldError:
    return FieldError(field, f"Entrez {label(field)} entre 0 et 100 % : {_plain(percent)} % dépasse 100 %.")


def percent_as_fraction(value: object, field: str, errors: list[FieldError]) -> Decimal | None:
    """A form field labelled in percent, as typed: ``"15"``, ``"15 %"`` and ``"15%"`` all mean 15 %.

    Returns the fraction (``Decimal("0.15")``), from 0 to 1; on a problem,
    appends its French error on ``field`` and returns None. A JSON number is
    read in percent too.
    """
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            text = text[:-1].strip()
    else:
        text = value
    try:
        number = to_decimal(text)
    except (NumberFormatError, TypeError):
        shown = value.strip() if isinstance(value, str) else str(value)
        errors.append(
            FieldError(field, f"« {shown} » n'est pas un pourcentage. Entrez {label(field)} en pourcentage, par exemple 15 ou 15 %.")
        )
        return None
    if number < 0:
        errors.append(negative(field))
        return None
    if number > 100:
        errors.append(over_100_percent(field, number))
        return None
    fraction = number.scaleb(-2)
    exponent = fraction.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        errors.append(FieldError(field, f"Entrez {label(field)} avec au plus {MAX_DECIMALS - 2} chiffres après la virgule."))
        return None
    return fraction.normalize()


def _plain(value: Decimal) -> str:
    """A number as people write it in French, without grouping: 1500, 0,15."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def coerce(
    obj: object, prefix: str, rules: dict[str, str], required: tuple[str, ...] = ()
) -> list[FieldError]:
    """Coerce the named attributes of a frozen dataclass in place; return the errors.

    ``None`` is left as it is (an optional field not given), or reported as
    missing when the field is in ``required``.
    """
    errors: list[FieldError] = []
    for name, rule in rules.items():
        value = getattr(obj, name)
        if value is None:
            if name in required:
                errors.append(missing(path(prefix, name)))
            continue
        number = coerce_number(value, path(prefix, name), rule, errors)
        object.__setattr__(obj, name, number)
    return errors


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def has_at_most_cents(value: Decimal) -> bool:
    return value == value.quantize(Decimal("0.01"))


def partner_name(name: object, index: int, seen: dict[str, int], errors: list[FieldError]) -> str:
    """Partner n° ``index + 1``'s name, stripped. A missing name, or one already
    in ``seen`` (names met so far -> their index), appends its French error on
    ``partners.<index>.name``; a new name is added to ``seen``."""
    clean = name.strip() if isinstance(name, str) else ""
    field = f"partners.{index}.name"
    if not clean:
        errors.append(FieldError(field, f"Donnez un nom au partenaire n° {index + 1}."))
    elif clean in seen:
        errors.append(
            FieldError(
                field,
                f"Le nom « {clean} » est déjà utilisé par le partenaire n° {seen[clean] + 1} : "
                "donnez à chaque partenaire un nom différent.",
            )
        )
    else:
        seen[clean] = index
    return clean
