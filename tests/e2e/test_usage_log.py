"""The usage log in real Chromium (issue 26): the statement page's import, the partners' sheets and CSV, the logbook.

Every expected figure is worked out by hand below. The `engine_page` fixture
(tests/e2e/conftest.py) fails a test on any console error, page error, CSP
violation or request leaving 127.0.0.1; the page moves by instant navigation.

The log imported in most tests (LOG), on the statement's van example
(calculators/statement.py, example « van »: fixed 6 433,33 $ by commitments 6 000 / 3 000 / 1 000 →
3 860,00, 1 930,00, 643,33; 0,18 $ a km; at least 80 % of the commitment billed; Saules paid
2 000, the Festival 1 200; the Ressourcerie holds the van), with the period 2027:
  the 2026-12-30 row is outside: ignored (1);
  Ressourcerie 3 000 + 3 600 = 6 600 km (2 rows) → 6 600 × 0,18 = 1 188,00, due 5 048,00;
  Saules 2 600 (1 row, its name in capitals) ≥ 2 400 → 468,00, due 2 398,00, paid 2 000 → pays 398,00;
  Festival 700 (1 row) < 800 → 800 billed, 144,00, due 787,33, paid 1 200 → refunded 412,67.
  Total due 5 048,00 + 2 398,00 + 787,33 = 8 233,33; the holder advanced 8 233,33 − 3 200 = 5 033,33,
  balance 14,67 (14,67 + 398,00 − 412,67 = 0).
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from tests.e2e.harness import assert_no_axe_violations, goto, open_tool
from tests.e2e.test_calculators import (
    BOOT,
    CONTENT,
    dark_palette,
    expect_summary,
    money,
    open_shared,
    phone_width,
)

STATEMENT = "outils/releve-annuel/"
LOGBOOK = "outils/carnet-de-bord/"
VAN = "Charger l'exemple de la camionnette"
LOG = (
    "Date;Partenaire;Personne;Km\n"
    "2026-12-30;Ressourcerie du Plateau;Amina;999\n"
    "2027-01-10;ressourcerie du plateau;Amina;3 000\n"
    "2027-03-02;CENTRE COMMUNAUTAIRE DES SAULES;Jonathan;2 600\n"
    "2027-05-20;Festival des Voisins;Rosalie;700\n"
    "2027-11-05;Ressourcerie du Plateau;Amina;3 600\n"
)
ACTUAL = "#st .mu-partners tbody [data-row] input[data-key='actual_units']"


def actual_units(page) -> list[str]:
    return page.locator(ACTUAL).evaluate_all("(els) => els.map((el) => el.value)")


def open_statement_with_the_van(page, site):
    form = open_shared(page, site, STATEMENT, "st")
    page.get_by_role("button", name=VAN).click()
    expect_summary(page, "st", "Total dû pour l'année : 8 215,33 $.")
    return form


def choose_log(page, text: str | bytes, name: str = "carnet.csv") -> None:
    """Pick a file in the import's input, as a reader would, and note when (for the timing)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    page.evaluate(
        """() => { const s = document.querySelector('.mu-usage-log'); window.__muLog = null;
                   s.addEventListener('mu-usage-log:imported', (e) => { window.__muLog = {ok: true, ms: e.detail.ms}; }, {once: true});
                   s.addEventListener('mu-usage-log:refused', (e) => { window.__muLog = {ok: false, ms: e.detail.ms}; }, {once: true}); }"""
    )
    page.locator("#ul-file").set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def log_outcome(page, timeout=BOOT) -> dict:
    page.wait_for_function("() => window.__muLog !== null", timeout=timeout)
    return page.evaluate("() => window.__muLog")


def cells(table) -> list[list[str]]:
    return [[money(c) for c in row.locator("th, td").all_inner_texts()] for row in table.locator("tr").all()]


