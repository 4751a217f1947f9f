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


def test_partner_names_are_checked_as_in_the_split():
    """One check (calculators.validation.partner_name), the same French messages in both calculators."""
    names = [" ", "Atelier", " Atelier "]
    split = json.loads(run("split", json.dumps({"total": "10", "method": "equal", "partners": [{"name": n} for n in names]})))
    mine = out({"fixed_costs": "10", "variable_cost_per_unit": "1", "partners": [
        dict(P[0], name=names[0]), dict(P[1], name=names[1]), {"name": names[2], "committed_units": "1", "actual_units": "1"}]})
    expected = {
        "partners.0.name": "Donnez un nom au partenaire n° 1.",
        "partners.2.name": "Le nom « Atelier » est déjà utilisé par le partenaire n° 2 : donnez à chaque partenaire un nom différent.",
    }
    for answer in (split, mine):
        assert {e["field"]: e["message"] for e in answer["errors"] if e["field"].endswith(".name")} == expected


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
    notes = [b["text"] for b in view["blocks"] if b["type"] == "paragraph"]
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


# --- comparison: a partner leaves or joins (issue 10) ---------------------------

THREE = {
    "fixed_costs": "1000",
    "variable_cost_per_unit": "0.10",
    "partners": [
        {"name": "A", "committed_units": "600", "actual_units": "600", "holder": True},
        {"name": "B", "committed_units": "300", "actual_units": "300", "paid": "100"},
        {"name": "C", "committed_units": "100", "actual_units": "100"},
    ],
}


def compared(payload):
    return {p["name"]: p for p in out(payload)["compare"]["partners"]}


def test_without_a_partner_the_fixed_costs_are_shared_by_the_others():
    # Now: 1 000 by 600/300/100 (total 1 000) → 600 / 300 / 100; variable 0,10 × 600/300/100 = 60 / 30 / 10;
    # due 660 / 330 / 110.
    # Without C: 1 000 by 600/300 (total 900) → 666,666… / 333,333… → 666,66 / 333,33 = 999,99; the remaining
    # cent goes to the largest remainder (0,666… > 0,333…): A 666,67, B 333,33. Due after: 726,67 / 363,33.
    rows = compared({**THREE, "compare": {"leaves": "C"}})
    assert rows["A"] == {"name": "A", "fixed_share_now": "600.00", "fixed_share_after": "666.67",
                         "due_now": "660.00", "due_after": "726.67"}
    assert rows["B"]["fixed_share_after"] == "333.33" and rows["B"]["due_after"] == "363.33"
    assert rows["C"]["fixed_share_now"] == "100.00" and rows["C"]["fixed_share_after"] is None
    assert rows["C"]["due_after"] is None


def test_a_newcomer_takes_its_share_and_is_billed_what_it_commits():
    # With a newcomer committing 1 000: 1 000 by 600/300/100/1 000 (total 2 000) → 300 / 150 / 50 / 500.
    # The newcomer is billed its 1 000 committed units: 0,10 × 1 000 = 100, due 600.
    # The others keep their variable: A 300 + 60 = 360, B 150 + 30 = 180, C 50 + 10 = 60.
    result = out({**THREE, "compare": {"joins": "1000"}})
    assert result["compare"]["leaves"] is None and result["compare"]["joins"] == "1000"
    rows = {p["name"]: p for p in result["compare"]["partners"]}
    assert [rows[n]["fixed_share_after"] for n in ("A", "B", "C")] == ["300.00", "150.00", "50.00"]
    assert [rows[n]["due_after"] for n in ("A", "B", "C")] == ["360.00", "180.00", "60.00"]
    assert rows["Nouveau partenaire"] == {"name": "Nouveau partenaire", "fixed_share_now": None,
                                         "fixed_share_after": "500.00", "due_now": None, "due_after": "600.00"}
    # The statement itself is unchanged by the comparison.
    plain = out(THREE)
    assert {k: v for k, v in result.items() if k != "compare"} == plain and "compare" not in plain


def test_the_comparison_is_shown_side_by_side_in_french():
    answer = json.loads(present("statement", json.dumps({**THREE, "compare": {"leaves": "C"}})))
    table = next(b for b in answer["view"]["blocks"] if b["type"] == "table" and b["caption"].startswith("Si "))
    assert table["caption"] == "Si C part : parts recalculées"
    assert table["head"] == ["Partenaire", "Part des coûts fixes, maintenant", "Part des coûts fixes, après",
                                "Dû, maintenant", "Dû, après"]
    assert table["rows"][0] == ["A", "600,00\xa0$", "666,67\xa0$", "660,00\xa0$",
                                "726,67\xa0$"]
    assert table["rows"][2][2] == "—"
    assert table["foot"] == ["Total", "1\xa0000,00\xa0$", "1\xa0000,00\xa0$", "1\xa0100,00\xa0$", "1\xa0090,00\xa0$"]


@pytest.mark.parametrize(
    ("compare", "field", "words"),
    [
        ({"leaves": "Z"}, "compare.leaves", "Aucun partenaire ne s'appelle « Z »"),
        ({"joins": "-5"}, "compare.joins", "positif ou nul"),
        ({"joins": "0", "leaves": "A"}, "compare.joins", "plus personne ne serait engagé"),
        ({"other": "1"}, "compare", "other"),
    ],
)
def test_comparison_errors_name_the_field(compare, field, words):
    payload = {**THREE, "compare": compare}
    if compare.get("leaves") == "A":
        payload["partners"] = [dict(p, committed_units="0") if p["name"] != "A" else p for p in THREE["partners"]]
    errors = out(payload)["errors"]
    assert any(e["field"].startswith(field) and words in e["message"] for e in errors), errors
