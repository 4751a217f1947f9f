"""The diagnostic grid (outils/grille-diagnostic/) in real Chromium.

Three hand-made portraits, written below as JSON, are imported; every figure
the tests check (table cells, suggestions, counts, the most serious
divergence, the potential reading) is worked out by hand in the comments,
from the rules written on the page (sections "Comment la page lit le
potentiel" and "D'où viennent les suggestions"). The rule's edge cases are
tested in Node (tests/js/grid-rule.test.mjs).

The tests share the module's one page (`shared`/`grid`, on conftest's
`reader`): each starts with nothing stored and the grid mounted afresh by
instant navigation (leaving for outils/ and coming back; measured on a loaded
machine: 0.4 s, where a reload took 1.8 s, and a fresh context and its cold
cache more). A full load is kept where the behaviour is about a load: the grid
back after a reload, a second tab, the palette chosen by the system. axe
checks the whole page once (test_empty_grid_…), its colour rules in the dark
palette (test_dark_…); the other states are checked inside the grid
(GRID_ROOT), the only part of the page the tool changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.grid_pages import GRID, open_fresh, ready, storage_refusing_writes
from tests.e2e.harness import assert_no_axe_violations, goto, open_tool, reload, wait_for_failed_images, watch_page

GRID_ROOT = ".mu-grid"


@pytest.fixture
def shared(reader, site):
    """The module's one page, nothing stored; the test opens its page (open_fresh)."""
    ready(reader, site)
    return reader


@pytest.fixture
def grid(shared, site):
    """The module's one page on the grid: nothing stored, grid mounted afresh, light palette."""
    open_fresh(shared, site, GRID)
    return shared


def portrait(organisation: str, answers: dict, exported_at: str = "2026-11-20T14:00:00Z") -> dict:
    """A mutuus-answers file of the portrait, as the portrait page exports it."""
    return {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": "portrait", "version": 1, "title": "Portrait de l'organisation"},
        "organisation": organisation,
        "exported_at": exported_at,
        "answers": {
            qid: ({"value": v} if isinstance(v, str) else {"value": v[0], "note": v[1]})
            for qid, v in answers.items()
        },
    }


# Atelier du Plateau (Montréal), Recyclerie du Nord (Lille), ASBL Trait d'union (Namur).
A = portrait(
    "Atelier du Plateau",
    {
        "mission_valeurs": ("strength", "Charte écrite en 2019"),
        "historique": "neutral",
        "conseil_administration": "strength",
        "prise_decision": "neutral",
        "locaux": "strength",
        "entreposage": "weakness",
        "offre_services": "strength",
        "demande_services": "not_applicable",
        "medias_numeriques": "strength",
        "assurances": "weakness",
        "budgetisation": "strength",
    },
)
B = portrait(
    "Recyclerie du Nord",
    {
        "mission_valeurs": "strength",
        "historique": "neutral",
        "conseil_administration": "strength",
        "prise_decision": "neutral",
        "locaux": ("weakness", "Trop petit"),
        "entreposage": "strength",
        "offre_services": "neutral",
        "medias_numeriques": "not_applicable",
        "assurances": "weakness",
    },
)
C = portrait(
    "ASBL Trait d'union",
    {
        "mission_valeurs": ("weakness", "Pas encore écrite"),
        "conseil_administration": "strength",
        "locaux": "neutral",
        "assurances": "weakness",
        "budgetisation": "weakness",
    },
)

# Suggestions worked out by hand (only ratings strength/weakness/neutral given
# by at least two organisations are compared):
# - identite: mission_valeurs A strength, B strength, C weakness -> opposed on
#   the mission -> "values_check" (compare the values texts before concluding).
# - gouvernance: conseil_administration S/S/S, prise_decision N/N -> all the
#   same -> "convergence".
# - locaux_equipements: locaux A strength / B weakness; entreposage A weakness
#   / B strength -> "complementarity".
# - services: offre_services A strength / B neutral (demande_services: A gave
#   not_applicable, not compared) -> a difference without opposition -> "difference".
# - communication: medias_numeriques A strength, B not_applicable -> one rating
#   only -> "not_enough".
# - gestion_administration: budgetisation A strength / C weakness -> "complementarity"
#   (assurances W/W/W agrees, but one opposition is enough).
EXPECTED_HINTS = {
    "identite": "values_check",
    "gouvernance": "convergence",
    "locaux_equipements": "complementarity",
    "services": "difference",
    "communication": "not_enough",
    "gestion_administration": "complementarity",
}