def test_a_log_fills_actual_use_and_the_statement_is_recomputed(engine_page, site):
    page = engine_page
    open_statement_with_the_van(page, site)
    page.fill("#ul-from", "2027-01-01")
    page.fill("#ul-to", "2027-12-31")
    choose_log(page, LOG)
    assert log_outcome(page)["ok"]
    assert actual_units(page) == ["6600", "2600", "700"]
    summary = page.locator(".mu-usage-log-summary")
    expect(summary).to_have_attribute("role", "status")
    expect(summary).to_have_text(
        "Relevé importé : 4 lignes lues, du 10 janvier 2027 au 5 novembre 2027. Les unités utilisées de chaque "
        "partenaire sont remplies dans le formulaire, et le relevé est recalculé."
    )
    table = page.locator(".mu-usage-log-details table")
    assert cells(table) == [
        ["Partenaire", "Lignes", "Unités"],
        ["Ressourcerie du Plateau", "2", "6 600"],
        ["Centre communautaire des Saules", "1", "2 600"],
        ["Festival des Voisins", "1", "700"],
        ["Total", "4", "9 900"],
    ]
    expect(page.locator(".mu-usage-log-details")).to_contain_text(
        "Période retenue : du 1er janvier 2027 au 31 décembre 2027. 1 ligne hors de cette période a été ignorée."
    )
    expect_summary(page, "st", "Total dû pour l'année : 8 233,33 $. 2 virements soldent les comptes.")
    # The statement is kept on this device as when the values are typed (never in the address).
    kept = page.evaluate("() => JSON.parse(localStorage.getItem('mutuus:/:calculator:statement'))")
    assert kept["values"]["partners.0.actual_units"] == "6600"
    assert page.evaluate("() => location.search") == ""
    expect(page.locator(".mu-usage-log-errors")).to_be_empty()
    assert_no_axe_violations(page, CONTENT)
    with dark_palette(page):
        assert_no_axe_violations(page, CONTENT, colours_only=True)


def test_a_bad_log_lists_its_errors_by_line_and_changes_nothing(engine_page, site):
    page = engine_page
    open_statement_with_the_van(page, site)
    url, before = page.url, actual_units(page)
    bad = (
        "date;partenaire;km\n"                     # line 1
        "2027-02-30;Festival des Voisins;10\n"     # 2: 30 February
        "2027-03-01;Festival des Voisins;12\n"     # 3: fine
        "2027-03-02;Les Castors;5\n"               # 4: not a partner of this statement
        "2027-03-03;Festival des Voisins;-4\n"     # 5: negative
    )
    choose_log(page, bad, "mauvais.csv")
    assert not log_outcome(page)["ok"]
    errors = page.locator(".mu-usage-log-errors")
    expect(errors).to_have_attribute("role", "alert")
    expect(errors.locator(".mu-usage-log-errors-title")).to_have_text(
        "Le relevé « mauvais.csv » n'a pas été importé : 3 problèmes à corriger. Le formulaire n'a pas changé."
    )
    assert errors.locator("li").all_inner_texts() == [
        "Ligne 2 : la date « 2027-02-30 » n'existe pas ou n'est pas lisible (écrivez 2027-03-14 ou 14/03/2027).",
        "Ligne 4 : le partenaire « Les Castors » n'est pas dans le relevé annuel (partenaires : « Ressourcerie du "
        "Plateau », « Centre communautaire des Saules », « Festival des Voisins »).",
        "Ligne 5 : la quantité -4 est négative ; une utilisation se compte en positif.",
    ]
    assert actual_units(page) == before == ["6400", "2000", "1100"]
    assert page.url == url
    expect_summary(page, "st", "Total dû pour l'année : 8 215,33 $.")
    expect(page.locator(".mu-usage-log-summary")).to_be_empty()
    with dark_palette(page):
        assert_no_axe_violations(page, CONTENT)
    # A file that is not UTF-8 (Latin-1: « é » is the byte E9) is refused whole, in French.
    choose_log(page, "date;partenaire;km\n2027-01-01;Festival des Voisins;1\nremarque;é;\n".encode("latin-1"), "ancien.csv")
    assert not log_outcome(page)["ok"]
    assert errors.locator("li").all_inner_texts() == [
        "Ce relevé n'est pas un fichier texte en UTF-8 : enregistrez-le depuis votre tableur au format « CSV UTF-8 », "
        "puis importez-le de nouveau."
    ]
    assert actual_units(page) == before


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, read from the PDF's /MediaBox entries."""
    boxes = re.findall(rb"/Type\s*/Page[^s].*?/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf, re.S)
    if len(boxes) != len(re.findall(rb"/Type\s*/Page[^s]", pdf)):
        boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(b[2]) - float(b[0]), float(b[3]) - float(b[1])) for b in boxes]


