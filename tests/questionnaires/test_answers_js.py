"""answers.js run in Node: CSV escaping, Markdown and CSV layout, import validation.

Expected texts are written by hand from the formats documented at the top of
docs/assets/javascripts/answers.js.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.questionnaire_rules import browser_rules
from words import catalog

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = (ROOT / "docs" / "assets" / "javascripts" / "answers.js").as_uri()
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js absent")

DEFINITION = {
    "id": "demo",
    "version": 2,
    "title": "Démo",
    "step": "diagnostic",
    "sections": [
        {
            "id": "s1",
            "title": "Locaux",
            "questions": [
                {"id": "salle", "kind": "check", "label": "Salle partagée"},
                {"id": "mission", "kind": "rating", "label": "Notre mission"},
            ],
        },
        {
            "id": "s2",
            "title": "Achats",
            "questions": [
                {"id": "achat", "kind": "choice", "label": "Achats groupés ?", "options": [{"value": "oui", "label": "Oui"}, {"value": "non", "label": "Non"}]},
                {"id": "besoin", "kind": "text", "label": "Besoins"},
            ],
        },
    ],
}
NOW = "2026-11-25T17:00:00.000Z"


# One Node process for the module, fed one expression per line: the
# functions are pure, and a process per expression cost 10 s of CPU per run.
EVALUATOR = """
import * as A from %(answers)s;
import { setWords } from %(words)s;
import readline from "node:readline";
setWords(%(catalog)s);
A.useRules(%(rules)s);
const D = %(definition)s;
const NOW = new Date(%(now)s);
for await (const line of readline.createInterface({ input: process.stdin })) {
  let reply;
  try {
    const value = new Function("A", "D", "NOW", "return (" + JSON.parse(line) + ");")(A, D, NOW);
    reply = { value: value === undefined ? null : value };
  } catch (error) {
    reply = { error: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\\n");
}
"""


@pytest.fixture(scope="module", autouse=True)
def node():
    """The module's Node process, with answers.js imported as A."""
    script = EVALUATOR % {
        "answers": json.dumps(ANSWERS),
        "words": json.dumps((ROOT / "docs" / "assets" / "javascripts" / "core" / "words.js").as_uri()),
        "catalog": json.dumps(catalog()),
        "rules": json.dumps(browser_rules()),
        "definition": json.dumps(DEFINITION),
        "now": json.dumps(NOW),
    }
    proc = subprocess.Popen(
        [NODE, "--input-type=module", "-e", script],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT,
    )
    _node.append(proc)
    yield proc
    _node.clear()
    proc.stdin.close()
    proc.wait(timeout=30)


_node: list = []


def run(expression: str):
    """Evaluate a JavaScript expression with answers.js imported as A; return its JSON value."""
    proc = _node[0]
    proc.stdin.write(json.dumps(expression) + "\n")
    proc.stdin.flush()
    reply = json.loads(proc.stdout.readline())
    assert "error" not in reply, reply.get("error")
    return reply["value"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Centre X", "Centre X"),
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-5 €", "'-5 €"),
        ("@SOMME(A1)", "'@SOMME(A1)"),
        ("\tcaché", "'\tcaché"),
        ("a;b", '"a;b"'),
        ('il dit "oui"', '"il dit ""oui"""'),
        ("ligne 1\nligne 2", '"ligne 1\nligne 2"'),
        ("\rx", "\"'\rx\""),  # apostrophe first, then quoted because of the CR
        ("1-2", "1-2"),  # only the FIRST character matters
    ],
)
def test_csv_cell(cell, expected):
    assert run(f"A.csvCell({json.dumps(cell)})") == expected


RECORD = {
    "organisation": "OBNL <Le Pont>",
    "answers": {
        "salle": {"value": "done"},
        "mission": {"value": "weakness", "note": "À revoir;\nensemble"},
        "besoin": {"value": "=un local"},
    },
}


def test_markdown_export():
    text = run(f"A.exportMarkdown(D, {json.dumps(RECORD)}, NOW)")
    assert text == (
        "# Démo\n"
        "\n"
        "- Organisation : OBNL \\<Le Pont\\>\n"
        f"- Date : 25 novembre 2026 ({NOW})\n"
        "- Questionnaire : demo, version 2\n"
        "- Réponses : 3 sur 4\n"
        "\n"
        "## Locaux\n"
        "\n"
        "- **Salle partagée** : Fait\n"
        "- **Notre mission** : Faiblesse\n"
        "  - Note : À revoir;\n"
        "    ensemble\n"
        "\n"
        "## Achats\n"
        "\n"
        "- **Achats groupés ?** : (sans réponse)\n"
        "- **Besoins** : =un local\n"
    )


def test_csv_export():
    text = run(f"A.exportCSV(D, {json.dumps(RECORD)}, NOW)")
    head = "Démo;2;OBNL <Le Pont>;" + NOW
    assert text == (
        "\ufeffQuestionnaire;Version;Organisation;Exporté le;Section;Identifiant;Question;Réponse;Code;Note\r\n"
        f"{head};Locaux;salle;Salle partagée;Fait;done;\r\n"
        f'{head};Locaux;mission;Notre mission;Faiblesse;weakness;"À revoir;\nensemble"\r\n'
        f"{head};Achats;achat;Achats groupés ?;;;\r\n"
        f"{head};Achats;besoin;Besoins;'=un local;'=un local;\r\n"
    )


def test_json_export_keeps_only_known_valid_answers():
    record = {"organisation": "X", "answers": {"salle": {"value": "done"}, "achat": {"value": "peut-etre"}, "inconnue": {"value": "done"}}}
    data = run(f"A.buildExport(D, {json.dumps(record)}, NOW)")
    assert data == {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": "demo", "version": 2, "title": "Démo"},
        "organisation": "X",
        "exported_at": NOW,
        "answers": {"salle": {"value": "done"}},
    }


def valid_file(**changes):
    data = {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": "demo", "version": 2, "title": "Démo"},
        "organisation": "X",
        "exported_at": NOW,
        "answers": {"salle": {"value": "not_applicable"}, "mission": {"value": "neutral", "note": "n"}},
    }
    data.update(changes)
    return json.dumps(data)


def parse(text: str):
    return run(f"A.parseAnswersFile({json.dumps(text)}, D)")


def test_valid_file_and_older_version_are_accepted():
    assert parse(valid_file()) == {
        "ok": True,
        "data": {"organisation": "X", "exported_at": NOW, "answers": {"salle": {"value": "not_applicable"}, "mission": {"value": "neutral", "note": "n"}}},
    }
    assert parse(valid_file(questionnaire={"id": "demo", "version": 1, "title": "Démo"}))["ok"] is True
    # A BOM (some editors add one) is ignored.
    assert parse("\ufeff" + valid_file())["ok"] is True


def test_a_dossier_holding_this_questionnaire_is_accepted():
    dossier = {"format": "mutuus-dossier", "format_version": 1, "organisation": "X", "exported_at": NOW, "questionnaires": [json.loads(valid_file())]}
    assert parse(json.dumps(dossier))["data"]["answers"]["salle"] == {"value": "not_applicable"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pas du json", "n'est pas un fichier JSON lisible"),
        ("[]", "n'est pas un export de réponses Mutuus."),
        (valid_file(format_version=2), "version plus récente de Mutuus"),
        (valid_file(questionnaire={"id": "portrait", "version": 1, "title": "Portrait"}), "d'un autre questionnaire (« Portrait »), pas celles de « Démo »"),
        (valid_file(questionnaire={"id": "demo", "version": 3, "title": "Démo"}), "(version 3 ; cette page : version 2)"),
        (valid_file(answers={"salle": {"value": "oui"}}), "« Salle partagée » n'est pas une réponse possible (« oui »)"),
        (valid_file(answers={"achat": {"value": "peut-etre"}}), "« Achats groupés ? » n'est pas une réponse possible"),
        (valid_file(answers={"x1": {"value": "done"}, "x2": {"value": "done"}}), "ne connaît pas : « x1 », « x2 »."),
        (valid_file(answers={"salle": "done"}), "« Salle partagée » n'est pas lisible"),
        (valid_file(answers={"salle": {"value": "done", "note": "n"}}), "La note de la question « Salle partagée » n'est pas valide"),
        (valid_file(answers={"salle": {"value": "done", "extra": 1}}), "un champ inconnu (« extra »)"),
        (valid_file(organisation=12), "n'est pas du texte"),
        (valid_file(organisation="x" * 201), "dépasse 200 caractères"),
        (json.dumps({"format": "mutuus-dossier", "format_version": 1, "questionnaires": []}), "Ce dossier ne contient pas de réponses à « Démo »"),
    ],
)
def test_bad_files_get_a_french_message(text, message):
    result = parse(text)
    assert result["ok"] is False
    assert message in result["message"]
    assert result["message"].endswith("Vos réponses actuelles n'ont pas changé.")