def write(tmp_path: Path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def import_three(page, tmp_path):
    files = [write(tmp_path, "a.json", A), write(tmp_path, "b.json", B), write(tmp_path, "c.json", C)]
    page.set_input_files("#mu-grid-portraits", files)
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")


def counts(page) -> dict:
    """The four counts' texts, read in one call (as inner_text does)."""
    return page.evaluate(
        """() => Object.fromEntries(["convergence", "complementarity", "divergence", "unmarked"].map(
             (key) => [key, document.querySelector(`.mu-grid__counts [data-count=${key}]`).innerText]))"""
    )


def reading_code(page) -> str:
    return page.locator(".mu-grid__reading").get_attribute("data-code")


def mark(page, dimension: str, value: str):
    page.check(f"#mu-grid-{dimension}-mark-{value or 'none'}")


def test_empty_grid_reads_nothing_and_is_accessible(grid):
    page = grid
    root = page.locator(".mu-grid")
    assert root.locator("#mu-grid-portraits").count() == 1
    assert "Aucun portrait pour l'instant" in root.inner_text()
    # No portrait: rule 1 -> no reading; six dimensions, none marked.
    assert reading_code(page) == "need_portraits"
    assert "Importez au moins deux portraits" in page.locator(".mu-grid__reading").inner_text()
    assert counts(page)["unmarked"] == "Pas encore marquées : 6"
    assert page.locator(".mu-grid__live").get_attribute("role") == "status"
    assert_no_axe_violations(page)


def test_three_portraits_side_by_side_marks_and_reading(grid, tmp_path):
    page = grid
    import_three(page, tmp_path)

    names = page.locator("#mu-grid-organisations .mu-grid__org-name").all_inner_texts()
    assert names == ["Atelier du Plateau", "Recyclerie du Nord", "ASBL Trait d'union"]
    # A answered 11 of 37 portrait questions (6+6+7+5+7+6 = 37 in portrait.yml).
    assert "11 sur 37" in page.locator("#mu-grid-organisations li").first.inner_text()

    # Identity table: header row, then the mission row with words and notes.
    table = page.locator("[data-dimension=identite] table")
    assert table.locator("caption").inner_text().startswith("Identité")
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Caractéristique", "Atelier du Plateau", "Recyclerie du Nord", "ASBL Trait d'union"]
    assert table.locator("thead th").first.get_attribute("scope") == "col"
    row = table.locator("tr[data-question=mission_valeurs]")
    assert row.locator("th").get_attribute("scope") == "row"
    cells = row.locator("td")
    assert cells.nth(0).inner_text().split("\n")[0] == "Force"
    assert "Charte écrite en 2019" in cells.nth(0).inner_text()
    assert cells.nth(1).inner_text() == "Force"
    assert cells.nth(2).inner_text().split("\n")[0] == "Faiblesse"
    assert "Pas encore écrite" in cells.nth(2).inner_text()
    # historique: A neutral, B neutral, C gave nothing.
    hist = table.locator("tr[data-question=historique] td").all_inner_texts()
    assert hist == ["Neutre", "Neutre", "Non renseigné"]
    # demande_services: A "not_applicable" -> "Sans objet".
    svc = page.locator("[data-dimension=services] tr[data-question=demande_services] td").first
    assert svc.inner_text() == "Sans objet"

    # Suggestions per dimension (worked out in EXPECTED_HINTS).
    for dimension, kind in EXPECTED_HINTS.items():
        hint = page.locator(f"#mu-grid-{dimension}-hint")
        assert f"mu-grid__hint--{kind}" in hint.get_attribute("class"), dimension
    # gouvernance: conseil_administration S/S/S and prise_decision N/N -> two compared, same everywhere.
    assert page.locator("#mu-grid-gouvernance-hint").inner_text() == (
        "Suggestion : Convergence probable : les 2 caractéristiques notées par plusieurs "
        "organisations le sont de la même façon. C'est vous qui décidez."
    )
    # communication: nothing rated by two organisations -> no "Suggestion :" label, no "you decide".
    assert page.locator("#mu-grid-communication-hint").inner_text().startswith("Pas de suggestion")
    assert "décidez" not in page.locator("#mu-grid-communication-hint").inner_text()
    locaux_hint = page.locator("#mu-grid-locaux_equipements-hint").inner_text()
    assert "Locaux (force : Atelier du Plateau ; faiblesse : Recyclerie du Nord)" in locaux_hint
    assert "Espace d'entreposage (force : Recyclerie du Nord ; faiblesse : Atelier du Plateau)" in locaux_hint
    # The hint describes the radio group it sits above.
    assert page.locator("[data-dimension=identite] fieldset").get_attribute("aria-describedby") == "mu-grid-identite-hint"

    # Stage 1, nothing marked. Identite is not marked and mission_valeurs is a
    # strength for A and B and a weakness for C -> rule 2b: compare the values
    # first (the ratings say whether each wrote them down, not whether they agree).
    assert counts(page) == {
        "convergence": "Convergence : 0",
        "complementarity": "Complémentarité : 0",
        "divergence": "Divergence : 0",
        "unmarked": "Pas encore marquées : 6",
    }
    assert reading_code(page) == "check_values"
    assert "Comparez d'abord vos missions et vos valeurs" in page.locator(".mu-grid__reading").inner_text()
    assert "elles ne disent pas si vos valeurs se rejoignent" in page.locator(".mu-grid__serious").inner_text()
    serious = page.locator(".mu-grid__serious")
    assert serious.is_visible()
    assert "« Atelier du Plateau » et « Recyclerie du Nord »" in serious.inner_text()
    assert "faiblesse pour « ASBL Trait d'union »" in serious.inner_text()
    assert serious.locator("a").first.get_attribute("href").endswith("/risques/#gouvernance")

    # Stage 2: gouvernance convergence, locaux complementarity, services
    # complementarity, communication divergence. Counts 1 / 2 / 1 / 2 unmarked.
    # Identite still unmarked, ratings still opposed -> rule 2b still applies.
    mark(page, "gouvernance", "convergence")
    mark(page, "locaux_equipements", "complementarity")
    mark(page, "services", "complementarity")
    mark(page, "communication", "divergence")
    page.fill("#mu-grid-communication-note", "Rythmes de publication très différents")
    assert counts(page) == {
        "convergence": "Convergence : 1",
        "complementarity": "Complémentarité : 2",
        "divergence": "Divergence : 1",
        "unmarked": "Pas encore marquées : 2",
    }
    assert reading_code(page) == "check_values"
    divergences = page.locator(".mu-grid__divergences li")
    assert divergences.count() == 1
    assert divergences.first.get_attribute("data-dimension") == "communication"
    link = divergences.first.locator("a").nth(1)
    assert link.inner_text() == "Communication et symétrie de l'information"
    assert link.get_attribute("href").endswith("/risques/#communication-information")

    # Stage 3: after discussion, identite marked complementarity. The user's
    # mark now overrides the ratings: no mission divergence. Divergences = 1
    # (communication) -> rule 6: to clarify. Counts 1 / 3 / 1 / 1.
    mark(page, "identite", "complementarity")
    assert counts(page)["complementarity"] == "Complémentarité : 3"
    assert counts(page)["unmarked"] == "Pas encore marquées : 1"
    assert reading_code(page) == "clarify_divergence"
    assert "1 divergence à discuter" in page.locator(".mu-grid__reading").inner_text()
    assert page.locator(".mu-grid__serious").is_hidden()

    # Stage 4: communication becomes convergence -> 0 divergence, favourable =
    # convergence 2 + complementarity 3 = 5 >= 3 -> rule 5: high.
    mark(page, "communication", "convergence")
    assert reading_code(page) == "high"
    assert "Aucune divergence et 5 dimensions en convergence ou en complémentarité" in page.locator(".mu-grid__reading").inner_text()
    assert page.locator(".mu-grid__divergences li").count() == 0

    # Stage 5: identite marked divergence -> rule 2 (by the mark); it is listed
    # first among divergences and singled out.
    mark(page, "identite", "divergence")
    assert reading_code(page) == "low_mission"
    assert "Vous avez marqué la dimension « Identité » comme une divergence" in page.locator(".mu-grid__serious").inner_text()
    first = page.locator(".mu-grid__divergences li").first
    assert first.get_attribute("data-dimension") == "identite"
    assert "peut mettre le projet en péril" in first.inner_text()

    # Stage 6: identite back to complementarity; gouvernance, locaux and
    # services divergence -> 3 divergences -> rule 3: low (many).
    mark(page, "identite", "complementarity")
    for dimension in ("gouvernance", "locaux_equipements", "services"):
        mark(page, dimension, "divergence")
    assert reading_code(page) == "low_many"
    assert "3 dimensions sont en divergence" in page.locator(".mu-grid__reading").inner_text()

    assert_no_axe_violations(page, GRID_ROOT)

    # The grid is kept in localStorage and comes back after a reload.
    reload(page)
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")
    assert page.is_checked("#mu-grid-services-mark-divergence")
    assert page.is_checked("#mu-grid-identite-mark-complementarity")
    assert page.input_value("#mu-grid-communication-note") == "Rythmes de publication très différents"
    assert reading_code(page) == "low_many"
    stored = page.evaluate("JSON.parse(localStorage.getItem('mutuus:/:grille:v1'))")
    assert stored["format"] == "mutuus-grid"
    assert [p["organisation"] for p in stored["portraits"]] == names
    assert stored["marks"]["communication"] == {"mark": "convergence", "note": "Rythmes de publication très différents"}


# The rule's hand-worked edge cases (test_rule_hand_worked_cases, which loaded
# the page only to import grid-rule.js) are in tests/js/grid-rule.test.mjs.


def test_export_markdown_reopen_and_print(grid, tmp_path):
    page = grid
    import_three(page, tmp_path)
    mark(page, "identite", "complementarity")
    mark(page, "communication", "divergence")
    page.fill("#mu-grid-communication-note", "Note | avec barre et <b>balise</b>")

    with page.expect_download() as info:
        page.click("#mu-grid-save")
    saved = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert info.value.suggested_filename.startswith("mutuus-grille-atelier-du-plateau-recyclerie-du-nord-asbl-trait-d-union-")
    assert saved["format"] == "mutuus-grid" and saved["format_version"] == 1
    assert saved["portrait"]["id"] == "portrait"
    assert [p["organisation"] for p in saved["portraits"]] == ["Atelier du Plateau", "Recyclerie du Nord", "ASBL Trait d'union"]
    assert saved["portraits"][1]["answers"]["locaux"] == {"value": "weakness", "note": "Trop petit"}
    assert saved["portraits"][0]["exported_at"] == "2026-11-20T14:00:00Z"
    assert saved["marks"] == {
        "identite": {"mark": "complementarity", "note": ""},
        "communication": {"mark": "divergence", "note": "Note | avec barre et <b>balise</b>"},
    }

    with page.expect_download() as info:
        page.click("#mu-grid-markdown")
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# Grille de diagnostic\n")
    assert "| Caractéristique | Atelier du Plateau | Recyclerie du Nord | ASBL Trait d'union |" in markdown
    assert "| Locaux | Force | Faiblesse (Trop petit) | Neutre |" in markdown
    # 1 divergence (communication), identite marked -> rule 6.
    assert "Potentiel de mutualisation : à clarifier. 1 divergence à discuter" in markdown
    assert "- Note : Note \\| avec barre et \\<b\\>balise\\</b\\>" in markdown
    assert "risques/#communication-information)" in markdown

    # Print: a clean report, no navigation, marks and notes as text.
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".md-header").is_hidden()
    assert page.locator("#regle-potentiel").is_hidden()
    assert page.locator(".mu-grid__add").is_hidden()
    assert page.locator("[data-dimension=communication] .mu-grid__decision").is_hidden()
    printed = page.locator("[data-dimension=communication] .mu-grid__printed")
    assert printed.is_visible()
    assert "Lecture retenue : Divergence" in printed.inner_text()
    assert "Note : Note | avec barre et <b>balise</b>" in printed.inner_text()
    assert page.locator(".mu-grid__print-header").is_visible()
    assert "Atelier du Plateau ; Recyclerie du Nord ; ASBL Trait d'union" in page.locator(".mu-grid__print-header").inner_text()
    assert page.locator("h1").is_visible()
    assert page.locator("#mu-grid-summary").is_visible()
    page.emulate_media(media="screen")

    # Empty the grid (with confirmation), then reopen the saved file.
    page.click("#mu-grid-clear")
    page.click(".mu-grid__confirm button:has-text('Vider la grille')")
    assert page.locator("#mu-grid-organisations li").count() == 0
    assert page.evaluate("localStorage.getItem('mutuus:/:grille:v1')") is None
    page.set_input_files("#mu-grid-open", write(tmp_path, "grille.json", saved))
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")
    assert page.is_checked("#mu-grid-communication-mark-divergence")
    assert page.input_value("#mu-grid-communication-note") == "Note | avec barre et <b>balise</b>"
    assert reading_code(page) == "clarify_divergence"

    # Reopening over a non-empty grid asks first; "Annuler" keeps it.
    other = dict(saved, marks={})
    page.set_input_files("#mu-grid-open", write(tmp_path, "autre.json", other))
    confirm = page.locator(".mu-grid__confirm")
    confirm.wait_for(state="visible")
    assert "3 organisations, 2 dimensions marquées" in confirm.inner_text()
    assert "3 organisations, 0 dimension marquée" in confirm.inner_text()
    confirm.locator("button:has-text('Annuler')").click()
    assert page.is_checked("#mu-grid-communication-mark-divergence")


