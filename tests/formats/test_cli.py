"""``python -m formats check FILE|-``: exit 0 and {"format", "ok": true}, or exit 2
and {"format", "errors": [{"field", "message"}]}, the message being the page's
sentence without its "nothing changed" ending (messages written by hand)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from formats.__main__ import main
from formats.limits import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


def check(tmp_path, content, name="fichier.json"):
    """Run the command on a file holding ``content`` (bytes, text or a JSON value)."""
    if not isinstance(content, (bytes, str)):
        content = json.dumps(content, ensure_ascii=False)
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return run(["check", str(path)])


def run(argv, stdin=b""):
    out = io.StringIO()
    code = main(argv, stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"), stdout=out)
    return code, json.loads(out.getvalue())


def refused(fmt, field, message):
    return 2, {"format": fmt, "errors": [{"field": field, "message": message}]}


def fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("answers-v1.json", "mutuus-answers"), ("dossier-v1.json", "mutuus-dossier"), ("grid-v1.json", "mutuus-grid")],
)
def test_todays_files_are_valid(name, fmt):
    assert run(["check", str(FIXTURES / name)]) == (0, {"format": fmt, "ok": True})


def test_standard_input():
    data = (FIXTURES / "grid-v1.json").read_bytes()
    assert run(["check", "-"], stdin=data) == (0, {"format": "mutuus-grid", "ok": True})


def test_an_answers_file_says_what_its_questionnaires_page_says(tmp_path):
    data = fixture("answers-v1.json")
    data["answers"]["portrait_organisation"] = {"value": "oui"}
    assert check(tmp_path, data) == refused(
        "mutuus-answers",
        "answers.portrait_organisation.value",
        "La réponse à la question « Dresser un portrait détaillé de votre organisation » n'est pas une réponse possible (« oui »).",
    )
    data["questionnaire"]["version"] = 4
    assert check(tmp_path, data) == refused(
        "mutuus-answers",
        "questionnaire.version",
        "Ce fichier vient d'une version plus récente de ce questionnaire (version 4 ; cette page : version 1). Mettez le site à jour pour l'importer.",
    )


def test_an_answers_file_of_no_known_questionnaire_says_what_mon_dossier_says(tmp_path):
    data = fixture("answers-v1.json")
    data["questionnaire"] = {"id": "budget", "version": 1, "title": "Budget"}
    assert check(tmp_path, data) == refused("mutuus-answers", "questionnaire.id", "Ce dossier contient un questionnaire inconnu (« budget »).")


def test_a_dossier(tmp_path):
    data = fixture("dossier-v1.json")
    data["questionnaires"].append(data["questionnaires"][0])
    assert check(tmp_path, data) == refused(
        "mutuus-dossier", "questionnaires.2.questionnaire.id", "Ce dossier contient deux fois le questionnaire « Impulsion : avons-nous une bonne raison de mutualiser ? »."
    )
    data = fixture("dossier-v1.json")
    data["format_version"] = 2
    assert check(tmp_path, data) == refused(
        "mutuus-dossier", "format_version", "Ce dossier vient d'une version plus récente de Mutuus (format 2) : ce site ne sait pas encore le lire."
    )
    data = fixture("dossier-v1.json")
    data["questionnaires"][1]["organisation"] = "x" * 201
    assert check(tmp_path, data) == refused(
        "mutuus-dossier",
        "questionnaires.1.organisation",
        "Réflexion : nous connaissons-nous vraiment ? : Le nom de l'organisation dans ce fichier dépasse 200 caractères.",
    )


def test_a_grid(tmp_path):
    data = fixture("grid-v1.json")
    data["marks"]["services"] = {"mark": "accord"}
    assert check(tmp_path, data) == refused("mutuus-grid", "marks.services.mark", "La marque de la dimension « Services » n'est pas une marque possible.")
    data = fixture("grid-v1.json")
    data["portraits"][2]["organisation"] = " "
    assert check(tmp_path, data) == refused("mutuus-grid", "portraits.2.organisation", "Le portrait n° 3 n'a pas de nom d'organisation.")


def test_too_big(tmp_path):
    padded = json.dumps(fixture("answers-v1.json")).encode().ljust(MAX_FILE_BYTES + 1)
    assert check(tmp_path, padded) == refused("mutuus-answers", "", "Ce fichier est trop volumineux pour être un export de réponses.")
    padded = json.dumps(fixture("grid-v1.json")).encode().ljust(MAX_FILE_BYTES + 1)
    assert check(tmp_path, padded) == refused("mutuus-grid", "", "Ce fichier est trop volumineux pour être une grille Mutuus.")
    assert check(tmp_path, b"x" * (MAX_FILE_BYTES + 1)) == refused(None, "", "Ce fichier est trop volumineux.")


def test_not_a_mutuus_file(tmp_path):
    assert check(tmp_path, "pas du json") == refused(None, "", "Ce fichier n'est pas un fichier JSON lisible.")
    not_mutuus = (
        "Ce fichier n'est pas un fichier Mutuus : ni des réponses à un questionnaire (mutuus-answers),"
        " ni un dossier (mutuus-dossier), ni une grille de diagnostic (mutuus-grid)."
    )
    assert check(tmp_path, {"format": "mutuus-budget"}) == refused("mutuus-budget", "format", not_mutuus)
    assert check(tmp_path, [1, 2]) == refused(None, "format", not_mutuus)


def test_the_command_line_itself(tmp_path):
    usage = "Usage : python -m formats check FICHIER|-"
    assert run([]) == refused(None, "command", f"Commande inconnue : aucune. {usage}")
    assert run(["verifier", "x.json"]) == refused(None, "command", f"Commande inconnue : « verifier ». {usage}")
    arguments = f"« check » attend un seul fichier (ou - pour l'entrée standard). {usage}"
    assert run(["check"]) == refused(None, "command", arguments)
    assert run(["check", "a.json", "b.json"]) == refused(None, "command", arguments)
    code, answer = run(["check", str(tmp_path / "absent.json")])
    assert code == 2
    assert answer["errors"][0]["field"] == "file"
    assert answer["errors"][0]["message"].startswith(f"Impossible de lire le fichier « {tmp_path / 'absent.json'} » : ")


def test_a_process_writes_utf8_json_even_for_half_an_emoji(tmp_path):
    # The page cuts a quoted name at 57 UTF-16 code units: here in the middle of
    # the emoji, leaving half a pair, which the command writes as its JSON escape.
    qid = "a" * 56 + "\U0001F600" + "b" * 10
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps({"format": "mutuus-dossier", "format_version": 1, "questionnaires": [{"questionnaire": {"id": qid}}]}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "formats", "check", str(path)], cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == 2
    answer = json.loads(done.stdout.decode("utf-8"))
    assert answer["errors"][0]["message"] == f"Ce dossier contient un questionnaire inconnu (« {'a' * 56}\ud83d… »)."
