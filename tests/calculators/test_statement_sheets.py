"""Each partner's printable statement and the CSV for the accountant, worked by hand on the van example.

The van (calculators/statement.py, example « van »): fixed costs 6 433,33 $ split by the units committed
6 000 : 3 000 : 1 000. In cents 643 333 × 0,6 / 0,3 / 0,1 = 385 999,8 / 192 999,9 / 64 333,3; the
floors make 643 331, the 2 cents left go to the largest remainders, Saules (,9) then Ressourcerie
(,8): 3 860,00 / 1 930,00 / 643,33. Minimum 80 % of the commitment, 0,18 $ a unit:
  Ressourcerie  used 6 400 (≥ 4 800): 6 400 × 0,18 = 1 152,00; due 5 012,00
  Saules        used 2 000 < 2 400:   2 400 × 0,18 =   432,00; due 2 362,00; paid 2 000,00 → +362,00
  Festival      used 1 100 (≥ 800):   1 100 × 0,18 =   198,00; due   841,33; paid 1 200,00 → −358,67
Total due 8 215,33; the holder advanced 8 215,33 − 3 200,00 = 5 015,33 → balance −3,33.
Saules pays the Ressourcerie 362,00; the Ressourcerie refunds the Festival 358,67.
"""

from __future__ import annotations

import json

from calculators.bridge import compute, statement_documents
from calculators.examples import payload_json
from calculators.statement_sheets import documents, partner_sheet, statement_csv

NBSP = "\u00a0"
LOG = {  # as the page keeps it after importing carnet-de-bord-exemple.csv for January–December 2027
    "rows": 63, "ignored_outside_period": 0, "from": "2027-01-04", "to": "2027-11-10",
    "units_by_partner": {"Ressourcerie du Plateau": "6400", "Centre communautaire des Saules": "2000",
                         "Festival des Voisins": "1100"},
    "rows_by_partner": {"Ressourcerie du Plateau": 32, "Centre communautaire des Saules": 20, "Festival des Voisins": 11},
    "period": {"from": "2027-01-01", "to": "2027-12-31"},
}


def van():
    return compute("statement", payload_json("statement", "van"))


def test_a_partner_that_pays_gets_its_account_and_its_one_transfer():
    inp, result = van()
    sheet = partner_sheet(inp, result, 1, LOG)
    assert sheet["name"] == "Centre communautaire des Saules"
    assert sheet["print_label"] == "Imprimer le relevé de Centre communautaire des Saules"
    kinds = [b["type"] for b in sheet["blocks"]]
    assert kinds == ["heading", "paragraph", "paragraph", "table", "paragraph", "paragraph"]
    heading, period, usage, table, transfer, note = sheet["blocks"]
    assert heading["text"] == "Relevé annuel de Centre communautaire des Saules"
    assert period["text"] == "Période : du 1er janvier 2027 au 31 décembre 2027."
    assert usage["text"] == f"Usage réel : 20 lignes du relevé d'utilisation (carnet de bord), 2{NBSP}000 unités en tout."
    assert table["rows"] == [
        ["Unités prévues (engagement)", f"3{NBSP}000"],
        ["Unités utilisées", f"2{NBSP}000"],
        ["Unités facturées (minimum : 80 % de l'engagement)", f"2{NBSP}400"],
        [f"Part des coûts fixes (3{NBSP}000 unités prévues sur 10{NBSP}000, pour 6{NBSP}433,33{NBSP}$)", f"1{NBSP}930,00{NBSP}$"],
        [f"Coûts variables (2{NBSP}400 unités × 0,18{NBSP}$)", f"432,00{NBSP}$"],
        ["Dû pour l'année", f"2{NBSP}362,00{NBSP}$"],
        ["Déjà payé", f"2{NBSP}000,00{NBSP}$"],
    ]
    assert table["foot"] == ["Solde (dû − déjà payé)", f"362,00{NBSP}$"]
    assert transfer == {"type": "paragraph", "class": "mu-sheet-transfer",
                        "text": f"À verser : 362,00{NBSP}$ à Ressourcerie du Plateau, en un virement."}
    assert note["text"] == (f"Coûts de l'année : 6{NBSP}433,33{NBSP}$ de coûts fixes, 0,18{NBSP}$ par unité utilisée ; "
                            f"au moins 80 % de l'engagement est facturé. Total dû par le groupe : 8{NBSP}215,33{NBSP}$.")


