"""What three new users tripped on (issue 28), replayed in Chromium: items 3, 6, 7, 8, 11 and 13.

Each test follows a user's steps and failed before its fix:

* item 3, drafts: the generator fills nothing on first opening, fills on
  "Reprendre…" and says from where; the staff model's reimbursement lists the
  other parties only, net of contributions in kind, per year; asked again, it
  says that all is taken instead of "nothing stored"; the parties typed for
  one model are offered for the next;
* item 6, search: no result shows the generator's or the chooser's JSON;
* item 7, phone (360 px): every calculator's chart fits with text of 12 px
  or more, the signature table fits, a stacked table's caption is not
  squeezed, the dossier's compare list and the grid's "Retirer" buttons are
  24 px targets at least;
* item 8, keyboard: every control of every tool, reached with Tab, shows a
  solid outline of 2 px or more with 3:1 against the page, in both palettes;
* item 11, print: the signature table has borders and room to sign;
* item 13, French: « à raison d'un jour », « 10 000 kilomètres », the hosting
  page's English labels marked as English.

Expected texts are worked out by hand below. The fixtures fail a test on any
console error, CSP violation or request leaving 127.0.0.1; axe runs on each
new state, in both palettes.
"""

from __future__ import annotations

import contextlib
import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import assert_no_axe_violations, dark_palette, goto, open_tool

BOOT = 180_000  # ms: the engine boots in ~2 s idle; the shared 2 cores can be far busier
NBSP = "\u00a0"
GENERATOR = "outils/conventions/"
CONTENT = ".md-content"
PHONE = {"width": 360, "height": 780}


