"""The JSON door: run (CLI output) and present (result, French view, input)."""

import json

import pytest

from calculators import bridge
from calculators.bridge import present, run


def tables(answer):
    return [block for block in answer["view"]["blocks"] if block["type"] == "table"]


def chart_svg(answer):
    return next(block["svg"] for block in answer["view"]["blocks"] if block["type"] == "figure")

PLANER = json.dumps(
    {
        "use": {"units": "50", "hours": "5"},
        "consumables": {"cost_per_unit": "0,05"},
        "maintenance": {"service_cost": "100", "service_interval_units": "100000"},
        "replacement": {"purchase_price": "3500", "lifetime_years": "7", "charged_per": "hour"},
        "preparation": {"hours": "1", "hourly_rate": "30"},
        "admin_fee": "5",
    }
)


def test_run_gives_amounts_as_strings():
    assert json.loads(run("usage-cost", PLANER)) == {
        "lines": {"consumables": "2.50", "maintenance": "0.05", "replacement": "0.29", "preparation": "30.00", "admin_fee": "5.00"},
        "total": "37.84",
    }


def test_json_numbers_never_become_floats():
    # 0.1 + 0.2 as floats is 0.30000000000000004; read as Decimal it is 0.3:
    # consumables 0.1 x 3 = 0.3 exactly; with 1.005 x 1 half-up gives 1.01 (a float 1.005 is 1.00499... -> 1.00)
    out = json.loads(run("usage-cost", '{"use": {"units": 1}, "consumables": {"cost_per_unit": 1.005}}'))
    assert out["lines"]["consumables"] == "1.01"


def test_present_usage_cost_fr_ca():
    out = json.loads(present("usage-cost", PLANER))
    assert out["result"] == json.loads(run("usage-cost", PLANER))
    assert out["view"]["summary"] == "Coût d'une utilisation : 37,84\u00a0$."
    (table,) = tables(out)
    assert [row[1] for row in table["rows"]] == ["2,50\u00a0$", "0,05\u00a0$", "0,29\u00a0$", "30,00\u00a0$", "5,00\u00a0$"]
    assert table["foot"] == ["Total", "37,84\u00a0$"]
    assert chart_svg(out).startswith("<svg") and chart_svg(out).endswith("</svg>")


def test_present_in_euros_fr_be():
    payload = json.dumps({"total": "1234.5", "method": "equal", "partners": [{"name": "ASBL Liège"}]})
    out = json.loads(present("split", payload, currency="€", locale="fr_BE"))
    (table,) = tables(out)
    assert table["rows"] == [["ASBL Liège", "1\u202f234,50\u00a0€", "0,00\u00a0€", "1\u202f234,50\u00a0€"]]
    assert table["foot"][1] == "1\u202f234,50\u00a0€"


def test_present_break_even_display():
    out = json.loads(present("break-even", '{"annual_fixed_costs": "1000", "variable_cost_per_use": "2", "alternative_price_per_use": "12"}'))
    assert out["result"] == {"break_even_uses": 101}
    assert out["view"]["summary"] == "Mutualiser devient moins cher à partir de 101 utilisations par an."
    out = json.loads(present("break-even", '{"annual_fixed_costs": "1", "variable_cost_per_use": "5", "alternative_price_per_use": "4"}'))
    assert out["result"] == {"break_even_uses": None}
    assert out["view"]["summary"].startswith("Aucun seuil")


def test_present_and_run_errors_are_the_same():
    bad = '{"admin_fee": "cinq"}'
    presented = json.loads(present("usage-cost", bad))
    assert presented["errors"] == json.loads(run("usage-cost", bad))["errors"]
    # The values as typed, for the export: what is not a number stays as it is.
    assert presented["input"] == {"admin_fee": "cinq"}
    assert json.loads(run("usage-cost", bad))["errors"][0]["field"] == "admin_fee"


def test_unknown_command_and_locale():
    out = json.loads(run("rabais", "{}"))
    assert out["errors"][0]["field"] == "" and "Commande inconnue" in out["errors"][0]["message"]
    out = json.loads(present("usage-cost", "{}", "$", "en_US"))
    assert "Locale" in out["errors"][0]["message"]


