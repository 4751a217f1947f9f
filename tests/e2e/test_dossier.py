"""Mon dossier (outils/mon-dossier/) in real Chromium.

Answers are put in localStorage as the questionnaire pages keep them
("mutuus:/:<id>:v<version>", the site being served at the root). Expected
counts are worked out by hand below; the totals are the number of questions
in each questionnaires/<id>.yml, counted from the YAML itself.

The tests share the module's one page (`dossier`, on conftest's `reader`), as
tests/e2e/test_grid.py does: each starts with nothing stored but what it
seeds, Mon dossier mounted afresh by instant navigation (open_fresh) instead
of a fresh context, a load and a reload. axe checks the whole page once per palette and width
(test_empty_dossier_…, test_dossier_fits_a_phone_screen, the dark palette in
test_partners_…); the other states are checked inside the tool (DOSSIER_ROOT),
the only part of the page it changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.e2e.grid_pages import open_fresh, ready, storage_refusing_writes
from tests.e2e.harness import ROOT, assert_no_axe_violations, open_tool, wait_for_failed_images

DOSSIER = "outils/mon-dossier/"
DOSSIER_ROOT = ".mu-dossier"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def dossier(reader, site):
    """The module's one page, nothing stored, light palette; each test opens
    Mon dossier afresh with what it stores (open_fresh)."""
    ready(reader, site)
    return reader


def definition(qid: str) -> dict:
    return yaml.safe_load((ROOT / "questionnaires" / f"{qid}.yml").read_text(encoding="utf-8"))


def question_ids(qid: str) -> list[tuple[str, str]]:
    """(id, kind) of every question of a questionnaire, in order."""
    return [(q["id"], q["kind"]) for s in definition(qid)["sections"] for q in s["questions"]]


def first_of_kind(qid: str, kind: str) -> str:
    return next(i for i, k in question_ids(qid) if k == kind)


def key(qid: str) -> str:
    return f"mutuus:/:{qid}:v{definition(qid)['version']}"


def row(page, qid: str):
    return page.locator(f".mu-dossier__table tr[data-questionnaire={qid}]")


def progress(page, qid: str) -> str:
    return row(page, qid).locator(".mu-dossier__progress span").inner_text()


def two_questionnaires() -> dict:
    """Impulsion: 3 valid answers + 1 invalid value + 1 unknown id -> 3 answered.
    Portrait: 2 ratings + 1 note without rating -> 2 answered."""
    check = first_of_kind("impulsion", "check")
    text = first_of_kind("impulsion", "text")
    choice = first_of_kind("impulsion", "choice")
    option = next(
        q["options"][0]["value"]
        for s in definition("impulsion")["sections"]
        for q in s["questions"]
        if q["id"] == choice
    )
    other_check = [i for i, k in question_ids("impulsion") if k == "check"][1]
    return {
        key("impulsion"): {
            "organisation": "Atelier du Plateau",
            "answers": {
                check: {"value": "done"},
                text: {"value": "Notre salle est vide le mardi et le jeudi."},
                choice: {"value": option},
                other_check: {"value": "peut-être"},  # not a valid value: not counted
                "question_disparue": {"value": "done"},  # unknown id: not counted
            },
            "updated_at": "2026-11-20T15:30:00Z",
        },
        key("portrait"): {
            "organisation": "Atelier du Plateau",
            "answers": {
                "mission_valeurs": {"value": "strength", "note": "Charte écrite en 2019"},
                "locaux": {"value": "weakness"},
                "entreposage": {"value": "", "note": "À vérifier"},  # note only: not answered
            },
            "updated_at": "2026-11-21T09:00:00Z",
        },
    }


def test_empty_dossier_is_accessible(dossier, site):
    page = dossier
    open_fresh(page, site, DOSSIER)
    table = page.locator(".mu-dossier__table")
    assert table.locator("caption").inner_text().startswith("Vos questionnaires sur cet appareil")
    assert table.locator("thead th").all_inner_texts() == [
        "Questionnaire",
        "Étape",
        "Réponses",
        "Organisation",
        "Dernière modification",
    ]
    # Eight questionnaires in the order of the steps: the portrait belongs to
    # step 2 (reflexion), the inventory to step 3 (diagnostic).
    order = [r.get_attribute("data-questionnaire") for r in table.locator("tbody tr").all()]
    assert order.index("impulsion") == 0 and order[-1] == "evaluation"
    assert order.index("reflexion") < order.index("portrait") < order.index("diagnostic")
    assert order.index("diagnostic") < order.index("inventaire") < order.index("modelisation")
    assert len(order) == 8
    assert table.locator("tbody th[scope=row]").count() == 8
    total = len(question_ids("portrait"))
    assert progress(page, "portrait") == f"0 sur {total}"
    assert "aucun questionnaire" in page.locator(".mu-dossier__total").inner_text()
    # Each title links to its page.
    assert row(page, "portrait").locator("a").get_attribute("href").endswith("/outils/portrait/")
    assert row(page, "impulsion").locator("a").get_attribute("href").endswith("/etapes/impulsion/")
    assert_no_axe_violations(page)


def test_progress_export_clear_import(dossier, site, tmp_path):
    page = dossier
    open_fresh(page, site, DOSSIER, two_questionnaires())
    row(page, "portrait").wait_for()
    impulsion_total = len(question_ids("impulsion"))
    portrait_total = len(question_ids("portrait"))
    assert progress(page, "impulsion") == f"3 sur {impulsion_total}"
    assert progress(page, "portrait") == f"2 sur {portrait_total}"
    assert progress(page, "reflexion") == f"0 sur {len(question_ids('reflexion'))}"
    assert row(page, "impulsion").locator(".mu-dossier__organisation").inner_text() == "Atelier du Plateau"
    assert "20 novembre 2026" in row(page, "impulsion").inner_text()
    assert "Pas encore commencé" in row(page, "reflexion").inner_text()
    assert page.locator(".mu-dossier__total").inner_text() == "Vous avez commencé 2 questionnaires sur 8."
    assert_no_axe_violations(page, DOSSIER_ROOT)

    # Export: one mutuus-dossier file with the two questionnaires.
    with page.expect_download() as info:
        page.click("text=Exporter mon dossier (JSON)")
    assert info.value.suggested_filename.startswith("mutuus-dossier-atelier-du-plateau-")
    dossier = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert dossier["format"] == "mutuus-dossier" and dossier["format_version"] == 1
    assert dossier["organisation"] == "Atelier du Plateau"
    by_id = {q["questionnaire"]["id"]: q for q in dossier["questionnaires"]}
    assert sorted(by_id) == ["impulsion", "portrait"]
    assert by_id["portrait"]["format"] == "mutuus-answers"
    assert by_id["portrait"]["answers"]["mission_valeurs"] == {"value": "strength", "note": "Charte écrite en 2019"}
    assert len(by_id["impulsion"]["answers"]) == 3  # the invalid and unknown answers are not exported

    # Clear (with confirmation). "Annuler" first: nothing is erased, focus goes back.
    clear = page.locator("#mu-erase-all")
    clear.click()
    confirm = page.locator(".mu-dossier__confirm")
    confirm.locator("button:has-text('Annuler')").click()
    assert "Rien n'a été effacé" in page.locator(".mu-dossier__status").last.inner_text()
    assert page.evaluate("() => document.activeElement.textContent") == "Tout effacer de cet appareil"
    assert progress(page, "portrait") == f"2 sur {portrait_total}"
    clear.click()
    assert "2 questionnaires" in confirm.inner_text()
    assert page.evaluate("document.activeElement.id") == "mu-dossier-confirm-title"
    confirm.locator("button:has-text('Oui, tout effacer')").click()
    assert progress(page, "portrait") == f"0 sur {portrait_total}"
    assert page.evaluate("k => localStorage.getItem(k)", key("portrait")) is None

    # Import: a confirmation lists the questionnaires; nothing is written before "Importer".
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
    page.set_input_files("#mu-dossier-file", str(path))
    confirm.wait_for(state="visible")
    lines = confirm.locator("li").all_inner_texts()
    assert any(line.startswith("Portrait de l'organisation : 2 réponses sur") and "nouveau sur cet appareil" in line for line in lines)
    assert page.evaluate("k => localStorage.getItem(k)", key("portrait")) is None
    confirm.locator("button:has-text('Importer et remplacer')").click()
    assert progress(page, "impulsion") == f"3 sur {impulsion_total}"
    assert progress(page, "portrait") == f"2 sur {portrait_total}"
    assert "2 questionnaires ajoutés" in page.locator(".mu-dossier__status").last.inner_text()
    stored = page.evaluate("k => JSON.parse(localStorage.getItem(k))", key("portrait"))
    assert stored["organisation"] == "Atelier du Plateau"
    assert stored["answers"]["mission_valeurs"] == {"value": "strength", "note": "Charte écrite en 2019"}

    # Importing again over existing answers says what it replaces; "Annuler" keeps them.
    page.evaluate(
        "k => { const r = JSON.parse(localStorage.getItem(k)); r.answers.locaux = {value: 'strength'}; localStorage.setItem(k, JSON.stringify(r)); }",
        key("portrait"),
    )
    page.set_input_files("#mu-dossier-file", str(path))
    confirm.wait_for(state="visible")
    portrait_line = next(line for line in confirm.locator("li").all_inner_texts() if line.startswith("Portrait"))
    assert "remplace vos réponses actuelles (2 réponses" in portrait_line
    confirm.locator("button:has-text('Annuler')").click()
    assert page.evaluate("k => JSON.parse(localStorage.getItem(k)).answers.locaux.value", key("portrait")) == "strength"
    assert "Import annulé" in page.locator(".mu-dossier__status").last.inner_text()


def test_bad_files_change_nothing(dossier, site, tmp_path):
    page = dossier
    open_fresh(page, site, DOSSIER, two_questionnaires())
    row(page, "portrait").wait_for()
    before = page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())")
    good = {
        "format": "mutuus-dossier",
        "format_version": 1,
        "organisation": "X",
        "exported_at": "2026-11-22T10:00:00Z",
        "questionnaires": [],
    }
    portrait_export = {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": "portrait", "version": 1, "title": "Portrait"},
        "organisation": "X",
        "exported_at": "2026-11-22T10:00:00Z",
        "answers": {"locaux": {"value": "strength"}},
    }
    # Every refusal and its words are tested in Node (tests/js/dossier-file.test.mjs);
    # here, one of each path through the page: a file not read, a dossier the
    # catalog refuses, and the page's own "nothing to import".
    cases = [
        ("casse.json", "{ pas du json", "n'est pas un fichier JSON lisible"),
        ("futur.json", dict(good, questionnaires=[dict(portrait_export, questionnaire={"id": "portrait", "version": 9, "title": "Portrait"})]), "version plus récente de ce questionnaire"),
        ("vide.json", good, "ne contient aucun questionnaire"),
    ]
    alert = page.locator("#mu-dossier-error")
    for name, content, expected in cases:
        path = tmp_path / name
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        page.set_input_files("#mu-dossier-file", str(path))
        page.wait_for_function(
            "expected => document.getElementById('mu-dossier-error').textContent.includes(expected)", arg=expected
        )
        assert "n'ont pas changé" in alert.inner_text() or name == "vide.json", name
        assert page.locator(".mu-dossier__confirm").is_hidden()
        assert page.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == before, name
    assert_no_axe_violations(page, DOSSIER_ROOT)

    # A single questionnaire's export is accepted as a dossier of one.
    path = tmp_path / "portrait.json"
    path.write_text(json.dumps(portrait_export), encoding="utf-8")
    page.set_input_files("#mu-dossier-file", str(path))
    confirm = page.locator(".mu-dossier__confirm")
    confirm.wait_for(state="visible")
    assert confirm.locator("li").count() == 1
    assert page.locator("#mu-dossier-error").inner_text() == ""


def test_markup_in_answers_stays_text(dossier, site):
    page = dossier
    evil = '<img src=x onerror="window.__xss=1">'
    open_fresh(page, site, DOSSIER, {key("portrait"): {"organisation": evil, "answers": {"locaux": {"value": "strength"}}, "updated_at": "2026-11-21T09:00:00Z"}})
    row(page, "portrait").wait_for()
    assert row(page, "portrait").locator(".mu-dossier__organisation").inner_text() == evil
    wait_for_failed_images(page)
    assert page.locator(".mu-dossier img").count() == 0
    assert page.evaluate("() => window.__xss") is None


def test_blocked_storage_is_explained(dossier, site):
    """Storage that refuses writes (private browsing, blocked cookies): a clear message, import disabled."""
    page = dossier
    with storage_refusing_writes(page):
        open_fresh(page, site, DOSSIER)  # the page opened while storage refuses writes
        warning = page.locator(".mu-dossier__warning")
        assert warning.is_visible()
        assert "bloque l'enregistrement local" in warning.inner_text()
        assert page.locator("#mu-dossier-file").is_disabled()
        assert_no_axe_violations(page, DOSSIER_ROOT)


def test_dossier_fits_a_phone_screen(dossier, site):
    """At 390 px wide, one card per questionnaire: nothing wider than the screen, each value labelled."""
    page = dossier
    page.set_viewport_size(PHONE)
    open_fresh(page, site, DOSSIER)  # opened on the phone
    page.locator(".mu-dossier__table tbody tr").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    label = page.evaluate(
        "getComputedStyle(document.querySelector('.mu-dossier__table td[data-label]'), '::before').content"
    )
    assert label == '"Étape : "'
    assert_no_axe_violations(page)


# ---------------------------------------------------------------- erasing everything, partners, narrow screens


FOREIGN = {
    "mutuus:/autre-site/:impulsion:v1": {"organisation": "Autre", "answers": {}},
    "theme-du-voisin": "sombre",
}


def keys(page) -> list[str]:
    """Every localStorage key but Material's own (its palette, under "/.__")."""
    return sorted(k for k in page.evaluate("() => Object.keys(localStorage)") if not k.startswith("/."))


