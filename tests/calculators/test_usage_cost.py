"""Usage cost: the planer and other hand-worked uses, the no-use rule, properties."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import (
    Consumables,
    Maintenance,
    Preparation,
    Replacement,
    Use,
    UsageCostInput,
    ValidationError,
    usage_cost,
)
from calculators.usage_cost import days_started

D = Decimal


def planer(units="50", hours="5"):
    return UsageCostInput(
        use=Use(units=D(units), hours=D(hours)),
        consumables=Consumables(cost_per_unit=D("0.05")),
        maintenance=Maintenance(service_cost=D("100"), service_interval_units=D("100000")),
        replacement=Replacement(purchase_price=D("3500"), lifetime_years=D("7"), charged_per="hour"),
        preparation=Preparation(hours=D("1"), hourly_rate=D("30")),
        admin_fee=D("5"),
    )


def test_planer_from_the_guide():
    # consumables 0.05 x 50 ft = 2.50
    # maintenance 100 $ every 100 000 ft: 100 / 100000 x 50 = 0.05
    # replacement 3500 / 7 = 500 $ a year; / (365 x 24) = 0.05708 $ an hour; x 5 h = 0.2854 -> 0.29
    # preparation 1 h x 30 $ (charges included: rate 0) = 30.00
    # admin fee 5.00; total 2.50 + 0.05 + 0.29 + 30.00 + 5.00 = 37.84
    result = usage_cost(planer())
    assert result.lines == {
        "consumables": D("2.50"),
        "maintenance": D("0.05"),
        "replacement": D("0.29"),
        "preparation": D("30.00"),
        "admin_fee": D("5.00"),
    }
    assert result.total == D("37.84")


def test_van_charged_per_calendar_day_started():
    # A van used 30 h for 120 km:
    # fuel 0.18 $/km x 120 = 21.60
    # service 450 $ every 15 000 km: 450 / 15000 = 0.03 $/km x 120 = 3.60
    # (42 000 - 12 000 residual) / 6 years = 5 000 $ a year; / 365 = 13.69863 $ a day;
    #   30 h starts ceil(30/24) = 2 calendar days: 27.39726 -> 27.40
    # preparation 0.5 h x 24 $ x (1 + 0.15) = 13.80
    # admin fee 4.00; total 21.60 + 3.60 + 27.40 + 13.80 + 4.00 = 70.40
    result = usage_cost(
        UsageCostInput(
            use=Use(units=D("120"), hours=D("30")),
            consumables=Consumables(D("0.18")),
            maintenance=Maintenance(D("450"), D("15000")),
            replacement=Replacement(D("42000"), D("6"), "day", residual_value=D("12000")),
            preparation=Preparation(D("0.5"), D("24"), D("0.15")),
            admin_fee=D("4"),
        )
    )
    assert [str(v) for v in result.lines.values()] == ["21.60", "3.60", "27.40", "13.80", "4.00"]
    assert result.total == D("70.40")


def test_room_charged_per_use():
    # A meeting room booked 3 h: heating 1.20 €/h x 3 = 3.60; no maintenance section -> 0.00
    # furniture 6 000 € / 5 years = 1 200 € a year / 160 bookings = 7.50
    # set-up 0.25 h x 18 € x 1.35 (35 % payroll charges) = 6.075 -> 6.08 (half-up)
    # fee 2.50; total 3.60 + 0 + 7.50 + 6.08 + 2.50 = 19.68
    result = usage_cost(
        UsageCostInput(
            use=Use(units=D("3"), hours=D("3")),
            consumables=Consumables(D("1.20")),
            replacement=Replacement(D("6000"), D("5"), "use", uses_per_year=D("160")),
            preparation=Preparation(D("0.25"), D("18"), D("0.35")),
            admin_fee=D("2.50"),
        )
    )
    assert [str(v) for v in result.lines.values()] == ["3.60", "0.00", "7.50", "6.08", "2.50"]
    assert result.total == D("19.68")


def test_total_is_sum_of_rounded_lines_not_rounded_sum():
    # two lines of 0.005 each: each shows 0.01, so the total shows 0.02 (not round(0.010) = 0.01)
    result = usage_cost(
        UsageCostInput(
            use=Use(units=D("1")),
            consumables=Consumables(D("0.005")),
            maintenance=Maintenance(D("5"), D("1000")),
        )
    )
    assert result.consumables == result.maintenance == D("0.01")
    assert result.total == D("0.02")


@pytest.mark.parametrize("hours,days", [("0", 1), ("5", 1), ("24", 1), ("24.01", 2), ("48", 2), ("49", 3)])
def test_days_started(hours, days):
    assert days_started(D(hours)) == days


def test_strings_are_read_in_french_and_floats_refused():
    assert Consumables("0,05").cost_per_unit == D("0.05")
    with pytest.raises(TypeError):
        Consumables(0.05)
    with pytest.raises(TypeError):
        Use(units=1.5)
    with pytest.raises(TypeError):
        UsageCostInput(admin_fee=5.0)


def test_inputs_are_frozen():
    inp = planer()
    with pytest.raises(AttributeError):
        inp.admin_fee = D("0")


def fields(exc):
    return {e.field: e.message for e in exc.value.errors}


def test_validation_messages_name_the_field():
    with pytest.raises(ValidationError) as exc:
        Maintenance(D("100"), D("0"))
    assert fields(exc) == {
        "maintenance.service_interval_units": "L'intervalle entre deux mises au point doit être supérieur à zéro."
    }
    with pytest.raises(ValidationError) as exc:
        Replacement(D("100"), D("0"), "hour", residual_value=D("200"))
    assert set(fields(exc)) == {"replacement.lifetime_years", "replacement.residual_value"}
    assert "ne peut pas dépasser le prix d'achat" in fields(exc)["replacement.residual_value"]
    with pytest.raises(ValidationError) as exc:
        Replacement(D("100"), D("5"), "week")
    assert "« hour »" in fields(exc)["replacement.charged_per"]
    with pytest.raises(ValidationError) as exc:
        Replacement(D("100"), D("5"), "use")
    assert "replacement.uses_per_year" in fields(exc)
    with pytest.raises(ValidationError) as exc:
        Use(units=D("-1"))
    assert fields(exc) == {"use.units": "Entrez un nombre positif ou nul pour la quantité utilisée (unités, pieds, kilomètres…)."}
    with pytest.raises(ValidationError) as exc:
        Preparation(D("1"), D("30"), D("15"))
    assert fields(exc)["preparation.payroll_charges_rate"].endswith("15 voudrait dire 1500 %.")


def test_payroll_rate_accepts_percent_text():
    assert Preparation("1", "30", "15 %").payroll_charges_rate == D("0.15")


# --- properties -------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False, allow_infinity=False)
quantities = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def resources(draw):
    purchase = draw(amounts)
    return dict(
        consumables=Consumables(draw(amounts)),
        maintenance=Maintenance(draw(amounts), draw(st.decimals(min_value="0.01", max_value=100000, places=2))),
        replacement=Replacement(
            purchase,
            draw(st.decimals(min_value="0.5", max_value=40, places=1)),
            draw(st.sampled_from(["hour", "day", "use"])),
            residual_value=draw(st.decimals(min_value=0, max_value=purchase, places=2)),
            uses_per_year=draw(st.decimals(min_value=1, max_value=1000, places=0)),
        ),
        preparation=Preparation(draw(quantities), draw(amounts), draw(st.decimals(min_value=0, max_value=1, places=2))),
        admin_fee=draw(amounts),
    )


@settings(max_examples=150, deadline=None)
@given(resources(), quantities, quantities, quantities, quantities)
def test_cost_never_decreases_with_more_units_or_hours(resource, units, hours, more_units, more_hours):
    before = usage_cost(UsageCostInput(use=Use(units, hours), **resource))
    after = usage_cost(UsageCostInput(use=Use(units + more_units, hours + more_hours), **resource))
    for name in before.lines:
        assert after.lines[name] >= before.lines[name]
    assert after.total >= before.total


@settings(max_examples=150, deadline=None)
@given(resources())
def test_no_use_leaves_only_the_fixed_lines(resource):
    # 0 units and 0 hours: consumables, maintenance and a replacement charged per hour are 0;
    # preparation and the admin fee stay; a replacement per use or per day (one day started) stays.
    result = usage_cost(UsageCostInput(use=Use(D(0), D(0)), **resource))
    assert result.consumables == 0
    assert result.maintenance == 0
    if resource["replacement"].charged_per == "hour":
        assert result.replacement == 0
    else:
        once = usage_cost(UsageCostInput(use=Use(D(0), D(1)), replacement=resource["replacement"]))
        assert result.replacement == once.replacement
    alone = usage_cost(UsageCostInput(preparation=resource["preparation"], admin_fee=resource["admin_fee"]))
    assert result.preparation == alone.preparation
    assert result.admin_fee == alone.admin_fee
    assert result.total == sum(result.lines.values())


@settings(max_examples=100, deadline=None)
@given(resources(), quantities, quantities)
def test_total_is_always_the_sum_of_the_lines(resource, units, hours):
    result = usage_cost(UsageCostInput(use=Use(units, hours), **resource))
    assert result.total == sum(result.lines.values())
    assert all(v == v.quantize(D("0.01")) for v in result.lines.values())