def test_each_partner_gets_a_printed_sheet_and_the_accountant_a_csv(engine_page, site, tmp_path):
    page = engine_page
    open_statement_with_the_van(page, site)
    page.fill("#ul-from", "2027-01-01")
    page.fill("#ul-to", "2027-12-31")
    choose_log(page, LOG)
    assert log_outcome(page)["ok"]
    expect_summary(page, "st", "Total dû pour l'année : 8 233,33 $.")
    docs = page.locator(".mu-statement-docs")
    expect(docs.locator(".mu-sheet[data-index='1']")).to_contain_text("2 600", timeout=BOOT)
    expect(docs.locator(".mu-statement-docs-status")).to_have_text("Relevés prêts pour 3 partenaires.")
    page.evaluate("() => { window.__muPrinted = 0; window.print = () => { window.__muPrinted += 1; }; }")
    try:
        docs.get_by_role("button", name="Imprimer le relevé de Centre communautaire des Saules").click()
        assert page.evaluate("() => window.__muPrinted") == 1
        page.emulate_media(media="print")
        saules = docs.locator(".mu-sheet[data-index='1']")
        expect(saules).to_be_visible()
        expect(docs.locator(".mu-sheet[data-index='0']")).to_be_hidden()
        expect(page.locator("#st")).to_be_hidden()
        text = money(saules.inner_text())
        assert "Relevé annuel de Centre communautaire des Saules" in text
        assert "Période : du 1er janvier 2027 au 31 décembre 2027." in text
        assert "Usage réel : 1 ligne du relevé d'utilisation (carnet de bord), 2 600 unités en tout." in text
        assert "À verser : 398,00 $ à Ressourcerie du Plateau, en un virement." in text
        sheet = saules.locator("table")
        assert cells(sheet)[-1] == ["Solde (dû − déjà payé)", "398,00 $"]
        assert cells(sheet)[2:4] == [["Unités utilisées", "2 600"], ["Unités facturées", "2 600"]]
        assert len(pdf_pages(page.pdf(format="A4"))) == 1
        # All three, one page each.
        page.emulate_media(media="screen")
        docs.get_by_role("button", name="Imprimer les 3 relevés (une page par partenaire)").click()
        page.emulate_media(media="print")
        assert len(pdf_pages(page.pdf(format="A4"))) == 3
        festival = money(docs.locator(".mu-sheet[data-index='2']").inner_text())
        assert "À recevoir : Ressourcerie du Plateau vous rembourse 412,67 $." in festival
        holder = money(docs.locator(".mu-sheet[data-index='0']").inner_text())
        assert ("Vous êtes le détenteur du bien : vous recevez 398,00 $ de Centre communautaire des Saules "
                "et vous remboursez 412,67 $ à Festival des Voisins.") in holder
    finally:
        page.emulate_media(media="screen")
        page.evaluate("() => { delete document.documentElement.dataset.muPrint; delete window.print; }")
    with page.expect_download() as caught:
        docs.get_by_role("button", name="Télécharger le relevé complet pour la comptabilité (CSV)").click()
    download = caught.value
    assert download.suggested_filename == "releve-annuel-2027-01-01-2027-12-31.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().decode("utf-8") == (
        "\ufeffPartenaire;Détenteur;Unités prévues;Unités utilisées;Unités facturées;Part des coûts fixes;"
        "Coûts variables;Dû;Déjà payé;Solde;Virement;Lignes du relevé d'utilisation\r\n"
        "Ressourcerie du Plateau;oui;6000;6600;6600;3860,00;1188,00;5048,00;5033,33;14,67;détenteur;2\r\n"
        "Centre communautaire des Saules;non;3000;2600;2600;1930,00;468,00;2398,00;2000,00;398,00;"
        "verse au détenteur (Ressourcerie du Plateau);1\r\n"
        "Festival des Voisins;non;1000;700;800;643,33;144,00;787,33;1200,00;-412,67;"
        "remboursé par le détenteur (Ressourcerie du Plateau);1\r\n"
        # 6 600 + 2 600 + 700 = 9 900 used; 6 600 + 2 600 + 800 = 10 000 billed; 1 188 + 468 + 144 = 1 800.
        "Total;;10000;9900;10000;6433,33;1800,00;8233,33;8233,33;0,00;;\r\n"
    )
    expect(docs.locator(".mu-statement-docs-status")).to_have_text(
        "Relevé enregistré dans le fichier « releve-annuel-2027-01-01-2027-12-31.csv »."
    )


