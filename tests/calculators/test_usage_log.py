"""The usage log (CSV) read into the year-end statement: hand-worked cases, every error with its line, properties."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.__main__ import main
from calculators.errors import ValidationError
from calculators.usage_log import read_log, statement_with_log

PARTNERS = ["Café-jeunesse", "Ressourcerie Les Castors"]
STATEMENT = {
    "fixed_costs": "1200",
    "variable_cost_per_unit": "0.25",
    "partners": [
        {"name": "Café-jeunesse", "committed_units": "4000", "holder": True},
        {"name": "Ressourcerie Les Castors", "committed_units": "2000"},
    ],
}


def errors_of(text, partners=PARTNERS, period=None):
    with pytest.raises(ValidationError) as caught:
        read_log(text, partners, period)
    return [(e.field, e.message) for e in caught.value.errors]


def test_semicolons_bom_decimal_comma_thousands_and_names_as_typed():
    # Café-jeunesse: 120,5 + 79,5 = 200 km; Castors: "1 000" = 1000 km; the driver column is ignored.
    text = "\ufeffDate;Partenaire;Conducteur;Km\n2027-01-05;cafe-jeunesse;Léa;120,5\n\n14/02/2027; RESSOURCERIE LES CASTORS ;Paul;1 000\n2027-03-01;Café-jeunesse;;79,5\n"
    log = read_log(text, PARTNERS)
    assert log.units_by_partner == {"Café-jeunesse": Decimal("200.0"), "Ressourcerie Les Castors": Decimal("1000")}
    assert (log.rows, log.ignored_outside_period) == (3, 0)
    assert (log.first, log.last) == (datetime.date(2027, 1, 5), datetime.date(2027, 3, 1))
    assert log.rows_by_partner == {"Café-jeunesse": 2, "Ressourcerie Les Castors": 1}


def test_commas_with_a_quoted_decimal_comma_and_bytes():
    # 2,5 + 1,25 = 3,75 hours; read from bytes as the browser and the CLI give it.
    data = 'date,partner,heures,note\n2027-05-02,Café-jeunesse,"2,5","salle, grande"\n2027-05-03,Café-jeunesse,"1,25",\n'.encode()
    assert read_log(data, PARTNERS).units_by_partner["Café-jeunesse"] == Decimal("3.75")


def test_tab_separator_and_other_unit_names():
    text = "DATE\tPARTNER\tUtilisations\n2027-01-01\tRessourcerie Les Castors\t3\n"
    assert read_log(text, PARTNERS).units_by_partner["Ressourcerie Les Castors"] == Decimal(3)


def test_a_period_ignores_and_counts_the_rows_outside():
    text = "date;partenaire;km\n2026-12-31;Café-jeunesse;10\n2027-01-01;Café-jeunesse;20\n2027-12-31;Café-jeunesse;30\n2028-01-01;Inconnu;-5\n"
    log = read_log(text, PARTNERS, (datetime.date(2027, 1, 1), datetime.date(2027, 12, 31)))
    # 20 + 30 in the year; the two rows outside are ignored, even the wrong one.
    assert log.units_by_partner["Café-jeunesse"] == Decimal(50)
    assert (log.rows, log.ignored_outside_period) == (2, 2)


def test_every_error_names_its_line():
    text = (
        "date;partenaire;km\n"          # line 1
        "2027-02-30;Café-jeunesse;1\n"  # 2: impossible date
        "\n"                            # 3: blank, skipped
        "2027-03-01;Tartempion;2\n"     # 4: unknown partner
        "2027-03-02;Café-jeunesse;-1\n" # 5: negative
        "2027-03-03;Café-jeunesse;douze\n"  # 6: unreadable
    )
    assert errors_of(text) == [
        ("log:2", "Ligne 2 : la date « 2027-02-30 » n'existe pas ou n'est pas lisible (écrivez 2027-03-14 ou 14/03/2027)."),
        ("log:4", "Ligne 4 : le partenaire « Tartempion » n'est pas dans le relevé annuel (partenaires : « Café-jeunesse », « Ressourcerie Les Castors »)."),
        ("log:5", "Ligne 5 : la quantité -1 est négative ; une utilisation se compte en positif."),
        ("log:6", "Ligne 6 : la quantité « douze » n'est pas un nombre (par exemple 12 ou 12,5)."),
    ]


def test_a_missing_column_and_a_file_that_is_not_text():
    assert errors_of("date;qui;km\n2027-01-01;A;1\n") == [
        ("log:1", "Colonne absente de la ligne des titres : « partenaire ». Colonnes lues : date, qui, km.")
    ]
    assert errors_of(b"\xff\xfe\x00d\x00a")[0][0] == "log"
    assert errors_of("")[0] == ("log", "Ce relevé est vide : il faut au moins la ligne des titres de colonnes.")


def test_statement_from_a_log_worked_by_hand():
    # Fixed 1200 split 4000:2000 → 800 / 400. Variable 0,25 per km:
    # Café-jeunesse 200 km → 50,00, due 850,00; Castors 1000 km → 250,00, due 650,00.
    # The holder advanced all 1500,00: Castors pays it 650,00.
    log = "date;partenaire;km\n2027-01-05;Café-jeunesse;120,5\n2027-02-14;Ressourcerie Les Castors;1 000\n2027-03-01;Café-jeunesse;79,5\n"
    out = json.loads(statement_with_log(json.dumps(STATEMENT), log.encode()))
    assert [p["due"] for p in out["partners"]] == ["850.00", "650.00"]
    assert out["transfers"] == [{"from": "Ressourcerie Les Castors", "to": "Café-jeunesse", "amount": "650.00"}]
    assert out["log"] == {
        "rows": 3, "ignored_outside_period": 0, "from": "2027-01-05", "to": "2027-03-01",
        "units_by_partner": {"Café-jeunesse": "200", "Ressourcerie Les Castors": "1000"},
        "rows_by_partner": {"Café-jeunesse": 2, "Ressourcerie Les Castors": 1},
    }


def test_a_partner_in_both_places_and_a_bad_period():
    both = json.loads(json.dumps(STATEMENT))
    both["partners"][1]["actual_units"] = "5"
    out = json.loads(statement_with_log(json.dumps(both), "date;partenaire;km\n2027-01-01;Ressourcerie Les Castors;3\n"))
    assert out == {"errors": [{"field": "partners.1.actual_units", "message": "« Ressourcerie Les Castors » a une utilisation réelle dans le formulaire et des lignes dans le relevé : videz l'une des deux."}]}
    # In the form only (no row in the log): kept as typed.
    out = json.loads(statement_with_log(json.dumps(both), "date;partenaire;km\n2027-01-01;Café-jeunesse;3\n"))
    assert out["partners"][1]["billed_units"] == "5"
    reversed_period = {**STATEMENT, "period": {"from": "2027-12-31", "to": "2027-01-01"}}
    out = json.loads(statement_with_log(json.dumps(reversed_period), "date;partenaire;km\n"))
    assert out["errors"] == [{"field": "period.to", "message": "La fin de la période vient avant son début."}]


def run_cli(argv):
    out = io.StringIO()
    code = main(argv, stdout=out)
    return code, json.loads(out.getvalue())


def test_cli(tmp_path):
    statement = tmp_path / "s.json"
    statement.write_text(json.dumps(STATEMENT), encoding="utf-8")
    log = tmp_path / "log.csv"
    log.write_text("date;partenaire;km\n2027-01-05;Café-jeunesse;200\n2027-02-14;Ressourcerie Les Castors;1000\n", encoding="utf-8")
    code, out = run_cli(["statement", str(statement), "--log", str(log)])
    assert code == 0 and out["total_due"] == "1500.00" and out["log"]["rows"] == 2
    log.write_text("date;partenaire;km\n2027-01-05;Personne;1\n", encoding="utf-8")
    code, out = run_cli(["statement", str(statement), "--log", str(log)])
    assert code == 2 and out["errors"][0]["field"] == "log:2"
    code, out = run_cli(["statement", str(statement), "--log", str(tmp_path / "absent.csv")])
    assert code == 2 and out["errors"][0]["message"].startswith("Impossible de lire le relevé")
    code, out = run_cli(["split", str(statement), "--log", str(log)])
    assert code == 2 and "--log ne sert qu'au relevé annuel" in out["errors"][0]["message"]
    code, out = run_cli(["statement", str(statement), "--log"])
    assert code == 2 and "Après --log" in out["errors"][0]["message"]


rows = st.lists(
    st.tuples(st.sampled_from(PARTNERS), st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False)),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(rows, st.sampled_from([";", ",", "\t"]))
def test_the_units_read_are_the_sum_of_the_rows_kept(entries, separator):
    lines = [separator.join(["date", "partenaire", "unités"])]
    for name, units in entries:
        written = f'"{str(units).replace(".", ",")}"' if separator == "," else str(units).replace(".", ",")
        lines.append(separator.join(["2027-06-01", name.upper(), written]))
    log = read_log("\n".join(lines) + "\n", PARTNERS)
    for name in PARTNERS:
        assert log.units_by_partner[name] == sum((u for n, u in entries if n == name), Decimal(0))
    assert log.rows == len(entries)


@settings(max_examples=40, deadline=None)
@given(rows)
def test_balances_still_sum_to_zero(entries):
    text = "date;partenaire;km\n" + "".join(f"2027-06-01;{n};{u}\n" for n, u in entries)
    out = json.loads(statement_with_log(json.dumps(STATEMENT), text))
    assert sum(Decimal(p["balance"]) for p in out["partners"]) == 0


# --- shared vectors (the same file runs in Pyodide: tests/pyodide/) -------------------------------

from pathlib import Path  # noqa: E402

LOG_VECTORS = json.loads((Path(__file__).parent / "usage_log_vectors.json").read_text(encoding="utf-8"))["vectors"]


def vector_log(vector) -> bytes:
    return vector["log"].encode(vector.get("log_encoding", "utf-8"))


@pytest.mark.parametrize("vector", LOG_VECTORS, ids=[v["id"] for v in LOG_VECTORS])
def test_usage_log_vectors(vector):
    assert json.loads(statement_with_log(json.dumps(vector["statement"]), vector_log(vector))) == vector["expected"]


# --- readings instead of units ------------------------------------------------------------------

def test_readings_fill_an_empty_units_cell_only():
    # 18 240 → 18 390 = 150; the second row's units (7) win over its readings (0 → 999).
    text = "date;partenaire;départ;retour;km\n2027-01-02;Café-jeunesse;18 240;18 390;\n2027-01-03;Café-jeunesse;0;999;7\n"
    assert read_log(text, PARTNERS).units_by_partner["Café-jeunesse"] == Decimal(157)


def test_an_empty_units_cell_without_readings_is_an_error():
    assert errors_of("date;partenaire;km\n2027-01-02;Café-jeunesse;\n") == [
        ("log:2", "Ligne 2 : la quantité est vide ; indiquez les unités utilisées (par exemple 12 ou 12,5).")
    ]
    assert errors_of("date;partenaire;km;départ;retour\n2027-01-02;Café-jeunesse;;1 200;x\n") == [
        ("log:2", "Ligne 2 : la quantité est vide et le compteur « x » n'est pas un nombre ; "
                  "indiquez les unités utilisées ou les deux compteurs.")
    ]


# --- the logbook's template and example ------------------------------------------------------------

from calculators.usage_log import (  # noqa: E402
    LOGBOOK_COLUMNS,
    example_logbook_rows,
    french_date,
    logbook_csv,
    read_for_page,
)


def test_the_template_is_the_logbook_header_and_reads_back_empty():
    text = logbook_csv()
    assert text == ("\ufeffDate;Partenaire;Personne;Compteur au départ;Compteur au retour;Unités;"
                    "Carburant ou consommables payés;Remarques\r\n")
    log = read_log(text.encode("utf-8"), PARTNERS)
    assert (log.rows, log.units_by_partner) == (0, {"Café-jeunesse": 0, "Ressourcerie Les Castors": 0})


def test_a_row_typed_into_the_template_reads_back_from_its_readings():
    # The person leaves the units empty, as on paper: 45 210 → 45 298 = 88 km.
    row = ["14/03/2027", "café-jeunesse", "Léa", "45 210", "45 298", "", "52,10", "Plein fait"]
    assert len(row) == len(LOGBOOK_COLUMNS)
    log = read_log(logbook_csv([row]).encode("utf-8"), PARTNERS)
    assert log.units_by_partner["Café-jeunesse"] == Decimal(88)


def test_the_example_logbook_gives_the_statement_examples_actual_use():
    # examples.py « van »: Ressourcerie 6 400 km, Saules 2 000, Festival 1 100 (32 + 20 + 11 = 63 trips).
    names = ["Ressourcerie du Plateau", "Centre communautaire des Saules", "Festival des Voisins"]
    rows = example_logbook_rows()
    log = read_log(logbook_csv(rows).encode("utf-8"), names)
    assert log.units_by_partner == {names[0]: 6400, names[1]: 2000, names[2]: 1100}
    assert log.rows_by_partner == {names[0]: 32, names[1]: 20, names[2]: 11}
    # The odometer runs on: each trip starts where the last one ended, and units = end − start.
    for before, after in zip(rows, rows[1:]):
        assert after[3] == before[4]
    assert all(int(r[4]) - int(r[3]) == int(r[5]) for r in rows)
    assert (log.first, log.last) == (datetime.date(2027, 1, 4), datetime.date(2027, 1, 4) + datetime.timedelta(days=5 * 62))


# --- what the statement page receives ----------------------------------------------------------------

def test_french_dates():
    assert french_date(datetime.date(2027, 1, 1)) == "1er janvier 2027"
    assert french_date(datetime.date(2027, 8, 14)) == "14 août 2027"


def test_the_page_gets_each_partners_value_and_a_summary_worked_by_hand():
    # Café-jeunesse 120,5 + 79,5 = 200 (2 rows); Castors has no row and « 12 » typed: kept (None);
    # a third partner, no row, nothing typed: 0. Period: January–February, the March row is ignored.
    text = "date;partenaire;km\n2027-01-05;Café-jeunesse;120,5\n2027-02-27;Café-jeunesse;79,5\n2027-03-01;Café-jeunesse;5\n"
    partners = [{"name": "Café-jeunesse", "actual_units": "3"}, {"name": "Ressourcerie Les Castors", "actual_units": "12"},
                {"name": "Troisième lieu", "actual_units": ""}, {"name": "  ", "actual_units": "4"}]
    answer = read_for_page(text.encode(), partners, {"from": "2027-01-01", "to": "2027-02-28"}, "bord.csv")
    assert answer["values"] == ["200", None, "0"]
    assert answer["view"]["summary"] == (
        "Relevé importé : 2 lignes lues, du 5 janvier 2027 au 27 février 2027. Les unités utilisées de chaque "
        "partenaire sont remplies dans le formulaire, et le relevé est recalculé.")
    table = answer["view"]["blocks"][0]
    assert table["rows"] == [["Café-jeunesse", "2", "200"], ["Ressourcerie Les Castors", "0", "aucune ligne : 12 saisi gardé"],
                             ["Troisième lieu", "0", "0"]]
    assert table["foot"] == ["Total", "2", "200"]
    assert answer["view"]["blocks"][1]["text"] == (
        "Période retenue : du 1er janvier 2027 au 28 février 2027. 1 ligne hors de cette période a été ignorée.")
    assert answer["log"]["period"] == {"from": "2027-01-01", "to": "2027-02-28"}
    assert answer["log"]["units_by_partner"]["Café-jeunesse"] == "200"


def test_the_page_gets_thousands_written_for_its_locale():
    # 1 234,5 km: the form gets « 1234,5 » (typed notation), the table « 1 234,5 » with a no-break space.
    answer = read_for_page("date;partenaire;km\n2027-01-05;Café-jeunesse;1 234,5\n", [{"name": "Café-jeunesse"}], None, "x.csv")
    assert answer["values"] == ["1234,5"]
    assert answer["view"]["blocks"][0]["rows"][0] == ["Café-jeunesse", "1", "1\u00a0234,5"]
    assert answer["view"]["blocks"][1]["text"] == "Aucune période choisie : toutes les lignes du relevé sont comptées."


def test_the_page_gets_errors_by_line_and_one_sentence():
    answer = read_for_page("date;partenaire;km\n2027-02-30;Café-jeunesse;1\n2027-03-01;Personne;2\n",
                           [{"name": "Café-jeunesse"}], None, "bord.csv")
    assert [e["field"] for e in answer["errors"]] == ["log:2", "log:3"]
    assert answer["title"] == "Le relevé « bord.csv » n'a pas été importé : 2 problèmes à corriger. Le formulaire n'a pas changé."
    assert "values" not in answer


def test_the_page_without_partners_or_with_half_a_period():
    answer = read_for_page("date;partenaire;km\n", [{"name": ""}], None, "x.csv")
    assert answer["errors"] == [{"field": "partners", "message": "Inscrivez d'abord les partenaires dans le formulaire "
                                 "(au moins leur nom) : le relevé est lu pour eux."}]
    answer = read_for_page("date;partenaire;km\n", [{"name": "A"}], {"from": "2027-01-01", "to": ""}, "x.csv")
    assert answer["errors"] == [{"field": "period.to", "message": "Indiquez la date de fin de la période (AAAA-MM-JJ)."}]
    assert answer["title"].endswith("1 problème à corriger. Le formulaire n'a pas changé.")


def test_the_bridge_reads_bytes_as_pyodide_gives_them():
    from calculators.bridge import read_usage_log

    data = memoryview("date;partenaire;km\n2027-01-05;Café-jeunesse;3\n".encode())
    answer = json.loads(read_usage_log(data, json.dumps([{"name": "Café-jeunesse"}]), "null", "x.csv", "fr_FR"))
    assert answer["values"] == ["3"]


def test_a_number_with_a_dot_before_three_digits_is_not_read_as_decimals():
    # Worked by hand: a Belgian odometer 45.230 → 45.480 is 250 km; read as
    # 45,230 → 45,480 it was 0,25 km, and the split came out wrong without a word.
    assert errors_of("date;partenaire;départ;retour;km\n2027-01-02;Café-jeunesse;45.230;45.480;\n") == [
        ("log:2", "Ligne 2 : la quantité est vide et le compteur « 45.230 » se lit 45 230 ou 45,230 ; "
                  "écrivez 45230 ou 45,230.")
    ]
    assert errors_of("date;partenaire;km\n2027-01-02;Café-jeunesse;1.500\n") == [
        ("log:2", "Ligne 2 : la quantité « 1.500 » se lit 1 500 ou 1,500 ; écrivez 1500 ou 1,500.")
    ]
    # One reading only: a comma, or a dot before other than three digits.
    text = "date;partenaire;km\n2027-01-02;Café-jeunesse;1,500\n2027-01-03;Café-jeunesse;2.25\n"
    assert read_log(text, PARTNERS).units_by_partner["Café-jeunesse"] == Decimal("3.75")
