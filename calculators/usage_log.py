"""The usage log (relevé d'utilisation): a CSV file of who used the shared good, when and how much.

Groups keep it as a paper logbook typed into a spreadsheet, or export it from
a booking tool. :func:`read_log` reads it as it is and sums the units of each
partner of a year-end statement; :func:`statement_with_log` fills the
statement's actual use from it. Standard library only (runs in Pyodide).

The file:

* UTF-8, with or without BOM; the separator (``;``, ``,`` or a tab) is the one
  the header row uses most;
* a header row, read without regard to case, accents or spaces: ``date``;
  ``partenaire`` or ``partner``; the units column is ``unités``, ``units``,
  ``quantité`` or the unit itself (``km``, ``kilomètres``, ``heures``,
  ``jours``, ``utilisations``). Other columns (driver, note…) are ignored;
* dates ``AAAA-MM-JJ`` or ``JJ/MM/AAAA``; units non-negative, with a decimal
  comma allowed and spaces between thousands; blank lines are skipped;
* a row whose units cell is empty takes the difference of its readings when
  the file has them (``compteur au départ`` and ``compteur au retour``, or
  ``début`` and ``fin``): a paper logbook often has only the odometer.

The printable logbook (carnet de bord, ``docs/outils/carnet-de-bord.md``) and
its CSV template have the columns of :data:`LOGBOOK_COLUMNS`; the template is
written by :func:`logbook_csv` at build time, so the import reads it back.

Every problem is an error whose field is ``log:LINE`` (the header is line 1),
``log`` for a file that is not text; nothing is computed from a log with errors.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from calculators.errors import FieldError, ValidationError
from calculators.money import two_readings as money_two_readings

DATE_COLUMNS = ("date",)
PARTNER_COLUMNS = ("partenaire", "partner")
UNIT_COLUMNS = ("unites", "unite", "units", "quantite", "km", "kilometres", "heures", "jours", "utilisations")
# Optional readings: a row without units takes end − start (compared without spaces or punctuation).
START_COLUMNS = ("compteuraudepart", "compteurdepart", "compteuraudebut", "compteurdebut", "depart", "debut", "start")
END_COLUMNS = ("compteurauretour", "compteurretour", "compteuralafin", "compteurfin", "retour", "fin", "end")
SEPARATORS = (";", "\t", ",")
MAX_ERRORS = 50  # a wholly wrong file gives a readable list, not thousands of lines
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FRENCH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def plain(text: str) -> str:
    """Lower case, without accents, spaces folded: how names and headers are compared."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True)
class LogSummary:
    rows: int
    ignored_outside_period: int
    first: datetime.date | None
    last: datetime.date | None
    units_by_partner: dict[str, Decimal]  # every partner of the statement, in its order
    rows_by_partner: dict[str, int]

    def to_json(self) -> dict:
        return {
            "rows": self.rows,
            "ignored_outside_period": self.ignored_outside_period,
            "from": self.first.isoformat() if self.first else None,
            "to": self.last.isoformat() if self.last else None,
            "units_by_partner": {name: _units_text(units) for name, units in self.units_by_partner.items()},
            "rows_by_partner": dict(self.rows_by_partner),
        }


def _units_text(units: Decimal) -> str:
    """Plain notation without trailing zeros: Decimal('12.50') → '12.5'."""
    return format(units.normalize(), "f") if units else "0"


def _decode(data) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            [FieldError("log", "Ce relevé n'est pas un fichier texte en UTF-8 : enregistrez-le depuis votre tableur "
                               "au format « CSV UTF-8 », puis importez-le de nouveau.")]
        ) from None


def parse_date(text: str) -> datetime.date | None:
    text = text.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _FRENCH.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def two_readings(text: str) -> str:
    """« se lit 45 230 ou 45,230 ; écrivez 45230 ou 45,230 » for a number that reads two ways
    (calculators.money.two_readings), else ""."""
    readings = money_two_readings(text)
    if readings is None:
        return ""
    thousands, decimal = readings
    return f"se lit {thousands} ou {decimal} ; écrivez {thousands.replace(' ', '')} ou {decimal}"


