"""``python -m calculators``: output, exit codes and every error path.

Most tests call the command's ``main()`` in this process, with the bytes a
shell would pipe in (76 subprocesses cost 21 s of CPU per run); the tests
named ``..._as_a_process`` start the real ``python -m calculators``.
"""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLANER = {
    "use": {"units": "50", "hours": "5"},
    "consumables": {"cost_per_unit": "0,05"},
    "maintenance": {"service_cost": "100", "service_interval_units": "100 000"},
    "replacement": {"purchase_price": "3500", "lifetime_years": "7", "charged_per": "hour"},
    "preparation": {"hours": "1", "hourly_rate": "30"},
    "admin_fee": "5",
}


def cli(*args, stdin=None):
    """Run the command's main() on ``args`` with ``stdin`` as the bytes piped in."""
    from calculators.__main__ import main

    data = stdin if isinstance(stdin, bytes) or stdin is None else stdin.encode("utf-8")
    piped = io.TextIOWrapper(io.BytesIO(data or b""), encoding="utf-8")
    written = io.StringIO()
    code = main(list(args), stdin=piped, stdout=written)
    out = written.getvalue()
    assert out.count("\n") == 1, out  # one JSON object, one line
    return code, json.loads(out)


def cli_process(*args, stdin: str = ""):
    proc = subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1, out
    return proc.returncode, json.loads(out)


def test_result_and_invalid_input_as_a_process():
    """The real entry point: exit 0 with the result, exit 2 with the errors."""
    code, out = cli_process("usage-cost", "-", stdin=json.dumps(PLANER))
    assert (code, out["total"]) == (0, "37.84")
    code, out = cli_process("rabais", "-")
    assert code == 2 and "Commande inconnue" in out["errors"][0]["message"]


def test_usage_cost_from_a_file(tmp_path):
    path = tmp_path / "planer.json"
    path.write_text(json.dumps(PLANER), encoding="utf-8")
    code, out = cli("usage-cost", str(path))
    assert code == 0
    assert out["total"] == "37.84"
    assert out["lines"]["replacement"] == "0.29"


def test_usage_cost_from_stdin():
    code, out = cli("usage-cost", "-", stdin=json.dumps(PLANER))
    assert (code, out["total"]) == (0, "37.84")


def test_break_even_and_split_from_stdin():
    assert cli("break-even", "-", stdin='{"annual_fixed_costs": 100, "variable_cost_per_use": 0, "alternative_price_per_use": 10}') == (0, {"break_even_uses": 11})
    assert cli("break-even", "-", stdin='{"annual_fixed_costs": 100, "variable_cost_per_use": 10, "alternative_price_per_use": 10}') == (0, {"break_even_uses": None})
    code, out = cli("split", "-", stdin='{"total": "100", "method": "equal", "partners": [{"name": "Été"}, {"name": "Hiver"}]}')
    assert code == 0
    assert out == {"partners": [{"name": "Été", "share": "50.00", "in_kind": "0.00", "net": "50.00"}, {"name": "Hiver", "share": "50.00", "in_kind": "0.00", "net": "50.00"}], "total": "100.00"}


def test_invalid_input_exits_2_with_the_errors():
    code, out = cli("usage-cost", "-", stdin='{"maintenance": {"service_cost": "100", "service_interval_units": "0"}}')
    assert code == 2
    assert out == {"errors": [{"field": "maintenance.service_interval_units", "message": "L'intervalle entre deux mises au point doit être supérieur à zéro."}]}


def test_malformed_json_exits_2_in_french():
    code, out = cli("split", "-", stdin='{"total": 10,')
    assert code == 2
    assert out["errors"][0]["field"] == ""
    assert "pas du JSON valide" in out["errors"][0]["message"]


def test_non_object_json_exits_2():
    code, out = cli("break-even", "-", stdin="42")
    assert code == 2 and out["errors"][0]["field"] == ""


@pytest.mark.parametrize(
    "args,words",
    [
        (("rabais", "-"), "Commande inconnue : « rabais »"),
        (("usage-cost",), "deux arguments"),
        ((), "deux arguments"),
        (("usage-cost", "a.json", "b.json"), "deux arguments"),
        (("usage-cost", "/nonexistent/planer.json"), "Impossible de lire le fichier"),
    ],
)
def test_usage_errors_exit_2_in_french(args, words):
    code, out = cli(*args, stdin="{}")
    assert code == 2
    assert out["errors"][0]["field"] == ""
    assert words in out["errors"][0]["message"]


