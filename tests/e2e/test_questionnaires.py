"""Questionnaires in a real browser: fill, keep, export, import, print, keyboard, axe.

The questions used are read from the real files (the first question of each
kind in the evaluation questionnaire, which has all four kinds), so the test
follows content changes; every expected outcome is written by hand below.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.questionnaire_loader import load_questionnaire
from tests.e2e.harness import (
    PageLog,
    assert_no_axe_violations,
    goto,
    open_tool,
    reload,
    scroll_to_top,
    wait_for_failed_images,
    watch_context,
    watch_page,
)

ROOT = Path(__file__).resolve().parents[2]
XSS = "<img src=x onerror=alert(1)>"

QID = "evaluation"
PAGE = "etapes/evaluation/"
FORM = f'form[data-questionnaire="{QID}"]'
P = f"#mu-q-{QID}"


@pytest.fixture(scope="module")
def definition():
    return load_questionnaire(ROOT / "questionnaires" / f"{QID}.yml", root=ROOT)


@pytest.fixture(scope="module")
def q(definition):
    """The first question of each kind, and the total number of questions."""
    questions = [question for section in definition["sections"] for question in section["questions"]]
    first = {}
    for question in questions:
        first.setdefault(question["kind"], question)
    assert set(first) == {"check", "choice", "rating", "text"}
    first["total"] = len(questions)
    first["version"] = definition["version"]
    first["title"] = definition["title"]
    return first


def record_dialogs(page, seen):
    def on_dialog(dialog):
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)


@pytest.fixture(scope="module")
def shared_dialogs(reader_session):
    pg, _ = reader_session
    seen = []
    record_dialogs(pg, seen)
    return seen


@pytest.fixture
def tab(reader, shared_dialogs):
    """The module's one page (`reader`: one context, a warm HTTP cache; a
    fresh context per test cost 0.3 s and a cold cache), for every test but
    the one with JavaScript off: nothing stored, screen media, light palette,
    dialogs recorded in `tab_dialogs`. Each test still opens its page by a
    full load (open_form), so the form starts from what is stored, as on a
    fresh visit."""
    shared_dialogs.clear()
    reader.emulate_media(media="screen", color_scheme="light")
    yield reader


@pytest.fixture
def second_tab(tab, reader_session):
    """Another page in the shared page's context (same storage, warm HTTP
    cache, same log, checked as `tab` is): a second tab, or a page with its
    own init script."""
    pg, log = reader_session
    other = pg.context.new_page()
    watch_page(other, log)
    yield other
    other.close()


# A small file of the site, without Material: a page to stand on while the
# system's colour scheme changes.
PLAIN = "assets/javascripts/slug.js"


@pytest.fixture
def dark_tab(tab, site):
    """The shared page in the system's dark mode, nothing stored (a first visit).

    The header's switch (palette.js) follows the system's scheme on an open
    page when nothing is stored; the scheme is still switched, both ways, on a
    page without the site's scripts, so that no page of ours is open while it
    changes."""
    tab.goto(site.page_url(PLAIN))
    tab.emulate_media(color_scheme="dark")
    yield tab
    tab.goto(site.page_url(PLAIN))
    tab.emulate_media(color_scheme="light")


@pytest.fixture
def tab_dialogs(tab, shared_dialogs):
    """Every alert/confirm/prompt the shared page opens during the test (none is expected)."""
    return shared_dialogs


def open_form(page, site, path=PAGE):
    goto(page, site, path)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")


def fill_four(page, q, organisation="Centre communautaire de Sherbrooke"):
    """Answer one question of each kind: 4 answers."""
    page.fill(f"{P}--organisation", organisation)
    page.check(f"{P}-{q['check']['id']}-opt-done")
    page.check(f"{P}-{q['choice']['id']}-opt-{q['choice']['options'][1]['value']}")
    page.check(f"{P}-{q['rating']['id']}-opt-weakness")
    page.fill(f"{P}-{q['rating']['id']}-note", "La salle est trop petite le samedi.")
    page.fill(f"{P}-{q['text']['id']}-input", "Deux associations partagent un utilitaire à Lyon.")


def assert_four(page, q, organisation="Centre communautaire de Sherbrooke"):
    assert page.input_value(f"{P}--organisation") == organisation
    assert page.is_checked(f"{P}-{q['check']['id']}-opt-done")
    assert page.is_checked(f"{P}-{q['choice']['id']}-opt-{q['choice']['options'][1]['value']}")
    assert page.is_checked(f"{P}-{q['rating']['id']}-opt-weakness")
    assert page.input_value(f"{P}-{q['rating']['id']}-note") == "La salle est trop petite le samedi."
    assert page.input_value(f"{P}-{q['text']['id']}-input") == "Deux associations partagent un utilitaire à Lyon."


def progress(page):
    return page.text_content(f"{P}--progress-text")


def status(page):
    return page.text_content(f"{P}--status")


def export(page, action):
    with page.expect_download() as info:
        page.click(f'{FORM} .mu-q-actions [data-action="{action}"]')
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def import_file(page, content: bytes | str, name="reponses.json"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    page.set_input_files(f"{P}--import", files=[{"name": name, "mimeType": "application/json", "buffer": data}])


def no_injected_image(page):
    return page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0


# ---------------------------------------------------------------- keep answers


def test_answers_come_back_after_reload(tab, site, q, tab_dialogs):
    """Answers come back after a reload; then, by instant navigation (a link
    clicked in "Outils"), the portrait form mounts and offers the last
    organisation name."""
    page = tab
    open_form(page, site)
    assert progress(page) == f"0 question sur {q['total']} répondue"
    fill_four(page, q)
    # 4 questions answered (a note alone would not count; here the rating is chosen too).
    assert progress(page) == f"4 questions sur {q['total']} répondues"
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('mutuus:/:{QID}:v{q['version']}'))")
    assert stored["organisation"] == "Centre communautaire de Sherbrooke"
    assert stored["answers"][q["check"]["id"]] == {"value": "done"}
    assert stored["answers"][q["rating"]["id"]] == {"value": "weakness", "note": "La salle est trop petite le samedi."}
    assert stored["updated_at"].endswith("Z")
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert_four(page, q)
    assert progress(page) == f"4 questions sur {q['total']} répondues"

    # The form mounts after instant navigation: from "Outils", the portrait link.
    open_tool(page, site, "outils/")
    page.evaluate("() => { window.__mu_same_document = true; }")
    page.click('a[href$="portrait/"] >> nth=0')
    page.wait_for_selector('form[data-questionnaire="portrait"][data-mu-mounted]')
    # Same document: Material's instant navigation swapped the content.
    assert page.evaluate("() => window.__mu_same_document === true"), "instant navigation: a full load happened"
    assert page.is_visible("#mu-q-portrait--organisation"), "instant navigation: the portrait form is not shown"
    # The last organisation name is offered on another questionnaire.
    assert page.input_value("#mu-q-portrait--organisation") == "Centre communautaire de Sherbrooke"
    assert tab_dialogs == []



def hold(page, pattern):
    """Requests for ``pattern`` held back until the test lets them go (route.continue_())."""
    held = []
    page.route(pattern, lambda route: held.append(route))
    return held


def wait_until_held(page, held):
    for _ in range(200):
        if held:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the module was never asked for")


FORM_MODULE = "**/assets/javascripts/questionnaire-form.js"


def answer_during_the_load(page, site, act):
    """The page loaded again as on a slow link: the form shows, its module
    held back; ``act(page)`` answers meanwhile; then the module comes and
    mounts the form."""
    held = hold(page, FORM_MODULE)
    page.goto(site.page_url(PAGE))  # not goto(): it waits for the page's tools
    wait_until_held(page, held)
    assert page.locator(f"{FORM}[data-mu-mounted]").count() == 0
    act(page)
    held[0].continue_()
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    page.unroute(FORM_MODULE)


def test_answers_typed_before_the_form_has_come_are_kept(second_tab, site, q):
    """On a slow first load, the form shows before its module has come, as if
    nothing had been answered: what is typed or chosen then was written over
    by the answers kept on this device. Now it is kept and saved; a text or a
    choice made over a different kept one has that one a click away under
    it, also after another tab saves an answer."""
    page = second_tab
    open_form(page, site)
    fill_four(page, q)
    text = f"{P}-{q['text']['id']}-input"
    check = q["check"]["id"]
    choice = q["choice"]["id"]
    rating = q["rating"]["id"]
    other_choice = q["choice"]["options"][0]["value"]
    kept = "Deux associations partagent un utilitaire à Lyon."
    typed = "Une ressourcerie partage son camion à Namur."

    def answer(page):
        page.fill(text, typed)
        page.check(f"{P}-{check}-opt-not_yet")  # kept: "done"
        page.check(f"{P}-{rating}-opt-strength")  # kept: "weakness", with a note

    answer_during_the_load(page, site, answer)
    expect(page.locator(text)).to_have_value(typed)
    assert page.is_checked(f"{P}-{check}-opt-not_yet")
    # The other kept answers came back around them.
    assert page.input_value(f"{P}--organisation") == "Centre communautaire de Sherbrooke"
    assert page.is_checked(f"{P}-{choice}-opt-{q['choice']['options'][1]['value']}")
    assert page.is_checked(f"{P}-{rating}-opt-strength")
    assert page.input_value(f"{P}-{rating}-note") == "La salle est trop petite le samedi."
    box = page.locator(f'{FORM} .mu-q-conflict[data-question="{q["text"]["id"]}"]')
    # A box about a choice sits in its question, right under the options (its legend names the buttons).
    check_box = page.locator(f"{P}-{check} .mu-q-options + .mu-q-conflict")
    rating_box = page.locator(f"{P}-{rating} .mu-q-options + .mu-q-conflict")
    for each in (box, check_box, rating_box):
        expect(each).to_contain_text("pendant le chargement de la page, à la place d'une réponse que cet appareil gardait")
        expect(each.get_by_role("button", name="Reprendre ma réponse d'avant")).to_be_visible()
    expect(page.get_by_role("group", name="Vous avez répondu ici pendant le chargement")).to_have_count(3)
    # A box about a choice names the option of before.
    expect(check_box).to_contain_text("Votre réponse d'avant : « Fait ».")
    expect(rating_box).to_contain_text("Votre réponse d'avant : « Faiblesse ».")
    expect(box).not_to_contain_text("Votre réponse d'avant :")
    expect(page.locator(f"{P}--news")).to_contain_text("Vous avez répondu aux questions « ")
    expect(page.locator(f"{P}--news")).to_contain_text(" et « ")
    key = f"mutuus:/:{QID}:v{q['version']}"
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('{key}'))")
    assert stored["answers"][check] == {"value": "not_yet"}
    assert stored["answers"][rating] == {"value": "strength", "note": "La salle est trop petite le samedi."}
    assert stored["answers"][q["text"]["id"]] == {"value": typed}
    assert_no_axe_violations(page, FORM)
    # Another tab saves another answer: it comes here, and the answers of before stay offered.
    other = page.context.new_page()
    try:
        goto(other, site, PAGE)
        other.wait_for_selector(f"{FORM}[data-mu-mounted]")
        other.check(f"{P}-{choice}-opt-{other_choice}")
        expect(page.locator(f"{P}-{choice}-opt-{other_choice}")).to_be_checked()
        # Said, even while boxes wait under other questions.
        expect(page.locator(f"{P}--status")).to_have_text("1 réponse mise à jour depuis un autre onglet.")
    finally:
        other.close()
    expect(box).to_contain_text("cet appareil gardait")
    expect(check_box).to_contain_text("cet appareil gardait")
    box.get_by_role("button", name="Reprendre ma réponse d'avant").click()
    expect(page.locator(text)).to_have_value(kept)
    expect(page.locator(f"{P}--status")).to_have_text("Votre réponse d'avant est reprise et enregistrée.")
    expect(box).to_have_count(0)
    # The choice of before, from the keyboard: focus goes back to the option taken.
    check_box.get_by_role("button", name="Reprendre ma réponse d'avant").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{P}-{check}-opt-done")).to_be_checked()
    expect(page.locator(f"{P}-{check}-opt-done")).to_be_focused()
    expect(check_box).to_have_count(0)
    # The rating's choice of before; its note, the same in both, stays.
    rating_box.get_by_role("button", name="Reprendre ma réponse d'avant").click()
    expect(page.locator(f"{P}-{rating}-opt-weakness")).to_be_checked()
    expect(page.locator(f"{P}-{rating}-opt-weakness")).to_be_focused()
    assert page.input_value(f"{P}-{rating}-note") == "La salle est trop petite le samedi."
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert page.is_checked(f"{P}-{check}-opt-done")
    assert page.is_checked(f"{P}-{choice}-opt-{other_choice}")
    assert page.is_checked(f"{P}-{rating}-opt-weakness")
    assert page.input_value(text) == kept


def a_choice_made_during_the_load(page, site, q):
    """The four answers kept; during the load, « Pas encore » chosen where
    « Fait » was kept. -> (the question's id, the box under its options)."""
    open_form(page, site)
    fill_four(page, q)
    check = q["check"]["id"]
    answer_during_the_load(page, site, lambda page: page.check(f"{P}-{check}-opt-not_yet"))
    return check, page.locator(f"{P}-{check} .mu-q-conflict")


def test_the_kept_choice_picked_again_by_hand_closes_its_box(second_tab, site, q):
    """A choice made during the load over a different kept one: the reader,
    seeing the box, picks the kept option again by hand. Nothing is left to
    choose: the box goes, and that answer is saved."""
    page = second_tab
    check, check_box = a_choice_made_during_the_load(page, site, q)
    expect(check_box).to_have_count(1)
    page.check(f"{P}-{check}-opt-done")
    expect(check_box).to_have_count(0)
    key = f"mutuus:/:{QID}:v{q['version']}"
    assert page.evaluate(f"() => JSON.parse(localStorage.getItem('{key}')).answers['{check}']") == {"value": "done"}


def test_a_box_about_a_choice_names_the_other_tabs_option(second_tab, site, q):
    """A box about a choice made during the load; another tab then answers
    that very question: the box names the other tab's option."""
    page = second_tab
    check, check_box = a_choice_made_during_the_load(page, site, q)
    expect(check_box).to_contain_text("Votre réponse d'avant : « Fait ».")
    other = page.context.new_page()
    try:
        goto(other, site, PAGE)
        other.wait_for_selector(f"{FORM}[data-mu-mounted]")
        other.check(f"{P}-{check}-opt-not_applicable")
        expect(check_box).to_contain_text("Dans l'autre onglet : « Sans objet ».")
    finally:
        other.close()
    assert page.is_checked(f"{P}-{check}-opt-not_yet")
    check_box.get_by_role("button", name="Prendre la version de l'autre onglet").click()
    expect(page.locator(f"{P}-{check}-opt-not_applicable")).to_be_checked()
    expect(page.locator(f"{P}-{check}-opt-not_applicable")).to_be_focused()


def test_a_choice_made_during_the_load_like_the_kept_one_opens_no_box(second_tab, site, q):
    """The same choice as the one kept, made while the form loads: nothing to
    offer, no box, no message."""
    page = second_tab
    open_form(page, site)
    fill_four(page, q)
    answer_during_the_load(page, site, lambda page: page.check(f"{P}-{q['check']['id']}-opt-done"))  # kept: "done" too
    assert page.is_checked(f"{P}-{q['check']['id']}-opt-done")
    expect(page.locator(f"{FORM} .mu-q-conflict")).to_have_count(0)
    assert page.locator(f"{P}--news").text_content() == ""


def test_a_box_of_before_becomes_the_other_tabs_when_it_changes_that_question(second_tab, site, q):
    """The answer of before is offered under a text typed during the load;
    another tab then changes that very question: the box offers that tab's
    version and the page says so."""
    page = second_tab
    open_form(page, site)
    fill_four(page, q)
    text = f"{P}-{q['text']['id']}-input"
    answer_during_the_load(page, site, lambda page: page.fill(text, "Une ressourcerie partage son camion à Namur."))
    box = page.locator(f'{FORM} .mu-q-conflict[data-question="{q["text"]["id"]}"]')
    expect(box.get_by_role("button", name="Reprendre ma réponse d'avant")).to_be_visible()
    other = page.context.new_page()
    try:
        goto(other, site, PAGE)
        other.wait_for_selector(f"{FORM}[data-mu-mounted]")
        other.fill(text, "Le texte écrit dans l'autre onglet.")
        expect(box.get_by_role("button", name="Prendre la version de l'autre onglet")).to_be_visible()
    finally:
        other.close()
    expect(box).to_contain_text("vient d'être modifiée dans un autre onglet")
    expect(page.locator(f"{P}--news")).to_contain_text("vient d'être modifiée dans un autre onglet")
    expect(page.locator(text)).to_have_value("Une ressourcerie partage son camion à Namur.")
    box.get_by_role("button", name="Prendre la version de l'autre onglet").click()
    expect(page.locator(text)).to_have_value("Le texte écrit dans l'autre onglet.")


# ---------------------------------------------------------------- export / import


def test_export_json_markdown_reset_import_roundtrip(tab, site, q, tab_dialogs):
    page = tab
    open_form(page, site)
    fill_four(page, q)
    name, data = export(page, "export-json")
    assert name.startswith(f"mutuus-{QID}-centre-communautaire-de-sherbrooke-") and name.endswith(".json")
    exported = json.loads(data)
    assert exported["format"] == "mutuus-answers"
    assert exported["format_version"] == 1
    assert exported["questionnaire"] == {"id": QID, "version": q["version"], "title": q["title"]}
    assert exported["organisation"] == "Centre communautaire de Sherbrooke"
    assert exported["answers"] == {
        q["check"]["id"]: {"value": "done"},
        q["choice"]["id"]: {"value": q["choice"]["options"][1]["value"]},
        q["rating"]["id"]: {"value": "weakness", "note": "La salle est trop petite le samedi."},
        q["text"]["id"]: {"value": "Deux associations partagent un utilitaire à Lyon."},
    }
    assert status(page).startswith(f"Export prêt : {name}")

    # The same answers as Markdown.
    md_name, md_data = export(page, "export-markdown")
    assert md_name.endswith(".md")
    text = md_data.decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert "- Organisation : Centre communautaire de Sherbrooke" in lines
    assert f"- Réponses : 4 sur {q['total']}" in lines
    assert "** : Fait" in text
    assert "** : Faiblesse" in text
    assert "  - Note : La salle est trop petite le samedi." in lines
    assert "** : Deux associations partagent un utilitaire à Lyon." in text
    assert "(sans réponse)" in text  # the other questions

    # Reset asks first; "Annuler" changes nothing.
    page.click(f'{FORM} [data-action="reset"]')
    assert page.is_visible(f"{P}--confirm")
    page.click(f'{P}--confirm [data-action="confirm-no"]')
    assert_four(page, q)
    page.click(f'{FORM} [data-action="reset"]')
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert progress(page) == f"0 question sur {q['total']} répondue"
    assert not page.is_checked(f"{P}-{q['check']['id']}-opt-done")
    assert page.input_value(f"{P}-{q['text']['id']}-input") == ""
    assert page.evaluate(f"() => localStorage.getItem('mutuus:/:{QID}:v{q['version']}')") is None

    # Import: a summary first, nothing applied until confirmed.
    import_file(page, data)
    page.wait_for_selector(f"{P}--confirm:not([hidden])")
    summary = status(page)
    assert "« Centre communautaire de Sherbrooke »" in summary
    assert f"4 réponses sur {q['total']}" in summary
    assert not page.is_checked(f"{P}-{q['check']['id']}-opt-done")
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert_four(page, q)
    assert status(page) == (
        f"Réponses importées : 4 questions sur {q['total']} répondues. « Rétablir mes réponses d'avant l'import »"
        " remet vos réponses précédentes tant que vous ne modifiez rien."
    )
    assert page.is_visible(UNDO)
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert_four(page, q)
    assert tab_dialogs == []


def import_partners_file(page, site, q):
    """The reader's four answers as « Atelier du Plateau », then a partner's
    export of the same questionnaire (one answer, their own name) chosen in
    « Importer »: the question it asks is shown. Returns the file's data."""
    open_form(page, site)
    fill_four(page, q, organisation="Atelier du Plateau")
    partner = {
        "format": "mutuus-answers", "format_version": 1,
        "questionnaire": {"id": QID, "version": q["version"], "title": q["title"]},
        "organisation": "Festival des Cantons", "exported_at": "2026-11-25T10:00:00Z",
        "answers": {q["check"]["id"]: {"value": "not_yet"}},
    }
    import_file(page, json.dumps(partner))
    page.wait_for_selector(f"{P}--confirm:not([hidden])")
    return partner


def test_a_partners_file_does_not_become_the_name_of_every_questionnaire(tab, site, q, tab_dialogs):
    """Importing a partner's file says the organisation's name will change
    here, and changes it here only: the name the other questionnaires start
    from stays the reader's own (found by a review: the partner's name became
    the default of every questionnaire)."""
    page = tab
    import_partners_file(page, site, q)
    assert status(page).endswith("Le nom de l'organisation, « Atelier du Plateau », deviendra « Festival des Cantons ».")
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert page.input_value(f"{P}--organisation") == "Festival des Cantons"
    assert page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:organisation'))") == "Atelier du Plateau"
    # An answer changed afterwards does not make it the default either.
    page.click(f"{P}-{q['check']['id']}-opt-done")
    assert page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:organisation'))") == "Atelier du Plateau"
    assert tab_dialogs == []


UNDO = f'{FORM} [data-action="undo-import"]'


def test_an_import_can_be_undone_until_an_answer_changes(tab, site, q, tab_dialogs):
    """After an import, « Rétablir mes réponses d'avant l'import » brings back
    the answers and the organisation's name it replaced, also after an export
    or a second import (then those of before the first); a change made after
    the import keeps it, and the button goes (it would lose that change).
    (Found by a review: an import could not be taken back.)"""
    page = tab
    partner = import_partners_file(page, site, q)
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert page.is_checked(f"{P}-{q['check']['id']}-opt-not_yet")
    assert page.input_value(f"{P}-{q['text']['id']}-input") == ""
    export(page, "export-json")  # an export changes nothing: the undo stays
    import_file(page, json.dumps({**partner, "organisation": "Troisième"}))
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert page.input_value(f"{P}--organisation") == "Troisième"
    page.locator(UNDO).focus()
    page.keyboard.press("Enter")
    assert_four(page, q, organisation="Atelier du Plateau")
    assert status(page) == f"Vos réponses d'avant l'import sont rétablies : 4 questions sur {q['total']} répondues."
    assert page.is_hidden(UNDO)
    assert page.evaluate("() => document.activeElement.id") == f"mu-q-{QID}--import"  # not lost on <body>
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert_four(page, q, organisation="Atelier du Plateau")

    # Imported again, then an answer changed: the undo goes, the import stays.
    import_file(page, json.dumps(partner))
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    page.check(f"{P}-{q['rating']['id']}-opt-strength")
    assert page.is_hidden(UNDO)
    assert status(page) == ""
    assert page.is_checked(f"{P}-{q['check']['id']}-opt-not_yet")
    assert page.input_value(f"{P}--organisation") == "Festival des Cantons"
    assert tab_dialogs == []


def test_an_import_undo_goes_when_another_tab_changes_an_answer(tab, second_tab, site, q, tab_dialogs):
    """The undo would write back this tab's answers of before the import over
    those another tab gave since: once another tab changes an answer, it goes
    (found by a review: « Rétablir » erased the other tab's answer)."""
    page = tab
    partner_answers = import_partners_file(page, site, q)
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert page.is_visible(UNDO)
    open_form(second_tab, site)
    second_tab.check(f"{P}-{q['rating']['id']}-opt-strength")
    expect(page.locator(UNDO)).to_be_hidden()
    assert page.is_checked(f"{P}-{q['rating']['id']}-opt-strength")
    # The same for the organisation's name alone.
    import_file(page, json.dumps(partner_answers))
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert page.is_visible(UNDO)
    second_tab.fill(f"{P}--organisation", "Coopérative du Vieux-Port")
    expect(page.locator(UNDO)).to_be_hidden()
    assert tab_dialogs == []


def bad_files(q):
    good = {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": QID, "version": q["version"], "title": q["title"]},
        "organisation": "Autre",
        "exported_at": "2026-11-25T10:00:00Z",
        "answers": {q["check"]["id"]: {"value": "not_yet"}},
    }

    def changed(**changes):
        data = json.loads(json.dumps(good))
        data.update(changes)
        return json.dumps(data)

    return {
        "malformed": ("{ pas du JSON", "n'est pas un fichier JSON lisible"),
        "other-format": (json.dumps({"format": "autre chose"}), "n'est pas un export de réponses Mutuus"),
        "other-questionnaire": (
            changed(questionnaire={"id": "portrait", "version": 1, "title": "Portrait de l'organisation"}),
            "d'un autre questionnaire (« Portrait de l'organisation »)",
        ),
        "newer-version": (
            changed(questionnaire={"id": QID, "version": q["version"] + 1, "title": q["title"]}),
            "version plus récente de ce questionnaire",
        ),
        "unknown-question": (changed(answers={"question_inconnue": {"value": "done"}}), "« question_inconnue »"),
        "invalid-value": (changed(answers={q["check"]["id"]: {"value": "peut-etre"}}), "n'est pas une réponse possible (« peut-etre »)"),
        "organisation-not-text": (changed(organisation=["x"]), "n'est pas du texte"),
    }


def test_bad_import_files_change_nothing(tab, site, q, tab_dialogs):
    """Seven bad files, one after the other on one filled form: each gets its
    French message and changes nothing; a reload at the end shows nothing was
    stored. (Every message is also checked in Node: test_answers_js.py.)"""
    page = tab
    open_form(page, site)
    fill_four(page, q)
    before = status(page)
    for case, (content, message) in bad_files(q).items():
        import_file(page, content)
        page.wait_for_function(
            f"(before) => document.querySelector('{P}--status').textContent !== before", arg=before
        )
        text = status(page)
        assert message in text, f"{case}: {text!r}"
        assert text.endswith("Vos réponses actuelles n'ont pas changé."), f"{case}: {text!r}"
        assert page.get_attribute(f"{P}--status", "data-kind") == "error", case
        assert page.is_hidden(f"{P}--confirm"), case
        try:
            assert_four(page, q)
        except AssertionError as error:
            raise AssertionError(f"{case}: the answers changed") from error
        before = text
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert_four(page, q)
    assert tab_dialogs == []


def test_hostile_text_in_an_import_stays_text(tab, site, q, tab_dialogs):
    hostile = {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": QID, "version": q["version"], "title": XSS},
        "organisation": XSS,
        "exported_at": "2026-11-25T10:00:00Z",
        "answers": {
            q["text"]["id"]: {"value": XSS},
            q["rating"]["id"]: {"value": "strength", "note": XSS},
        },
    }
    page = tab
    open_form(page, site)
    import_file(page, json.dumps(hostile))
    page.wait_for_selector(f"{P}--confirm:not([hidden])")
    assert f"« {XSS} »" in status(page)
    page.click(f'{P}--confirm [data-action="confirm-yes"]')
    assert page.input_value(f"{P}--organisation") == XSS
    assert page.input_value(f"{P}-{q['text']['id']}-input") == XSS
    assert page.input_value(f"{P}-{q['rating']['id']}-note") == XSS
    # Exports and print header keep it as text too.
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.text_content(f"{FORM} .mu-q-print-organisation") == XSS
    name, data = export(page, "export-markdown")
    assert b"\\<img src=x onerror=alert\\(1\\)\\>" in data
    wait_for_failed_images(page)
    assert no_injected_image(page)
    assert tab_dialogs == []


def test_csv_export_is_excel_friendly_and_neutralises_formulas(tab, site, q):
    page = tab
    open_form(page, site)
    page.fill(f"{P}--organisation", '=HYPERLINK("http://exemple.invalid","clic")')
    page.check(f"{P}-{q['rating']['id']}-opt-strength")
    page.fill(f"{P}-{q['rating']['id']}-note", "-2 bénévoles; +1 salarié")
    page.fill(f"{P}-{q['text']['id']}-input", "@SOMME(A1:A3)")
    name, data = export(page, "export-csv")
    assert name.endswith(".csv")
    assert data.startswith("\ufeff".encode("utf-8"))  # BOM: Excel reads UTF-8
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["Questionnaire", "Version", "Organisation", "Exporté le", "Section", "Identifiant", "Question", "Réponse", "Code", "Note"]
    assert len(rows) == 1 + q["total"]  # one row per question
    by_id = {row[5]: row for row in rows[1:]}
    rating = by_id[q["rating"]["id"]]
    # Each dangerous first character gets a leading apostrophe.
    assert rating[2] == "'=HYPERLINK(\"http://exemple.invalid\",\"clic\")"
    assert rating[7] == "Force" and rating[8] == "strength"
    assert rating[9] == "'-2 bénévoles; +1 salarié"  # quoted because of ";", read back whole
    assert by_id[q["text"]["id"]][7] == "'@SOMME(A1:A3)"
    assert by_id[q["check"]["id"]][7] == ""


# ---------------------------------------------------------------- storage refused


QUOTA = """
Storage.prototype.setItem = function () {
  throw new DOMException('Le quota est dépassé', 'QuotaExceededError');
};
"""


def test_full_storage_warns_keeps_typing_and_asks_before_closing(second_tab, site, q):
    """Storage refused: a warning (role alert, axe-clean) offers the export,
    nothing typed is lost, and closing the page asks first (beforeunload)."""
    seen = []

    def on_dialog(dialog):
        seen.append(dialog.type)
        if dialog.type == "beforeunload":
            dialog.accept()
        else:
            dialog.dismiss()

    page = second_tab  # its own init script: storage refused in this page only
    page.on("dialog", on_dialog)
    page.add_init_script(QUOTA)
    open_form(page, site)
    assert page.is_hidden(f"{P}--storage-warning")
    fill_four(page, q)
    warning = page.locator(f"{P}--storage-warning")
    assert warning.is_visible()
    assert warning.get_attribute("role") == "alert"
    text = warning.text_content()
    assert "stockage de votre navigateur est plein" in text
    assert "exportez-les" in text
    assert_four(page, q)  # nothing typed is lost
    assert progress(page) == f"4 questions sur {q['total']} répondues"
    axe_check(page)  # the page with the warning shown
    with page.expect_download() as info:
        warning.locator('[data-action="export-json"]').click()
    exported = json.loads(Path(info.value.path()).read_bytes())
    assert exported["answers"][q["check"]["id"]] == {"value": "done"}
    assert seen == [], "no dialog before the page is closed"

    reload(page)
    assert seen == ["beforeunload"]


def test_full_storage_asks_before_a_link_leaves_the_page(second_tab, site, q):
    """Storage refused: a click on a link of the site (which Material's instant
    navigation would follow without unloading the page) asks first as well;
    staying keeps every answer (found by a review: the answers were gone
    without a question)."""
    seen = []

    def on_dialog(dialog):
        seen.append(dialog.type)
        dialog.dismiss()  # « Rester sur la page »

    page = second_tab
    page.on("dialog", on_dialog)
    page.add_init_script(QUOTA)
    open_form(page, site)
    fill_four(page, q)
    page.locator(f"{P}--storage-warning").wait_for(state="visible")
    page.evaluate(
        """(href) => { const a = document.createElement("a"); a.href = href; a.id = "mu-test-away";
                       a.textContent = "Accueil"; document.querySelector("article").append(a); }""",
        site.page_url(""),
    )
    page.click("#mu-test-away")
    page.wait_for_timeout(500)
    assert seen == ["beforeunload"]
    assert urlsplit(page.url).path.endswith(PAGE)  # the path only: Material may add the heading's hash
    assert_four(page, q)


def add_link(page, href, link_id):
    """A link of the site in the page's article, to follow as a reader does
    (Material's instant navigation: the page is swapped, not loaded)."""
    page.evaluate(
        """([href, id]) => { const a = document.createElement("a"); a.href = href; a.id = id;
                             a.textContent = "Lien"; document.querySelector("article").append(a); }""",
        [href, link_id],
    )


def history_length(page):
    return page.evaluate("() => history.length")


def open_form_by_link_with_full_storage(page, site):
    """The home page, then the questionnaire by a link of the site, the
    browser refusing every write."""
    page.add_init_script(QUOTA)
    goto(page, site, "")
    add_link(page, site.page_url(PAGE), "mu-test-to-form")
    page.click("#mu-test-to-form")
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")


def leave_by_back(page, site):
    """Back, asked about, then « Quitter la page sans les garder »: the home page, the form gone."""
    page.go_back(wait_until="commit")
    page.locator(f"{P}--confirm").wait_for(state="visible")
    page.click(f"{P}--confirm [data-action='confirm-yes']")
    page.wait_for_function("(path) => location.pathname === path && !document.querySelector('form.mu-questionnaire')",
                           arg=urlsplit(site.page_url("")).path)


def test_full_storage_asks_in_the_page_before_back_leaves_it(second_tab, site, q):
    """Storage refused: the browser's Back button (which Material's instant
    navigation would follow by swapping the page, without unloading it) asks
    in the page first. « Rester sur la page » keeps every answer, the page's
    address and the history as it was; « Quitter la page sans les garder »
    then goes back. (Found by a review: Back lost every answer without a word.)"""
    page = second_tab
    open_form_by_link_with_full_storage(page, site)
    fill_four(page, q)
    page.locator(f"{P}--storage-warning").wait_for(state="visible")
    # A link of « Il reste : » and Back: the same page, nothing asked.
    before = page.evaluate("() => navigation.currentEntry.key")
    page.locator(f"{P}--remaining a").first.click()
    page.wait_for_function("(key) => navigation.currentEntry.key !== key", arg=before)
    page.go_back()
    page.wait_for_function("(key) => navigation.currentEntry.key === key", arg=before)
    page.wait_for_timeout(300)
    confirm = page.locator(f"{P}--confirm")
    assert confirm.is_hidden()
    length = history_length(page)
    entry = page.evaluate("() => navigation.currentEntry.key")
    text_field = f"mu-q-{QID}-{q['text']['id']}-input"
    page.focus(f"#{text_field}")
    page.go_back(wait_until="commit")
    confirm.wait_for(state="visible")
    assert "ne garde pas vos réponses" in status(page)
    # Back again while the question is open: asked once more, same answers.
    page.wait_for_function("(key) => navigation.currentEntry.key === key", arg=entry)
    page.go_back(wait_until="commit")
    page.wait_for_function("(key) => navigation.currentEntry.key === key", arg=entry)
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused == "Rester sur la page"  # the safe answer has the focus
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == text_field  # back where the reader was
    confirm.wait_for(state="hidden")
    assert status(page).startswith("Vous restez sur cette page : vos réponses sont toujours là.")
    page.wait_for_function("(key) => navigation.currentEntry.key === key", arg=entry)  # the same entry
    assert history_length(page) == length
    assert_four(page, q)
    # Asked again at the next Back; leaving is then the reader's choice.
    leave_by_back(page, site)
    assert history_length(page) == length


def test_full_storage_asks_before_forward_and_keeps_the_history(second_tab, site, q):
    """The same for Forward, on a page come back to by Back: « Rester » keeps
    the history as it was, so the next Back asks about the page before, and
    leaving goes there (found by a review: the page declined by Forward came
    back at the next Back)."""
    page = second_tab
    open_form_by_link_with_full_storage(page, site)
    add_link(page, site.page_url("outils/"), "mu-test-away")
    page.click("#mu-test-away")
    page.wait_for_function("() => location.pathname.endsWith('/outils/')")
    page.go_back()
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    fill_four(page, q)
    page.locator(f"{P}--storage-warning").wait_for(state="visible")
    length = history_length(page)
    confirm = page.locator(f"{P}--confirm")
    page.go_forward(wait_until="commit")
    confirm.wait_for(state="visible")
    page.click(f"{P}--confirm [data-action='confirm-no']")
    page.wait_for_function("(path) => location.pathname.endsWith(path)", arg=PAGE)
    assert history_length(page) == length
    assert_four(page, q)
    leave_by_back(page, site)


def test_a_remaining_link_works_at_the_first_click_after_typing(tab, site, q, tab_dialogs):
    """Typed in a text answer, then a link of « Il reste : » clicked at once:
    it goes to its question (found by a review: leaving the text box rebuilt
    the list between the press and the click, which was lost)."""
    page = tab
    open_form(page, site)
    page.click(f"{P}-{q['text']['id']}-input")
    page.keyboard.type("Nous partageons un local.")
    link = page.locator(f"{P}--remaining a").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function("(hash) => location.hash === hash", arg=target)
    assert tab_dialogs == []


# ---------------------------------------------------------------- keyboard


FOCUS_LOG = """() => {
  if (!window.__muFocusLog) {
    window.__muFocusLog = [];
    document.addEventListener("focusin", (event) => window.__muFocusLog.push(event.target));
  }
  window.__muFocusLog.length = 0;
}"""


def tab_until(page, test_js, limit, what, chunk=10):
    """Press Tab until the focused element passes `test_js` (a JavaScript
    function of an element), by keyboard alone, at most `limit` times.

    Tab goes `chunk` presses at a time, with one look after each chunk instead
    of one per press: a focusin log says whether the element was passed on the
    way, and Shift+Tab then walks back to it. (For a text field: Shift+Tab
    into a radio group would land on its last option.)"""
    page.evaluate(FOCUS_LOG)
    look = f"() => {{ const t = {test_js}; return [t(document.activeElement), window.__muFocusLog.some(t)]; }}"
    here, passed = page.evaluate(look)
    presses = 0
    while not here and presses < limit:
        if passed:
            for _ in range(chunk):
                page.keyboard.press("Shift+Tab")
                if page.evaluate(f"() => ({test_js})(document.activeElement)"):
                    return
            pytest.fail(f"Shift+Tab never came back to {what}")
        for _ in range(chunk):
            page.keyboard.press("Tab")
        presses += chunk
        here, passed = page.evaluate(look)
    if not here:
        pytest.fail(f"Tab never reached {what}")


def test_keyboard_alone(tab, site, q, definition):
    page = tab
    open_form(page, site)
    org = f"{P}--organisation"
    first = definition["sections"][0]["questions"][0]
    # Second option of the first question, by kind: what ArrowRight moves to from the first.
    second_value = {
        "check": "not_yet",
        "rating": "weakness",
        "choice": first.get("options", [{}, {}])[1].get("value"),
    }.get(first["kind"])
    if second_value is None:
        pytest.skip("the first question is a text question")

    def active():
        return page.evaluate("() => ({id: document.activeElement.id, name: document.activeElement.name || ''})")

    tab_until(page, f"(el) => el.id === {json.dumps(org[1:])}", 300, "the organisation field")
    assert active()["id"] == org[1:]
    page.keyboard.type("ASBL Les Marolles")

    for _ in range(60):
        if active()["name"] == first["id"]:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the first question")
    page.keyboard.press("Space")  # checks the first option (Tab lands on it when none is checked)
    page.keyboard.press("ArrowRight")  # moves to the second option and checks it
    assert page.is_checked(f"{P}-{first['id']}-opt-{second_value}")
    page.keyboard.press("Tab")  # leaves the group: the next control is another question or its note
    assert active()["name"] != first["id"]
    assert progress(page) == f"1 question sur {q['total']} répondue"
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert page.input_value(org) == "ASBL Les Marolles"
    assert page.is_checked(f"{P}-{first['id']}-opt-{second_value}")

    # Reset by keyboard: Enter on "Effacer", focus goes to "Annuler", Shift+Tab to "Oui, tout effacer".
    page.focus(org)
    for _ in range(20):
        if page.evaluate("() => document.activeElement.dataset.action") == "reset":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached Effacer")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.dataset.action") == "confirm-no"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Oui, tout effacer"
    page.keyboard.press("Enter")
    assert progress(page) == f"0 question sur {q['total']} répondue"


