"""Annual cost of a shared good: hand-worked scenarios (working written here) and properties."""

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.annual_cost import Loan, constant_payment, loan_schedule
from calculators.bridge import present, run


def out(payload):
    return json.loads(run("annual-cost", json.dumps(payload, ensure_ascii=False)))


def test_loan_at_zero_percent():
    """A van at 30 000, subsidy 6 000, resale 4 000 after 5 years; 15 000 borrowed at 0 % over 3 years.

    depreciation (30 000 − 6 000 − 4 000) ÷ 5 = 4 000.00
    at 0 % the payment is 15 000 ÷ 3 = 5 000.00, no interest; balances 10 000, 5 000, 0
    fixed 1 200 + 300 = 1 500.00; variable 0.12 × 20 000 km = 2 400.00
    accounting 4 000 + 0 + 1 500 + 2 400 = 7 900.00; per km 7 900 ÷ 20 000 = 0.395 → 0.40 (half-up)
    cash 5 000 + 1 500 + 2 400 = 8 900.00; per km 0.445 → 0.45
    initial contribution 30 000 − 6 000 − 15 000 = 9 000.00
    """
    result = out(
        {
            "purchase_price": "30 000",
            "subsidy": "6000",
            "residual_value": "4000",
            "lifetime_years": "5",
            "loan": {"amount": "15000", "annual_rate": "0", "years": "3"},
            "fixed_costs": [{"label": "Assurance", "amount": "1200"}, {"label": "Immatriculation", "amount": "300"}],
            "variable_cost_per_unit": "0,12",
            "expected_units": "20000",
            "unit": "kilomètre",
        }
    )
    assert result == {
        "accounting": {"depreciation": "4000.00", "interest": "0.00", "fixed": "1500.00", "variable": "2400.00",
                       "total": "7900.00", "per_unit": "0.40"},
        "cash": {"loan_payment": "5000.00", "fixed": "1500.00", "variable": "2400.00", "total": "8900.00",
                 "per_unit": "0.45"},
        "initial_contribution": "9000.00",
        "schedule": [
            {"year": 1, "payment": "5000.00", "interest": "0.00", "principal": "5000.00", "balance": "10000.00"},
            {"year": 2, "payment": "5000.00", "interest": "0.00", "principal": "5000.00", "balance": "5000.00"},
            {"year": 3, "payment": "5000.00", "interest": "0.00", "principal": "5000.00", "balance": "0.00"},
        ],
    }


def test_last_year_adjustment_van_example():
    """The guide's van: 42 000, subsidy 10 000, resale 12 000 after 6 years; 20 000 at 5 % over 4 years.

    A = 20 000 × 0.05 ÷ (1 − 1.05^−4); 1.05^4 = 1.21550625; 1 ÷ 1.21550625 = 0.8227025
    A = 1 000 ÷ 0.1772975 = 5 640.2367 → 5 640.24
    year 1: interest 20 000 × 0.05 = 1 000.00, principal 4 640.24, balance 15 359.76
    year 2: interest 767.988 → 767.99, principal 4 872.25, balance 10 487.51
    year 3: interest 524.3755 → 524.38, principal 5 115.86, balance 5 371.65
    year 4 (last): interest 268.5825 → 268.58; pays the balance 5 371.65 + 268.58 = 5 640.23, one cent under A
    depreciation (42 000 − 10 000 − 12 000) ÷ 6 = 3 333.333 → 3 333.33
    accounting 3 333.33 + 1 000 + 2 100 + 0.18 × 10 000 = 8 233.33; per km 0.823 → 0.82
    cash 5 640.24 + 2 100 + 1 800 = 9 540.24; per km 0.954 → 0.95; initial 42 000 − 10 000 − 20 000 = 12 000
    """
    from calculators.examples import payload_json

    result = json.loads(run("annual-cost", payload_json("annual-cost", "van")))
    assert [(r["payment"], r["interest"], r["principal"], r["balance"]) for r in result["schedule"]] == [
        ("5640.24", "1000.00", "4640.24", "15359.76"),
        ("5640.24", "767.99", "4872.25", "10487.51"),
        ("5640.24", "524.38", "5115.86", "5371.65"),
        ("5640.23", "268.58", "5371.65", "0.00"),
    ]
    assert result["accounting"] == {"depreciation": "3333.33", "interest": "1000.00", "fixed": "2100.00",
                                    "variable": "1800.00", "total": "8233.33", "per_unit": "0.82"}
    assert result["cash"]["total"] == "9540.24" and result["cash"]["per_unit"] == "0.95"
    assert result["initial_contribution"] == "12000.00"


