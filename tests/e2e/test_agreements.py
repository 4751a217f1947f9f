"""The agreements generator in real Chromium: prefill, edit, reload, exports, keyboard, axe.

The fixtures fail a test on any console error, page error, CSP violation or
request leaving 127.0.0.1. Expected texts are worked out by hand from
agreements/convention_cadre.yml and the stored values below.

The generator assembles the agreement in the calculators' Pyodide worker, so
each full load of it boots the engine. The test about a reload loads it in
full; the others share the module's booted page (`engine_page`) and reach the
generator by instant navigation, as a reader following a link does. That
path once broke the generator: Material re-creates a page's <script>s
without their attributes, and its JSON data became a script the CSP blocked
(the data are in <template>s since).
"""

from __future__ import annotations

import contextlib

from playwright.sync_api import expect

from tests.e2e.harness import assert_no_axe_violations, dark_palette, goto, open_tool, reload

GENERATOR = "outils/conventions/"
BOOT = 180_000  # ms: Pyodide boots in ~2 s idle; the shared 2 cores can be far busier.
NBSP = "\u00a0"

# What the questionnaire and calculator pages keep (storage contract).
MODELISATION = {
    "organisation": "Atelier du Quartier",
    "answers": {"ressources_communes": "la salle polyvalente", "mode_decision": "consensus"},
    "updated_at": "2026-11-01T10:00:00Z",
}
SPLIT = {
    "input": {"total": "1200", "method": "equal", "partners": [{"name": "Atelier du Quartier"}, {"name": "Ressourcerie Les Castors"}]},
    "result": {
        "partners": [
            {"name": "Atelier du Quartier", "share": "400.00", "in_kind": "0.00", "net": "400.00"},
            {"name": "Ressourcerie Les Castors", "share": "800.00", "in_kind": "0.00", "net": "800.00"},
        ]
    },
    "updated_at": "2026-11-01T10:05:00Z",
}
# fr_CA (mkdocs.yml extra.network.locale), "$": 400.00 -> "400,00 $" with a no-break space.
SPLIT_TEXT = f"Atelier du Quartier : 400,00{NBSP}$ ; Ressourcerie Les Castors : 800,00{NBSP}$"


def seed(page):
    page.evaluate(
        """([modelisation, split]) => {
             localStorage.setItem('mutuus:/:organisation', JSON.stringify('Atelier du Quartier'));
             localStorage.setItem('mutuus:/:modelisation:v1', JSON.stringify(modelisation));
             localStorage.setItem('mutuus:/:calculator:split', JSON.stringify(split));
           }""",
        [MODELISATION, SPLIT],
    )


def wait_preview(page):
    expect(page.locator(".mu-ag-document h3")).to_be_visible(timeout=BOOT)


def open_generator(page, site):
    """A fresh generator on the shared page, by instant navigation (through the
    home page if the generator is already shown), its preview drawn."""
    if page.evaluate("() => location.pathname").endswith("/" + GENERATOR):
        open_tool(page, site, "")
    open_tool(page, site, GENERATOR)
    wait_preview(page)




def stored(page, model="convention_cadre"):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('mutuus:/:agreement:{model}'))")