def test_file_not_in_utf8_exits_2(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"total": "10", "method": "equal", "partners": [{"name": "Caf\u00e9"}]}'.encode("latin-1"))
    code, out = cli("split", str(path))
    assert code == 2 and "UTF-8" in out["errors"][0]["message"]


def test_cli_output_is_exactly_bridge_run():
    from calculators.bridge import run

    payload = json.dumps(PLANER)
    proc = subprocess.run([sys.executable, "-m", "calculators", "usage-cost", "-"], input=payload.encode(), capture_output=True, cwd=ROOT)
    assert proc.stdout.decode("utf-8") == run("usage-cost", payload) + "\n"


VECTORS = json.loads((Path(__file__).parent / "vectors.json").read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["id"] for v in VECTORS])
def test_every_vector_through_the_cli(vector):
    code, out = cli(vector["command"], "-", stdin=json.dumps(vector["input"], ensure_ascii=False))
    assert out == vector["expected"], vector["why"]
    assert code == (2 if "errors" in vector["expected"] else 0)


# Every kind of invalid input the brief lists, each with its field and the gist of its French message.
ERROR_PATHS = [
    ("not a number", "usage-cost", {"consumables": {"cost_per_unit": "cinq"}}, "consumables.cost_per_unit", "« cinq » n'est pas un nombre"),
    ("negative", "usage-cost", {"use": {"hours": "-1"}}, "use.hours", "positif ou nul"),
    ("zero interval", "usage-cost", {"maintenance": {"service_cost": "1", "service_interval_units": "0"}}, "maintenance.service_interval_units", "supérieur à zéro"),
    ("lifetime 0", "usage-cost", {"replacement": {"purchase_price": "1", "lifetime_years": "0", "charged_per": "day"}}, "replacement.lifetime_years", "supérieure à zéro"),
    ("residual > purchase", "usage-cost", {"replacement": {"purchase_price": "1", "residual_value": "2", "lifetime_years": "1", "charged_per": "day"}}, "replacement.residual_value", "dépasser le prix d'achat"),
    ("unknown charged_per", "usage-cost", {"replacement": {"purchase_price": "1", "lifetime_years": "1", "charged_per": "semaine"}}, "replacement.charged_per", "« use »"),
    ("uses_per_year missing", "usage-cost", {"replacement": {"purchase_price": "1", "lifetime_years": "1", "charged_per": "use"}}, "replacement.uses_per_year", "Indiquez le nombre d'utilisations"),
    ("uses_per_year zero", "usage-cost", {"replacement": {"purchase_price": "1", "lifetime_years": "1", "charged_per": "use", "uses_per_year": "0"}}, "replacement.uses_per_year", "supérieur à zéro"),
    ("payroll rate above 100 %", "usage-cost", {"preparation": {"hours": "1", "hourly_rate": "30", "payroll_charges_rate": "35"}}, "preparation.payroll_charges_rate", "35 voudrait dire 3500 %"),
    ("unknown top-level key", "usage-cost", {"adminfee": "5"}, "adminfee", "Champ inconnu : « adminfee »"),
    ("unknown nested key", "usage-cost", {"use": {"km": "5"}}, "use.km", "Champs acceptés dans « use » : units, hours"),
    ("wrong type: bool", "usage-cost", {"admin_fee": True}, "admin_fee", "pas une valeur vrai/faux"),
    ("wrong type: section", "usage-cost", {"preparation": [1]}, "preparation", "doit être un objet"),
    ("wrong type: text field", "usage-cost", {"replacement": {"purchase_price": "1", "lifetime_years": "1", "charged_per": 1}}, "replacement.charged_per", "Entrez un texte"),
    ("required field missing", "usage-cost", {"preparation": {"hours": "1"}}, "preparation.hourly_rate", "Indiquez le taux horaire"),
    ("break-even negative", "break-even", {"annual_fixed_costs": "1", "variable_cost_per_use": "-1", "alternative_price_per_use": "2"}, "variable_cost_per_use", "positif ou nul"),
    ("break-even missing", "break-even", {"annual_fixed_costs": "1", "variable_cost_per_use": "1"}, "alternative_price_per_use", "Indiquez"),
    ("split no partner", "split", {"total": "1", "method": "equal", "partners": []}, "partners", "au moins un partenaire"),
    ("split empty name", "split", {"total": "1", "method": "equal", "partners": [{"name": " "}]}, "partners.0.name", "Donnez un nom"),
    ("split duplicate name", "split", {"total": "1", "method": "equal", "partners": [{"name": "A"}, {"name": "A"}]}, "partners.1.name", "déjà utilisé"),
    ("split unknown method", "split", {"total": "1", "method": "prorata", "partners": [{"name": "A"}]}, "method", "« mixed »"),
    ("split usage missing", "split", {"total": "1", "method": "usage", "partners": [{"name": "A"}]}, "partners.0.usage", "Indiquez"),
    ("split usage all zero", "split", {"total": "1", "method": "usage", "partners": [{"name": "A", "usage": "0"}]}, "partners.0.usage", "supérieure à zéro"),
    ("split negative weight", "split", {"total": "1", "method": "weights", "partners": [{"name": "A", "weight": "-2"}]}, "partners.0.weight", "positif ou nul"),
    ("split fixed share too big", "split", {"total": "1", "method": "mixed", "fixed_share": "2", "partners": [{"name": "A", "usage": "1"}]}, "fixed_share", "dépasser le montant"),
    ("split fixed share missing", "split", {"total": "1", "method": "mixed", "partners": [{"name": "A", "usage": "1"}]}, "fixed_share", "Indiquez la part fixe"),
    ("split fixed share as a percentage", "split", {"total": "6000", "method": "mixed", "fixed_share": "30 %", "partners": [{"name": "A", "usage": "1"}]}, "fixed_share", "La part fixe est un montant (par exemple 1 800), pas un pourcentage."),
    ("split sub-cent total", "split", {"total": "1.005", "method": "equal", "partners": [{"name": "A"}]}, "total", "au cent près"),
]