def test_erase_everything_names_what_it_removed(dossier, site):
    """Full erase: every "mutuus:/:" key goes (future calculator and
    agreement keys too), nothing else; the page names the kinds removed."""
    page = dossier
    records = {
        **two_questionnaires(),  # 2 questionnaires
        "mutuus:/:organisation": "Atelier du Plateau",
        "mutuus:/:grille:v1": {"format": "mutuus-grid"},
        "mutuus:/:partners:v1": {"partners": []},
        "mutuus:/:calculator:usage-cost": {"input": {}, "result": {}, "updated_at": "2026-11-20T15:30:00Z"},
        "mutuus:/:calculator:split": {"input": {}, "result": {}, "updated_at": "2026-11-20T15:30:00Z"},
        "mutuus:/:agreement:shared-van": {"model": "shared-van", "values": {}},
        "mutuus:/:board:filters": {"country": "BE"},
        **FOREIGN,
    }
    page.evaluate("() => localStorage.setItem('mutuus:/:reflexion:v1:damaged:2026-11-20T15:30:00.000Z', '{abîmé')")
    open_fresh(page, site, DOSSIER, records)
    row(page, "portrait").wait_for()
    erase = page.locator("#mu-erase-all")
    erase.click()
    confirm = page.locator(".mu-dossier__confirm")
    # One line per kind, counted by hand from `records` above.
    assert confirm.locator("li").all_inner_texts() == [
        "2 questionnaires",
        "1 nom d'organisation",
        "1 liste de fichiers de partenaires",
        "1 grille de diagnostic",
        "2 résultats de calculateurs",
        "1 brouillon de convention",
        "1 donnée du tableau du réseau",
        "1 donnée abîmée mise de côté",
    ]
    assert_no_axe_violations(page, DOSSIER_ROOT)
    confirm.locator("button:has-text('Oui, tout effacer')").click()
    assert page.evaluate("() => document.activeElement.id") == "mu-erase-all"
    assert keys(page) == sorted(FOREIGN)
    message = page.locator(".mu-dossier__status").last.inner_text()
    assert message.startswith("Effacé de cet appareil : 2 questionnaires, 1 nom d'organisation,")
    assert "2 résultats de calculateurs, 1 brouillon de convention" in message
    assert progress(page, "portrait").startswith("0 sur ")
    # Nothing left: the button says so and keeps the focus.
    erase.click()
    assert "il n'y a rien à effacer" in page.locator(".mu-dossier__status").last.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "mu-erase-all"


