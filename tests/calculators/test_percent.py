"""Rates in percent (issue 28, point 9): the form's "15" and "15 %" are 15 %; the CLI keeps fractions.

Every expected value is worked out by hand in the test's comment.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from calculators import bridge
from calculators.errors import ValidationError
from calculators.form_values import form_input, form_values
from calculators.usage_cost import Preparation
from calculators.validation import percent_as_fraction

FIELD = "preparation.payroll_charges_rate"


@pytest.mark.parametrize(
    ("typed", "fraction"),
    [
        ("15", "0.15"),  # 15 ÷ 100
        ("15 %", "0.15"),
        ("15%", "0.15"),
        ("15\u00a0%", "0.15"),  # a no-break space before the sign, as French typing puts it
        ("4,5 %", "0.045"),  # 4.5 ÷ 100
        ("0,5", "0.005"),  # half a percent (a loan's rate): 0.5 ÷ 100, never 50 %
        ("100", "1"),
        ("0", "0"),
    ],
)
def test_a_field_in_percent_reads_the_number_as_percent(typed, fraction):
    errors = []
    assert percent_as_fraction(typed, FIELD, errors) == Decimal(fraction)
    assert errors == []


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("150 %", "Entrez le taux de charges sociales entre 0 et 100 % : 150 % dépasse 100 %."),
        ("150", "Entrez le taux de charges sociales entre 0 et 100 % : 150 % dépasse 100 %."),
        ("-3", "Entrez un nombre positif ou nul pour le taux de charges sociales."),
        ("quinze", "« quinze » n'est pas un pourcentage. Entrez le taux de charges sociales en pourcentage, par exemple 15 ou 15 %."),
    ],
)
def test_a_field_in_percent_says_what_is_wrong_in_percent(typed, message):
    errors = []
    assert percent_as_fraction(typed, FIELD, errors) is None
    assert [(e.field, e.message) for e in errors] == [(FIELD, message)]


def test_the_cli_keeps_fractions_and_says_150_percent_in_percent():
    # The CLI's JSON: "0.15" and "15 %" are 15 %; "15" would be 1 500 %, and is refused as before.
    assert Preparation("1", "30", "0.15").payroll_charges_rate == Decimal("0.15")
    assert Preparation("1", "30", "15 %").payroll_charges_rate == Decimal("0.15")
    with pytest.raises(ValidationError) as exc:
        Preparation("1", "30", "15")
    assert exc.value.errors[0].message.endswith("15 voudrait dire 1500 %.")
    # "150 %" was answered « 1,5 voudrait dire 150 % »: it now says that 150 % is more than 100 %.
    with pytest.raises(ValidationError) as exc:
        Preparation("1", "30", "150 %")
    assert exc.value.errors[0].message == "Entrez le taux de charges sociales entre 0 et 100 % : 150 % dépasse 100 %."


# The planer (tests/e2e/test_calculators.py), its preparation with payroll charges.
PLANER_FORM = {
    "use": {"units": "50", "hours": "5"},
    "consumables": {"cost_per_unit": "0,05"},
    "maintenance": {"service_cost": "100", "service_interval_units": "100 000"},
    "replacement": {"purchase_price": "3 500", "residual_value": "0", "lifetime_years": "7", "charged_per": "hour"},
    "preparation": {"hours": "1", "hourly_rate": "30"},
    "admin_fee": "5",
}


def planer(rate: str) -> str:
    form = json.loads(json.dumps(PLANER_FORM))
    form["preparation"]["payroll_charges_rate"] = rate
    return json.dumps(form)


@pytest.mark.parametrize("typed", ["15", "15 %"])
def test_the_form_door_computes_15_as_15_percent(typed):
    # preparation 1 h × 30 × (1 + 0.15) = 34.50; the other lines as in the planer:
    # consumables 2.50, maintenance 0.05, replacement 0.29, admin 5.00 → total 2.50 + 0.05 + 0.29 + 34.50 + 5.00 = 42.34
    answer = json.loads(bridge.present_form("usage-cost", planer(typed)))
    assert answer["result"]["lines"]["preparation"] == "34.50"
    assert answer["result"]["total"] == "42.34"
    # The stored and exported input is the CLI's JSON: the rate as a fraction.
    assert answer["input"]["preparation"]["payroll_charges_rate"] == "0.15"


def test_the_form_door_reads_0_15_as_0_15_percent():
    # 0,15 in a field in percent is 0.15 %: 1 h × 30 × 1.0015 = 30.045 → 30.05 (half-up);
    # total 2.50 + 0.05 + 0.29 + 30.05 + 5.00 = 37.89
    answer = json.loads(bridge.present_form("usage-cost", planer("0,15")))
    assert answer["result"]["lines"]["preparation"] == "30.05"
    assert answer["result"]["total"] == "37.89"


def test_the_form_door_reports_every_field_with_the_percentage_first():
    form = json.loads(planer("150 %"))
    form["use"]["units"] = "beaucoup"
    answer = json.loads(bridge.present_form("usage-cost", json.dumps(form)))
    assert [e["field"] for e in answer["errors"]] == [FIELD, "use.units"]
    assert answer["errors"][0]["message"].endswith("150 % dépasse 100 %.")
    assert answer["input"]["preparation"]["payroll_charges_rate"] == "150 %"  # kept as typed


def test_the_form_door_reads_a_loan_rate_in_percent():
    # 10 000 borrowed at 4,5 % over 3 years: year-1 interest 10 000 × 0.045 = 450.00;
    # payment 10 000 × 0.045 ÷ (1 − 1.045^−3) = 450 ÷ (1 − 1 ÷ 1.141166125) = 450 ÷ 0.1237033… = 3 637.73
    form = {"purchase_price": "10 000", "lifetime_years": "5", "loan": {"amount": "10 000", "annual_rate": "4,5", "years": "3"}}
    answer = json.loads(bridge.present_form("annual-cost", json.dumps(form)))
    first = answer["result"]["schedule"][0]
    assert (first["interest"], first["payment"]) == ("450.00", "3637.73")
    assert answer["input"]["loan"]["annual_rate"] == "0.045"


def test_form_input_leaves_an_empty_or_absent_rate_alone():
    cli, computable, errors = form_input("usage-cost", {"preparation": {"hours": "1", "hourly_rate": "30", "payroll_charges_rate": ""}})
    assert errors == [] and cli == computable
    assert cli["preparation"]["payroll_charges_rate"] == ""


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("0.15", "15"),  # 0.15 × 100
        ("15 %", "15"),  # an older export kept the typed "15 %"
        ("0.045", "4,5"),
        ("0", "0"),
    ],
)
def test_a_file_or_a_stored_calculation_is_shown_in_percent(stored, shown):
    values = form_values("annual-cost", json.dumps({"loan": {"amount": "1000", "annual_rate": stored, "years": "2"}}))
    assert values["loan.annual_rate"] == shown
    # And back: the form's value is the CLI's fraction again.
    cli, _, errors = form_input("annual-cost", {"loan": {"annual_rate": shown}})
    assert errors == [] and Decimal(cli["loan"]["annual_rate"]) == (Decimal("0.15") if stored == "15 %" else Decimal(stored))
