"""The issue-to-YAML converter (macros/network_issue.py), hostile bodies included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros.network_issue import SubmissionError, comment, convert, main, parse_body
from macros.countries import COUNTRIES
from macros.network_catalog import ISSUE_FIELDS
from macros.network_loader import FIELD_LABELS, categories_from_inventory, load_entry

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml")
TODAY = dt.date(2026, 11, 30)


def body(**fields) -> str:
    """An issue body as GitHub writes it for the form: '### <label>', blank line, value."""
    values = {
        "kind": "Offre",
        "title": "Camionnette libre le mardi",
        "category": "Transport et véhicules",
        "organisation": "Maison fictive",
        "territory": "Liège",
        "country": "Belgique",
        "description": "Une camionnette 9 m³.\n\nPermis B.",
        "contact": "camion@maison.example.org",
        "until": "2027-06-30",
        "schedule": "_No response_",
        "conditions": "Frais au kilomètre",
    }
    values.update(fields)
    return "\n\n".join(f"### {FIELD_LABELS[key]}\n\n{value}" for key, value in values.items() if value is not None)


def test_valid_body(tmp_path):
    name, text = convert(body(), 42, TODAY, CATEGORIES)
    assert name == "camionnette-libre-le-mardi-42.yml"
    data = yaml.safe_load(text)
    assert data["kind"] == "offer" and data["category"] == "transport"
    # The form's "Belgique" is written as the code the loader reads.
    assert data["country"] == "BE"
    assert list(data)[:6] == ["kind", "title", "category", "organisation", "territory", "country"]
    assert data["description"] == "Une camionnette 9 m³.\n\nPermis B."
    assert str(data["published"]) == "2026-11-30" and str(data["until"]) == "2027-06-30"
    assert "schedule" not in data  # "_No response_" is no answer
    assert data["conditions"] == "Frais au kilomètre"
    # The written file passes the build's own loader.
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert load_entry(path, CATEGORIES)["title"] == "Camionnette libre le mardi"


def test_until_left_empty_is_six_months():
    _, text = convert(body(until="_No response_"), 7, TODAY, CATEGORIES)
    # 2026-11-30 + 180 days: to Dec 31 is 31 days, to Jan 31 is 62, to Feb 28 is 90,
    # to Mar 31 is 121, to Apr 30 is 151; 180 - 151 = 29 -> 2027-05-29.
    assert str(yaml.safe_load(text)["until"]) == "2027-05-29"


def test_country_code_is_accepted_too():
    _, text = convert(body(country="qc"), 4, TODAY, CATEGORIES)
    assert yaml.safe_load(text)["country"] == "QC"


def test_crlf_and_case_of_headings():
    text = body().replace("\n", "\r\n").replace("### Titre", "### titre")
    name, _ = convert(text, 1, TODAY, CATEGORIES)
    assert name.endswith("-1.yml")


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"contact": "http://maison.example.org"}, "contact", "« contact » vaut"),
        ({"contact": "_No response_"}, "contact", "est vide"),
        ({"kind": "Don"}, "kind", "choisissez parmi Offre, Besoin"),
        ({"category": "Cuisine"}, "category", "choisissez parmi"),
        ({"until": "30/06/2027"}, "until", "AAAA-MM-JJ"),
        ({"until": "2026-01-01"}, "until", "est avant « published »"),
        ({"title": "x" * 200}, "title", "trop long"),
        ({"territory": None}, "territory", "est vide"),
        ({"country": "Suisse"}, "country", "choisissez parmi Québec, France, Belgique"),
        ({"country": None}, "country", "est vide"),
    ],
)
def test_invalid_fields_name_the_field(fields, field, words):
    with pytest.raises(SubmissionError) as caught:
        convert(body(**fields), 3, TODAY, CATEGORIES)
    assert caught.value.field == field
    assert words in caught.value.message
    text = comment(caught.value)
    assert f"Champ à corriger : « {FIELD_LABELS[field]} »" in text


@pytest.mark.parametrize("hostile", ["", "   ", "Bonjour, je voudrais publier une annonce.", "x" * 30000])
def test_malformed_bodies(hostile):
    with pytest.raises(SubmissionError) as caught:
        convert(hostile, 3, TODAY, CATEGORIES)
    assert caught.value.field is None
    assert "Cette annonce ne peut pas encore être publiée" in comment(caught.value)


def test_heading_injected_in_a_textarea_is_refused():
    injected = body(description="Une salle.\n### Contact\n\nattaquant@example.org")
    with pytest.raises(SubmissionError) as caught:
        convert(injected, 3, TODAY, CATEGORIES)
    assert caught.value.field == "contact" and "apparaît deux fois" in caught.value.message


def test_yaml_and_html_in_values_stay_text():
    hostile = body(
        title='"><script>alert(1)</script>',
        description="kind: need\ncategory: autres\n--- !!python/object/apply:os.system ['rm -rf /']\n{{ board() }}",
        organisation="&amp; <b>Maison</b> # pas un commentaire",
    )
    name, text = convert(hostile, 9, TODAY, CATEGORIES)
    data = yaml.safe_load(text)  # safe_load: a python tag would raise here
    assert data["kind"] == "offer"
    assert data["title"] == '"><script>alert(1)</script>'
    assert data["description"].startswith("kind: need\ncategory: autres\n--- !!python")
    assert data["organisation"] == "&amp; <b>Maison</b> # pas un commentaire"
    assert name == "script-alert-1-script-9.yml"


def test_control_and_bidi_characters_are_removed():
    _, text = convert(body(organisation="Mai\u202eson\x00 fictive\u200b"), 5, TODAY, CATEGORIES)
    assert yaml.safe_load(text)["organisation"] == "Maison fictive"


def test_unknown_headings_are_ignored():
    parsed = parse_body(body() + "\n\n### Pièce jointe\n\nrien")
    assert parsed["conditions"] == "Frais au kilomètre\n\n### Pièce jointe\n\nrien"


def test_cli(tmp_path):
    source = tmp_path / "body.md"
    source.write_text(body(), encoding="utf-8")
    out = tmp_path / "board"
    out.mkdir()
    note = tmp_path / "comment.md"
    args = ["--body-file", str(source), "--number", "12", "--board-dir", str(out),
            "--comment-file", str(note), "--date", "2026-11-30"]
    assert main(args) == 0
    assert (out / "camionnette-libre-le-mardi-12.yml").is_file()
    source.write_text(body(contact="non"), encoding="utf-8")
    assert main(args) == 1
    assert "« Contact »" in note.read_text(encoding="utf-8")


def test_issue_form_agrees_with_the_converter():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "annonce.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    by_id = {form_id: key for key, form_id in ISSUE_FIELDS.items()}
    assert set(fields) == set(by_id)
    for form_id, item in fields.items():
        assert item["attributes"]["label"] == FIELD_LABELS[by_id[form_id]]
    assert fields["kind"]["attributes"]["options"] == ["Offre", "Besoin"]
    assert fields["category"]["attributes"]["options"] == list(CATEGORIES.values())
    assert fields["country"]["attributes"]["options"] == list(COUNTRIES.values())


def test_workflow_uses_only_known_actions():
    workflows = ROOT / ".github" / "workflows"
    used = set()
    for path in workflows.glob("*.yml"):
        if path.name.startswith("board"):
            continue
        used |= {s["uses"] for job in yaml.safe_load(path.read_text())["jobs"].values() for s in job.get("steps", []) if "uses" in s}
    board = yaml.safe_load((workflows / "board-publish.yml").read_text())
    steps = board["jobs"]["publish"]["steps"]
    assert {s["uses"] for s in steps if "uses" in s} <= used
    assert "${{" not in "".join(s.get("run", "") for s in steps)  # no expression pasted into a script