def test_bad_files_leave_the_grid_untouched(grid, tmp_path):
    page = grid
    import_three(page, tmp_path)
    mark(page, "services", "convergence")
    before = page.evaluate("localStorage.getItem('mutuus:/:grille:v1')")

    impulsion = dict(A, questionnaire={"id": "impulsion", "version": 1, "title": "Impulsion"})
    newer_grid = {"format": "mutuus-grid", "format_version": 2, "portraits": [], "marks": {}}
    bad_rating = portrait("Quelqu'un", {"locaux": "excellent"})
    dossier_without_portrait = {"format": "mutuus-dossier", "format_version": 1, "organisation": "X", "questionnaires": []}

    page.set_input_files(
        "#mu-grid-portraits",
        [
            write(tmp_path, "casse.json", "{ pas du json"),
            write(tmp_path, "impulsion.json", impulsion),
            write(tmp_path, "note.json", bad_rating),
            write(tmp_path, "dossier.json", dossier_without_portrait),
            write(tmp_path, "grille.json", newer_grid),
        ],
    )
    alert = page.locator("#mu-grid-error")
    alert.wait_for(state="visible")
    text = alert.inner_text()
    assert "5 fichiers refusés" in text
    assert "« casse.json » : Ce fichier n'est pas un fichier JSON lisible" in text
    assert "« impulsion.json » : Ce fichier contient les réponses d'un autre questionnaire" in text
    assert "« note.json » : La réponse à la question « Locaux » n'est pas une réponse possible" in text
    assert "« dossier.json » : Ce dossier ne contient pas de réponses à « Portrait de l'organisation »" in text
    assert "« grille.json » : c'est une grille enregistrée" in text
    assert page.locator("#mu-grid-portraits").get_attribute("aria-invalid") == "true"
    assert page.locator("#mu-grid-organisations li").count() == 3
    assert page.evaluate("localStorage.getItem('mutuus:/:grille:v1')") == before
    assert_no_axe_violations(page, GRID_ROOT)

    # What "Ouvrir une grille" refuses, and the words, is tested in Node
    # (tests/js/grid-files.test.mjs); here, that the page shows it and keeps the grid.
    for name, content, expected in [
        ("casse.json", "[1, 2", "n'est pas un fichier JSON lisible"),
        ("recent.json", newer_grid, "version plus récente de Mutuus"),
    ]:
        page.set_input_files("#mu-grid-open", write(tmp_path, name, content))
        # The alert is already shown for the previous file: wait for this file's message.
        files_alert = page.locator("#mu-grid-files-error")
        expect(files_alert).to_contain_text(expected)
        assert "La grille actuelle n'a pas changé" in files_alert.inner_text()
        assert page.locator(".mu-grid__confirm").is_hidden()
        assert page.evaluate("localStorage.getItem('mutuus:/:grille:v1')") == before
    assert page.locator("#mu-grid-open").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page, GRID_ROOT)