def test_a_refunded_partner_and_the_holder():
    inp, result = van()
    festival = partner_sheet(inp, result, 2, None, "€", "fr_FR")
    assert festival["blocks"][-2]["text"] == f"À recevoir : Ressourcerie du Plateau vous rembourse 358,67{NBSP}€."
    # No log: no period, and the use is the one typed.
    assert festival["blocks"][1]["text"] == "Usage réel : saisi dans le formulaire du relevé annuel."
    holder = partner_sheet(inp, result, 0, LOG)
    assert holder["blocks"][-2]["text"] == (
        f"Vous êtes le détenteur du bien : vous recevez 362,00{NBSP}$ de Centre communautaire des Saules "
        f"et vous remboursez 358,67{NBSP}$ à Festival des Voisins.")
    assert holder["blocks"][3]["rows"][-1] == ["Déjà payé (avancé pour le groupe : les factures du bien)", f"5{NBSP}015,33{NBSP}$"]
    assert holder["blocks"][3]["foot"] == ["Solde (dû − déjà payé)", f"-3,33{NBSP}$"]


def test_a_use_typed_over_the_log_is_said_so():
    inp, result = van()
    log = json.loads(json.dumps(LOG))
    log["units_by_partner"]["Festival des Voisins"] = "1000"  # the form says 1 100
    sheet = partner_sheet(inp, result, 2, log)
    assert sheet["blocks"][2]["text"] == ("Usage réel : saisi dans le formulaire, il ne vient pas du relevé d'utilisation "
                                          f"importé (1{NBSP}000 unités au relevé).")


def test_the_csv_for_the_accountant():
    inp, result = van()
    assert statement_csv(inp, result, LOG) == (
        "\ufeffPartenaire;Détenteur;Unités prévues;Unités utilisées;Unités facturées;Part des coûts fixes;"
        "Coûts variables;Dû;Déjà payé;Solde;Virement;Lignes du relevé d'utilisation\r\n"
        "Ressourcerie du Plateau;oui;6000;6400;6400;3860,00;1152,00;5012,00;5015,33;-3,33;détenteur;32\r\n"
        "Centre communautaire des Saules;non;3000;2000;2400;1930,00;432,00;2362,00;2000,00;362,00;"
        "verse au détenteur (Ressourcerie du Plateau);20\r\n"
        "Festival des Voisins;non;1000;1100;1100;643,33;198,00;841,33;1200,00;-358,67;"
        "remboursé par le détenteur (Ressourcerie du Plateau);11\r\n"
        # 10 000 committed, 9 500 used, 9 900 billed; the paid column sums to the total due, the balances to 0.
        "Total;;10000;9500;9900;6433,33;1782,00;8215,33;8215,33;0,00;;\r\n"
    )


def test_documents_name_the_file_by_the_period_and_the_bridge_refuses_a_bad_statement():
    inp, result = van()
    docs = documents(inp, result, LOG)
    assert docs["file"] == "releve-annuel-2027-01-01-2027-12-31.csv"
    assert docs["print_all"] == "Imprimer les 3 relevés (une page par partenaire)"
    assert [s["name"] for s in docs["sheets"]] == ["Ressourcerie du Plateau", "Centre communautaire des Saules",
                                                   "Festival des Voisins"]
    assert documents(inp, result, None)["file"] == "releve-annuel.csv"
    out = json.loads(statement_documents(json.dumps({"fixed_costs": "10", "partners": []})))
    assert "errors" in out
    out = json.loads(statement_documents(payload_json("statement", "van"), json.dumps(LOG), "$", "fr_CA"))
    assert out["sheets"][1]["blocks"][-2]["text"] == f"À verser : 362,00{NBSP}$ à Ressourcerie du Plateau, en un virement."
