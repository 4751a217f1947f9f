"""python -m agreements: list, fields, render; exit 2 with French errors.

The tests call the command's ``main()`` in this process (a subprocess per
call, nine in test_errors, cost 3 s on an idle machine, 11 s on a loaded
one); ``test_render_and_error_as_a_process`` starts the real
``python -m agreements``.
"""

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

from agreements.__main__ import main
from tests.agreements.vectors import PARTNERS

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin=""):
    """main() on ``args``, ``stdin`` piped in as UTF-8 bytes: (exit code, stdout)."""
    # A bytes-backed stdin, as a shell pipe: main() reads it through .buffer like the real command.
    piped = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    written, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(errors):
        code = main(list(args), stdin=piped, stdout=written)  # an exception here fails the test, as a Traceback would
    assert "Traceback" not in errors.getvalue()
    return code, written.getvalue()


def test_render_and_error_as_a_process():
    """The real entry point: exit 0 with the agreement, exit 2 with the errors, never a Traceback."""
    draft = {"partners": PARTNERS, "values": {"objet": "une salle"}}
    command = [sys.executable, "-m", "agreements"]
    done = subprocess.run([*command, "render", "lettre_entente", "--territory", "QC", "-"], input=json.dumps(draft), capture_output=True, encoding="utf-8", cwd=ROOT, timeout=60)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0
    assert "Atelier du Quartier" in done.stdout and "une salle" in done.stdout
    done = subprocess.run([*command, "frobnicate"], capture_output=True, encoding="utf-8", cwd=ROOT, timeout=60)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2
    assert json.loads(done.stdout)["errors"][0]["field"] == "command"


def test_list():
    code, out = run("list")
    assert code == 0
    models = json.loads(out)["models"]
    assert {m["id"] for m in models} == {path.stem for path in (ROOT / "agreements").glob("*.yml")}
    assert all(m["territories"] and set(m["territories"]) <= {"QC", "FR", "BE"} and m["title"] for m in models)


def test_fields():
    code, out = run("fields", "personnel", "--territory", "FR")
    assert code == 0
    data = json.loads(out)
    ids = [c["id"] for c in data["clauses"]]
    # The French clauses of personnel.yml, in its order; no clause of another country.
    assert [i for i in ids if i in {"objet_fr", "accord_salarie_fr", "facturation_fr", "representants_fr", "droits_fr"}] == [
        "objet_fr", "accord_salarie_fr", "facturation_fr", "representants_fr", "droits_fr"]
    assert ids.index("droits_fr") < ids.index("securite") and not [i for i in ids if i.endswith(("_qc", "_be"))]
    assert {"id": "representants_fr", "title": "Consultation des représentants du personnel", "optional": True} in data["clauses"]
    assert set(data["fields"][0]) == {"name", "label", "required"}


def test_render_from_stdin_and_file(tmp_path):
    draft = {"partners": PARTNERS, "values": {"objet": "une salle"}, "options": {"bilan": False}}
    code, out = run("render", "lettre_entente", "--territory", "QC", "-", stdin=json.dumps(draft))
    assert code == 0
    assert "Atelier du Quartier" in out and "une salle" in out and "## À compléter" in out
    # bilan off: objet, parties, sans_societe, suivi, couts, tva, then « Se retirer » (7), litiges.
    assert "## Article 7 – Se retirer" in out
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
