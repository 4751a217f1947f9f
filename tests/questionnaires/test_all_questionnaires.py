"""Every real questionnaire file loads, matches schema.json and sits on a page."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.questionnaire_loader import PORTRAIT_SECTIONS, find_pages, load_all, load_questionnaire

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "questionnaires").glob("*.yml"))
SCHEMA = json.loads((ROOT / "questionnaires" / "schema.json").read_text(encoding="utf-8"))


def test_the_eight_questionnaires_exist():
    # A network may add its own questionnaires (see docs/contribuer.md); these eight are required.
    # The six steps' questionnaires, the portrait and the inventory.
    expected = {"impulsion", "reflexion", "diagnostic", "modelisation", "realisation", "evaluation", "portrait", "inventaire"}
    assert expected <= {path.stem for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_loads_with_links_checked(path):
    data = load_questionnaire(path, docs_dir=ROOT / "docs", root=ROOT)
    assert data["id"] == path.stem
    assert sum(len(section["questions"]) for section in data["sections"]) > 0


def test_load_all_reads_every_file():
    assert sorted(load_all(ROOT / "questionnaires", docs_dir=ROOT / "docs", root=ROOT)) == sorted(path.stem for path in FILES)


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_matches_schema(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(colour="bleu"),  # unknown key
        lambda d: d["sections"][0]["questions"][0].update(kind="checkbox"),  # bad kind
        lambda d: d["sections"][0]["questions"][0].update(options=[{"value": "a", "label": "A"}] * 2),  # options on check
        lambda d: d["sections"][0]["questions"][1].pop("options"),  # choice without options
        lambda d: d.pop("title"),  # missing field
        lambda d: d.update(version="1"),  # wrong type
    ],
)
def test_schema_refuses_what_the_loader_refuses(change):
    data = {
        "id": "demo",
        "version": 1,
        "title": "Démo",
        "step": "impulsion",
        "intro": "Intro.",
        "sections": [
            {
                "id": "s",
                "title": "S",
                "questions": [
                    {"id": "a", "kind": "check", "label": "A"},
                    {"id": "b", "kind": "choice", "label": "B", "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}]},
                ],
            }
        ],
    }
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert not list(validator.iter_errors(data))
    change(data)
    assert list(validator.iter_errors(data))


def test_portrait_follows_the_contract():
    portrait = load_questionnaire(ROOT / "questionnaires" / "portrait.yml", root=ROOT)
    assert tuple(s["id"] for s in portrait["sections"]) == PORTRAIT_SECTIONS
    assert "mission_valeurs" in [q["id"] for q in portrait["sections"][0]["questions"]]
    assert {q["kind"] for s in portrait["sections"] for q in s["questions"]} == {"rating"}


def test_every_questionnaire_is_on_a_page():
    pages = find_pages(ROOT / "docs")
    assert pages.get("portrait") == "outils/portrait.md"
    assert pages.get("inventaire") == "outils/inventaire.md"
    for step in ("impulsion", "reflexion", "diagnostic", "modelisation", "realisation", "evaluation"):
        assert pages.get(step) == f"etapes/{step}.md", f"{step} : aucune page ne contient questionnaire(\"{step}\")"