def write_json(tmp_path, name, content) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return str(path)


def answers_file(qid: str, organisation: str, answers: dict, exported_at="2026-11-22T10:00:00Z") -> dict:
    return {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": qid, "version": definition(qid)["version"], "title": definition(qid)["title"]},
        "organisation": organisation,
        "exported_at": exported_at,
        "answers": answers,
    }


OWN_INVENTORY = {"locaux_offre": {"value": "Grande salle le mardi soir"}, "transport_besoin": {"value": "Une camionnette en juin"}}
PARTNER_INVENTORY = {
    "locaux_besoin": {"value": "Une salle pour 40 personnes"},
    "transport_offre": {"value": "Minibus 9 places le week-end"},
    "achats_offre": {"value": "Commande groupée de papier"},
}


def own_records() -> dict:
    records = two_questionnaires()
    records[key("inventaire")] = {"organisation": "Atelier du Plateau", "answers": OWN_INVENTORY, "updated_at": "2026-11-20T15:30:00Z"}
    records["mutuus:/:organisation"] = "Atelier du Plateau"
    return records


def test_partners_beside_yours_compared_and_paired(dossier, site, tmp_path):
    """Import as partner (same name as yours: renamed), read side by
    side, inventory pairings, Markdown summary; your answers and name unchanged."""
    page = dossier
    open_fresh(page, site, DOSSIER, own_records())
    row(page, "portrait").wait_for()
    before = page.evaluate("() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.includes('partners')).sort())")

    # 1. A partner's portrait whose organisation has your name: "(2)".
    twin = answers_file("portrait", "atelier du plateau", {"mission_valeurs": {"value": "weakness"}})
    page.set_input_files("#mu-partner-file", write_json(tmp_path, "twin.json", twin))
    status = page.locator(".mu-partners__status")
    status.locator("p").wait_for()
    assert "« atelier du plateau » ajouté comme partenaire (1 questionnaire)" in status.inner_text()
    assert "il est affiché « atelier du plateau (2) »" in status.inner_text()
    # 2. A whole dossier from another organisation: portrait and inventory.
    dossier = {
        "format": "mutuus-dossier",
        "format_version": 1,
        "organisation": "Recyclerie du Nord",
        "exported_at": "2026-11-23T10:00:00Z",
        "questionnaires": [
            answers_file("portrait", "Recyclerie du Nord", {"mission_valeurs": {"value": "strength"}}),
            answers_file("inventaire", "Recyclerie du Nord", PARTNER_INVENTORY),
        ],
    }
    page.set_input_files("#mu-partner-file", write_json(tmp_path, "recyclerie.json", dossier))
    page.locator("#mu-partners-list li").nth(1).wait_for()
    assert page.locator(".mu-partners__name").all_inner_texts() == ["atelier du plateau (2)", "Recyclerie du Nord"]
    # Your answers and your organisation name did not change.
    after = page.evaluate("() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.includes('partners')).sort())")
    assert after == before
    assert page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:organisation'))") == "Atelier du Plateau"

    # 3. Side by side, portrait: three columns, you first.
    page.select_option("#mu-compare-select", "portrait")
    table = page.locator(".mu-compare__table")
    assert table.locator("thead th").all_inner_texts() == [
        "Question",
        "Atelier du Plateau (vous)",
        "atelier du plateau (2)",
        "Recyclerie du Nord",
    ]
    mission = table.locator("tr[data-question=mission_valeurs] td").all_inner_texts()
    assert mission == ["Force (note : Charte écrite en 2019)", "Faiblesse", "Force"]

    # 4. Inventory pairings, worked out by hand: you offer premises and need
    # transport; Recyclerie offers transport and purchases, needs premises.
    # Pairs (offerer -> needer) by category in the inventory's order:
    # Locaux: you -> Recyclerie; Transport: Recyclerie -> you; purchases: nobody needs.
    page.select_option("#mu-compare-select", "inventaire")
    pairs = page.locator(".mu-pairings li").all_inner_texts()
    assert pairs == [
        "Locaux : Atelier du Plateau offre « Grande salle le mardi soir » ; Recyclerie du Nord cherche « Une salle pour 40 personnes ».",
        "Transport et véhicules : Recyclerie du Nord offre « Minibus 9 places le week-end » ; Atelier du Plateau cherche « Une camionnette en juin ».",
    ]
    # The twin has no inventory: only two columns here.
    assert table.locator("thead th").count() == 3
    assert_no_axe_violations(page, DOSSIER_ROOT)
    # Dark palette, through Material's own toggle: the colour rules, on the
    # whole page (its markup checked whole in light, the palettes differing in
    # colours alone).
    page.click('label[for="__palette_1"]:not([hidden])')  # the toggle to dark
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert_no_axe_violations(page, colours_only=True)

    # 5. The Markdown summary carries you, both partners and the pairings.
    with page.expect_download() as info:
        page.click("#mu-summary-markdown")
    assert info.value.suggested_filename.startswith("mutuus-resume-atelier-du-plateau-")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    # Markdown's special characters are backslash-escaped: "(2)" is written "\(2\)".
    assert "- Partenaires : atelier du plateau \\(2\\) ; Recyclerie du Nord" in text
    assert "## Portrait de l'organisation" in text
    assert "  - Atelier du Plateau : Force (note : Charte écrite en 2019)" in text
    assert "  - atelier du plateau \\(2\\) : Faiblesse" in text
    assert "- Locaux : Atelier du Plateau offre « Grande salle le mardi soir » ; Recyclerie du Nord cherche « Une salle pour 40 personnes »" in text
    # Print: the button opens the browser's print (stubbed here).
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    page.click("#mu-summary-print")
    assert page.evaluate("() => window.__printed") is True

    # 6. Remove a partner: focus moves to the next "Retirer".
    page.click("button[aria-label='Retirer « atelier du plateau (2) »']")
    assert page.locator(".mu-partners__name").all_inner_texts() == ["Recyclerie du Nord"]
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Retirer « Recyclerie du Nord »"


