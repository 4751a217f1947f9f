"""Money and numbers: exact parsing, rounding to the cent, French display.

* ``parse_decimal`` reads what a person types in French (``0,05``,
  ``1 234,56``, ``1234.56``, spaces and no-break spaces as thousands
  separators, an optional ``$`` or ``€``) and refuses anything else with a
  French message.
* ``to_decimal`` is the door of the Python API: ``Decimal``, ``int`` and
  ``str`` are accepted, a ``float`` is refused with ``TypeError`` (a float has
  already lost the cents: ``0.1 + 0.2 != 0.3``).
* ``round_cents`` rounds half-up to the cent, once, where a line is shown.
* ``format_money`` writes ``1 234,56 $`` the way Babel (CLDR) does for
  fr_CA, fr_FR and fr_BE: thousands separated by a no-break space (U+00A0)
  in fr_CA and a narrow no-break space (U+202F) in fr_FR and fr_BE, and a
  no-break space (U+00A0) before the currency symbol.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

CENT = Decimal("0.01")
# Inputs beyond these bounds are typing mistakes, not budgets of a non-profit.
MAX_ABS = Decimal("1000000000000")  # 10^12
MAX_DECIMALS = 10

# Thousands separator of each supported locale, as in CLDR / Babel 2.x.
GROUP_SEPARATORS = {
    "fr_CA": "\u00a0",
    "fr_FR": "\u202f",
    "fr_BE": "\u202f",
}
CURRENCY_SPACE = "\u00a0"
SUPPORTED_LOCALES = tuple(GROUP_SEPARATORS)
# The currency sign and number format of each country the guide covers: the
# one place that says so (macros/countries.py writes it into the pages, the
# browser reads it there).
COUNTRY_MONEY = {
    "QC": {"currency": "$", "locale": "fr_CA"},
    "FR": {"currency": "€", "locale": "fr_FR"},
    "BE": {"currency": "€", "locale": "fr_BE"},
}

# Spaces people (and word processors) put between digit groups.
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_NUMBER = re.compile(r"^([+-]?)([0-9]*)(?:[.,]([0-9]+))?$")


# One dot before exactly three digits, the first not a zero: « 6.000 » is six
# thousand for a Belgian or a French reader (a dot between the thousands) and
# six in plain notation. Read either way, a figure may be a thousand times
# off: the form and the usage log ask (two_readings). A comma is the site's
# decimal sign (« 6,000 » is six, as the forms' examples say): not asked.
_TWO_READINGS = re.compile(r"^([+-]?)([1-9][0-9]{0,2})\.([0-9]{3})$")


def two_readings(text: str) -> tuple[str, str] | None:
    """Both readings of such a number, French notation: ``"6.000 €"`` → ``("6 000", "6,000")``; else None.

    >>> two_readings("45.230")
    ('45 230', '45,230')
    >>> two_readings("6,000") is None
    True
    """
    compact = SPACES.sub("", str(text)).replace("\u2212", "-").replace("$", "").replace("€", "")
    match = _TWO_READINGS.match(compact)
    if not match:
        return None
    sign, whole, thousands = match.groups()
    sign = "-" if sign == "-" else ""
    return f"{sign}{whole} {thousands}", f"{sign}{whole},{thousands}"


class NumberFormatError(ValueError):
    """A text that is not a number; the message is French and user-facing."""


def parse_decimal(text: str) -> Decimal:
    """Read a number typed in French or in plain notation; exact, never a float.

    >>> parse_decimal("1 234,56")
    Decimal('1234.56')
    >>> parse_decimal("0,05 $")
    Decimal('0.05')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_decimal attend un texte, pas {type(text).__name__}")
    sign, whole, fraction = _parts(text)
    return _checked(Decimal(f"{sign}{whole or '0'}.{fraction or '0'}"))