def test_the_logbook_prints_one_landscape_page_a_month_and_its_example_reads_back(engine_page, site):
    page = engine_page
    open_tool(page, site, LOGBOOK)
    months = page.locator(".mu-logbook-month")
    expect(months).to_have_count(12)
    expect(months.nth(0)).to_be_visible()
    expect(months.nth(1)).to_be_hidden()
    expect(page.get_by_role("button", name="Imprimer le carnet (12 pages, une par mois)")).to_be_visible()
    assert months.nth(0).locator("thead th").all_inner_texts()[0].startswith("Date")
    assert_no_axe_violations(page, CONTENT)
    with dark_palette(page):
        assert_no_axe_violations(page, CONTENT, colours_only=True)
    with phone_width(page):
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert_no_axe_violations(page, CONTENT)
    # Printed: twelve pages, in landscape (A4 is 842 × 595 points, Letter 792 × 612).
    page.emulate_media(media="print")
    try:
        expect(months.nth(11)).to_be_visible()
        expect(page.locator(".md-content h1")).to_be_hidden()
        for paper, size in (("A4", (842, 595)), ("Letter", (792, 612))):
            pages = pdf_pages(page.pdf(format=paper, prefer_css_page_size=True))
            assert len(pages) == 12, (paper, len(pages))
            assert all(abs(w - size[0]) < 2 and abs(h - size[1]) < 2 for w, h in pages), (paper, pages)
    finally:
        page.emulate_media(media="screen")
    # The template and the example are the site's own files; the example, imported on the
    # statement's van, gives back its actual use: 32 × 200 = 6 400, 20 × 100 = 2 000, 11 × 100 = 1 100.
    template = page.request.get(site.page_url("assets/carnet-de-bord.csv"))
    assert template.ok
    assert template.body().decode("utf-8") == (
        "\ufeffDate;Partenaire;Personne;Compteur au départ;Compteur au retour;Unités;"
        "Carburant ou consommables payés;Remarques\r\n"
    )
    example = page.request.get(site.page_url("assets/carnet-de-bord-exemple.csv")).body()
    open_statement_with_the_van(page, site)
    for field in page.locator(ACTUAL).all():
        field.fill("")
    choose_log(page, example, "carnet-de-bord-exemple.csv")
    assert log_outcome(page)["ok"]
    assert actual_units(page) == ["6400", "2000", "1100"]
    expect(page.locator(".mu-usage-log-summary")).to_contain_text(
        "Relevé importé : 63 lignes lues, du 4 janvier 2027 au 10 novembre 2027."
    )
    expect_summary(page, "st", "Total dû pour l'année : 8 215,33 $.")


def test_on_a_phone_the_import_and_its_summary_fit(engine_page, site):
    page = engine_page
    with phone_width(page):
        open_statement_with_the_van(page, site)
        expect(page.get_by_role("button", name="Importer un relevé d'utilisation (CSV)")).to_be_enabled()
        # No period this time: the 2026 row counts. Ressourcerie 999 + 3 000 + 3 600 = 7 599 km × 0,18
        # = 1 367,82, due 3 860,00 + 1 367,82 = 5 227,82; total 5 227,82 + 2 398,00 + 787,33 = 8 413,15.
        choose_log(page, LOG)
        assert log_outcome(page)["ok"]
        assert actual_units(page) == ["7599", "2600", "700"]
        expect_summary(page, "st", "Total dû pour l'année : 8 413,15 $.")
        expect(page.locator(".mu-usage-log-details")).to_contain_text(
            "Aucune période choisie : toutes les lignes du relevé sont comptées."
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        right = page.locator(".mu-usage-log-details td, .mu-usage-log-details th").evaluate_all(
            "(els) => Math.max(...els.map((el) => el.getBoundingClientRect().right))"
        )
        assert right <= 390, right
        assert_no_axe_violations(page, CONTENT)


def test_a_log_of_ten_thousand_rows_in_the_page(engine_page, site):
    """Measured, not only checked: the time from the file chosen to the summary shown (printed)."""
    page = engine_page
    open_statement_with_the_van(page, site)
    names = ["Ressourcerie du Plateau", "Centre communautaire des Saules", "Festival des Voisins"]
    # Row i: partner i % 3, 1 km + (i % 7) tenths: per partner the sum is known without the code (see below).
    rows = [f"2027-{1 + i % 12:02d}-{1 + i % 28:02d};{names[i % 3]};Quelqu'un;{1 + (i % 7) / 10:.1f}".replace(".", ",")
            for i in range(10_000)]
    text = "date;partenaire;personne;km\n" + "\n".join(rows) + "\n"
    # Partner p has the rows i ≡ p (mod 3): i mod 7 runs through 0..6 evenly every 21 rows.
    expected = []
    for p in range(3):
        mine = [i for i in range(10_000) if i % 3 == p]
        tenths = sum(10 + i % 7 for i in mine)
        expected.append(f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10))
    started = time.perf_counter()
    choose_log(page, text, "dix-mille.csv")
    outcome = log_outcome(page)
    wall = time.perf_counter() - started
    assert outcome["ok"]
    expect(page.locator(".mu-usage-log-summary")).to_contain_text("Relevé importé : 10 000 lignes lues")
    assert actual_units(page) == expected
    print(f"\n10 000 lignes ({len(text.encode()) // 1024} Kio) : {outcome['ms']:.0f} ms du fichier choisi au résumé "
          f"affiché (mesuré dans la page), {wall * 1000:.0f} ms vus du test")