def test_prefill_edit_reload_and_exports(page, site, tmp_path):
    goto(page, site, "")  # the site's storage, without booting the engine for nothing
    seed(page)
    goto(page, site, GENERATOR)
    wait_preview(page)
    document = page.locator(".mu-ag-document")
    # Convention-cadre comes first (file-name order); the network's country is Québec.
    expect(page.locator("#mu-ag-model")).to_have_value("convention_cadre")
    expect(page.locator("#mu-ag-territory")).to_have_value("QC")
    # Stored answers and calculations fill the draft only when asked (issue 28).
    expect(page.locator("#mu-ag-partner-1-name")).to_have_value("")
    page.click('[data-action="prefill"]')
    expect(document).to_contain_text(SPLIT_TEXT)
    expect(document).to_contain_text("la salle polyvalente")
    expect(document).to_contain_text("Consensus")  # the option's label, not its value
    expect(page.locator("#mu-ag-partner-1-name")).to_have_value("Ressourcerie Les Castors")
    expect(page.locator(".mu-ag-status")).to_contain_text("« Répartition des coûts entre les partenaires »")

    # France, one optional clause off: 20 clauses - 1 = 19 articles (16 of the model's own,
    # one per included group: parties, sans_societe, tva, litiges; see tests/agreements/vectors.py).
    page.select_option("#mu-ag-territory", "FR")
    page.uncheck("#mu-ag-option-adhesion")
    page.fill("#mu-ag-field-duree", "deux ans")
    page.fill("#mu-ag-partner-0-representative", "<script>alert(1)</script> **x**")
    expect(document.locator("h4", has_text="Article 19 – Durée et renouvellement")).to_be_visible()
    expect(document).not_to_contain_text("Entrée d'une nouvelle partie")
    expect(document).to_contain_text("<script>alert(1)</script> **x**")  # shown as text
    assert document.locator("script").count() == 0
    expect(page.locator(".mu-ag-missing")).to_contain_text("Date de signature")

    reload(page)
    wait_preview(page)
    expect(page.locator("#mu-ag-territory")).to_have_value("FR")
    expect(page.locator("#mu-ag-option-adhesion")).not_to_be_checked()
    expect(page.locator("#mu-ag-field-duree")).to_have_value("deux ans")
    expect(page.locator(".mu-ag-document h4", has_text="Article 19 – Durée et renouvellement")).to_be_visible()
    draft = stored(page)
    assert draft["territory"] == "FR" and draft["options"] == {"adhesion": False}
    assert draft["values"]["repartition"] == SPLIT_TEXT
    assert set(draft) == {"model", "territory", "partners", "values", "options", "updated_at"}

    with page.expect_download() as info:
        page.click('[data-action="markdown"]')
    markdown = (tmp_path / "c.md")
    info.value.save_as(markdown)
    text = markdown.read_text(encoding="utf-8")
    assert "## Article 19 – Durée et renouvellement" in text
    assert "\\<script\\>alert(1)\\</script\\> \\*\\*x\\*\\*" in text  # ( and ) need no escape
    assert "<script>" not in text

    with page.expect_download(timeout=BOOT) as info:
        page.click('[data-action="docx"]')
    path = tmp_path / "c.docx"
    info.value.save_as(path)
    import docx

    word = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs]
    headings = [t for s, t in paragraphs if s.startswith("Heading")]
    assert [t for s, t in paragraphs if s == "Title"] == ["Convention-cadre de mutualisation"]
    assert headings[0] == "Entre les parties"
    assert "Article 1 – Objet" in headings and "Article 19 – Durée et renouvellement" in headings
    assert "Article 20 – Durée et renouvellement" not in headings
    body = "\n".join(t for _, t in paragraphs)
    assert "Atelier du Quartier" in body and "Ressourcerie Les Castors" in body
    assert SPLIT_TEXT in body, repr(body[body.find("première année") :][:160])
    assert "<script>alert(1)</script> **x**" in body  # plain runs, nothing interpreted
    cells = [c.text for row in word.tables[0].rows for c in row.cells]
    assert cells[:4] == ["Partie", "Nom et qualité de la personne qui signe", "Date", "Signature"]
    assert "Ressourcerie Les Castors" in cells
    # The draft carries its law, its model and version; A4 and French (France) for a French draft.
    assert any(h.startswith("Textes de référence") for h in headings)
    assert "Modèle Mutuus « Convention-cadre de mutualisation »" in body
    assert "un avocat ou un juriste en droit français" in body
    from docx.shared import Mm

    assert abs(word.sections[0].page_width - Mm(210)) < Mm(1) and abs(word.sections[0].page_height - Mm(297)) < Mm(1)
    assert word.core_properties.last_modified_by == "Mutuus" and word.core_properties.author == "Mutuus"
    assert 'w:val="fr-FR"' in word.styles.element.xml


def test_keyboard_only(engine_page, site):
    page = engine_page
    open_generator(page, site)
    page.focus('[data-action="add-partner"]')
    page.keyboard.press("Enter")
    # The new partner's first input gets the focus.
    expect(page.locator("#mu-ag-partner-2-name")).to_be_focused()
    page.keyboard.type("Jardins solidaires")
    expect(page.locator(".mu-ag-document")).to_contain_text("Jardins solidaires")
    page.focus("#mu-ag-option-adhesion")
    page.keyboard.press("Space")
    expect(page.locator(".mu-ag-document")).not_to_contain_text("Entrée d'une nouvelle partie")
    page.focus("#mu-ag-model")
    page.keyboard.press("End")  # the last model: vehicule (file-name order)
    expect(page.locator("#mu-ag-model")).to_have_value("vehicule")
    expect(page.locator(".mu-ag-document h3")).to_have_text("Convention de partage d'un véhicule")