def _parts(text: str) -> tuple[str, str, str | None]:
    """(sign, whole digits, fraction digits or None) of a number typed in French or plain notation."""
    cleaned = text.strip()
    for symbol in ("$", "€"):
        if cleaned.endswith(symbol):
            cleaned = cleaned[: -len(symbol)]
        if cleaned.startswith(symbol):
            cleaned = cleaned[len(symbol):]
    cleaned = cleaned.replace("\u2212", "-")  # the typographic minus sign
    cleaned = SPACES.sub("", cleaned)
    match = _NUMBER.match(cleaned)
    if not cleaned or not match or not (match.group(2) or match.group(3)):
        raise NumberFormatError(
            f"« {text.strip()} » n'est pas un nombre : écrivez par exemple 12,50 ou 1 234,56."
        )
    return match.groups()


def plain_notation(text: str) -> str:
    """The number as the CLI's JSON writes it, digits as typed: ``"1 234,50"`` → ``"1234.50"``.

    Raises ``NumberFormatError`` (French) like ``parse_decimal``.

    >>> plain_notation("1 234,50 $")
    '1234.50'
    >>> plain_notation("12")
    '12'
    """
    parse_decimal(text)  # the same checks: finite, not too large, not too many decimals
    sign, whole, fraction = _parts(text)
    return f"{sign}{whole or '0'}" + (f".{fraction}" if fraction else "")


def french_notation(text: str) -> str:
    """The number as the form shows it, a comma before the decimals: ``"0.05"`` → ``"0,05"``.

    >>> french_notation("1234.5")
    '1234,5'
    """
    return plain_notation(text).replace(".", ",")


def _checked(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise NumberFormatError("Entrez un nombre fini, par exemple 12,50.")
    if abs(value) >= MAX_ABS:
        raise NumberFormatError("Ce nombre est trop grand : entrez moins de 1 000 milliards.")
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise NumberFormatError(f"Entrez au plus {MAX_DECIMALS} chiffres après la virgule.")
    return value + 0  # drops a negative zero and normalises the context


def to_decimal(value: object) -> Decimal:
    """Convert an API argument to ``Decimal``; a float raises ``TypeError``.

    ``Decimal`` and ``int`` are taken as they are, ``str`` goes through
    ``parse_decimal``. ``bool`` is refused too (``True`` is not an amount).
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(
            f"{value!r} est un {type(value).__name__} : passez un Decimal ou un texte "
            "(Decimal(\"0.05\") ou \"0,05\"), jamais un float."
        )
    if isinstance(value, Decimal):
        return _checked(value)
    if isinstance(value, int):
        return _checked(Decimal(value))
    if isinstance(value, str):
        return parse_decimal(value)
    raise TypeError(f"Nombre attendu (Decimal, int ou str), reçu {type(value).__name__}.")


def round_cents(value: Decimal | Fraction | int) -> Decimal:
    """Round half-up to the cent, exactly (a ``Fraction`` is rounded without loss)."""
    if isinstance(value, Fraction):
        cents = value * 100
        sign = -1 if cents < 0 else 1
        magnitude = abs(cents)
        whole = magnitude.numerator // magnitude.denominator
        if magnitude - whole >= Fraction(1, 2):
            whole += 1
        result = Decimal(sign * whole).scaleb(-2)
    else:
        result = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    if result == 0:
        result = Decimal("0.00")  # never "-0.00"
    return result


def json_amount(value: Decimal) -> str:
    """The amount as the JSON output writes it: a string with two decimals, ``"37.84"``."""
    return format(round_cents(value), "f")


def format_number(value: Decimal, locale: str = "fr_CA", decimals: int = 2) -> str:
    """``1234.5`` → ``1 234,50`` with the locale's thousands separator."""
    if locale not in GROUP_SEPARATORS:
        raise ValueError(
            f"Locale « {locale} » non prise en charge : choisissez parmi {', '.join(SUPPORTED_LOCALES)}."
        )
    if decimals == 2:
        value = round_cents(value)
    else:
        value = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if value == 0:
            value = abs(value)
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + GROUP_SEPARATORS[locale].join(groups)
    if fraction:
        out += "," + fraction
    return out


def format_money(value: Decimal, currency: str = "$", locale: str = "fr_CA") -> str:
    """``Decimal("1234.56")`` → ``1 234,56 $`` (fr_CA) or ``1 234,56 €`` (fr_FR, fr_BE)."""
    if isinstance(value, float):
        raise TypeError("format_money attend un Decimal, pas un float.")
    return f"{format_number(value, locale)}{CURRENCY_SPACE}{currency}"
