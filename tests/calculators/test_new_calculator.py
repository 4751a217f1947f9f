"""Adding a calculator is one module: the registry, the CLI, the bridge and the form take it up.

``new_calculator/mileage.py`` is such a module. In a fresh Python process
(the registry is built once, at import), its folder is added to the
``calculators`` package's path, as if the file were ``calculators/mileage.py``.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(__file__).with_name("new_calculator")

PROBE = """
import json, sys
import calculators
calculators.__path__.append(sys.argv[1])
from calculators.registry import COMMANDS, REGISTRY, field_labels
from calculators import bridge
from calculators.__main__ import main
from macros.calculator_render import render_form
import io
out = io.StringIO()
code = main(["mileage", "-"], stdin=io.StringIO('{"distance": "120", "rate": "0,61"}'), stdout=out)
bad = io.StringIO()
main(["mileage", "-"], stdin=io.StringIO('{"distance": "-1", "rate": "1"}'), stdout=bad)
print(json.dumps({
    "commands": list(COMMANDS),
    "bridge_commands": list(bridge.COMMANDS),
    "cli": [code, json.loads(out.getvalue())],
    "cli_error": json.loads(bad.getvalue()),
    "present": json.loads(bridge.present_form("mileage", '{"distance": "120", "rate": "0,61"}', "$", "fr_CA")),
    "form": render_form("mileage"),
    "label": field_labels()["rate"],
}))
"""


def probe() -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(FOLDER)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True
    )
    return json.loads(proc.stdout)


def test_a_new_module_is_a_new_calculator_everywhere():
    found = probe()
    assert "mileage" in found["commands"] and found["commands"] == found["bridge_commands"]
    # 120 km × 0.61 $ = 73.20 $, by the CLI and in the page.
    assert found["cli"] == [0, {"amount": "73.20"}]
    assert found["present"]["view"]["summary"] == "Indemnité kilométrique : 73,20\u00a0$."
    assert found["present"]["input"] == {"distance": "120", "rate": "0.61"}
    # Its error labels are its own.
    assert found["cli_error"] == {
        "errors": [{"field": "distance", "message": "Entrez un nombre positif ou nul pour la distance parcourue."}]
    }
    assert found["label"] == "le taux par kilomètre"
    # The form macro renders its fields, and its example button carries its example, written the French way.
    form = found["form"]
    assert 'data-command="mileage"' in form and 'id="mi-distance"' in form and 'id="mi-rate"' in form
    assert "Distance parcourue (en kilomètres)" in form
    assert "&quot;rate&quot;: &quot;0,61&quot;" in form

