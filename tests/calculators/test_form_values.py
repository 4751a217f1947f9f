"""The form's values: the CLI's notation for export, the French one for the form (calculators.form_values).

Worked by hand: "1 234,56" is 1234.56 in plain notation; the JSON number 0.05
is shown as "0,05"; a text that is not a number is never changed.
"""

import json

import pytest

from calculators import bridge
from calculators.form_values import cli_input, form_values
from calculators.money import NumberFormatError, french_notation, plain_notation


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("1 234,56", "1234.56"),
        ("1\u202f234,50 $", "1234.50"),  # digits as typed: the trailing zero stays
        ("0,05", "0.05"),
        ("12", "12"),
        (",5", "0.5"),
        ("\u22123,5", "-3.5"),  # the typographic minus
        ("7.25", "7.25"),
    ],
)
def test_plain_notation(typed, plain):
    assert plain_notation(typed) == plain
    assert french_notation(plain) == plain.replace(".", ",")


@pytest.mark.parametrize("typed", ["cinq", "1,2,3", "", "1 000 000 000 000", "0,00000000001"])
def test_plain_notation_refuses_what_parse_decimal_refuses(typed):
    with pytest.raises(NumberFormatError):
        plain_notation(typed)


def test_cli_input_writes_number_fields_plainly_and_leaves_the_rest():
    typed = {
        "total": "1 200,50",
        "method": "mixed",
        "fixed_share": "30 %",  # not a number: the calculator says why, the export keeps it
        "partners": [{"name": "2024", "usage": "1,5", "holder": True}, {"name": "B", "in_kind": "50"}],
    }
    assert cli_input("split", typed) == {
        "total": "1200.50",
        "method": "mixed",
        "fixed_share": "30 %",
        "partners": [{"name": "2024", "usage": "1.5", "holder": True}, {"name": "B", "in_kind": "50"}],
    }
    assert typed["total"] == "1 200,50"  # the argument is not changed


def test_cli_input_writes_json_numbers_as_strings():
    # A file written by hand may hold JSON numbers: read as Decimal, given back as the CLI's strings.
    payload = bridge.loads('{"total": 1200.50, "partners": [{"name": "A", "usage": 3}]}')
    assert cli_input("split", payload) == {"total": "1200.50", "partners": [{"name": "A", "usage": "3"}]}
    answer = json.loads(bridge.present("split", '{"total": 1200.50, "method": "equal", "partners": [{"name": "A"}]}'))
    assert answer["input"]["total"] == "1200.50"


def test_cli_input_leaves_unknown_shapes_alone():
    assert cli_input("split", ["not", "an", "object"]) == ["not", "an", "object"]
    assert cli_input("rabais", {"a": "1,5"}) == {"a": "1,5"}


def test_form_values_from_an_exported_file():
    text = json.dumps({"consumables": {"cost_per_unit": "0.05"}, "replacement": {"charged_per": "hour"}})
    assert form_values("usage-cost", text) == {"consumables.cost_per_unit": "0,05", "replacement.charged_per": "hour"}
    # JSON numbers keep their digits (read as Decimal, never a float).
    assert form_values("usage-cost", '{"admin_fee": 5, "use": {"units": 0.10}}') == {"admin_fee": "5", "use.units": "0,10"}


def test_form_values_of_lists_and_radios():
    text = '{"partners": [{"name": "A", "paid": "100", "holder": true}, {"name": "B", "actual_units": 3}]}'
    assert form_values("statement", text) == {
        "partners.0.name": "A",
        "partners.0.paid": "100",
        "partners.0.holder": "true",
        "partners.1.name": "B",
        "partners.1.actual_units": "3",
    }


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"use": {"units": ', "ce n'est pas un fichier JSON valide (il est peut-être abîmé ou incomplet)."),
        ("[1, 2, 3]", "le fichier doit contenir un objet JSON ({…}) exporté par ce calculateur."),
        (
            '{"questionnaire": {"id": "portrait"}}',
            "il contient des champs que ce calculateur ne connaît pas (questionnaire.id). "
            "Vérifiez qu'il a été exporté depuis cette page.",
        ),
        ("{}", "il ne contient aucune valeur."),
    ],
)
def test_a_file_the_form_cannot_take_is_refused_in_french(text, reason):
    assert json.loads(bridge.form("usage-cost", text)) == {"errors": [{"field": "", "message": reason}]}


def test_present_gives_the_input_as_the_cli_reads_it():
    answer = json.loads(bridge.present("break-even", json.dumps(
        {"annual_fixed_costs": "1 000", "variable_cost_per_use": "20", "alternative_price_per_use": "45,00"}
    )))
    assert answer["input"] == {"annual_fixed_costs": "1000", "variable_cost_per_use": "20", "alternative_price_per_use": "45.00"}
    assert answer["result"] == {"break_even_uses": 41}


@pytest.mark.parametrize(
    ("typed", "thousands", "decimal"),
    [
        # Worked by hand: in Belgium and France "6.000" is six thousand; in
        # plain notation it is six. Read as six, a 6 000 € budget became 6,00 €.
        # A comma is the site's decimal sign ("1,000" is one): not asked.
        ("6.000", "6 000", "6,000"),
        ("12.500", "12 500", "12,500"),
        ("-2.250 €", "-2 250", "-2,250"),
        ("$6.000", "6 000", "6,000"),  # the sign before: read as 6 too
        ("-€6.000", "-6 000", "-6,000"),
    ],
)
def test_a_number_that_reads_two_ways_is_refused_and_both_readings_named(typed, thousands, decimal):
    answer = json.loads(bridge.present_form("split", json.dumps({"total": typed, "partners": []}), "€", "fr_BE"))
    errors = {e["field"]: e["message"] for e in answer["errors"]}
    assert errors["total"] == (
        f"« {typed.strip()} » se lit {thousands} ou {decimal} : écrivez {thousands} pour un nombre entier "
        f"(une espace entre les milliers), ou {decimal} avec une virgule. Ce champ attend le montant à répartir."
    )


@pytest.mark.parametrize("typed", ["6 000", "6,00", "6,000", "1000.50", "0.125", "12.5", "1 234,567", "1.0000", "06.000"])
def test_numbers_that_read_one_way_are_not_called_ambiguous(typed):
    answer = json.loads(bridge.present_form("split", json.dumps({"total": typed, "partners": []}), "€", "fr_BE"))
    assert all("se lit" not in e["message"] for e in answer.get("errors", [])), answer
