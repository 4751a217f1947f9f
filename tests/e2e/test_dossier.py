"""Mon dossier (outils/mon-dossier/) in real Chromium.

Answers are put in localStorage as the questionnaire pages keep them
("mutuus:/:<id>:v<version>", the site being served at the root). Expected
counts are worked out by hand below; the totals are the number of questions
in each questionnaires/<id>.yml, counted from the YAML itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.e2e.harness import ROOT, assert_no_axe_violations, goto, reload

DOSSIER = "outils/mon-dossier/"


def definition(qid: str) -> dict:
    return yaml.safe_load((ROOT / "questionnaires" / f"{qid}.yml").read_text(encoding="utf-8"))


def question_ids(qid: str) -> list[tuple[str, str]]:
    """(id, kind) of every question of a questionnaire, in order."""
    return [(q["id"], q["kind"]) for s in definition(qid)["sections"] for q in s["questions"]]


def first_of_kind(qid: str, kind: str) -> str:
    return next(i for i, k in question_ids(qid) if k == kind)


def key(qid: str) -> str:
    return f"mutuus:/:{qid}:v{definition(qid)['version']}"


def seed(page, records: dict) -> None:
    page.evaluate(
        "records => { for (const [k, v] of Object.entries(records)) localStorage.setItem(k, JSON.stringify(v)); }",
        records,
    )


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


def test_empty_dossier_is_accessible(page, site):
    goto(page, site, DOSSIER)
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


def test_progress_export_clear_import(page, site, tmp_path):
    goto(page, site, DOSSIER)
    records = two_questionnaires()
    seed(page, records)
    reload(page)
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
    assert_no_axe_violations(page)

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


def test_bad_files_change_nothing(page, site, tmp_path):
    goto(page, site, DOSSIER)
    seed(page, two_questionnaires())
    reload(page)
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
    cases = [
        ("casse.json", "{ pas du json", "n'est pas un fichier JSON lisible"),
        ("grille.json", {"format": "mutuus-grid", "format_version": 1}, "ouvrez-la sur la page « Grille de diagnostic »"),
        ("recent.json", dict(good, format_version=3), "version plus récente de Mutuus"),
        ("inconnu.json", dict(good, questionnaires=[dict(portrait_export, questionnaire={"id": "budget", "version": 1})]), "questionnaire inconnu"),
        ("valeur.json", dict(good, questionnaires=[dict(portrait_export, answers={"locaux": {"value": "super"}})]), "n'est pas une réponse possible"),
        ("futur.json", dict(good, questionnaires=[dict(portrait_export, questionnaire={"id": "portrait", "version": 9, "title": "Portrait"})]), "version plus récente de ce questionnaire"),
        ("vide.json", good, "ne contient aucun questionnaire"),
        ("liste.json", [1, 2, 3], "n'est pas un dossier Mutuus"),
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
    assert_no_axe_violations(page)

    # A single questionnaire's export is accepted as a dossier of one.
    path = tmp_path / "portrait.json"
    path.write_text(json.dumps(portrait_export), encoding="utf-8")
    page.set_input_files("#mu-dossier-file", str(path))
    confirm = page.locator(".mu-dossier__confirm")
    confirm.wait_for(state="visible")
    assert confirm.locator("li").count() == 1
    assert page.locator("#mu-dossier-error").inner_text() == ""


def test_markup_in_answers_stays_text(page, site):
    goto(page, site, DOSSIER)
    evil = '<img src=x onerror="window.__xss=1">'
    seed(page, {key("portrait"): {"organisation": evil, "answers": {"locaux": {"value": "strength"}}, "updated_at": "2026-11-21T09:00:00Z"}})
    reload(page)
    row(page, "portrait").wait_for()
    page.wait_for_timeout(200)
    assert row(page, "portrait").locator(".mu-dossier__organisation").inner_text() == evil
    assert page.locator(".mu-dossier img").count() == 0
    assert page.evaluate("() => window.__xss") is None


def test_blocked_storage_is_explained(page, site):
    """Storage that refuses writes (private browsing, blocked cookies): a clear message, import disabled."""
    page.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('bloqué', 'SecurityError'); };"
    )
    goto(page, site, DOSSIER)
    warning = page.locator(".mu-dossier__warning")
    assert warning.is_visible()
    assert "bloque l'enregistrement local" in warning.inner_text()
    assert page.locator("#mu-dossier-file").is_disabled()
    assert_no_axe_violations(page)


def test_dossier_fits_a_phone_screen(page, site):
    """At 390 px wide, one card per questionnaire: nothing wider than the screen, each value labelled."""
    page.set_viewport_size({"width": 390, "height": 844})
    goto(page, site, DOSSIER)
    page.locator(".mu-dossier__table tbody tr").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    label = page.evaluate(
        "getComputedStyle(document.querySelector('.mu-dossier__table td[data-label]'), '::before').content"
    )
    assert label == '"Étape : "'
    assert_no_axe_violations(page)