def test_same_name_kept_apart_and_removal(grid, tmp_path):
    """Two portraits under one name (case and spaces aside) stay two columns."""
    page = grid
    import_three(page, tmp_path)
    # A second file from "atelier du plateau" (other case, extra spaces), other
    # answers: a fourth column "atelier du Plateau (2)", nothing dropped.
    newer = portrait("  atelier  du Plateau ", {"mission_valeurs": "weakness"}, "2026-11-24T09:00:00Z")
    page.set_input_files("#mu-grid-portraits", write(tmp_path, "a2.json", newer))
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 4")
    # (inner_text shows the two spaces of the file's name as one)
    assert "celle-ci est affichée « atelier du Plateau (2) »" in page.locator(".mu-grid__status").first.inner_text()
    names = page.locator("#mu-grid-organisations .mu-grid__org-name").all_inner_texts()
    assert names[0] == "Atelier du Plateau" and names[3] == "atelier du Plateau (2)"
    # Both files' answers are shown: A strength, B strength, C weakness, A (2) weakness.
    cells = page.locator("[data-dimension=identite] tr[data-question=mission_valeurs] td").all_inner_texts()
    assert [c.split("\n")[0] for c in cells] == ["Force", "Force", "Faiblesse", "Faiblesse"]
    # The same file again adds nothing.
    page.set_input_files("#mu-grid-portraits", write(tmp_path, "a3.json", newer))
    page.locator("text=est déjà dans la grille").wait_for()
    assert page.locator("#mu-grid-organisations li").count() == 4
    page.click("button[aria-label='Retirer « atelier  du Plateau (2) » de la grille']")

    # Remove B: two organisations remain; focus lands on the next "Retirer".
    page.click("button[aria-label='Retirer « Recyclerie du Nord » de la grille']")
    names = page.locator("#mu-grid-organisations .mu-grid__org-name").all_inner_texts()
    assert len(names) == 2 and names[1] == "ASBL Trait d'union"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Retirer « ASBL Trait d'union » de la grille"
    assert page.locator("[data-dimension=identite] thead th").count() == 3
    assert "« Recyclerie du Nord » a été retirée de la grille" in page.locator(".mu-grid__status").first.inner_text()