def plain(text: str) -> str:
    """French amounts carry no-break spaces; compare with plain ones."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


@contextlib.contextmanager
def viewport(page, size):
    before = page.viewport_size
    page.set_viewport_size(size)
    try:
        yield
    finally:
        page.set_viewport_size(before)




def axe_both_palettes(page, include=CONTENT):
    assert_no_axe_violations(page, include)
    with dark_palette(page):
        assert_no_axe_violations(page, include, colours_only=True)


def fresh(page, site, path):
    """``path`` mounted afresh by instant navigation (through the home page if it is already shown)."""
    if page.evaluate("() => location.pathname") == "/" + path:
        open_tool(page, site, "")
    open_tool(page, site, path)


# ------------------------------------------------------------------ item 3: drafts

EMPLOYER = "Maison communautaire de Gatineau"
# The split page's storage contract (calculator-app.js): the coordinator shares a person's yearly
# cost, 5 000 $, equally (largest remainder: 1 666,67 + 1 666,67 + 1 666,66); the Centre des
# Collines lends an office valued at 300 $, so it has 1 666,67 − 300 = 1 366,67 $ left to pay.
SPLIT = {
    "input": {"total": "5000", "method": "equal"},
    "result": {
        "partners": [
            {"name": EMPLOYER, "share": "1666.67", "in_kind": "0.00", "net": "1666.67"},
            {"name": "Centre des Collines", "share": "1666.67", "in_kind": "300.00", "net": "1366.67"},
            {"name": "Ressourcerie de l'Outaouais", "share": "1666.66", "in_kind": "0.00", "net": "1666.66"},
        ],
        "total": "5000.00",
    },
    "updated_at": "2026-11-01T10:05:00Z",
}
# The employer does not pay itself; the others pay their net amounts, per year.
REIMBURSEMENT = "Centre des Collines : 1 366,67 $ par an ; Ressourcerie de l'Outaouais : 1 666,66 $ par an"


def seed_split(page):
    page.evaluate(
        """([organisation, split]) => {
             localStorage.setItem('mutuus:/:organisation', JSON.stringify(organisation));
             localStorage.setItem('mutuus:/:calculator:split', JSON.stringify(split));
           }""",
        [EMPLOYER, SPLIT],
    )


def open_generator(page, site, model=None):
    fresh(page, site, GENERATOR)
    expect(page.locator(".mu-ag-document h3")).to_be_visible(timeout=BOOT)
    if model:
        page.select_option("#mu-ag-model", model)
        expect(page.locator("#mu-ag-model")).to_have_value(model)


def test_staff_draft_is_filled_when_asked_with_the_other_parties_net_per_year(engine_page, site):
    page = engine_page
    seed_split(page)
    open_generator(page, site, "personnel")
    document = page.locator(".mu-ag-document")
    expect(document.locator("h3")).to_have_text("Convention de partage de personnel")
    # First opening: nothing taken from the stored calculation, whatever is stored.
    expect(page.locator("#mu-ag-field-facturation")).to_have_value("")
    expect(page.locator("#mu-ag-partner-0-name")).to_have_value("")
    expect(page.locator(".mu-ag-status")).not_to_contain_text("Repris")

    page.get_by_role("button", name="Reprendre mes réponses et calculs enregistrés").click()
    status = page.locator(".mu-ag-status")
    expect(status).to_contain_text("Repris du dernier calcul de répartition des coûts, du 1er novembre 2026")
    assert "Repris du nom de votre organisation : « Partie qui emploie la personne »" in status.inner_text()
    assert "vérifiez la période" in status.inner_text()
    assert plain(page.locator("#mu-ag-field-facturation").input_value()) == REIMBURSEMENT
    expect(page.locator("#mu-ag-partner-2-name")).to_have_value("Ressourcerie de l'Outaouais")
    # Québec (the network's country): the price of the service, the employer left out.
    expect(document).to_contain_text(
        re.compile(re.escape(f"Les autres parties paient à l'employeur le prix du service : {REIMBURSEMENT}.").replace(r"\ ", r"[\s\u00a0\u202f]"))
    )
    assert "Maison communautaire de Gatineau : 1" not in plain(document.inner_text())

    # Asked again: all is taken already (it used to answer that nothing was stored).
    page.get_by_role("button", name="Reprendre mes réponses et calculs enregistrés").click()
    expect(status).to_have_text("Tout ce que vos réponses et calculs enregistrés peuvent remplir dans ce modèle l'est déjà.")
    axe_both_palettes(page)


def test_reprendre_reads_every_stored_calculator(engine_page, site):
    """A usage cost kept under its key (mutuus:/:calculator:usage-cost) fills the vehicle model's price."""
    page = engine_page
    page.evaluate(
        """() => localStorage.setItem('mutuus:/:calculator:usage-cost',
             JSON.stringify({input: {}, result: {total: '72.93'}, updated_at: '2026-03-02T08:00:00Z'}))"""
    )
    open_generator(page, site, "vehicule")
    page.get_by_role("button", name="Reprendre mes réponses et calculs enregistrés").click()
    expect(page.locator(".mu-ag-status")).to_contain_text("Repris du dernier calcul de coût d'utilisation, du 2 mars 2026")
    expect(page.locator(".mu-ag-document")).to_contain_text(f"72,93{NBSP}$")


def test_nothing_stored_says_what_the_model_would_take(engine_page, site):
    page = engine_page
    open_generator(page, site, "personnel")
    page.get_by_role("button", name="Reprendre mes réponses et calculs enregistrés").click()
    expect(page.locator(".mu-ag-status")).to_have_text(
        "Rien à reprendre : ce modèle reprend le nom de votre organisation et un calcul de répartition des coûts, "
        "et rien de cela n'est enregistré sur cet appareil."
    )


PARTY = {
    "name": "Atelier du Quartier",
    "legal_form": "OBNL",
    "address": "12, rue Laurier, Gatineau",
    "identifier": "1170000000",
    "representative": "Julie Roy, directrice",
    "authority": "résolution du conseil d'administration du 12 mars 2027",
}


def test_parties_typed_for_one_model_are_offered_for_the_next(engine_page, site):
    page = engine_page
    open_generator(page, site)
    for key, value in PARTY.items():
        page.fill(f"#mu-ag-partner-0-{key}", value)
    page.fill("#mu-ag-partner-1-name", "Ressourcerie Les Castors")
    expect(page.locator(".mu-ag-document")).to_contain_text("Ressourcerie Les Castors")
    page.select_option("#mu-ag-model", "locaux")
    expect(page.locator(".mu-ag-status")).to_have_text(
        "Partenaires repris de votre brouillon « Convention-cadre de mutualisation » : modifiez-les ici si besoin."
    )
    for key, value in PARTY.items():
        expect(page.locator(f"#mu-ag-partner-0-{key}")).to_have_value(value)
    expect(page.locator("#mu-ag-partner-1-name")).to_have_value("Ressourcerie Les Castors")
    expect(page.locator(".mu-ag-document")).to_contain_text("Julie Roy, directrice")
    # Kept as the new model's own draft: a change here leaves the first draft alone.
    page.fill("#mu-ag-partner-1-name", "Jardins solidaires")
    expect(page.locator(".mu-ag-document")).to_contain_text("Jardins solidaires")
    drafts = page.evaluate(
        "() => ['convention_cadre', 'locaux'].map((m) => JSON.parse(localStorage.getItem('mutuus:/:agreement:' + m)).partners[1].name)"
    )
    assert drafts == ["Ressourcerie Les Castors", "Jardins solidaires"]


