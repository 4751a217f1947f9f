"""The year-end statement handed out: one printable sheet per partner, and the whole statement as CSV.

* :func:`partner_sheet`: what one partner committed, used, was billed and
  paid, and the one transfer it makes or receives (the holder: each transfer
  it receives or makes), with the period and what the usage log said of it.
  Plain blocks (``heading``, ``paragraph``, ``table``; the ``blocks``
  package's format, see ``calculators.view_blocks``), every text French and
  every figure formatted.
* :func:`statement_csv`: one row per partner and a total row, for the
  accountant: ``;`` between cells, decimal comma, no thousands separator and
  no currency symbol (a spreadsheet reads them as numbers), UTF-8 with BOM.
* :func:`documents`: both for the page (``calculators.bridge.statement_documents``).

``log`` is the usage log's summary as the statement page keeps it after an
import (``calculators.usage_log.import_answer``: the CLI's ``"log"`` plus the
``"period"`` asked), or None.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from calculators.money import format_money, format_number
from calculators.usage_log import french_date
from calculators.view_blocks import note, table

CSV_HEADERS = (
    "Partenaire", "Détenteur", "Unités prévues", "Unités utilisées", "Unités facturées", "Part des coûts fixes",
    "Coûts variables", "Dû", "Déjà payé", "Solde", "Virement", "Lignes du relevé d'utilisation",
)


def _units(value: Decimal, locale: str) -> str:
    exponent = value.normalize().as_tuple().exponent
    return format_number(value, locale, max(0, -exponent) if isinstance(exponent, int) else 0)


def _plain_units(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",") if value else "0"


def _day(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def period_of(log: dict | None) -> tuple[datetime.date, datetime.date] | None:
    """The period asked at the import, or else the log's first and last dates; None without a log."""
    if not log:
        return None
    asked = log.get("period") or {}
    start, end = _day(asked.get("from")), _day(asked.get("to"))
    if start and end:
        return start, end
    start, end = _day(log.get("from")), _day(log.get("to"))
    return (start, end) if start and end else None


def _from_log(log: dict | None, name: str, actual: Decimal) -> int | None:
    """The partner's row count when its actual use is the log's sum; None when it was typed otherwise."""
    if not log:
        return None
    logged = (log.get("units_by_partner") or {}).get(name)
    count = (log.get("rows_by_partner") or {}).get(name)
    if logged is None or count is None or Decimal(str(logged)) != actual:
        return None
    return int(count)


def _usage_sentence(log: dict | None, name: str, actual: Decimal, locale: str) -> str:
    count = _from_log(log, name, actual)
    if count is None:
        if log:
            return ("Usage réel : saisi dans le formulaire, il ne vient pas du relevé d'utilisation importé "
                    f"({_units(Decimal(str((log.get('units_by_partner') or {}).get(name, '0'))), locale)} unités au relevé).")
        return "Usage réel : saisi dans le formulaire du relevé annuel."
    lines = f"{_units(Decimal(count), locale)} {'ligne' if count < 2 else 'lignes'}"
    return f"Usage réel : {lines} du relevé d'utilisation (carnet de bord), {_units(actual, locale)} unités en tout."


def partner_sheet(inp, result, index: int, log: dict | None, currency: str = "$", locale: str = "fr_CA") -> dict:
    """One partner's printable statement: ``{"name", "print_label", "blocks"}``."""
    money = lambda value: format_money(value, currency, locale)  # noqa: E731
    given, row = inp.partners[index], result.partners[index]
    committed_total = sum((p.committed_units for p in inp.partners), Decimal(0))
    blocks = [{"type": "heading", "level": 1, "text": f"Relevé annuel de {row.name}"}]
    period = period_of(log)
    if period:
        blocks.append({"type": "paragraph", "text": f"Période : du {french_date(period[0])} au {french_date(period[1])}."})
    blocks.append({"type": "paragraph", "text": _usage_sentence(log, row.name, given.actual_units, locale)})
    fixed_label = "Part des coûts fixes"
    if committed_total:
        fixed_label += (f" ({_units(given.committed_units, locale)} unités prévues sur "
                        f"{_units(committed_total, locale)}, pour {money(inp.fixed_costs)})")
    billed_label = "Unités facturées"
    if row.billed_units > given.actual_units:
        billed_label += (f" (minimum : {_units(inp.minimum_share_of_commitment * 100, locale)} % "
                         "de l'engagement)")
    rows = [
        ["Unités prévues (engagement)", _units(given.committed_units, locale)],
        ["Unités utilisées", _units(given.actual_units, locale)],
        [billed_label, _units(row.billed_units, locale)],
        [fixed_label, money(row.fixed_share)],
        [f"Coûts variables ({_units(row.billed_units, locale)} unités × {money(inp.variable_cost_per_unit)})",
         money(row.variable)],
        ["Dû pour l'année", money(row.due)],
        ["Déjà payé" + (" (avancé pour le groupe : les factures du bien)" if row.holder else ""), money(row.paid)],
    ]
    blocks.append(table("Votre compte de l'année", ["Poste", "Montant"], rows, ["Solde (dû − déjà payé)", money(row.balance)],
                        css_class="mu-usage-log-table", scroll=False))
    blocks.append({"type": "paragraph", "class": "mu-sheet-transfer", "text": transfer_sentence(result, row, money)})
    terms = f"Coûts de l'année : {money(inp.fixed_costs)} de coûts fixes, {money(inp.variable_cost_per_unit)} par unité utilisée"
    if inp.minimum_share_of_commitment:
        terms += f" ; au moins {_units(inp.minimum_share_of_commitment * 100, locale)} % de l'engagement est facturé"
    blocks.append(note(terms + f". Total dû par le groupe : {money(result.total_due)}.", "mu-usage-log-note"))
    return {"name": row.name, "print_label": f"Imprimer le relevé de {row.name}", "blocks": blocks}