def test_own_portrait_from_this_browser(grid):
    page = grid
    page.click("#mu-grid-own")
    assert "Vous n'avez pas encore rempli le portrait" in page.locator("#mu-grid-error").inner_text()
    record = {"organisation": "Épicerie solidaire", "answers": {"locaux": {"value": "weakness", "note": "Pas de chambre froide"}}, "updated_at": "2026-11-22T10:00:00Z"}
    page.evaluate("r => localStorage.setItem('mutuus:/:portrait:v1', JSON.stringify(r))", record)
    page.click("#mu-grid-own")
    assert page.locator("#mu-grid-organisations .mu-grid__org-name").all_inner_texts() == ["Épicerie solidaire"]
    cell = page.locator("[data-dimension=locaux_equipements] tr[data-question=locaux] td").first
    assert cell.inner_text() == "Faiblesse\nPas de chambre froide"
    # One portrait only: rule 1, and the hint asks for a second one.
    assert reading_code(page) == "need_portraits"
    assert page.locator("#mu-grid-locaux_equipements-hint").inner_text() == (
        "Importez au moins deux portraits pour obtenir une suggestion."
    )


def test_keyboard_only(grid, tmp_path):
    page = grid
    import_three(page, tmp_path)
    # From the identity table (a focusable scroll region), Tab enters the radio
    # group on its checked radio ("Pas encore décidé", the last one); ArrowUp
    # moves to and selects "Divergence".
    page.focus("[data-dimension=identite] .mu-grid__scroll")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mu-grid-identite-mark-none"
    page.keyboard.press("ArrowUp")
    assert page.is_checked("#mu-grid-identite-mark-divergence")
    assert reading_code(page) == "low_mission"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mu-grid-identite-note"
    page.keyboard.type("Valeurs à discuter le 3 décembre")
    assert page.evaluate("JSON.parse(localStorage.getItem('mutuus:/:grille:v1')).marks.identite.note") == "Valeurs à discuter le 3 décembre"
    # The remove buttons are reached with Tab from "Ajouter mon propre portrait"
    # and work with Enter.
    page.focus("#mu-grid-partners")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Retirer « Atelier du Plateau » de la grille"
    page.keyboard.press("Enter")
    assert page.locator("#mu-grid-organisations li").count() == 2
    # Every control has a visible focus indicator (outline drawn by grid.css).
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_imported_markup_stays_text(grid, site, tmp_path):
    page = grid
    evil_name = '<img src=x onerror="window.__xss=1">'
    evil = portrait(evil_name, {"mission_valeurs": ("strength", '<img src=x onerror="window.__xss=2">'), "locaux": "weakness"})
    page.set_input_files("#mu-grid-portraits", [write(tmp_path, "x.json", evil), write(tmp_path, "a.json", A)])
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 2")
    page.fill("#mu-grid-identite-note", '<img src=x onerror="window.__xss=3">')
    # Shown again from what is stored, as when the reader comes back to the page.
    open_fresh(page, site, GRID)
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 2")
    wait_for_failed_images(page)
    assert page.evaluate("window.__xss") is None
    assert page.locator(".mu-grid img").count() == 0
    assert page.locator("[data-dimension=identite] thead th").nth(1).inner_text() == evil_name
    assert '<img src=x onerror="window.__xss=2">' in page.locator("[data-dimension=identite] tr[data-question=mission_valeurs] td").first.inner_text()
    assert page.input_value("#mu-grid-identite-note") == '<img src=x onerror="window.__xss=3">'
    # Mission strength (evil) vs strength (A): no opposition; locaux weakness vs strength.
    assert "mu-grid__hint--complementarity" in page.locator("#mu-grid-locaux_equipements-hint").get_attribute("class")
    assert_no_axe_violations(page, GRID_ROOT)


