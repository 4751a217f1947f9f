"""Break-even: smallest number of uses a year from which pooling is strictly cheaper."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import BreakEvenInput, ValidationError, break_even, break_even_uses

D = Decimal


@pytest.mark.parametrize(
    "fixed,variable,alternative,expected,working",
    [
        ("1000", "2", "12", 101, "1000/(12-2) = 100 exactly: at 100 uses 1200 = 1200 (a tie), at 101: 1202 < 1212"),
        ("650", "37.55", "85", 14, "650/47.45 = 13.7: 13 uses 1138.15 >= 1105; 14 uses 1175.70 < 1190"),
        ("0", "0", "5", 1, "no fixed costs: the first use is already cheaper (0 < 5)"),
        ("99.99", "0", "100", 1, "99.99 < 100 at one use"),
        ("500", "15", "12", None, "the alternative is cheaper per use: never"),
        ("0", "8", "8", None, "same price per use: the alternative is never dearer"),
    ],
)
def test_break_even_worked_by_hand(fixed, variable, alternative, expected, working):
    assert break_even_uses(BreakEvenInput(D(fixed), D(variable), D(alternative))) == expected, working


def test_curve_for_the_chart():
    # F = 1000, v = 2, p = 12, n = 101: the chart goes to 2 x 101 = 202 uses
    result = break_even(BreakEvenInput(D("1000"), D("2"), D("12")))
    points = {p.uses: (p.pooling, p.alternative) for p in result.curve}
    assert points == {0: (D("1000"), D("0")), 101: (D("1202"), D("1212")), 202: (D("1404"), D("2424"))}


def test_curve_without_break_even_goes_to_ten_uses():
    result = break_even(BreakEvenInput(D("500"), D("15"), D("12")))
    assert result.break_even_uses is None
    assert [p.uses for p in result.curve] == [0, 10]
    assert result.curve[-1].pooling == D("650") and result.curve[-1].alternative == D("120")


def test_validation():
    with pytest.raises(ValidationError) as exc:
        BreakEvenInput(D("-1"), None, D("3"))
    assert [e.field for e in exc.value.errors] == ["annual_fixed_costs", "variable_cost_per_use"]
    with pytest.raises(TypeError):
        BreakEvenInput(1.0, D(1), D(2))


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=0, max_value=100000, places=2),
    st.decimals(min_value=0, max_value=500, places=2),
    st.decimals(min_value=0, max_value=500, places=2),
)
def test_break_even_is_the_first_strictly_cheaper_count(fixed, variable, alternative):
    n = break_even_uses(BreakEvenInput(fixed, variable, alternative))
    if alternative <= variable:
        assert n is None
        return
    assert fixed + n * variable < alternative * n
    assert not (fixed + (n - 1) * variable < alternative * (n - 1))
