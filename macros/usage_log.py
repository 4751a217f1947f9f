"""The usage log on the site: the printable logbook, the statement page's import and its partners' sheets.

Three renderers (plain functions, tested without MkDocs in tests/macros/test_usage_log.py)
and their one-line macros:

* ``logbook()``: the logbook (carnet de bord) to print, one page per month,
  with the columns of ``calculators.usage_log.LOGBOOK_COLUMNS`` (those the
  import reads), and the links to its CSV template and example (written into
  the site by the build step ``sitebuild.usage_log``);
* ``usage_log_import()``: on the statement page, « Importer un relevé
  d'utilisation (CSV) »: the file input, an optional period, the summary
  (``role="status"``) and the errors (``role="alert"``);
* ``statement_documents()``: on the statement page, under the calculator, the
  place of each partner's printable statement and of the CSV for the
  accountant.

``usage-log.js`` mounts on the last two and on the logbook's print button;
every sentence it shows is written here or returned by Python in the worker.
One HTML block without blank lines, so Markdown leaves it alone.
"""

from __future__ import annotations

from html import escape

from calculators.usage_log import LOGBOOK_COLUMNS, LOGBOOK_EXAMPLE_FILE, LOGBOOK_FILE, MONTHS

ROWS_PER_MONTH = 18  # A4 or Letter in landscape, 8 mm a row: one month per sheet (tests/e2e/test_usage_log.py)
PREFIX = "ul"
READING = "Lecture du relevé dans votre navigateur…"
UNREADABLE = ("Le fichier n'a pas pu être lu par le navigateur. Vérifiez qu'il est bien sur cet appareil "
              "(pas seulement dans un nuage), puis importez-le de nouveau.")


def _month(index: int, name: str) -> str:
    title_id = f"mu-logbook-m{index + 1}"
    headers = "".join(
        f'<th scope="col">{escape(header)}<span class="mu-logbook-hint">{escape(hint)}</span></th>'
        for _, header, hint in LOGBOOK_COLUMNS
    )
    empty_row = "<tr>" + "<td></td>" * len(LOGBOOK_COLUMNS) + "</tr>"
    return (
        # Focusable: on a phone the month scrolls sideways in its own box.
        f'<section class="mu-logbook-month" aria-labelledby="{title_id}" tabindex="0">'
        f'<div class="mu-logbook-head"><p class="mu-logbook-title" id="{title_id}">Carnet de bord : {name}</p>'
        '<p class="mu-logbook-fill">Bien partagé : <span class="mu-logbook-blank"></span> '
        'Année : <span class="mu-logbook-blank mu-logbook-short"></span> '
        'Unité : km, heures ou jours (entourez)</p></div>'
        f'<table class="mu-logbook-table"><caption class="mu-visually-hidden md-visually-hidden">'
        f"Utilisations du mois de {name}, une ligne par utilisation</caption>"
        f"<thead><tr>{headers}</tr></thead><tbody>{empty_row * ROWS_PER_MONTH}</tbody></table>"
        "</section>"
    )


def render_logbook(to_root: str = "../../") -> str:
    """The printable logbook: twelve months (only January shows on screen), and the CSV links."""
    months = "".join(_month(i, name) for i, name in enumerate(MONTHS))
    return (
        '<div class="mu-logbook">'
        '<div class="mu-logbook-tools">'
        '<button type="button" class="md-button md-button--primary" data-action="print-logbook" hidden>'
        "Imprimer le carnet (12 pages, une par mois)</button>"
        f'<a class="md-button" href="{to_root}assets/{LOGBOOK_FILE}" download>Télécharger le modèle à remplir (CSV)</a>'
        f'<a class="md-button" href="{to_root}assets/{LOGBOOK_EXAMPLE_FILE}" download>'
        "Télécharger un exemple rempli (CSV)</a>"
        "</div>"
        '<p class="mu-logbook-screen-note">Aperçu du mois de janvier. À l\'impression, le carnet compte douze pages, '
        f"une par mois, de {ROWS_PER_MONTH} lignes chacune, en format paysage.</p>"
        f"{months}</div>"
    )