@pytest.mark.parametrize(
    "command,payload,field,words",
    [
        ("usage-cost", "[1, 2]", "", "objet JSON"),
        ("usage-cost", "{", "", "pas du JSON valide"),
        ("usage-cost", '{"admin_fee": NaN}', "", "NaN"),
        ("usage-cost", '{"admin_fee": true}', "admin_fee", "pas une valeur vrai/faux"),
        ("usage-cost", '{"consumables": 5}', "consumables", "doit être un objet"),
        ("usage-cost", '{"consumables": {"cost_per_unit": [1]}}', "consumables.cost_per_unit", "pas une liste"),
        ("usage-cost", '{"consumables": {}}', "consumables.cost_per_unit", "Indiquez le coût des consommables"),
        ("usage-cost", '{"use": {"units": "-2"}}', "use.units", "positif ou nul"),
        ("usage-cost", '{"replacement": {"purchase_price": 10, "lifetime_years": 0, "charged_per": "hour"}}', "replacement.lifetime_years", "supérieure à zéro"),
        ("usage-cost", '{"replacement": {"purchase_price": 10, "residual_value": 11, "lifetime_years": 2, "charged_per": "hour"}}', "replacement.residual_value", "dépasser le prix d'achat"),
        ("usage-cost", '{"replacement": {"purchase_price": 10, "lifetime_years": 2, "charged_per": "mois"}}', "replacement.charged_per", "« day »"),
        ("usage-cost", '{"replacement": {"purchase_price": 10, "lifetime_years": 2}}', "replacement.charged_per", "Indiquez"),
        ("usage-cost", '{"replacement": {"purchase_price": 10, "lifetime_years": 2, "charged_per": 3}}', "replacement.charged_per", "Entrez un texte"),
        ("usage-cost", '{"preparation": {"hours": 1, "hourly_rate": "30 $/h"}}', "preparation.hourly_rate", "n'est pas un nombre"),
        ("break-even", '{"annual_fixed_costs": "x", "variable_cost_per_use": 1, "alternative_price_per_use": 2}', "annual_fixed_costs", "n'est pas un nombre"),
        ("break-even", '{"annual_fixed_costs": 1, "variable_cost_per_use": 1, "alternative_price_per_use": 2, "n": 3}', "n", "Champ inconnu : « n »"),
        ("split", '{"total": 10, "method": "equal", "partners": {"name": "A"}}', "partners", "doit être une liste"),
        ("split", '{"total": 10, "method": "equal", "partners": ["A"]}', "partners.0", "doit être un objet"),
        ("split", '{"total": 10, "method": "equal", "partners": [{"name": "A", "role": "x"}]}', "partners.0.role", "Champ inconnu"),
        ("split", '{"total": 10, "method": "equal", "partners": [{"name": 5}]}', "partners.0.name", "Entrez un texte"),
        ("split", '{"total": 10, "method": "usage", "partners": [{"name": "A", "usage": "0"}]}', "partners.0.usage", "supérieure à zéro"),
        ("split", '{"method": "equal", "partners": [{"name": "A"}]}', "total", "Indiquez le montant à répartir"),
    ],
)
def test_error_paths(command, payload, field, words):
    errors = json.loads(run(command, payload))["errors"]
    matching = [e for e in errors if e["field"] == field]
    assert matching, errors
    assert any(words in e["message"] for e in matching), matching


def test_blank_strings_count_as_not_given():
    # a form sends "" for an empty field: optional fields take their default
    out = json.loads(run("usage-cost", '{"use": {"units": "", "hours": ""}, "admin_fee": ""}'))
    assert out["total"] == "0.00"


def test_bridge_imports_only_the_standard_library():
    import ast
    import sys
    from pathlib import Path

    package = Path(bridge.__file__).parent
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top == "calculators" or top in sys.stdlib_module_names or top == "__future__", (source, name)
                assert top not in ("js", "pyodide")