# ------------------------------------------------------------------ item 13: French


def test_staff_time_reads_a_raison_d_un_jour(engine_page, site):
    page = engine_page
    open_generator(page, site, "personnel")
    page.fill("#mu-ag-field-temps", "un jour par semaine")
    expect(page.locator(".mu-ag-document")).to_contain_text("à raison d'un jour par semaine")
    assert "raison de un" not in page.locator(".mu-ag-document").inner_text()


def test_annual_cost_counts_kilometres_in_the_plural(engine_page, site):
    """The guide's van (examples.py): 0,18 $ × 10 000 km, the unit typed « kilomètre » as the field asks."""
    page = engine_page
    fresh(page, site, "outils/cout-annuel/")
    expect(page.locator("#ac")).to_have_attribute("data-engine", "ready", timeout=BOOT)
    page.get_by_role("button", name="Charger l'exemple de la camionnette").click()
    expect(page.locator("#ac .mu-calc-table").first).to_contain_text(
        re.compile(r"Coûts variables : 0,18[\s\u00a0]\$ × 10[\s\u00a0\u202f]000[\s\u00a0]kilomètres"), timeout=BOOT
    )


def test_hosting_page_marks_github_labels_as_english(reader, site):
    """The one English « and » (a GitHub setting's label) is said in French and marked lang="en", as every English label."""
    page = reader
    goto(page, site, "heberger/")
    article = page.locator("article")
    expect(article).to_contain_text("cochez la case qui autorise GitHub Actions à créer et à approuver des pull requests")
    english = page.evaluate(
        """() => { const out = [];
             const walk = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
             while (walk.nextNode()) { const node = walk.currentNode;
               if (/\\b(and|file|files)\\b/i.test(node.textContent) && !node.parentElement.closest('[lang="en"], code, pre'))
                 out.push(node.textContent.trim()); }
             return out; }"""
    )
    assert english == []
    assert page.locator('article strong[lang="en"]', has_text="Allow GitHub Actions to create and approve pull requests").count() == 1


# ------------------------------------------------------------------ item 6: search


def test_search_shows_readers_text_not_data(reader, site):
    page = reader
    goto(page, site, "")
    page.keyboard.press("s")  # Material's shortcut opens the search box
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill("groupement d'employeurs")
    box.press("End")  # Material reads the query on keyup
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=30_000)
    # Material draws ten results, then more as the last one scrolls into view: until none come.
    shown = 0
    while results.count() > shown:
        shown = results.count()
        results.last.scroll_into_view_if_needed()
        with contextlib.suppress(Exception):
            page.wait_for_function("(n) => document.querySelectorAll('.md-search-result__item').length > n", arg=shown, timeout=1500)
    for more in page.locator(".md-search-result__more summary").all():  # "n de plus sur cette page"
        more.click()
    snippets = page.locator(".md-search-result__article").all_inner_texts()
    assert len(snippets) > 10
    assert [s for s in snippets if '{"' in s or '": "' in s or re.search(r"^\s*[{\[]", s, re.M)] == []


# ------------------------------------------------------------------ item 7: phone