def assert_accessible_in_both_palettes(page, state):
    """The whole page in the light palette, then in the dark one its colours (the markup is the same:
    Material's palettes differ in CSS colour variables only)."""
    try:
        assert_no_axe_violations(page)
        with dark_palette(page):
            assert_no_axe_violations(page, colours_only=True)
    except AssertionError as error:
        raise AssertionError(f"{state}: {error}") from error


def test_axe_empty_filled_error(engine_page, site):
    """Each state in both palettes, on one visit."""
    page = engine_page
    open_generator(page, site)
    assert_accessible_in_both_palettes(page, "empty")
    page.fill("#mu-ag-partner-0-name", "Atelier du Quartier")
    page.fill("#mu-ag-field-objet", "une salle")
    expect(page.locator(".mu-ag-document")).to_contain_text("une salle")
    assert_accessible_in_both_palettes(page, "filled")
    page.locator(".mu-ag-partner [data-action='remove-partner']").last.click()
    expect(page.locator(".mu-ag-alert")).to_contain_text("au moins deux partenaires")
    assert_accessible_in_both_palettes(page, "error")


def test_model_page_reads_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.page_url("outils/conventions/personnel/"))
    text = page.locator("article").inner_text()
    assert "________ (Nom de la personne salariée)" in text
    assert "Code du travail, art. L8241-2" in text
    assert "modèle à adapter" in text
    context.close()


@contextlib.contextmanager
def full_storage(page):
    """Every localStorage write fails as a full disk does, until the block ends (the page is shared)."""
    page.evaluate(
        """() => { window.__muRealSetItem = Storage.prototype.setItem;
                   Storage.prototype.setItem = function () {
                     throw new DOMException('plein', 'QuotaExceededError'); }; }"""
    )
    try:
        yield
    finally:
        page.evaluate("() => { Storage.prototype.setItem = window.__muRealSetItem; }")


def test_full_storage_warns_and_loses_nothing(engine_page, site):
    page = engine_page
    open_generator(page, site)
    with full_storage(page):
        page.fill("#mu-ag-field-objet", "une camionnette")
        expect(page.locator(".mu-ag-alert")).to_contain_text("Le stockage de votre navigateur est plein")
        expect(page.locator(".mu-ag-document")).to_contain_text("une camionnette")  # the preview goes on
        expect(page.locator("#mu-ag-field-objet")).to_have_value("une camionnette")  # the text stays
        expect(page.locator(".mu-ag-alert")).to_contain_text("exportez-le en .docx ou en Markdown pour en garder le texte")
        # Another model and back: the draft typed here is still there (found
        # by a review: it came back empty, the browser having kept nothing).
        page.fill("#mu-ag-partner-0-name", "Atelier du Plateau")
        page.select_option("#mu-ag-model", "locaux")
        expect(page.locator("#mu-ag-field-adresse_locaux")).to_be_visible()
        page.select_option("#mu-ag-model", "convention_cadre")
        expect(page.locator("#mu-ag-field-objet")).to_have_value("une camionnette")
        expect(page.locator("#mu-ag-partner-0-name")).to_have_value("Atelier du Plateau")
        # Back (which Material's instant navigation would follow by swapping
        # the page) asks first; Cancel keeps the draft and the address.
        dialogs = []

        def dismiss(dialog):
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.once("dialog", dismiss)
        page.go_back(wait_until="commit")
        page.wait_for_function(f"() => location.pathname.endsWith('/{GENERATOR}')")
        page.wait_for_timeout(300)
        assert dialogs and dialogs[0].startswith("Ce navigateur ne garde pas ce brouillon : quitter la page l'efface.")
        expect(page.locator("#mu-ag-field-objet")).to_have_value("une camionnette")
    # Kept again at the next change, the other model's draft too: leaving no
    # longer asks.
    page.fill("#mu-ag-field-objet", "une camionnette blanche")
    expect(page.locator(".mu-ag-alert")).to_have_text("")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.go_back()
    page.wait_for_function(f"() => !location.pathname.endsWith('/{GENERATOR}')")
    assert asked == []