# ---------------------------------------------------------------- print and no JavaScript


def test_print_shows_a_clean_report(tab, site, q):
    page = tab
    open_form(page, site)
    fill_four(page, q)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", f"{FORM} .mu-q-toolbar"):
        assert page.locator(selector).first.is_hidden(), selector
    header = page.locator(f"{FORM} .mu-q-print-header")
    assert header.is_visible()
    assert "Centre communautaire de Sherbrooke" in header.text_content()
    # An answered question shows only its answer; an unanswered one shows every option.
    assert page.is_visible(f"label[for='mu-q-{QID}-{q['check']['id']}-opt-done']")
    assert page.is_hidden(f"label[for='mu-q-{QID}-{q['check']['id']}-opt-not_yet']")
    # "Imprimer" on a step page hides the guide text around the form.
    page.evaluate(
        f"""() => {{ document.documentElement.classList.add('mu-q-print-one');
                    document.querySelector('{FORM}').classList.add('mu-q-printing'); }}"""
    )
    assert page.locator(".md-content__inner > h1").first.is_hidden()
    assert page.locator(FORM).is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()


def test_without_javascript_the_checklist_is_readable(browser, site):
    log = PageLog()
    context = browser.new_context(java_script_enabled=False, locale="fr-CA")
    try:
        watch_context(context, log)
        page = context.new_page()
        watch_page(page, log)
        page.goto(site.page_url("outils/portrait/"))
        assert page.locator("#mu-q-portrait .mu-q-toolbar").is_hidden()
        assert page.locator("#mu-q-portrait .mu-q-nojs").is_visible()
        assert page.locator("#mu-q-portrait-mission_valeurs-opt-strength").is_visible()
        assert page.locator("#mu-q-portrait-mission_valeurs-opt-strength").is_enabled()
        assert not log.problems(), log.problems()
    finally:
        context.close()