def parse_units(text: str) -> Decimal | None:
    """« 1 234,5 » → Decimal('1234.5'); None when it is not a number, or reads two ways (two_readings)."""
    if two_readings(text):
        return None
    compact = _SPACES.sub("", text).replace(",", ".")
    if not _NUMBER.match(compact):
        return None
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = plain(name).replace(" ", "")
        bare = re.sub(r"[^a-z0-9]", "", key)
        for role, names in (("date", DATE_COLUMNS), ("partner", PARTNER_COLUMNS), ("units", UNIT_COLUMNS)):
            if key in names and role not in found:
                found[role] = index
        for role, names in (("start", START_COLUMNS), ("end", END_COLUMNS)):
            if bare in names and role not in found:
                found[role] = index
    missing = []
    if "date" not in found:
        missing.append("« date »")
    if "partner" not in found:
        missing.append("« partenaire »")
    if "units" not in found:
        missing.append("« unités » (ou km, heures, jours, utilisations)")
    return found, missing


def read_log(data, partners: list[str], period: tuple[datetime.date, datetime.date] | None = None) -> LogSummary:
    """Sum the units of each of ``partners`` from the log; ValidationError lists every problem."""
    text = _decode(data)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ValidationError([FieldError("log", "Ce relevé est vide : il faut au moins la ligne des titres de colonnes.")])
    header_line = lines[first]
    separator = max(SEPARATORS, key=lambda s: header_line.count(s))
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    errors: list[FieldError] = []
    header = None
    by_plain = {plain(name): name for name in partners}
    known = ", ".join(f"« {name} »" for name in partners)
    totals = {name: Decimal(0) for name in partners}
    counts = {name: 0 for name in partners}
    used = ignored = 0
    dates: list[datetime.date] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header, missing = _columns(row)
                if missing:
                    raise ValidationError([FieldError("log:1", f"Colonne absente de la ligne des titres : {', '.join(missing)}. "
                                                               f"Colonnes lues : {', '.join(c.strip() for c in row)}.")])
                continue
            where = f"log:{line}"

            def cell(role):
                index = header.get(role)
                return row[index].strip() if index is not None and index < len(row) else ""

            date = parse_date(cell("date"))
            if date is None:
                errors.append(FieldError(where, f"Ligne {line} : la date « {cell('date')} » n'existe pas ou n'est pas lisible "
                                                "(écrivez 2027-03-14 ou 14/03/2027)."))
                continue
            if period is not None and not period[0] <= date <= period[1]:
                ignored += 1
                continue
            name = by_plain.get(plain(cell("partner")))
            if name is None:
                errors.append(FieldError(where, f"Ligne {line} : le partenaire « {cell('partner')} » n'est pas dans le relevé annuel "
                                                f"(partenaires : {known})."))
            units, problem = None, None
            if cell("units") == "" and "start" in header and "end" in header:
                units, problem = _from_readings(line, cell("start"), cell("end"))
            elif cell("units") == "":
                problem = f"Ligne {line} : la quantité est vide ; indiquez les unités utilisées (par exemple 12 ou 12,5)."
            else:
                units = parse_units(cell("units"))
                if units is None and two_readings(cell("units")):
                    problem = f"Ligne {line} : la quantité « {cell('units')} » {two_readings(cell('units'))}."
                elif units is None:
                    problem = f"Ligne {line} : la quantité « {cell('units')} » n'est pas un nombre (par exemple 12 ou 12,5)."
            if problem:
                errors.append(FieldError(where, problem))
            elif units < 0:
                errors.append(FieldError(where, f"Ligne {line} : la quantité {cell('units')} est négative ; "
                                                "une utilisation se compte en positif."))
            if name is None or units is None or units < 0:
                continue
            totals[name] += units
            counts[name] += 1
            used += 1
            dates.append(date)
    except csv.Error as exc:
        errors.append(FieldError(f"log:{reader.line_num}", f"Ligne {reader.line_num} : ligne illisible ({exc})."))
    if header is None and not errors:
        raise ValidationError([FieldError("log", "Ce relevé est vide : il faut au moins la ligne des titres de colonnes.")])
    if errors:
        if len(errors) > MAX_ERRORS:
            more = len(errors) - MAX_ERRORS
            errors = errors[:MAX_ERRORS] + [FieldError("log", f"… et {more} autres erreurs : corrigez les premières, puis importez de nouveau.")]
        raise ValidationError(errors)
    return LogSummary(used, ignored, min(dates, default=None), max(dates, default=None), totals, counts)