def test_dossier_file_carries_calculators_and_agreements(dossier, site, tmp_path):
    """Contract: the dossier file holds the stored calculator results and agreement drafts, and brings them back."""
    page = dossier
    calc = {"input": {"price": "120.00"}, "result": {"per_day": "12.50"}, "updated_at": "2026-11-20T15:30:00Z"}
    draft = {"model": "shared-van", "territory": "BE", "partners": ["A", "B"], "values": {}, "options": {}, "updated_at": "2026-11-21T09:00:00Z"}
    open_fresh(page, site, DOSSIER, {**two_questionnaires(), "mutuus:/:calculator:usage-cost": calc, "mutuus:/:agreement:shared-van": draft})
    row(page, "portrait").wait_for()
    with page.expect_download() as info:
        page.click("text=Exporter mon dossier (JSON)")
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["calculators"] == {"usage-cost": calc}
    assert exported["agreements"] == {"shared-van": draft}
    page.evaluate("() => localStorage.clear()")
    open_fresh(page, site, DOSSIER)
    row(page, "portrait").wait_for()
    page.set_input_files("#mu-dossier-file", write_json(tmp_path, "d.json", exported))
    confirm = page.locator(".mu-dossier__confirm")
    confirm.wait_for(state="visible")
    assert "1 résultat de calculateur (Coût d'utilisation)" in confirm.inner_text()
    confirm.locator("button:has-text('Importer et remplacer')").click()
    assert page.evaluate("() => document.activeElement.id") == "mu-dossier-file"
    assert page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:calculator:usage-cost'))") == calc
    assert page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:agreement:shared-van'))") == draft