def test_present_names_the_usage_cost_lines_as_the_guide_does():
    """The browser's table takes its line names from Python, so page, guide and chart agree."""
    import json as _json

    from calculators.bridge import present

    answer = _json.loads(present("usage-cost", '{"admin_fee": "5"}'))
    assert [row[0] for row in tables(answer)[0]["rows"]] == [
        "Consommables",
        "Entretien (mises au point)",
        "Remplacement (amortissement)",
        "Préparation, vérification, rangement",
        "Frais administratifs",
    ]


# 6 000 $ by usage 10 / 20 / 30 (60 in all): 6 000 × 10/60 = 1 000, × 20/60 = 2 000, × 30/60 = 3 000.
# The first partner brings 2 500 $ in kind: net 1 000 − 2 500 = −1 500, then 2 000 and 3 000.
# Totals: in kind 2 500 + 0 + 0 = 2 500; net −1 500 + 2 000 + 3 000 = 3 500 (= 6 000 − 2 500).
SPLIT_IN_KIND = json.dumps(
    {
        "total": "6 000",
        "method": "usage",
        "partners": [
            {"name": "ASBL Namur", "usage": "10", "in_kind": "2 500"},
            {"name": "Ressourcerie Les Castors", "usage": "20"},
            {"name": "Jardins solidaires", "usage": "30"},
        ],
    }
)


def test_present_split_gives_the_totals_and_who_is_owed():
    answer = json.loads(present("split", SPLIT_IN_KIND))
    nbsp, thin = "\u00a0", "\u202f"
    (table,) = tables(answer)
    assert [row[3] for row in table["rows"]] == [
        f"-1{nbsp}500,00{nbsp}$",
        f"2{nbsp}000,00{nbsp}$",
        f"3{nbsp}000,00{nbsp}$",
    ]
    assert table["foot"][2:] == [f"2{nbsp}500,00{nbsp}$", f"3{nbsp}500,00{nbsp}$"]
    # The others owe ASBL Namur what it gave beyond its share: 2 500 − 1 000 = 1 500.
    owed = [block["text"] for block in answer["view"]["blocks"] if block.get("class") == "mu-calc-owed"]
    assert owed == [f"ASBL Namur a apporté 1{nbsp}500,00{nbsp}$ de plus que sa part : les autres partenaires lui doivent ce montant."]
    # In euros, fr_FR groups thousands with a narrow no-break space.
    euros = json.loads(present("split", SPLIT_IN_KIND, currency="€", locale="fr_FR"))
    assert tables(euros)[0]["foot"][2:] == [f"2{thin}500,00{nbsp}€", f"3{thin}500,00{nbsp}€"]


def test_present_split_nobody_owed_when_every_net_is_positive():
    # 1 200 $ equally between two: 600 each; 50 $ in kind for the first: net 550 and 600, totals 50 and 1 150.
    payload = '{"total": "1200", "method": "equal", "partners": [{"name": "A", "in_kind": "50"}, {"name": "B"}]}'
    answer = json.loads(present("split", payload))
    assert not [block for block in answer["view"]["blocks"] if block.get("class") == "mu-calc-owed"]
    assert tables(answer)[0]["foot"][2:] == ["50,00\u00a0$", "1\u00a0150,00\u00a0$"]


def test_a_percentage_in_the_fixed_share_is_explained():
    payload = '{"total": "6000", "method": "mixed", "fixed_share": "30 %", "partners": [{"name": "A", "usage": "1"}]}'
    assert json.loads(present("split", payload))["errors"] == [
        {"field": "fixed_share", "message": "La part fixe est un montant (par exemple 1 800), pas un pourcentage."}
    ]
    assert json.loads(run("split", payload.replace("30 %", "30%")))["errors"][0]["message"].startswith(
        "La part fixe est un montant"
    )


def test_break_even_says_la_solution_de_rechange():
    out = json.loads(present("break-even", '{"annual_fixed_costs": "1", "variable_cost_per_use": "5", "alternative_price_per_use": "4"}'))
    assert out["view"]["summary"].startswith(
        "Aucun seuil : la solution de rechange reste toujours moins chère ou aussi chère."
    )
    assert "autre solution" not in chart_svg(out).lower()
    assert "la solution de rechange reste moins chère" in chart_svg(out)
