"""Money: exact parsing of French input, half-up rounding, French display as Babel writes it."""

from decimal import Decimal
from fractions import Fraction

import pytest
from babel.numbers import format_currency

from calculators.money import (
    NumberFormatError,
    format_money,
    json_amount,
    parse_decimal,
    round_cents,
    to_decimal,
)

GRID = ["0", "0.05", "-0.05", "1", "12.3", "999.99", "1234.5", "-1234.5", "1234.56", "100000", "1000000", "-1000000", "987654321.987"]
SITES = [("fr_CA", "$", "CAD"), ("fr_FR", "€", "EUR"), ("fr_BE", "€", "EUR")]


@pytest.mark.parametrize("locale,symbol,code", SITES)
@pytest.mark.parametrize("value", GRID)
def test_format_money_matches_babel(value, locale, symbol, code):
    # Babel (CLDR) is the reference: same separators, same spaces, same sign.
    expected = format_currency(Decimal(value), code, locale=locale)
    assert format_money(Decimal(value), symbol, locale) == expected


def test_format_money_spaces_are_exactly_cldr():
    # fr_CA groups with U+00A0, fr_FR and fr_BE with U+202F; U+00A0 before the symbol everywhere.
    assert format_money(Decimal("1234.56"), "$", "fr_CA") == "1\u00a0234,56\u00a0$"
    assert format_money(Decimal("1234.56"), "€", "fr_FR") == "1\u202f234,56\u00a0€"
    assert format_money(Decimal("1234.56"), "€", "fr_BE") == "1\u202f234,56\u00a0€"


def test_format_money_rounds_half_up_and_never_shows_minus_zero():
    assert format_money(Decimal("0.005")) == "0,01\u00a0$"
    assert format_money(Decimal("-0.004")) == "0,00\u00a0$"


def test_format_money_refuses_unknown_locale_and_floats():
    with pytest.raises(ValueError):
        format_money(Decimal(1), "$", "en_US")
    with pytest.raises(TypeError):
        format_money(1.5)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("0,05", "0.05"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1\u202f234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("  42  ", "42"),
        ("-3,5", "-3.5"),
        ("\u22123,5", "-3.5"),
        ("12,50 $", "12.5"),
        ("12,50\u00a0€", "12.5"),
        (",5", "0.5"),
        ("100 000", "100000"),
    ],
)
def test_parse_decimal_reads_french_input(text, expected):
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "12,5,3", "1.234,56", "1e5", "NaN", "Infinity", "12 $ 3", "--1", "+", "\u0663"])
def test_parse_decimal_refuses_text_in_french(text):
    with pytest.raises(NumberFormatError) as info:
        parse_decimal(text)
    assert "n'est pas un nombre" in str(info.value)


def test_parse_decimal_refuses_absurd_sizes():
    with pytest.raises(NumberFormatError, match="trop grand"):
        parse_decimal("1 000 000 000 000")
    with pytest.raises(NumberFormatError, match="chiffres après la virgule"):
        parse_decimal("0,00000000001")


def test_to_decimal_refuses_floats_and_bools():
    with pytest.raises(TypeError):
        to_decimal(0.1)
    with pytest.raises(TypeError):
        to_decimal(True)
    with pytest.raises(TypeError):
        to_decimal([1])
    assert to_decimal(Decimal("0.1")) == Decimal("0.1")
    assert to_decimal(3) == Decimal(3)
    assert to_decimal("0,1") == Decimal("0.1")


@pytest.mark.parametrize(
    "value,expected",
    [
        (Decimal("2.345"), "2.35"),  # half-up, not banker's rounding (which gives 2.34)
        (Decimal("2.344999"), "2.34"),
        (Decimal("-2.345"), "-2.35"),  # half away from zero
        (Fraction(2854, 10000), "0.29"),  # the planer's 500 / 8760 x 5 = 0.2854
        (Fraction(1, 200), "0.01"),  # exactly half a cent goes up
        (Fraction(-1, 300), "0.00"),
    ],
)
def test_round_cents_half_up(value, expected):
    assert str(round_cents(value)) == expected


def test_json_amount_has_two_decimals():
    assert json_amount(Decimal("5")) == "5.00"
    assert json_amount(Decimal("1000000")) == "1000000.00"