def render_usage_log_import(to_logbook: str = "../carnet-de-bord/") -> str:
    """The statement page's import of a usage log (see the module's docstring)."""
    p = PREFIX
    return (
        f'<section class="mu-usage-log" aria-labelledby="{p}-title" data-reading="{escape(READING)}" '
        f'data-unreadable="{escape(UNREADABLE)}">'
        f'<h2 id="{p}-title">L\'usage réel depuis votre carnet de bord</h2>'
        f'<p class="mu-help" id="{p}-help">Votre carnet de bord tapé dans un tableur, ou l\'export de votre outil de '
        "réservation, enregistré en CSV : une ligne par utilisation, avec au moins les colonnes date, partenaire et "
        "unités (ou km, heures, jours). Inscrivez d'abord les partenaires dans le formulaire ci-dessous : les unités "
        "utilisées de chacun seront remplies, et le relevé recalculé. Le fichier est lu dans votre navigateur ; il "
        f'n\'est envoyé nulle part. Un modèle est sur la page <a href="{to_logbook}">Carnet de bord</a>.</p>'
        f'<fieldset class="mu-usage-log-period"><legend>Période (facultatif)</legend>'
        f'<div class="mu-usage-log-dates"><div><label for="{p}-from">Du</label>'
        f'<input type="date" id="{p}-from" aria-describedby="{p}-period-help"></div>'
        f'<div><label for="{p}-to">Au</label><input type="date" id="{p}-to" aria-describedby="{p}-period-help"></div></div>'
        f'<p class="mu-help" id="{p}-period-help">Les lignes hors de cette période sont ignorées, et leur nombre est '
        "indiqué. Laissez vide pour tout compter.</p></fieldset>"
        f'<span class="mu-usage-log-import"><input id="{p}-file" type="file" accept=".csv,text/csv,text/plain" '
        f'class="mu-usage-log-file" aria-describedby="{p}-help" disabled>'
        f'<label for="{p}-file" class="md-button">Importer un relevé d\'utilisation (CSV)</label></span>'
        '<noscript><p>L\'import a besoin de JavaScript. Sans lui, additionnez les unités de chaque partenaire et '
        "saisissez-les dans la colonne « Unités utilisées ».</p></noscript>"
        f'<p class="mu-usage-log-summary" role="status"></p>'
        '<div class="mu-usage-log-details"></div>'
        '<div class="mu-usage-log-errors" role="alert"></div>'
        "</section>"
    )


def render_statement_documents() -> str:
    """Where the statement page puts each partner's sheet and the CSV for the accountant."""
    return (
        '<section class="mu-statement-docs" aria-labelledby="sd-title">'
        '<h2 id="sd-title">Un relevé par partenaire, et le relevé pour la comptabilité</h2>'
        '<p class="mu-help" id="sd-help">Chaque partenaire reçoit une page : la période, ce qu\'il s\'était engagé à '
        "utiliser, ce qu'il a utilisé (avec le résumé du relevé d'utilisation importé), ce qui lui est facturé, ce "
        "qu'il a déjà payé et le virement qu'il fait ou reçoit. Le fichier CSV reprend tout le relevé, une ligne par "
        "partenaire, pour le tableur de la comptabilité.</p>"
        '<p class="mu-statement-docs-status" role="status">Les relevés des partenaires seront prêts dès que le relevé '
        "annuel ci-dessus sera calculé.</p>"
        '<div class="mu-statement-docs-actions"></div>'
        '<div class="mu-statement-sheets"></div>'
        "</section>"
    )


def register(env):
    @env.macro
    def logbook():
        return render_logbook()  # the page is outils/carnet-de-bord/: the site's root is ../../

    @env.macro
    def usage_log_import():
        return render_usage_log_import()

    @env.macro
    def statement_documents():
        return render_statement_documents()