HIDDEN_COLUMNS = """(selector) => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  for (const table of document.querySelectorAll(selector)) {
    const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim());
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells = Array.from(tr.children);
      if (cells.length !== heads.length) problems.push(`row of ${cells.length} cells for ${heads.length} columns`);
      cells.forEach((cell, i) => {
        const box = cell.getBoundingClientRect();
        const style = getComputedStyle(cell);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none')
          problems.push(`hidden: ${heads[i]}`);
        if (box.left < 0 || box.right > width + 0.5) problems.push(`off-screen: ${heads[i]} (${box.left}-${box.right})`);
        if (i > 0 && cell.tagName === 'TD' && cell.dataset.label !== heads[i]) problems.push(`unlabelled: ${heads[i]}`);
      });
    }
  }
  return problems;
}"""


def assert_every_column_shown(page, selector: str) -> None:
    assert page.locator(selector).count() > 0, selector
    assert page.evaluate(HIDDEN_COLUMNS, selector) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_phone_shows_every_column(dossier, site, tmp_path):
    """390 px: the dossier, the side-by-side table and the grid show every column, labelled.

    axe: the dossier's page at 390 px was checked whole by
    test_dossier_fits_a_phone_screen, so here inside the tool; the grid's page
    at 390 px, whole."""
    page = dossier
    page.set_viewport_size(PHONE)
    open_fresh(page, site, DOSSIER, own_records())
    row(page, "portrait").wait_for()
    for name in ["Coopérative des Deux Rives", "Recyclerie du Nord"]:
        page.set_input_files("#mu-partner-file", write_json(tmp_path, f"{name}.json", answers_file("portrait", name, {"mission_valeurs": {"value": "neutral"}})))
    page.locator("#mu-partners-list li").nth(1).wait_for()
    page.select_option("#mu-compare-select", "portrait")
    assert page.locator(".mu-compare__table thead th").count() == 4
    assert_every_column_shown(page, ".mu-dossier__table")
    assert_every_column_shown(page, ".mu-compare__table")
    assert_no_axe_violations(page, DOSSIER_ROOT)

    open_tool(page, site, "outils/grille-diagnostic/")
    page.locator("#mu-grid-partners").wait_for()
    page.click("#mu-grid-own")
    page.click("#mu-grid-partners")
    page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")
    assert_every_column_shown(page, ".mu-grid__table")
    assert_no_axe_violations(page)