@pytest.mark.parametrize("case,command,payload,field,words", ERROR_PATHS, ids=[c[0] for c in ERROR_PATHS])
def test_error_paths_exit_2_with_field_and_french_message(case, command, payload, field, words):
    code, out = cli(command, "-", stdin=json.dumps(payload, ensure_ascii=False))
    assert code == 2, out
    messages = [e["message"] for e in out["errors"] if e["field"] == field]
    assert messages and any(words in m for m in messages), out


def test_annual_cost_and_statement_commands():
    code, out = cli("annual-cost", "-", stdin='{"purchase_price": "3500", "lifetime_years": "7"}')
    assert code == 0 and out["accounting"]["depreciation"] == "500.00"  # 3 500 ÷ 7
    code, out = cli("statement", "-", stdin=json.dumps({
        "fixed_costs": "100", "variable_cost_per_unit": "0",
        "partners": [{"name": "A", "committed_units": "1", "actual_units": "0", "holder": True},
                     {"name": "B", "committed_units": "1", "actual_units": "0"}]}))
    assert code == 0 and out["transfers"] == [{"from": "B", "to": "A", "amount": "50.00"}]  # 100 ÷ 2


@pytest.mark.parametrize(
    "command, stdin, field",
    [
        ("annual-cost", '{"purchase_price": "x", "lifetime_years": "7"}', "purchase_price"),
        ("annual-cost", '{"purchase_price": "1", "lifetime_years": "7", "loan": []}', "loan"),
        ("annual-cost", '{"purchase_price": "1", "lifetime_years": "7", "fixed_costs": {}}', "fixed_costs"),
        ("annual-cost", "[1, 2]", ""),
        ("statement", '{"fixed_costs": "1", "variable_cost_per_unit": "0", "partners": [{"name": "A", "committed_units": "1", "actual_units": "0", "holder": "peut-être"}]}', "partners.0.holder"),
        ("statement", "{not json", ""),
    ],
)
def test_new_commands_error_paths_exit_2(command, stdin, field):
    code, out = cli(command, "-", stdin=stdin)
    assert code == 2
    assert field in [e["field"] for e in out["errors"]]
    assert all(e["message"] for e in out["errors"])