# ---------------------------------------------------------------- accessibility


def axe_check(page, include=None):
    """axe-core on the whole page, scrolled to the top, once Material has drawn it.

    Scrolling makes Material fade its "back to top" button and swap the header
    title; axe catches them mid-fade (a false contrast failure).
    """
    scroll_to_top(page)
    assert_no_axe_violations(page, include)


def test_axe_empty_filled_and_error_states(tab, site, q):
    """The whole page once, empty; then the form alone in each new state (only
    the form changes: the rest of the page is the one just checked)."""
    page = tab
    open_form(page, site)
    axe_check(page)
    fill_four(page, q)
    axe_check(page, FORM)
    import_file(page, "{ pas du JSON")
    page.wait_for_function(f"() => document.querySelector('{P}--status').textContent !== ''")
    axe_check(page, FORM)
    page.click(f'{FORM} [data-action="reset"]')  # confirmation shown
    axe_check(page, FORM)


# ---------------------------------------------------------------- issue 8


def stored_answers(page, version):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('mutuus:/:{QID}:v{version}')).answers")


def test_two_tabs_keep_every_answer(tab, second_tab, site, q, definition):
    """Issue 8, two tabs: a change in one tab shows in the other, and neither drops the other's answers."""
    checks = [x["id"] for s in definition["sections"] for x in s["questions"] if x["kind"] == "check"]
    text = q["text"]["id"]
    page, other = tab, second_tab
    open_form(page, site)
    open_form(other, site)

    # Tab 1 ticks the first check: tab 2 shows it (storage event) and says so.
    page.check(f"{P}-{checks[0]}-opt-done")
    other.wait_for_function(f"() => document.querySelector('{P}-{checks[0]}-opt-done').checked")
    assert "1 réponse mise à jour depuis un autre onglet" in status(other)
    # Tab 2 ticks the second: tab 1 shows it; both answers are stored.
    other.check(f"{P}-{checks[1]}-opt-not_yet")
    page.wait_for_function(f"() => document.querySelector('{P}-{checks[1]}-opt-not_yet').checked")
    assert stored_answers(page, q["version"]) == {checks[0]: {"value": "done"}, checks[1]: {"value": "not_yet"}}

    # Even when a tab has not heard of the other's change yet (written behind
    # its back here), its next save writes only its own question: 3 answers.
    page.evaluate(
        f"""() => {{ const k = 'mutuus:/:{QID}:v{q['version']}'; const r = JSON.parse(localStorage.getItem(k));
        r.answers['{checks[2]}'] = {{value: 'done'}}; localStorage.setItem(k, JSON.stringify(r)); }}"""
    )
    page.check(f"{P}-{checks[0]}-opt-not_applicable")
    assert stored_answers(page, q["version"]) == {
        checks[0]: {"value": "not_applicable"},
        checks[1]: {"value": "not_yet"},
        checks[2]: {"value": "done"},
    }

    # Both tabs write the same text question: the tab being typed in keeps its
    # text and offers the choice under the field (tests/e2e/test_two_tabs.py has
    # the keyboard and the scroll); "Garder la mienne" keeps and stores it, and
    # focus goes back to the field.
    area = f"{P}-{text}-input"
    page.click(area)
    page.keyboard.type("Version du premier onglet")
    other.fill(area, "Version du second onglet")
    choice = page.locator(f"{P}-{text} .mu-q-conflict")
    choice.wait_for(state="visible")
    assert "vient d'être modifiée dans un autre onglet" in choice.inner_text()
    assert page.input_value(area) == "Version du premier onglet"
    choice.get_by_role("button", name="Garder la mienne").click()
    assert page.evaluate("() => document.activeElement.id") == area[1:]
    assert stored_answers(page, q["version"])[text] == {"value": "Version du premier onglet"}
    # The second tab, still in that field, is offered it in turn; it takes the other version.
    other_choice = other.locator(f"{P}-{text} .mu-q-conflict")
    other_choice.get_by_role("button", name="Prendre la version de l'autre onglet").click()
    assert other.input_value(area) == "Version du premier onglet"
    assert "La version de l'autre onglet est reprise" in status(other)
    # Only the form changed since the whole page was checked (test_axe_empty_filled_and_error_states).
    assert_no_axe_violations(page, FORM)