def _from_readings(line: int, start_text: str, end_text: str) -> tuple[Decimal | None, str | None]:
    """A row without units: end − start of its readings, or the French reason it cannot be read."""
    if start_text == "" and end_text == "":
        return None, (f"Ligne {line} : la quantité est vide, et les compteurs au départ et au retour aussi ; "
                      "indiquez les unités utilisées ou les deux compteurs.")
    start, end = parse_units(start_text), parse_units(end_text)
    if start is None or end is None:
        shown = start_text if start is None else end_text
        if two_readings(shown):
            return None, f"Ligne {line} : la quantité est vide et le compteur « {shown} » {two_readings(shown)}."
        return None, (f"Ligne {line} : la quantité est vide et le compteur « {shown} » n'est pas un nombre ; "
                      "indiquez les unités utilisées ou les deux compteurs.")
    if end < start:
        return None, (f"Ligne {line} : le compteur au retour ({end_text}) est plus petit qu'au départ ({start_text}) ; "
                      "vérifiez les deux relevés.")
    return end - start, None


def _period(payload: dict) -> tuple[tuple[datetime.date, datetime.date] | None, list[FieldError]]:
    raw = payload.pop("period", None)
    if raw is None:
        return None, []
    if not isinstance(raw, dict) or set(raw) - {"from", "to"}:
        return None, [FieldError("period", "« period » s'écrit {\"from\": \"AAAA-MM-JJ\", \"to\": \"AAAA-MM-JJ\"}.")]
    bounds, errors = [], []
    for key, word in (("from", "début"), ("to", "fin")):
        value = raw.get(key)
        day = parse_date(value) if isinstance(value, str) else None
        if day is None:
            errors.append(FieldError(f"period.{key}", f"Indiquez la date de {word} de la période (AAAA-MM-JJ)."))
        bounds.append(day)
    if not errors and bounds[0] > bounds[1]:
        errors.append(FieldError("period.to", "La fin de la période vient avant son début."))
    return (None if errors else (bounds[0], bounds[1])), errors


def statement_with_log(payload_json: str, log) -> str:
    """``python -m calculators statement FILE --log LOG.csv``: the statement with actual use from the log.

    Partners may leave out ``actual_units``; each one gets the sum of its rows.
    The output is the statement's, plus ``"log"`` (:meth:`LogSummary.to_json`).
    """
    from calculators.payloads import loads
    from calculators.statement import CALCULATOR as STATEMENT

    def run(text: str) -> str:  # what `python -m calculators statement` prints
        try:
            inp = STATEMENT.read(loads(text))
        except ValidationError as exc:
            return json.dumps(exc.to_json(), ensure_ascii=False)
        return json.dumps(STATEMENT.to_json(STATEMENT.compute(inp)), ensure_ascii=False)

    def fail(errors):
        return json.dumps({"errors": [e.to_json() for e in errors]}, ensure_ascii=False)

    try:
        payload = loads(payload_json)
    except ValidationError as exc:
        return json.dumps(exc.to_json(), ensure_ascii=False)
    if not isinstance(payload, dict) or not isinstance(payload.get("partners"), list):
        return run(payload_json)
    period, errors = _period(payload)
    partners = payload["partners"]
    names = [p.get("name").strip() for p in partners if isinstance(p, dict) and isinstance(p.get("name"), str) and p.get("name").strip()]
    if errors:
        return fail(errors)
    try:
        summary = read_log(log, names, period)
    except ValidationError as exc:
        return fail(exc.errors)
    # A partner with actual use both in the form and in the log is ambiguous: say so.
    for index, partner in enumerate(partners):
        if not isinstance(partner, dict) or not isinstance(partner.get("name"), str):
            continue
        name = partner["name"].strip()
        has_rows = summary.rows_by_partner.get(name, 0) > 0
        if partner.get("actual_units") not in (None, ""):
            if has_rows:
                errors.append(FieldError(f"partners.{index}.actual_units",
                                         f"« {name} » a une utilisation réelle dans le formulaire et des lignes dans le relevé : "
                                         "videz l'une des deux."))
            continue
        partner["actual_units"] = _units_text(summary.units_by_partner.get(name, Decimal(0)))
    if errors:
        return fail(errors)
    output = json.loads(run(json.dumps(payload, default=str, ensure_ascii=False)))
    if "errors" not in output:
        output["log"] = summary.to_json()
    return json.dumps(output, ensure_ascii=False)


