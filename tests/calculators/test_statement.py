"""Year-end statement: hand-worked scenarios (working written here) and properties."""

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.bridge import present, run
from calculators.statement import StatementInput, StatementPartner, statement


def out(payload):
    return json.loads(run("statement", json.dumps(payload, ensure_ascii=False)))


VAN_7433 = {
    "fixed_costs": "7433.33",
    "variable_cost_per_unit": "0.18",
    "minimum_share_of_commitment": "0.8",
    "partners": [
        {"name": "Ressourcerie du Plateau", "committed_units": "6000", "actual_units": "6400", "holder": True},
        {"name": "Centre communautaire des Saules", "committed_units": "3000", "actual_units": "2000", "paid": "2800"},
        {"name": "Festival des Voisins", "committed_units": "1000", "actual_units": "1100", "paid": "1200"},
    ],
}


def test_partner_under_its_minimum_and_refunds():
    """A van, year 1: fixed 7 433.33, 0.18 per km, minimum 80 % of the commitment.

    committed 6 000 / 3 000 / 1 000 km (10 000): exact shares in cents 445 999.8, 222 999.9, 74 333.3;
    floors 445 999 + 222 999 + 74 333 = 743 331, two cents missing: to the largest remainders .9 then .8
    → 4 460.00, 2 230.00, 743.33 (sum 7 433.33)
    billed: Ressourcerie max(6 400, 4 800) = 6 400; Saules max(2 000, 0.8 × 3 000 = 2 400) = 2 400 (under its
    minimum); Festival max(1 100, 800) = 1 100
    variable 6 400 × 0.18 = 1 152.00; 2 400 × 0.18 = 432.00; 1 100 × 0.18 = 198.00
    due 5 612.00; 2 662.00; 941.33; total 9 215.33
    the holder (Ressourcerie) advanced 9 215.33 − 2 800 − 1 200 = 5 215.33
    balances 5 612 − 5 215.33 = 396.67; 2 662 − 2 800 = −138.00; 941.33 − 1 200 = −258.67 (sum 0)
    the two who paid too much are refunded by the holder: 138.00 and 258.67
    """
    result = out(VAN_7433)
    assert [(p["fixed_share"], p["billed_units"], p["variable"], p["due"], p["paid"], p["balance"]) for p in result["partners"]] == [
        ("4460.00", "6400", "1152.00", "5612.00", "5215.33", "396.67"),
        ("2230.00", "2400", "432.00", "2662.00", "2800.00", "-138.00"),
        ("743.33", "1100", "198.00", "941.33", "1200.00", "-258.67"),
    ]
    assert result["transfers"] == [
        {"from": "Ressourcerie du Plateau", "to": "Centre communautaire des Saules", "amount": "138.00"},
        {"from": "Ressourcerie du Plateau", "to": "Festival des Voisins", "amount": "258.67"},
    ]
    assert result["total_due"] == "9215.33"


def test_only_actual_use_without_a_minimum_and_a_tie_to_the_first():
    """Fixed 1 000 split by equal commitments (1 each): 333.333… each; floors 333.33 × 3 = 999.99, the missing
    cent is a tie, so to the first listed: 333.34, 333.33, 333.33.
    No minimum: only actual use is billed. variable 0.50 × 100 = 50.00; × 300 = 150.00; × 0 = 0.00
    due A 383.34, B 483.33, C 333.33; total 1 200.00. C paid 100, B nothing: A (holder) advanced 1 100.
    balances A 383.34 − 1 100 = −716.66, B 483.33, C 333.33 − 100 = 233.33 (sum 0); B and C pay A."""
    result = out(
        {
            "fixed_costs": "1000",
            "variable_cost_per_unit": "0,50",
            "partners": [
                {"name": "A", "committed_units": "1", "actual_units": "100", "holder": True},
                {"name": "B", "committed_units": "1", "actual_units": "300"},
                {"name": "C", "committed_units": "1", "actual_units": "0", "paid": "100"},
            ],
        }
    )
    assert [p["fixed_share"] for p in result["partners"]] == ["333.34", "333.33", "333.33"]
    assert [p["balance"] for p in result["partners"]] == ["-716.66", "483.33", "233.33"]
    assert result["transfers"] == [
        {"from": "B", "to": "A", "amount": "483.33"},
        {"from": "C", "to": "A", "amount": "233.33"},
    ]
    assert result["total_due"] == "1200.00"


def test_settled_accounts_need_no_transfer():
    """Fixed 100, nothing variable, equal commitments: 50.00 each; B already paid its 50: balance 0;
    the holder advanced 100 − 50 = 50 and owes 0 too. No transfer."""
    result = out(
        {
            "fixed_costs": "100",
            "variable_cost_per_unit": "0",
            "partners": [
                {"name": "A", "committed_units": "5", "actual_units": "9", "holder": True},
                {"name": "B", "committed_units": "5", "actual_units": "1", "paid": "50"},
            ],
        }
    )
    assert [p["balance"] for p in result["partners"]] == ["0.00", "0.00"]
    assert result["transfers"] == []


