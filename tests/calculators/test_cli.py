"""``python -m calculators``: output, exit codes and every error path, via subprocess."""

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
    proc = subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        input=stdin if isinstance(stdin, bytes) or stdin is None else stdin.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1, out  # one JSON object, one line
    return proc.returncode, json.loads(out)


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
