"""The questionnaire loader: every error names the file and the line.

Each bad file is written out in full in the test, and the expected line was
counted by hand in that text (line 1 is the line with ``id:``).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from macros.questionnaire_loader import (
    DocsIndex,
    QuestionnaireError,
    find_pages,
    load_all,
    load_questionnaire,
    page_anchors,
)

FIXTURES = Path(__file__).resolve().parents[1] / "questionnaires" / "fixtures"

# A valid file; the error cases below change one line of it.
# Lines:  1 id, 2 version, 3 title, 4 step, 5 intro, 6 sections:, 7 "- id: premiere",
#         8 title, 9 questions:, 10 "- id: un", 11 kind, 12 label, 13 link,
#         14 "- id: deux", 15 kind, 16 label, 17 options:, 18 oui, 19 non
VALID = """\
id: demo
version: 1
title: Démo
step: impulsion
intro: Une intro.
sections:
  - id: premiere
    title: Première
    questions:
      - id: un
        kind: check
        label: Question un
        link: risques.md#gouvernance
      - id: deux
        kind: choice
        label: Question deux
        options:
          - {value: oui, label: Oui}
          - {value: non, label: Non}
"""


@pytest.fixture
def project(tmp_path):
    """A project folder: questionnaires/ (empty) and the fixtures' docs/."""
    (tmp_path / "questionnaires").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    for page in (FIXTURES / "docs").rglob("*.md"):
        target = docs / page.relative_to(FIXTURES / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def load_text(project: Path, text: str, name: str = "demo"):
    path = project / "questionnaires" / f"{name}.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_questionnaire(path, docs_dir=project / "docs", root=project)


def error_of(project: Path, text: str, name: str = "demo") -> QuestionnaireError:
    with pytest.raises(QuestionnaireError) as caught:
        load_text(project, text, name)
    return caught.value


def replace_line(text: str, number: int, new: str) -> str:
    lines = text.splitlines()
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- valid files


def test_valid_file_loads_as_plain_data(project):
    data = load_text(project, VALID)
    assert data == {
        "id": "demo",
        "version": 1,
        "title": "Démo",
        "step": "impulsion",
        "intro": "Une intro.",
        "sections": [
            {
                "id": "premiere",
                "title": "Première",
                "questions": [
                    {"id": "un", "kind": "check", "label": "Question un", "link": "risques.md#gouvernance"},
                    {
                        "id": "deux",
                        "kind": "choice",
                        "label": "Question deux",
                        "options": [{"value": "oui", "label": "Oui"}, {"value": "non", "label": "Non"}],
                    },
                ],
            }
        ],
    }


def test_fixture_file_with_every_kind_loads():
    data = load_questionnaire(
        FIXTURES / "questionnaires" / "demo.yml", docs_dir=FIXTURES / "docs", root=FIXTURES
    )
    kinds = [q["kind"] for s in data["sections"] for q in s["questions"]]
    assert kinds == ["check", "rating", "choice", "text"]
    assert data["version"] == 2
    assert data["sections"][0]["intro"] == "Une intro de section."


# ---------------------------------------------------------------- errors, with lines


def test_unknown_top_level_key(project):
    error = error_of(project, replace_line(VALID, 5, "intro: Une intro.\ncolour: bleu"))
    # "colour" is inserted as line 6.
    assert str(error).startswith("questionnaires/demo.yml:6: ")
    assert "clé inconnue « colour »" in str(error)


def test_unknown_question_key(project):
    error = error_of(project, replace_line(VALID, 12, "        lable: Question un"))
    assert str(error).startswith("questionnaires/demo.yml:12: ")
    assert "clé inconnue « lable »" in str(error)


def test_missing_question_field_points_at_the_question(project):
    # Without line 12 (label), question "un" starts at line 10.
    error = error_of(project, replace_line(VALID, 12, "        help: Une aide"))
    assert str(error) == "questionnaires/demo.yml:10: clé « label » manquante dans la question « un »"


def test_missing_top_level_field(project):
    lines = VALID.splitlines()
    del lines[3]  # no step
    error = error_of(project, "\n".join(lines) + "\n")
    assert str(error).startswith("questionnaires/demo.yml:1: ")
    assert "« step » manquante" in str(error)


def test_duplicate_question_id(project):
    error = error_of(project, replace_line(VALID, 14, "      - id: un"))
    assert str(error).startswith("questionnaires/demo.yml:14: ")
    assert "« un » déjà utilisé ligne 10" in str(error)


def test_duplicate_question_id_across_sections(project):
    text = VALID + (
        "  - id: seconde\n"  # line 20
        "    title: Seconde\n"  # 21
        "    questions:\n"  # 22
        "      - id: deux\n"  # 23
        "        kind: text\n"
        "        label: Encore deux\n"
    )
    error = error_of(project, text)
    assert str(error).startswith("questionnaires/demo.yml:23: ")
    assert "« deux » déjà utilisé ligne 14" in str(error)


def test_duplicate_section_id(project):
    text = VALID + "  - id: premiere\n    title: Encore\n    questions:\n      - {id: trois, kind: text, label: Trois}\n"
    # The second section starts at line 20.
    error = error_of(project, text)
    assert str(error).startswith("questionnaires/demo.yml:20: ")
    assert "section « premiere » déjà utilisé ligne 7" in str(error)


def test_duplicate_yaml_key(project):
    error = error_of(project, replace_line(VALID, 3, "title: Démo\ntitle: Encore"))
    # The second "title" is line 4.
    assert str(error).startswith("questionnaires/demo.yml:4: ")
    assert "« title » apparaît deux fois" in str(error)


def test_wrong_type_version(project):
    error = error_of(project, replace_line(VALID, 2, 'version: "1"'))
    assert str(error).startswith("questionnaires/demo.yml:2: ")
    assert str(error) == "questionnaires/demo.yml:2: « version » du questionnaire doit être un nombre entier"


def test_wrong_type_label_number(project):
    error = error_of(project, replace_line(VALID, 12, "        label: 42"))
    assert str(error).startswith("questionnaires/demo.yml:12: ")
    assert "doit être du texte (mettez-le entre guillemets)" in str(error)


def test_yaml_boolean_option_value_is_refused(project):
    # YAML 1.1 reads "no" as false: the loader asks for quotes.
    error = error_of(project, replace_line(VALID, 19, "          - {value: no, label: Non}"))
    assert str(error).startswith("questionnaires/demo.yml:19: ")
    assert "guillemets" in str(error)


def test_bad_kind(project):
    error = error_of(project, replace_line(VALID, 11, "        kind: checkbox"))
    assert str(error).startswith("questionnaires/demo.yml:11: ")
    assert "type « checkbox » inconnu" in str(error)


def test_choice_without_options(project):
    lines = VALID.splitlines()[:16]  # stops before "options:" (line 17)
    error = error_of(project, "\n".join(lines) + "\n")
    assert str(error).startswith("questionnaires/demo.yml:14: ")
    assert "n'a pas de liste « options »" in str(error)


def test_options_on_another_kind(project):
    text = replace_line(VALID, 15, "        kind: text")
    error = error_of(project, text)
    assert str(error).startswith("questionnaires/demo.yml:17: ")
    assert "« options » n'est permis que pour le type choice" in str(error)


def test_duplicate_option_value(project):
    error = error_of(project, replace_line(VALID, 19, "          - {value: oui, label: Non}"))
    assert str(error).startswith("questionnaires/demo.yml:19: ")
    assert "valeur « oui » déjà utilisée ligne 18" in str(error)


def test_id_must_be_the_file_name(project):
    error = error_of(project, VALID, name="autre")
    assert str(error).startswith("questionnaires/autre.yml:1: ")
    assert "l'id « demo » doit être le nom du fichier (« autre »)" in str(error)


def test_id_with_forbidden_characters(project):
    error = error_of(project, replace_line(VALID, 10, "      - id: Un-1"))
    assert str(error).startswith("questionnaires/demo.yml:10: ")
    assert "a-z, 0-9 et _" in str(error)


def test_unknown_step(project):
    error = error_of(project, replace_line(VALID, 4, "step: conclusion"))
    assert str(error).startswith("questionnaires/demo.yml:4: ")
    assert "étape « conclusion » inconnue" in str(error)


def test_link_to_missing_page(project):
    error = error_of(project, replace_line(VALID, 13, "        link: absente.md#gouvernance"))
    assert str(error).startswith("questionnaires/demo.yml:13: ")
    assert "docs/absente.md, qui n'existe pas" in str(error)


def test_link_to_missing_anchor(project):
    error = error_of(project, replace_line(VALID, 13, "        link: risques.md#inconnue"))
    assert str(error).startswith("questionnaires/demo.yml:13: ")
    assert "l'ancre « #inconnue », absente de docs/risques.md" in str(error)


def test_link_not_relative_to_docs(project):
    error = error_of(project, replace_line(VALID, 13, "        link: ../risques.md#gouvernance"))
    assert str(error).startswith("questionnaires/demo.yml:13: ")
    assert "n'existe pas" in str(error)


@pytest.mark.parametrize(
    "target",
    [
        "risques.md#gouvernance",  # explicit { #gouvernance }
        "risques.md#les-conditions-gagnantes",  # slug of "Les conditions gagnantes"
        "risques.md#economie-et-couts",  # slug of "Économie et coûts" (accents dropped)
        "risques.md#economie-et-couts_1",  # the same heading a second time
        "risques.md#un-titre-souligne",  # setext heading
        "risques.md#bloc-html",  # id of raw HTML
        "risques.md",  # page without anchor
        "comprendre/index.md#definition",
    ],
)
def test_links_that_resolve(project, target):
    load_text(project, replace_line(VALID, 13, f"        link: {target}"))


def test_link_into_a_code_block_does_not_resolve(project):
    error = error_of(project, replace_line(VALID, 13, "        link: risques.md#dans-un-bloc-de-code"))
    assert str(error).startswith("questionnaires/demo.yml:13: ")


def test_front_matter_is_not_a_heading():
    anchors = page_anchors((FIXTURES / "docs" / "risques.md").read_text(encoding="utf-8"))
    assert not any(a.startswith("description") for a in anchors)


def test_intro_link_is_checked(project):
    error = error_of(project, replace_line(VALID, 5, "intro: Voir [ici](absente.md)."))
    assert str(error).startswith("questionnaires/demo.yml:5: ")
    assert "absente.md" in str(error)


def test_yaml_syntax_error_gives_the_line(project):
    # A second ": " inside a plain value: YAML stops at line 12.
    error = error_of(project, replace_line(VALID, 12, "        label: Question : un: deux"))
    assert str(error).startswith("questionnaires/demo.yml:12: syntaxe YAML invalide")


def test_bad_indentation_gives_the_line(project):
    text = replace_line(VALID, 11, "       kind: check")  # one space short
    error = error_of(project, text)
    assert str(error).startswith("questionnaires/demo.yml:11: ")
    assert "syntaxe YAML invalide" in str(error)


def test_empty_file(project):
    error = error_of(project, "")
    assert str(error) == "questionnaires/demo.yml:1: le fichier est vide"


def test_top_level_list(project):
    error = error_of(project, "- id: demo\n")
    assert str(error).startswith("questionnaires/demo.yml:1: ")
    assert "bloc de clés" in str(error)


def test_portrait_questions_must_be_ratings(project):
    sections = "".join(
        f"  - id: {sid}\n    title: T\n    questions:\n      - {{id: q_{sid}, kind: rating, label: L}}\n"
        for sid in ("identite", "gouvernance", "locaux_equipements", "services", "communication", "gestion_administration")
    )
    base = "id: portrait\nversion: 1\ntitle: Portrait\nstep: reflexion\nintro: I.\nsections:\n" + sections
    # Lines: 7 "- id: identite", 10 its question.
    error = error_of(project, base, name="portrait")
    assert str(error).startswith("questionnaires/portrait.yml:7: ")
    assert "mission_valeurs" in str(error)
    good = base.replace("q_identite", "mission_valeurs")
    assert load_text(project, good, name="portrait")["id"] == "portrait"
    bad = good.replace("{id: q_services, kind: rating", "{id: q_services, kind: check")
    # The services section is the 4th: its question is on line 7 + 3*4 + 3 = 22.
    error = error_of(project, bad, name="portrait")
    assert str(error).startswith("questionnaires/portrait.yml:22: ")
    assert "rating" in str(error)


def test_load_all_and_find_pages(project):
    (project / "questionnaires" / "demo.yml").write_text(VALID, encoding="utf-8")
    (project / "docs" / "outils").mkdir()
    (project / "docs" / "outils" / "demo.md").write_text(
        '---\nrender_macros: true\n---\n# Démo\n\n{{ questionnaire("demo") }}\n', encoding="utf-8"
    )
    loaded = load_all(project / "questionnaires", docs_dir=project / "docs", root=project)
    assert list(loaded) == ["demo"]
    assert find_pages(project / "docs") == {"demo": "outils/demo.md"}


def test_docs_index_refuses_paths_outside_docs(project):
    docs = DocsIndex(project / "docs")
    assert docs.check("../mkdocs.md") is not None
    assert docs.check("/risques.md") is not None
    assert docs.check("risques.md#gouvernance") is None