# --- the printable logbook and its CSV template ---------------------------------

# (key, header, what to write): the printed logbook's columns and the template's
# header, in this order. The headers are those read_log knows (date,
# partenaire, compteurs, unités); the others are kept for the group's records.
LOGBOOK_COLUMNS = (
    ("date", "Date", "AAAA-MM-JJ ou JJ/MM/AAAA"),
    ("partner", "Partenaire", "Son nom, tel qu'il est dans le relevé annuel"),
    ("person", "Personne", "Qui a utilisé le bien"),
    ("start", "Compteur au départ", "Kilomètres ou heures au compteur"),
    ("end", "Compteur au retour", "Kilomètres ou heures au compteur"),
    ("units", "Unités", "Retour − départ, ou la quantité utilisée"),
    ("paid", "Carburant ou consommables payés", "Montant avancé, ticket gardé"),
    ("remarks", "Remarques", "Plein fait, dégât, oubli…"),
)
LOGBOOK_FILE = "carnet-de-bord.csv"
LOGBOOK_EXAMPLE_FILE = "carnet-de-bord-exemple.csv"


def logbook_csv(rows=()) -> str:
    """The logbook as CSV: UTF-8 with BOM (a spreadsheet then shows the accents), ``;``, CRLF.

    ``rows``: sequences of cells in the order of :data:`LOGBOOK_COLUMNS`.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _, header, _ in LOGBOOK_COLUMNS])
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def example_logbook_rows() -> list[list[str]]:
    """The van of the statement's example (« van », calculators/statement.py) over 2027, trip by trip.

    Each partner drives trips of equal length until its actual use is reached
    (Ressourcerie 32 × 200 km = 6 400, Saules 20 × 100 = 2 000, Festival
    11 × 100 = 1 100), turn about, one trip every five days from 4 January;
    the odometer runs on from 18 240 km.
    """
    from calculators.statement import EXAMPLES

    partners = EXAMPLES["van"]["payload"]["partners"]
    trip = {0: 200, 1: 100, 2: 100}
    people = {0: "Amina", 1: "Jonathan", 2: "Rosalie"}
    queues = [[index] * (int(Decimal(p["actual_units"])) // trip[index]) for index, p in enumerate(partners)]
    order = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop())
    rows, odometer = [], 18240
    day = datetime.date(2027, 1, 4)
    for number, index in enumerate(order):
        km = trip[index]
        paid = "62,40" if number % 6 == 5 else ""
        remark = "Plein fait" if paid else ""
        rows.append([day.isoformat(), partners[index]["name"], people[index], str(odometer), str(odometer + km),
                     str(km), paid, remark])
        odometer += km
        day += datetime.timedelta(days=5)
    return rows


# --- what the statement page shows after an import --------------------------------

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def french_date(day: datetime.date) -> str:
    """« 1er janvier 2027 », « 14 mars 2027 »."""
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def _count(n: int, one: str, many: str, locale: str = "fr_CA") -> str:
    """« 1 ligne », « 10 000 lignes » (thousands grouped as the locale writes them)."""
    from calculators.money import format_number

    return f"{format_number(Decimal(n), locale, 0)} {one if n < 2 else many}"


def import_answer(summary: LogSummary, partners: list[dict], period, locale: str = "fr_CA") -> dict:
    """The page's answer to an import: the values to put in each partner's actual use, and the French summary.

    ``partners``: ``[{"name", "actual_units"}]`` as the form holds them (what is typed).
    ``values[i]``: the text to write in partner i's actual use, or None to keep what is
    typed (a partner without rows whose use is already typed). ``log``: the summary
    as the CLI writes it, with the period asked, for the partners' statements.
    """
    from calculators.money import format_number
    from calculators.view_blocks import note, table

    def units(value: Decimal) -> str:
        exponent = value.normalize().as_tuple().exponent
        return format_number(value, locale, max(0, -exponent) if isinstance(exponent, int) else 0)

    values, rows = [], []
    for partner in partners:
        name = partner["name"].strip()
        count = summary.rows_by_partner.get(name, 0)
        typed = str(partner.get("actual_units") or "").strip()
        if count == 0 and typed:
            values.append(None)
            rows.append([name, "0", f"aucune ligne : {typed} saisi gardé"])
            continue
        total = summary.units_by_partner.get(name, Decimal(0))
        values.append(_units_text(total).replace(".", ","))
        rows.append([name, units(Decimal(count)), units(total)])
    sentence = f"Relevé importé : {_count(summary.rows, 'ligne lue', 'lignes lues', locale)}"
    if summary.first is not None:
        sentence += f", du {french_date(summary.first)} au {french_date(summary.last)}"
    sentence += ". Les unités utilisées de chaque partenaire sont remplies dans le formulaire, et le relevé est recalculé."
    blocks = [table(
        "Lu dans le relevé d'utilisation",
        ["Partenaire", "Lignes", "Unités"],
        rows,
        ["Total", units(Decimal(summary.rows)), units(sum(summary.units_by_partner.values(), Decimal(0)))],
        css_class="mu-usage-log-table",
        scroll=False,
    )]
    notes = []
    if period is not None:
        notes.append(f"Période retenue : du {french_date(period[0])} au {french_date(period[1])}. "
                     f"{_count(summary.ignored_outside_period, 'ligne', 'lignes', locale)} hors de cette période "
                     f"{'a été ignorée' if summary.ignored_outside_period < 2 else 'ont été ignorées'}.")
    else:
        notes.append("Aucune période choisie : toutes les lignes du relevé sont comptées.")
    notes.append("Le fichier est lu dans votre navigateur : il n'est envoyé nulle part.")
    blocks += [note(text, "mu-usage-log-note") for text in notes]
    log = summary.to_json()
    log["period"] = {"from": period[0].isoformat(), "to": period[1].isoformat()} if period else None
    return {"values": values, "view": {"summary": sentence, "blocks": blocks}, "log": log}


def import_errors(errors, file_name: str) -> dict:
    """The page's answer to a log it cannot use: every problem by line, and one sentence over them."""
    count = len([e for e in errors if e.field != "log" or not e.message.startswith("…")])
    title = (f"Le relevé « {file_name} » n'a pas été importé : "
             f"{_count(count, 'problème à corriger', 'problèmes à corriger')}. Le formulaire n'a pas changé.")
    return {"errors": [e.to_json() for e in errors], "title": title}


def read_for_page(log, partners: list[dict], period_raw, file_name: str, locale: str = "fr_CA") -> dict:
    """``calculators.bridge.read_usage_log``'s work: read the file for the partners of the form."""
    period, errors = _period({"period": period_raw} if period_raw else {})
    names = [p["name"].strip() for p in partners if isinstance(p, dict) and str(p.get("name") or "").strip()]
    partners = [p for p in partners if isinstance(p, dict) and str(p.get("name") or "").strip()]
    if not names:
        errors.append(FieldError("partners", "Inscrivez d'abord les partenaires dans le formulaire (au moins leur nom) : "
                                             "le relevé est lu pour eux."))
    if errors:
        return import_errors(errors, file_name)
    try:
        summary = read_log(log, names, period)
    except ValidationError as exc:
        return import_errors(exc.errors, file_name)
    return import_answer(summary, partners, period, locale)