def test_blocked_storage_still_compares(shared, site, tmp_path):
    """With localStorage refusing writes, the grid works and says it is not kept."""
    page = shared
    with storage_refusing_writes(page):
        open_fresh(page, site, GRID)  # the grid opened while storage refuses writes
        import_three(page, tmp_path)
        warning = page.locator(".mu-grid__warning")
        assert warning.is_visible()
        assert "enregistrez-la dans un fichier" in warning.inner_text()
        assert reading_code(page) == "check_values"
        # Back (which Material's instant navigation would follow by swapping
        # the page, the grid gone) asks first; Cancel keeps grid and address.
        dialogs = []

        def dismiss(dialog):
            dialogs.append((dialog.type, dialog.message))
            dialog.dismiss()

        page.once("dialog", dismiss)
        page.go_back(wait_until="commit")
        page.wait_for_function("() => location.pathname.endsWith('/grille-diagnostic/')")
        page.wait_for_timeout(300)
        assert dialogs == [("confirm", "Ce navigateur ne garde pas cette grille : quitter la page l'efface."
                                        " Quitter quand même ? (Pour la garder, choisissez Annuler et enregistrez-la dans un fichier.)")]
        assert urlsplit(page.url).path.endswith(GRID)
        assert page.locator("#mu-grid-organisations li").count() == 3
        # OK leaves.
        page.once("dialog", lambda dialog: dialog.accept())
        page.go_back(wait_until="commit")
        page.wait_for_function("() => !location.pathname.endsWith('/grille-diagnostic/') && !document.querySelector('.mu-grid')")