def test_erase_one_questionnaire_and_focus_back(tab, site, q, tab_dialogs):
    """Issue 8: "Effacer" erases this questionnaire only; after the confirmation, focus is back on the button."""
    page = tab
    open_form(page, site)
    fill_four(page, q)
    page.evaluate("() => localStorage.setItem('mutuus:/:portrait:v1', JSON.stringify({organisation: 'X', answers: {}}))")
    reset = f'{FORM} .mu-q-actions [data-action="reset"]'
    page.click(reset)
    page.click(f"{P}--confirm [data-action=confirm-no]")
    assert page.evaluate("() => document.activeElement.dataset.action") == "reset"
    assert "rien n'a changé" in status(page)
    page.click(reset)
    page.click(f"{P}--confirm [data-action=confirm-yes]")
    assert page.evaluate("() => document.activeElement.dataset.action") == "reset"
    assert page.evaluate(f"() => localStorage.getItem('mutuus:/:{QID}:v{q['version']}')") is None
    assert page.evaluate("() => localStorage.getItem('mutuus:/:portrait:v1')") is not None
    assert tab_dialogs == []


def test_unanswered_questions_are_listed_as_links(tab, site, q, definition):
    """Issue 8: "Il reste : …" names the first five unanswered questions, as links to them."""
    page = tab
    questions = [x for s in definition["sections"] for x in s["questions"]]
    open_form(page, site)
    remaining = page.locator(f"{P}--remaining")
    links = remaining.locator("a")
    assert links.count() == 5
    # The five first questions, numbered; then "et <total - 5> autres questions."
    assert links.all_inner_texts() == [f"{i + 1}. {x['label']}" for i, x in enumerate(questions[:5])]
    assert remaining.inner_text().startswith("Il reste : 1. ")
    assert remaining.inner_text().endswith(f"et {len(questions) - 5} autres questions.")
    for i, x in enumerate(questions[:5]):
        assert links.nth(i).get_attribute("href") == f"{P}-{x['id']}"
        assert page.locator(f"{P}-{x['id']}").count() == 1
    # Answer the first: it leaves the list, the sixth comes in.
    assert questions[0]["kind"] == "check"
    page.check(f"{P}-{questions[0]['id']}-opt-done")
    assert links.first.inner_text() == f"2. {questions[1]['label']}"
    assert links.nth(4).inner_text() == f"6. {questions[5]['label']}"