def test_import_summary():
    data = {"organisation": "ASBL Les Marolles", "exported_at": NOW, "answers": {"salle": {"value": "done"}, "besoin": {"value": "Un local"}}}
    current = {"salle": {"value": "not_yet"}}
    assert run(f"A.importSummary(D, {json.dumps(data)}, {json.dumps(current)})") == (
        "Fichier de « ASBL Les Marolles », exporté le 25 novembre 2026 : 2 réponses sur 4. "
        "L'importer remplacera vos réponses actuelles (1 réponse)."
    )


def test_import_summary_names_the_notes_and_the_organisation_it_replaces():
    """A note under a rating not chosen yet is not an answer, yet the import
    replaces it, and the organisation's name too: the question says so (found
    by a review: three notes and the name went without a word)."""
    data = {"organisation": "Festival des Cantons", "exported_at": NOW, "answers": {"salle": {"value": "done"}}}
    current = {"mission": {"value": "", "note": "À revoir avec le CA"}}
    assert run(f"A.importSummary(D, {json.dumps(data)}, {json.dumps(current)}, 'Atelier du Plateau')") == (
        "Fichier de « Festival des Cantons », exporté le 25 novembre 2026 : 1 réponse sur 4. "
        "L'importer remplacera vos réponses actuelles (0 réponse et 1 note sans réponse). "
        "Le nom de l'organisation, « Atelier du Plateau », deviendra « Festival des Cantons »."
    )
    # The same name, or none in the file: nothing more is said.
    same = run(f"A.importSummary(D, {json.dumps(data)}, {{}}, 'Festival des Cantons')")
    assert same.endswith("(0 réponse).")


def test_file_name():
    assert run("A.exportFileName(D, \"Centre d'entraide Saint-Rémi\", 'csv', NOW)") == "mutuus-demo-centre-d-entraide-saint-remi-2026-11-25.csv"
    assert run("A.exportFileName(D, '', 'json', NOW)") == "mutuus-demo-2026-11-25.json"


def test_dossier_validation():
    dossier = {"format": "mutuus-dossier", "format_version": 1, "organisation": "X", "exported_at": NOW, "questionnaires": [json.loads(valid_file())]}
    result = run(f"A.validateDossierObject({json.dumps(dossier)}, {{demo: D}})")
    assert result["ok"] is True
    assert result["data"]["questionnaires"][0]["answers"]["mission"] == {"value": "neutral", "note": "n"}
    dossier["questionnaires"].append(json.loads(valid_file()))
    result = run(f"A.validateDossierObject({json.dumps(dossier)}, {{demo: D}})")
    assert "deux fois le questionnaire « Démo »" in result["message"]
