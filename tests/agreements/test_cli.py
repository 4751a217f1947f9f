"""python -m agreements: list, fields, render; exit 2 with French errors."""

import json
import subprocess
import sys
from pathlib import Path

from tests.agreements.vectors import PARTNERS

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin=""):
    done = subprocess.run([sys.executable, "-m", "agreements", *args], input=stdin, capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout


def test_list():
    code, out = run("list")
    assert code == 0
    models = json.loads(out)["models"]
    assert {m["id"] for m in models} == {"convention_cadre", "lettre_entente", "locaux", "materiel", "personnel", "vehicule"}
    assert all(m["territories"] == ["QC", "FR", "BE"] and m["title"] for m in models)


def test_fields():
    code, out = run("fields", "personnel", "--territory", "FR")
    assert code == 0
    data = json.loads(out)
    assert [c["id"] for c in data["clauses"]] == ["objet", "accord_salarie_fr", "facturation_fr", "representants_fr", "retour", "securite"]
    assert {"id": "representants_fr", "title": "Information des représentants du personnel", "optional": True} in data["clauses"]
    assert set(data["fields"][0]) == {"name", "label", "required"}


def test_render_from_stdin_and_file(tmp_path):
    draft = {"partners": PARTNERS, "values": {"objet": "une salle"}, "options": {"bilan": False}}
    code, out = run("render", "lettre_entente", "--territory", "QC", "-", stdin=json.dumps(draft))
    assert code == 0
    assert "Atelier du Quartier" in out and "une salle" in out and "## À compléter" in out
    assert "## Article 4 – Se retirer" in out  # bilan off: 5 - 1 = 4 articles
    path = tmp_path / "d.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    assert run("render", "lettre_entente", "--territory", "QC", str(path)) == (code, out)


def check_error(args, field, stdin=""):
    code, out = run(*args, stdin=stdin)
    assert code == 2
    errors = json.loads(out)["errors"]
    assert errors[0]["field"] == field and errors[0]["message"]
    return errors


def test_errors():
    check_error(["fields", "inconnu", "--territory", "QC"], "model")
    check_error(["fields", "locaux", "--territory", "CH"], "territory")
    check_error(["fields", "locaux"], "territory")
    check_error(["frobnicate"], "command")
    good = {"partners": PARTNERS}
    check_error(["render", "locaux", "--territory", "QC", "-"], "values.x", stdin=json.dumps({**good, "values": {"x": "1"}}))
    check_error(["render", "locaux", "--territory", "QC", "-"], "options.x", stdin=json.dumps({**good, "options": {"x": True}}))
    check_error(["render", "locaux", "--territory", "QC", "-"], "values.duree", stdin=json.dumps({**good, "values": {"duree": 2}}))
    errors = check_error(["render", "locaux", "--territory", "QC", "-"], "partners", stdin=json.dumps({"partners": PARTNERS[:1]}))
    assert errors[0]["message"] == "Une convention lie au moins deux partenaires : ajoutez-en un."
    check_error(["render", "locaux", "--territory", "QC", "-"], "file", stdin="{pas du json")