def contrast(rgb1, rgb2):
    def lum(c):
        vals = []
        for v in c:
            v = v / 255
            vals.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * vals[0] + 0.7152 * vals[1] + 0.0722 * vals[2]

    a, b = sorted([lum(rgb1), lum(rgb2)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_dark_palette(dark_tab, site, q):
    """The system's dark mode is followed on a first visit (palette "slate", palette.js).
    Issue 8, WCAG 1.4.11: the selected radio's colour reaches 3:1 against the
    page; then axe's colour rules, answers filled and an error shown (the
    markup was checked whole in the light palette:
    test_axe_empty_filled_and_error_states)."""
    page = dark_tab
    open_form(page, site)
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate", page.evaluate(
        "() => [matchMedia('(prefers-color-scheme: dark)').matches, JSON.stringify(localStorage)]"
    )
    radio = f"{P}-{q['check']['id']}-opt-done"
    page.check(radio)
    colours = page.evaluate(
        f"""() => {{
        const probe = document.createElement('span');
        document.body.append(probe);
        const rgb = (css) => {{ probe.style.color = css; return getComputedStyle(probe).color.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number); }};
        const input = document.querySelector('{radio}');
        const accent = rgb(getComputedStyle(input).accentColor);
        const bg = rgb(getComputedStyle(document.body).backgroundColor);
        const label = getComputedStyle(input.nextElementSibling);
        probe.remove();
        return {{accent, bg, weight: label.fontWeight, line: label.textDecorationLine}};
    }}"""
    )
    assert contrast(colours["accent"], colours["bg"]) >= 3, colours
    assert colours["weight"] == "700" and colours["line"] == "underline"
    fill_four(page, q)
    import_file(page, "{ pas du JSON")
    page.wait_for_function(f"() => document.querySelector('{P}--status').textContent !== ''")
    scroll_to_top(page)
    assert_no_axe_violations(page, colours_only=True)


def test_damaged_record_is_kept_aside_and_told(tab, site, q):
    """Issue 13: a stored record that is not JSON is kept under its own key, the user is told, nothing is overwritten."""
    page = tab
    goto(page, site, PAGE)
    key = f"mutuus:/:{QID}:v{q['version']}"
    page.evaluate(f"() => localStorage.setItem('{key}', '{{\"organisation\": \"Atel')")
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert "Des données gardées sur cet appareil étaient abîmées" in status(page)
    aside = page.evaluate(f"() => Object.keys(localStorage).filter((k) => k.startsWith('{key}:damaged:'))")
    assert len(aside) == 1
    assert page.evaluate("k => localStorage.getItem(k)", aside[0]) == '{"organisation": "Atel'
    # A new answer is saved under the usual key; the damaged text stays aside.
    page.check(f"{P}-{q['check']['id']}-opt-done")
    assert page.evaluate("k => localStorage.getItem(k)", aside[0]) == '{"organisation": "Atel'
    assert page.evaluate(f"() => JSON.parse(localStorage.getItem('{key}')).answers")[q["check"]["id"]] == {"value": "done"}


# ---------------------------------------------------------------- text box sizing


# A browser that cannot size a text box in CSS (`field-sizing`, not in every
# browser yet): the form's script measures it instead.
NO_FIELD_SIZING = """(() => {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = (...args) => (String(args[0]).includes("field-sizing") ? false : supports(...args));
})();"""

EIGHT_LINES = "\n".join(f"Ligne {n} : le local est libre le mardi soir." for n in range(1, 9))


@pytest.mark.parametrize("sizing", ["css", "script"])
def test_text_boxes_grow_with_their_answer(tab, second_tab, site, q, sizing):
    """A text answer of eight lines makes its box grow, as typed and when the
    page opens again (restored from storage). Sized in CSS where the browser
    can (Chromium), by the form's script elsewhere: both ways, measured."""
    page = tab if sizing == "css" else second_tab
    if sizing == "script":
        page.add_init_script(NO_FIELD_SIZING)
    open_form(page, site)
    box = f"{P}-{q['text']['id']}-input"
    by_css = page.evaluate("() => CSS.supports('field-sizing', 'content')")
    assert by_css is (sizing == "css")
    empty = page.eval_on_selector(box, "el => el.getBoundingClientRect().height")
    page.fill(box, EIGHT_LINES)
    typed = page.eval_on_selector(box, "el => el.getBoundingClientRect().height")
    line = page.eval_on_selector(box, "el => parseFloat(getComputedStyle(el).lineHeight)")
    # Eight lines at least: every line shows, nothing scrolls inside the box.
    assert typed >= 8 * line, (empty, typed, line)
    assert page.eval_on_selector(box, "el => el.scrollHeight <= el.clientHeight + 1")
    reload(page)
    page.wait_for_selector(f"{FORM}[data-mu-mounted]")
    assert page.input_value(box) == EIGHT_LINES
    restored = page.eval_on_selector(box, "el => el.getBoundingClientRect().height")
    assert abs(restored - typed) <= 2, (typed, restored)
    page.evaluate("() => localStorage.clear()")