def test_no_loan_and_no_expected_use():
    """A planer at 3 500 over 7 years, nothing else: depreciation 500.00; no loan: interest 0, payment 0;
    cash total 0; no expected use: both per-unit figures are null; the partners pay all 3 500 up front."""
    result = out({"purchase_price": "3500", "lifetime_years": "7"})
    assert result["accounting"]["total"] == "500.00"
    assert result["accounting"]["per_unit"] is None and result["cash"]["per_unit"] is None
    assert result["cash"]["total"] == "0.00"
    assert result["initial_contribution"] == "3500.00"
    assert result["schedule"] == []


@pytest.mark.parametrize(
    "payload, field, words",
    [
        ({"lifetime_years": "5"}, "purchase_price", "Indiquez le prix d'achat"),
        ({"purchase_price": "100", "lifetime_years": "0"}, "lifetime_years", "supérieur à zéro"),
        # 80 + 30 = 110 > 100 while 80 ≤ 100: the residual value is the figure to change.
        ({"purchase_price": "100", "subsidy": "80", "residual_value": "30", "lifetime_years": "2"}, "residual_value", "prix d'achat moins la subvention"),
        ({"purchase_price": "100", "lifetime_years": "2", "loan": {"amount": "200", "annual_rate": "0", "years": "2"}}, "loan.amount", "dépasser"),
        ({"purchase_price": "100", "lifetime_years": "2", "loan": {"amount": "50", "annual_rate": "5", "years": "2"}}, "loan.annual_rate", "%"),
        ({"purchase_price": "100", "lifetime_years": "2", "loan": {"amount": "50", "annual_rate": "0", "years": "2,5"}}, "loan.years", "années entières"),
        ({"purchase_price": "100", "lifetime_years": "2", "fixed_costs": [{"label": "x", "amount": "abc"}]}, "fixed_costs.0.amount", "montant annuel du coût fixe"),
        ({"purchase_price": "100", "lifetime_years": "2", "colour": "red"}, "colour", "Champ inconnu"),
    ],
)
def test_error_paths(payload, field, words):
    errors = out(payload)["errors"]
    assert any(e["field"] == field and words in e["message"] for e in errors), errors


def test_a_subsidy_larger_than_the_price_is_said_under_the_subsidy():
    """Issue 28, point 9: a subsidy of 12 000 on a price of 10 000 was reported under « Valeur résiduelle »
    (where nothing was typed). It is said under the subsidy, and only there."""
    errors = out({"purchase_price": "10000", "subsidy": "12000", "lifetime_years": "5"})["errors"]
    assert errors == [{"field": "subsidy", "message": "La subvention ne peut pas dépasser le prix d'achat."}]
    # 6 000 + 5 000 = 11 000 > 10 000, the subsidy alone fits: the residual value is to change.
    errors = out({"purchase_price": "10000", "subsidy": "6000", "residual_value": "5000", "lifetime_years": "5"})["errors"]
    assert [e["field"] for e in errors] == ["residual_value"]
    # 6 000 + 4 000 = 10 000: allowed; depreciation (10 000 − 6 000 − 4 000) ÷ 5 = 0.
    result = out({"purchase_price": "10000", "subsidy": "6000", "residual_value": "4000", "lifetime_years": "5"})
    assert result["accounting"]["depreciation"] == "0.00"


def test_present_gives_a_french_view_with_both_views_and_two_charts():
    from calculators.examples import payload_json

    answer = json.loads(present("annual-cost", payload_json("annual-cost", "van")))
    view = answer["view"]
    assert view["summary"] == "Prix par kilomètre : 0,82\u00a0$ en vue comptable, 0,95\u00a0$ en vue trésorerie (année 1)."
    tables = [b for b in view["blocks"] if b["type"] == "table"]
    assert tables[0]["foot"] == ["Total", "8\u00a0233,33\u00a0$"]
    assert sum(1 for b in view["blocks"] if b["type"] == "figure") == 2


@settings(max_examples=200, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=100_000_000),
    rate=st.integers(min_value=0, max_value=2000),
    years=st.integers(min_value=1, max_value=30),
)
def test_schedule_repays_the_loan_exactly(cents, rate, years):
    amount = Decimal(cents).scaleb(-2)
    loan = Loan(amount=amount, annual_rate=Decimal(rate).scaleb(-4), years=Decimal(years))
    rows = loan_schedule(loan)
    assert len(rows) == years
    assert sum(r.principal for r in rows) == amount
    assert rows[-1].balance == 0
    payment = constant_payment(loan.amount, loan.annual_rate, years)
    for row in rows:
        assert row.payment == row.interest + row.principal
    assert all(row.payment == payment for row in rows[:-1])
