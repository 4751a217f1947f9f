"""Split: largest remainder to the cent, in-kind credits, validation, properties."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import SplitInput, SplitPartner, ValidationError, split
from calculators.split import largest_remainder

D = Decimal


def shares(result):
    return [(p.name, str(p.share), str(p.in_kind), str(p.net)) for p in result.partners]


def test_equal_thirds_first_listed_gets_the_cent():
    # 100 / 3 = 33.333...; floors 33.33 x 3 = 99.99; one cent left, remainders tie -> first listed
    result = split(SplitInput(D("100"), "equal", (SplitPartner("A"), SplitPartner("B"), SplitPartner("C"))))
    assert [s[1] for s in shares(result)] == ["33.34", "33.33", "33.33"]
    assert result.total == D("100.00")


def test_split_with_in_kind_contributions():
    # Yearly van costs 5 400 $, mixed: a fixed share of 1 800 $ split equally (600 each),
    # the other 3 600 $ by kilometres 6 000 : 3 000 : 1 000 -> 2 160, 1 080, 360.
    # Shares 2 760, 1 680, 960. The second lends its yard for parking, valued 600 $:
    # net 1 680 - 600 = 1 080.
    result = split(
        SplitInput(
            D("5400"),
            "mixed",
            (
                SplitPartner("Ressourcerie", usage=D("6000")),
                SplitPartner("Centre communautaire", usage=D("3000"), in_kind=D("600")),
                SplitPartner("Festival", usage=D("1000")),
            ),
            fixed_share=D("1800"),
        )
    )
    assert shares(result) == [
        ("Ressourcerie", "2760.00", "0.00", "2760.00"),
        ("Centre communautaire", "1680.00", "600.00", "1080.00"),
        ("Festival", "960.00", "0.00", "960.00"),
    ]


def test_mixed_split_rounds_once_per_partner():
    # 1000, fixed 400 -> 133.333 each; 600 by usage 0:30:10 -> 0, 450, 150;
    # exact 133.333, 583.333, 283.333: floors sum 999.99, the cent to the first (tie)
    result = split(
        SplitInput(
            D("1000"),
            "mixed",
            (SplitPartner("A", usage=D(0)), SplitPartner("B", usage=D(30)), SplitPartner("C", usage=D(10))),
            fixed_share=D("400"),
        )
    )
    assert [s[1] for s in shares(result)] == ["133.34", "583.33", "283.33"]


def test_negative_net_means_the_partner_is_owed():
    # 300 equally -> 150 each; in kind 200 -> net -50: the others owe 50
    result = split(SplitInput(D("300"), "equal", (SplitPartner("A", in_kind=D("200")), SplitPartner("B"))))
    assert shares(result) == [("A", "150.00", "200.00", "-50.00"), ("B", "150.00", "0.00", "150.00")]


def test_weights_and_largest_remainder():
    result = split(SplitInput(D("1000"), "weights", (SplitPartner("N", weight=D(2)), SplitPartner("S", weight=D(1)), SplitPartner("E", weight=D(1)))))
    assert [s[1] for s in shares(result)] == ["500.00", "250.00", "250.00"]
    # 10 by usage 1:2 -> 3.333 and 6.666: the cent goes to the larger remainder
    result = split(SplitInput(D("10"), "usage", (SplitPartner("A", usage=D(1)), SplitPartner("B", usage=D(2)))))
    assert [s[1] for s in shares(result)] == ["3.33", "6.67"]


def test_largest_remainder_ties_go_to_the_first():
    # 5 cents in three: 1.666 each -> 2, 2, 1
    from fractions import Fraction

    assert largest_remainder(5, [Fraction(5, 3)] * 3) == [2, 2, 1]


def errors_of(**kwargs):
    with pytest.raises(ValidationError) as exc:
        SplitInput(**kwargs)
    return {e.field: e.message for e in exc.value.errors}


def test_validation():
    assert errors_of(total=D(10), method="equal", partners=()) == {"partners": "Ajoutez au moins un partenaire."}
    errors = errors_of(total=D(10), method="equal", partners=(SplitPartner(""), SplitPartner("B"), SplitPartner("B ")))
    assert errors["partners.0.name"] == "Donnez un nom au partenaire n° 1."
    assert "déjà utilisé" in errors["partners.2.name"]
    errors = errors_of(total=D(10), method="usage", partners=(SplitPartner("A", usage=D(0)), SplitPartner("B", usage=D(0))))
    assert "supérieure à zéro" in errors["partners.0.usage"]
    errors = errors_of(total=D(10), method="usage", partners=(SplitPartner("A"),))
    assert errors == {"partners.0.usage": "Indiquez l'utilisation du partenaire."}
    errors = errors_of(total=D(10), method="weights", partners=(SplitPartner("A", weight=D(-1)),))
    assert "positif ou nul" in errors["partners.0.weight"]
    errors = errors_of(total=D(10), method="mixed", partners=(SplitPartner("A", usage=D(1)),))
    assert "fixed_share" in errors
    errors = errors_of(total=D(10), method="mixed", fixed_share=D(11), partners=(SplitPartner("A", usage=D(1)),))
    assert errors["fixed_share"] == "La part fixe ne peut pas dépasser le montant à répartir."
    assert "method" in errors_of(total=D(10), method="prorata", partners=(SplitPartner("A"),))
    assert "total" in errors_of(total=D("10.005"), method="equal", partners=(SplitPartner("A"),))
    assert "partners.0.in_kind" in errors_of(total=D("10"), method="equal", partners=(SplitPartner("A", in_kind=D("-1")),))
    with pytest.raises(TypeError):
        SplitInput(D(10), "usage", (SplitPartner("A", usage=1.5),))


def test_callers_partners_are_not_changed():
    given_partner = SplitPartner("  A  ", usage="1")
    inp = SplitInput("10", "usage", (given_partner,))
    assert given_partner.name == "  A  " and given_partner.usage == "1"
    assert inp.partners[0].name == "A" and inp.partners[0].usage == D(1)


# --- properties -------------------------------------------------------------

totals = st.decimals(min_value=0, max_value=1000000, places=2)
amounts = st.decimals(min_value=0, max_value=100000, places=2)


@st.composite
def split_inputs(draw):
    method = draw(st.sampled_from(["equal", "usage", "weights", "mixed"]))
    count = draw(st.integers(min_value=1, max_value=12))
    total = draw(totals)
    usages = draw(st.lists(amounts, min_size=count, max_size=count).filter(lambda xs: sum(xs) > 0))
    partners = tuple(
        SplitPartner(f"P{i}", usage=usages[i], weight=usages[-1 - i] + 1, in_kind=draw(amounts)) for i in range(count)
    )
    fixed = draw(st.decimals(min_value=0, max_value=total, places=2)) if method == "mixed" else None
    return SplitInput(total, method, partners, fixed_share=fixed)


@settings(max_examples=300, deadline=None)
@given(split_inputs())
def test_shares_add_up_exactly_to_the_total(inp):
    result = split(inp)
    assert sum(p.share for p in result.partners) == inp.total
    for p in result.partners:
        assert p.share == p.share.quantize(D("0.01")) and p.share >= 0
        assert p.net == p.share - p.in_kind


@settings(max_examples=200, deadline=None)
@given(totals, st.integers(min_value=1, max_value=30))
def test_equal_shares_differ_by_at_most_a_cent_and_larger_come_first(total, count):
    result = split(SplitInput(total, "equal", tuple(SplitPartner(f"P{i}") for i in range(count))))
    values = [p.share for p in result.partners]
    assert max(values) - min(values) <= D("0.01")
    assert values == sorted(values, reverse=True)