def transfer_sentence(result, row, money) -> str:
    """What this partner pays or receives to settle the year, in one sentence."""
    if row.holder:
        received = [t for t in result.transfers if t.payee == row.name]
        refunded = [t for t in result.transfers if t.payer == row.name]
        if not received and not refunded:
            return "Vous êtes le détenteur du bien : aucun virement, les comptes sont déjà soldés."
        parts = [f"vous recevez {money(t.amount)} de {t.payer}" for t in received]
        parts += [f"vous remboursez {money(t.amount)} à {t.payee}" for t in refunded]
        return "Vous êtes le détenteur du bien : " + ", ".join(parts[:-1]) + (" et " if len(parts) > 1 else "") + parts[-1] + "."
    for t in result.transfers:
        if t.payer == row.name:
            return f"À verser : {money(t.amount)} à {t.payee}, en un virement."
        if t.payee == row.name:
            return f"À recevoir : {t.payer} vous rembourse {money(t.amount)}."
    return "Rien à verser ni à recevoir : votre compte est soldé."


def statement_csv(inp, result, log: dict | None = None) -> str:
    """The whole statement for the accountant (see the module's docstring)."""
    holder = next(p.name for p in result.partners if p.holder)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    amount = lambda value: format(value, "f").replace(".", ",")  # noqa: E731
    for given, row in zip(inp.partners, result.partners):
        if row.holder:
            transfer = "détenteur"
        elif row.balance > 0:
            transfer = f"verse au détenteur ({holder})"
        elif row.balance < 0:
            transfer = f"remboursé par le détenteur ({holder})"
        else:
            transfer = ""
        count = _from_log(log, row.name, given.actual_units)
        writer.writerow([
            row.name, "oui" if row.holder else "non", _plain_units(given.committed_units),
            _plain_units(given.actual_units), _plain_units(row.billed_units), amount(row.fixed_share),
            amount(row.variable), amount(row.due), amount(row.paid), amount(row.balance), transfer,
            "" if count is None else str(count),
        ])
    total = lambda key: amount(sum((getattr(p, key) for p in result.partners), Decimal("0.00")))  # noqa: E731
    writer.writerow(["Total", "", _plain_units(sum((p.committed_units for p in inp.partners), Decimal(0))),
                     _plain_units(sum((p.actual_units for p in inp.partners), Decimal(0))),
                     _plain_units(sum((p.billed_units for p in result.partners), Decimal(0))),
                     total("fixed_share"), total("variable"), total("due"), total("paid"), total("balance"), "", ""])
    return "\ufeff" + out.getvalue()


def csv_file_name(log: dict | None) -> str:
    period = period_of(log)
    return f"releve-annuel-{period[0].isoformat()}-{period[1].isoformat()}.csv" if period else "releve-annuel.csv"


def documents(inp, result, log: dict | None, currency: str = "$", locale: str = "fr_CA") -> dict:
    """The sheets, the CSV and the words of their buttons (all from Python)."""
    count = len(result.partners)
    file_name = csv_file_name(log)
    return {
        "sheets": [partner_sheet(inp, result, i, log, currency, locale) for i in range(count)],
        "print_all": f"Imprimer les {count} relevés (une page par partenaire)" if count > 1
        else "Imprimer le relevé (une page)",
        "csv": statement_csv(inp, result, log),
        "file": file_name,
        "download": "Télécharger le relevé complet pour la comptabilité (CSV)",
        "downloaded": f"Relevé enregistré dans le fichier « {file_name} ».",
        "summary": f"Relevés prêts pour {count} {'partenaire' if count < 2 else 'partenaires'}.",
    }