CHARTS = [
    # page, form, example button, charts
    ("outils/cout-annuel/", "ac", "Charger l'exemple de la camionnette", 2),
    ("outils/releve-annuel/", "st", None, 1),
    ("outils/repartition/", "sp", "Charger un exemple", 1),
    ("outils/cout-utilisation/", "uc", None, 1),
    ("outils/seuil-rentabilite/", "be", None, 1),
]
MEASURE_CHARTS = """(form) => [...document.querySelectorAll(`#${form} svg.mu-chart`)].map((svg) => {
  const box = svg.getBoundingClientRect();
  const figure = svg.closest('figure').getBoundingClientRect();
  const shown = [...svg.children].filter((c) => c.localName === 'svg' && getComputedStyle(c).display !== 'none');
  const layout = shown[0];
  const scale = box.width / layout.viewBox.baseVal.width;
  const outside = [...layout.querySelectorAll('text')].filter((t) => {
    const r = t.getBoundingClientRect();
    return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
  }).map((t) => t.textContent);
  return {shown: shown.map((c) => c.getAttribute('class')), width: box.width, figure: figure.width, right: box.right,
          text: Number(layout.getAttribute('font-size')) * scale, outside};
})"""


@pytest.mark.parametrize("path, form, button, count", CHARTS, ids=[c[1] for c in CHARTS])
def test_charts_fit_a_phone_with_readable_text(engine_page, site, path, form, button, count):
    """At 360 px the column is 294 px: the 320-unit drawing, text 14 × 294 / 320 ≈ 12.9 px, nothing cut off."""
    page = engine_page
    with viewport(page, PHONE):
        fresh(page, site, path)
        expect(page.locator(f"#{form}")).to_have_attribute("data-engine", "ready", timeout=BOOT)
        if button:
            page.locator(f"#{form}").get_by_role("button", name=button).click()
        else:
            page.locator(f"#{form} [data-action=example]").first.click()
        expect(page.locator(f"#{form} svg.mu-chart")).to_have_count(count, timeout=BOOT)
        for chart in page.evaluate(MEASURE_CHARTS, form):
            assert chart["shown"] == ["mu-chart__narrow"], chart
            assert chart["width"] <= chart["figure"] + 0.5 and chart["right"] <= PHONE["width"], chart
            assert chart["text"] >= 12, chart
            assert chart["outside"] == [], chart
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if form == "st":
            # A stacked table's caption spans the table (it shrank to "Qui / paie / qui", one word a line).
            widths = page.evaluate(
                """() => [...document.querySelectorAll('#st .mu-calc-table')].map((t) =>
                     [t.querySelector('caption').getBoundingClientRect().width, t.getBoundingClientRect().width])"""
            )
            assert widths and all(caption >= 0.9 * table for caption, table in widths), widths
        if form == "ac":
            axe_both_palettes(page)


def test_generator_signature_table_fits_a_phone(engine_page, site):
    page = engine_page
    with viewport(page, PHONE):
        open_generator(page, site)
        page.fill("#mu-ag-partner-0-name", "Regroupement des organismes communautaires de la Petite-Nation")
        page.fill("#mu-ag-partner-0-representative", "Marie-Ève Tremblay-Lalancette, directrice générale")
        expect(page.locator(".mu-ag-signatures")).to_contain_text("Petite-Nation")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        table, document = page.evaluate(
            "() => ['.mu-ag-signatures', '.mu-ag-document'].map((s) => document.querySelector(s).getBoundingClientRect().right)"
        )
        assert table <= document
        axe_both_palettes(page)


def test_print_signature_table_has_borders_and_room_to_sign(engine_page, site):
    page = engine_page
    open_generator(page, site)
    page.emulate_media(media="print")
    try:
        cells = page.evaluate(
            """() => [...document.querySelectorAll('.mu-ag-signatures th, .mu-ag-signatures td')].map((c) => {
                 const s = getComputedStyle(c);
                 return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor, s.borderLeftStyle,
                         c.localName, c.getBoundingClientRect().height]; })"""
        )
    finally:
        page.emulate_media(media="screen")
    assert cells
    for top, width, colour, left, tag, height in cells:
        assert (top, left, colour) == ("solid", "solid", "rgb(0, 0, 0)") and width >= 1
        if tag == "td":
            assert height >= 2 * 96 / 2.54  # 2 cm of room to sign at least (96 CSS px an inch)


def own_portrait(version: int) -> dict:
    return {
        f"mutuus:/:portrait:v{version}": {
            "organisation": "Atelier du Plateau",
            "answers": {"mission_valeurs": {"value": "strength"}},
            "updated_at": "2026-11-21T09:00:00Z",
        },
        "mutuus:/:organisation": "Atelier du Plateau",
    }