def test_mounts_through_instant_navigation(shared, site, tmp_path):
    """Both tools mount when reached by Material's instant navigation, once each."""
    page = shared
    open_fresh(page, site, "outils/mon-dossier/")
    page.evaluate("() => { window.__mu_marker = 7; }")
    page.click("article a[href$='grille-diagnostic/']")
    page.wait_for_url(lambda url: url.split("#")[0].endswith("/grille-diagnostic/"))
    page.locator(".mu-grid__add").wait_for()
    assert page.evaluate("() => window.__mu_marker") == 7, "navigation.instant est inactif"
    assert page.locator(".mu-grid__add").count() == 1
    import_three(page, tmp_path)
    mark(page, "gouvernance", "convergence")
    page.locator("article a[href$='mon-dossier/']").first.click()
    page.wait_for_url(lambda url: url.split("#")[0].endswith("/mon-dossier/"))
    page.locator(".mu-dossier__table").wait_for()
    assert page.locator(".mu-dossier__table").count() == 1
    page.click("article a[href$='grille-diagnostic/']")
    page.wait_for_url(lambda url: url.split("#")[0].endswith("/grille-diagnostic/"))
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")
    assert page.locator(".mu-grid__add").count() == 1
    assert page.is_checked("#mu-grid-gouvernance-mark-convergence")
    assert page.evaluate("() => window.__mu_marker") == 7