def recyclerie_dossier() -> dict:
    return {
        "format": "mutuus-dossier",
        "format_version": 1,
        "organisation": "Recyclerie du Nord",
        "exported_at": "2026-11-23T10:00:00Z",
        "questionnaires": [
            answers_file("portrait", "Recyclerie du Nord", {"mission_valeurs": {"value": "weakness"}}),
            answers_file("inventaire", "Recyclerie du Nord", PARTNER_INVENTORY),
        ],
    }


def test_a_partners_dossier_in_your_box_says_whose_it_is(dossier, site, tmp_path):
    """Issue 28, item 10: the treasurer of Atelier du Plateau drops the
    Recyclerie's dossier in "Importer un dossier" (the box for one's own).
    The box says whose file it is, offers the partners' box first, and
    replacing stays possible but is not the default action."""
    page = dossier
    open_fresh(page, site, DOSSIER, own_records())
    row(page, "portrait").wait_for()
    own_only = "() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('mutuus:') && !k.includes('partners')).sort())"
    before = page.evaluate(own_only)
    path = write_json(tmp_path, "recyclerie.json", recyclerie_dossier())

    page.set_input_files("#mu-dossier-file", path)
    confirm = page.locator(".mu-dossier__confirm")
    confirm.wait_for(state="visible")
    title = confirm.locator(".mu-dossier__confirm-title").inner_text()
    assert title.startswith("Ce dossier est celui de « Recyclerie du Nord », pas le vôtre (« Atelier du Plateau »).")
    assert "fichiers de vos partenaires" in title
    buttons = confirm.locator("button")
    assert buttons.all_inner_texts() == ["Ajouter aux fichiers de mes partenaires", "Remplacer quand même mes réponses", "Annuler"]
    # The partners' box is the default (primary) action; replacing is not.
    assert "md-button--primary" in (buttons.nth(0).get_attribute("class") or "")
    assert "md-button--primary" not in (buttons.nth(1).get_attribute("class") or "")
    assert confirm.locator("button:has-text('Importer et remplacer')").count() == 0
    assert page.evaluate("document.activeElement.id") == "mu-dossier-confirm-title"
    assert_no_axe_violations(page, DOSSIER_ROOT)
    page.click('label[for="__palette_1"]:not([hidden])')  # dark
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert_no_axe_violations(page, DOSSIER_ROOT, colours_only=True)
    page.click('label[for="__palette_0"]:not([hidden])')  # back to light
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') !== 'slate'")

    # The button takes the file to the partners' box: added there, yours untouched.
    buttons.nth(0).click()
    # The file is read and checked before the list is drawn: wait for it.
    expect(page.locator(".mu-partners__name")).to_have_text(["Recyclerie du Nord"])
    expect(page.locator(".mu-partners__status")).to_contain_text("« Recyclerie du Nord » ajouté comme partenaire (2 questionnaires)")
    assert page.evaluate(own_only) == before
    assert page.evaluate("document.activeElement.id") == "mu-partner-file"

    # Replacing stays possible, on purpose.
    page.set_input_files("#mu-dossier-file", path)
    confirm.wait_for(state="visible")
    confirm.locator("button:has-text('Remplacer quand même mes réponses')").click()
    assert page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:organisation'))") == "Recyclerie du Nord"
    assert row(page, "inventaire").locator(".mu-dossier__organisation").inner_text() == "Recyclerie du Nord"

    # Your own file (the same name, however it is written) asks as before.
    own = {**recyclerie_dossier(), "organisation": "  recyclerie DU nord "}
    page.set_input_files("#mu-dossier-file", write_json(tmp_path, "own.json", own))
    confirm.wait_for(state="visible")
    assert "pas le vôtre" not in confirm.inner_text()
    assert confirm.locator("button").all_inner_texts() == ["Importer et remplacer", "Annuler"]
    confirm.locator("button:has-text('Annuler')").click()