def test_compare_list_and_remove_buttons_are_24_px_targets(engine_page, site, tmp_path):
    import yaml

    from tests.e2e.harness import ROOT

    page = engine_page
    definition = yaml.safe_load((ROOT / "questionnaires" / "portrait.yml").read_text(encoding="utf-8"))
    page.evaluate(
        "(records) => { for (const [k, v] of Object.entries(records)) localStorage.setItem(k, JSON.stringify(v)); }",
        own_portrait(definition["version"]),
    )
    with viewport(page, PHONE):
        fresh(page, site, "outils/mon-dossier/")
        for name in ["Coopérative des Deux Rives", "Recyclerie du Nord"]:
            answers = {
                "format": "mutuus-answers",
                "format_version": 1,
                "questionnaire": {"id": "portrait", "version": definition["version"], "title": definition["title"]},
                "organisation": name,
                "exported_at": "2026-11-22T10:00:00Z",
                "answers": {"mission_valeurs": {"value": "neutral"}},
            }
            path = tmp_path / f"{name}.json"
            path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
            page.set_input_files("#mu-partner-file", str(path))
        page.locator("#mu-partners-list li").nth(1).wait_for()
        select = page.locator("#mu-compare-select").bounding_box()
        assert select["height"] >= 24 and select["width"] >= 24, select

        fresh(page, site, "outils/grille-diagnostic/")
        page.click("#mu-grid-own")
        page.click("#mu-grid-partners")
        page.wait_for_function("() => document.querySelectorAll('#mu-grid-organisations li').length === 3")
        boxes = [b.bounding_box() for b in page.locator(".mu-grid__remove").all()]
        assert len(boxes) == 3
        assert all(b["height"] >= 24 and b["width"] >= 24 for b in boxes), boxes


# ------------------------------------------------------------------ item 8: keyboard

TOOLS = [
    GENERATOR,
    "outils/conventions/choisir/",
    "outils/cout-annuel/",
    "outils/portrait/",
    "outils/mon-dossier/",
    "outils/grille-diagnostic/",
    "reseau/",
]
# The focused element's outline and the colour behind it (the nearest opaque background
# of its parent: the outline is drawn 2 px outside the element); WCAG contrast ratio.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || !el.closest('.md-content')) return null;
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  let node = el.parentElement, back = [255, 255, 255, 0];
  while (node) { const c = rgb(getComputedStyle(node).backgroundColor); if (c.length === 3 || c[3] > 0) { back = c; break; } node = node.parentElement; }
  if (!node) back = rgb(getComputedStyle(document.body).backgroundColor);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                                   .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const s = getComputedStyle(el);
  const [hi, lo] = [lum(rgb(s.outlineColor)), lum(back)].sort((a, b) => b - a);
  return {what: `${el.localName}#${el.id}.${el.getAttribute('class') || ''} ${(el.textContent || el.value || '').trim().slice(0, 30)}`,
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: (hi + 0.05) / (lo + 0.05)};
}"""


def focus_problems(page, limit=150) -> tuple[int, list]:
    """Tab through the page from its top; every control reached in the content, measured once."""
    page.evaluate("() => { const a = document.querySelector('article'); a.setAttribute('tabindex', '-1'); a.focus(); a.removeAttribute('tabindex'); }")
    seen, bad = set(), []
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS)
        if found is None:
            if page.evaluate("() => !!document.activeElement.closest('.md-footer')"):
                break  # past the content
            continue
        if found["what"] in seen:
            continue
        seen.add(found["what"])
        if found["style"] != "solid" or found["width"] < 2 or found["contrast"] < 3:
            bad.append(found)
    return len(seen), bad


@pytest.mark.parametrize("path", TOOLS)
def test_every_control_shows_a_visible_focus_ring(engine_page, site, path):
    page = engine_page
    fresh(page, site, path)
    if path == GENERATOR:
        expect(page.locator(".mu-ag-document h3")).to_be_visible(timeout=BOOT)
    for palette in ("light", "dark"):
        if palette == "light":
            count, bad = focus_problems(page)
        else:
            with dark_palette(page):
                count, bad = focus_problems(page)
        assert count >= 5, f"{palette}: only {count} controls reached"
        assert bad == [], f"{palette}: {bad[:5]}"