def test_dark_palette_filled_grid_and_dossier_are_accessible(shared, reader_session, site, tmp_path):
    """The slate palette (chosen by the reader's system) passes axe with data and an error shown.

    Only the colour rules: the palettes differ in colours alone, and the markup
    was checked whole in light (the grid's page here, its data and errors in
    the tests above, the dossier's page in test_dossier.py).
    A second tab of the module's context, its system dark from the start (a
    change of system palette on the shared page makes Material store the
    palette shown, which would then win over the system's at the load)."""
    _, page_log = reader_session
    page = shared.context.new_page()
    try:
        watch_page(page, page_log)
        page.emulate_media(color_scheme="dark")
        goto(page, site, GRID)
        # (Material's palette, mounted with the page, sets it just after the load)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        import_three(page, tmp_path)
        page.set_input_files("#mu-grid-portraits", write(tmp_path, "casse.json", "{"))
        page.locator("#mu-grid-error p").first.wait_for()
        mark(page, "identite", "divergence")
        assert_no_axe_violations(page, colours_only=True)
        open_tool(page, site, "outils/mon-dossier/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        assert_no_axe_violations(page, colours_only=True)
    finally:
        page.close()


def test_portrait_filled_on_its_page_feeds_the_grid(shared, site, tmp_path):
    """End to end: a portrait filled and exported on outils/portrait/ goes into the grid."""
    page = shared
    open_fresh(page, site, "outils/portrait/")
    form = page.locator("form.mu-questionnaire[data-questionnaire=portrait]")
    form.locator("input[name=organisation]").fill("Coop du Quartier")
    form.locator("input[name=mission_valeurs][value=strength]").check()
    form.locator("input[name=locaux][value=weakness]").check()
    form.locator("textarea[name=locaux__note]").fill("Bail précaire")
    with page.expect_download() as info:
        form.locator("button[data-action=export-json]").first.click()
    exported = str(tmp_path / "coop.json")
    info.value.save_as(exported)

    open_tool(page, site, GRID)
    # Same browser: "Ajouter mon propre portrait" reads what the form kept.
    page.click("#mu-grid-own")
    assert page.locator("#mu-grid-organisations .mu-grid__org-name").all_inner_texts() == ["Coop du Quartier"]
    cell = page.locator("[data-dimension=locaux_equipements] tr[data-question=locaux] td").first
    assert cell.inner_text() == "Faiblesse\nBail précaire"
    # The exported file holds the same answers: not doubled, with a message.
    page.set_input_files("#mu-grid-portraits", exported)
    page.locator("text=Le portrait de « Coop du Quartier » est déjà dans la grille").wait_for()
    assert page.locator("#mu-grid-organisations li").count() == 1
    # Add C (mission a weakness): mission strength vs weakness, identite not
    # marked -> rule 2b, compare values first; locaux weakness vs neutral is no opposition.
    page.set_input_files("#mu-grid-portraits", write(tmp_path, "c.json", C))
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 2")
    assert reading_code(page) == "check_values"
    assert "mu-grid__hint--difference" in page.locator("#mu-grid-locaux_equipements-hint").get_attribute("class")


# ---------------------------------------------------------------- partners' portraits, two tabs


def test_grid_takes_partners_portraits_and_keeps_same_names_apart(shared, site):
    """The grid reads the partners kept in "Mon dossier"; two
    organisations with the same name stay two columns; focus returns to the
    opening button after a confirmation."""
    page = shared
    partners = {
        "partners": [
            {"id": "p-1", "name": "Coop", "imported_at": "2026-11-22T10:00:00Z", "exported_at": "2026-11-21T10:00:00Z",
             "questionnaires": {"portrait": {"version": 1, "answers": {"mission_valeurs": {"value": "strength"}}}}},
            {"id": "p-2", "name": "coop ", "imported_at": "2026-11-22T11:00:00Z", "exported_at": "2026-11-21T11:00:00Z",
             "questionnaires": {"portrait": {"version": 1, "answers": {"mission_valeurs": {"value": "neutral"}}}}},
            {"id": "p-3", "name": "Sans portrait", "imported_at": "2026-11-22T12:00:00Z", "exported_at": "",
             "questionnaires": {"inventaire": {"version": 1, "answers": {"locaux_offre": {"value": "Salle"}}}}},
        ]
    }
    open_fresh(page, site, GRID, {"mutuus:/:partners:v1": partners})
    page.click("#mu-grid-partners")
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 2")
    # Two partners with a portrait; the second, same name aside case and
    # spaces, is shown "coop (2)"; the partner without a portrait is left out.
    assert page.locator("#mu-grid-organisations .mu-grid__org-name").all_inner_texts() == ["Coop", "coop (2)"]
    cells = page.locator("[data-dimension=identite] tr[data-question=mission_valeurs] td").all_inner_texts()
    assert [c.split("\n")[0] for c in cells] == ["Force", "Neutre"]
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:grille:v1')).portraits.map((p) => p.organisation)")
    assert stored == ["Coop", "coop (2)"]
    # Pressing again adds nothing (same names, same answers).
    page.click("#mu-grid-partners")
    page.locator("text=est déjà dans la grille").first.wait_for()
    assert page.locator("#mu-grid-organisations li").count() == 2
    # The saved grid opens again with both columns (from what is stored, as
    # when the reader comes back; the reload itself: test_three_portraits_…).
    open_fresh(page, site, GRID)
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 2")
    assert_no_axe_violations(page, GRID_ROOT)

    # "Vider la grille": after "Annuler" and after confirming, focus is back on the button.
    page.click("#mu-grid-clear")
    page.click(".mu-grid__confirm button:has-text('Annuler')")
    assert page.evaluate("() => document.activeElement.id") == "mu-grid-clear"
    page.click("#mu-grid-clear")
    page.click(".mu-grid__confirm button:has-text('Vider la grille')")
    assert page.evaluate("() => document.activeElement.id") == "mu-grid-clear"
    assert page.locator("#mu-grid-organisations li").count() == 0


def test_two_tabs_show_the_same_grid(grid, reader_session, site, tmp_path):
    """Two tabs: a portrait added or a mark set in one tab shows in the other."""
    page = grid
    _, page_log = reader_session
    other = page.context.new_page()
    try:
        watch_page(other, page_log)
        goto(other, site, GRID)
        other.locator("#mu-grid-portraits").wait_for()
        import_three(page, tmp_path)
        other.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")
        assert "modifiée dans un autre onglet" in other.locator(".mu-grid__status").first.inner_text()
        mark(other, "gouvernance", "convergence")
        page.wait_for_function("() => document.querySelector('#mu-grid-gouvernance-mark-convergence').checked")
    finally:
        other.close()


def test_damaged_grid_is_kept_aside(shared, site):
    """Issue 13: a stored grid that cannot be read is kept under its own key, and the page says so."""
    page = shared
    open_fresh(page, site, GRID, {"mutuus:/:grille:v1": {"format": "mutuus-grid", "format_version": 1, "portraits": "abîmé"}})
    page.locator(".mu-grid__status p").first.wait_for()
    assert "mises de côté" in page.locator(".mu-grid__status").first.inner_text()
    aside = page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('mutuus:/:grille:v1:damaged:'))")
    assert len(aside) == 1
    assert page.evaluate("k => JSON.parse(localStorage.getItem(k)).portraits", aside[0]) == "abîmé"