def test_saved_calculations_are_named_as_readers_know_them(dossier, site, tmp_path):
    """Issue 28, item 10: importing a dossier listed "annual-cost, split,
    statement, usage-cost". The titles expected are the calculator pages'
    headings (docs/outils/*.md) and the agreement model's title
    (agreements/materiel.yml), copied here by hand."""
    page = dossier
    kept = {"input": {}, "result": {}, "updated_at": "2026-11-20T15:30:00Z"}
    calculators = {cid: kept for cid in ("annual-cost", "split", "statement", "usage-cost")}
    exported = {
        "format": "mutuus-dossier",
        "format_version": 1,
        "organisation": "Atelier du Plateau",
        "exported_at": "2026-11-23T10:00:00Z",
        "questionnaires": [],
        "calculators": calculators,
        "agreements": {"materiel": {"model": "materiel", "values": {}}, "ancien-modele": {"model": "ancien-modele"}},
    }
    open_fresh(page, site, DOSSIER)
    row(page, "portrait").wait_for()
    page.set_input_files("#mu-dossier-file", write_json(tmp_path, "calculs.json", exported))
    confirm = page.locator(".mu-dossier__confirm")
    confirm.wait_for(state="visible")
    lines = confirm.locator("li").all_inner_texts()
    assert lines == [
        "4 résultats de calculateurs (Coût annuel d'un bien partagé, Répartition des coûts, "
        "Relevé annuel des partenaires, Coût d'utilisation)",
        # A model this site no longer has keeps its id: there is no other name for it.
        "2 brouillons de conventions (Convention de partage de matériel, ancien-modele)",
    ]
    assert not any(cid in " ".join(lines) for cid in calculators)
    assert_no_axe_violations(page, DOSSIER_ROOT)
    confirm.locator("button:has-text('Annuler')").click()