P = [{"name": "A", "committed_units": "1", "actual_units": "1", "holder": True}, {"name": "B", "committed_units": "1", "actual_units": "1"}]


@pytest.mark.parametrize(
    "payload, field, words",
    [
        ({"variable_cost_per_unit": "1", "partners": P}, "fixed_costs", "Indiquez les coûts fixes"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": []}, "partners", "Ajoutez au moins un partenaire"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [dict(P[0], holder=False), P[1]]}, "partners.0.holder", "un seul détenteur"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [P[0], dict(P[1], holder=True)]}, "partners.1.holder", "un seul détenteur"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [dict(P[0], paid="5"), P[1]]}, "partners.0.paid", "détenteur"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [P[0], dict(P[1], name="A")]}, "partners.1.name", "déjà utilisé"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "minimum_share_of_commitment": "80", "partners": P}, "minimum_share_of_commitment", "%"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [P[0], dict(P[1], actual_units="beaucoup")]}, "partners.1.actual_units", "unités réellement utilisées"),
        ({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [dict(P[0], committed_units="0"), dict(P[1], committed_units="0")]}, "partners.0.committed_units", "engagé"),
    ],
)
def test_error_paths(payload, field, words):
    errors = out(payload)["errors"]
    assert any(e["field"] == field and words in e["message"] for e in errors), errors


def test_present_names_who_pays_whom_guide_example():
    """The guide's van: fixed 6 433.33 (3 333.33 + 1 000 + 1 800 + 300, the annual cost's accounting view
    without the fuel); in cents 643 333 × 6/10 = 385 999.8, × 3/10 = 192 999.9, × 1/10 = 64 333.3; floors sum
    to 643 331, two cents to .9 then .8 → 3 860.00, 1 930.00, 643.33. Variable as above 1 152, 432, 198.
    Due 5 012.00, 2 362.00, 841.33: total 8 215.33. Saules paid 2 000 → 362.00 to pay; Festival paid 1 200
    → 358.67 refunded; the holder advanced 8 215.33 − 3 200 = 5 015.33 → −3.33. Sum 362 − 358.67 − 3.33 = 0."""
    from calculators.examples import payload_json

    view = json.loads(present("statement", payload_json("statement", "van")))["view"]
    assert view["summary"] == "Total dû pour l'année : 8\u00a0215,33\u00a0$. 2 virements soldent les comptes."
    transfers = next(b for b in view["blocks"] if b.get("caption") == "Qui paie qui")
    assert transfers["rows"] == [
        ["Centre communautaire des Saules", "Ressourcerie du Plateau", "362,00\u00a0$"],
        ["Ressourcerie du Plateau", "Festival des Voisins", "358,67\u00a0$"],
    ]
    notes = [b["text"] for b in view["blocks"] if b["kind"] == "note"]
    assert any("Centre communautaire des Saules a utilisé 2\u00a0000 unités" in n for n in notes)


amounts = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c).scaleb(-2))
units = st.integers(min_value=0, max_value=100_000).map(Decimal)


@settings(max_examples=200, deadline=None)
@given(
    fixed=amounts,
    rate=st.integers(min_value=0, max_value=500).map(lambda c: Decimal(c).scaleb(-2)),
    minimum=st.integers(min_value=0, max_value=100).map(lambda c: Decimal(c).scaleb(-2)),
    rows=st.lists(st.tuples(units, units, amounts), min_size=1, max_size=6),
    holder=st.integers(min_value=0, max_value=5),
)
def test_balances_sum_to_zero_and_transfers_settle_them(fixed, rate, minimum, rows, holder):
    holder = holder % len(rows)
    committed = [c for c, _, _ in rows]
    if sum(committed) == 0:
        committed[0] = Decimal(1)
    partners = tuple(
        StatementPartner(
            name=f"P{i}", committed_units=committed[i], actual_units=actual,
            paid=None if i == holder else paid, holder=i == holder,
        )
        for i, (_, actual, paid) in enumerate(rows)
    )
    result = statement(StatementInput(fixed, rate, partners, minimum))
    assert sum(p.fixed_share for p in result.partners) == fixed
    assert sum(p.due for p in result.partners) == result.total_due
    assert sum(p.balance for p in result.partners) == 0
    balances = {p.name: p.balance for p in result.partners}
    for t in result.transfers:
        assert t.amount > 0
        balances[t.payer] -= t.amount
        balances[t.payee] += t.amount
    assert all(value == 0 for value in balances.values())
