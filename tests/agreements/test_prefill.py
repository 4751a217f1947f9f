"""Pre-filling a draft from what the browser keeps (agreements/prefill.py), worked out by hand (issue 28, item 3).

The case of the issue: a Gatineau coordinator splits a shared employee's
yearly cost, 5 000 $, equally between three organisations (largest
remainder: 1 666,67 + 1 666,67 + 1 666,66 = 5 000,00); the Centre des
Collines lends an office valued at 300 $ a year, so it has 1 366,67 $ left to
pay. The employer, the Maison communautaire, must not pay itself.
"""

import json

import pytest

from agreements.bridge import prefill as bridge_prefill
from agreements.loader import load_all
from agreements.prefill import french_date, prefill

MODELS = load_all()
NBSP = "\u00a0"
EMPLOYER = "Maison communautaire de Gatineau"
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
# fr_CA: "1 366,67 $", a no-break space before the currency sign and as the thousands separator.
OTHERS = f"Centre des Collines : 1{NBSP}366,67{NBSP}$ par an ; Ressourcerie de l'Outaouais : 1{NBSP}666,66{NBSP}$ par an"


def staff(sources, values=None, partners=None):
    draft = {"values": values or {}, "partners": partners if partners is not None else [{"name": ""}, {"name": ""}]}
    return prefill(MODELS["personnel"]["fields"], sources, "$", "fr_CA", draft)


def test_staff_reimbursement_lists_the_other_parties_net_and_per_year():
    found = staff({"organisation": EMPLOYER, "calculators": {"split": SPLIT}})
    assert found["fill"] == {"employeur": EMPLOYER, "facturation": OTHERS}
    assert found["fill_partners"] == [
        {"index": 0, "name": EMPLOYER},
        {"index": 1, "name": "Centre des Collines"},
        {"index": 2, "name": "Ressourcerie de l'Outaouais"},
    ]
    # Where each value comes from, the calculation dated; the period flagged for checking.
    assert found["status"] == (
        "Repris du nom de votre organisation : « Partie qui emploie la personne ». "
        f"Repris du dernier calcul de répartition des coûts, du 1er{NBSP}novembre 2026 : les noms des partenaires 1 à 3 "
        "et « Ce qui est facturé et comment » (ce que paient les parties autres que « Maison communautaire de "
        "Gatineau », apports en nature déduits ; par an, comme le montant que demande la page de répartition : "
        "vérifiez la période)."
    )


def test_the_employer_is_the_party_typed_in_its_field_whatever_the_case():
    found = staff({"calculators": {"split": SPLIT}}, values={"employeur": "  maison COMMUNAUTAIRE de gatineau "})
    assert found["fill"] == {"facturation": OTHERS}


def test_without_an_employer_partner_1_is_the_employer():
    """No organisation name, the field empty: partner 1, here the split's first partner once filled."""
    found = staff({"calculators": {"split": SPLIT}})
    assert "employeur" not in found["fill"]
    assert found["fill"]["facturation"] == OTHERS
    # Partner 1 typed by the user: the Centre is the employer; the Maison pays its full 1 666,67.
    found = staff({"calculators": {"split": SPLIT}}, partners=[{"name": "Centre des Collines"}, {"name": ""}])
    assert found["fill"]["facturation"] == (
        f"{EMPLOYER} : 1{NBSP}666,67{NBSP}$ par an ; Ressourcerie de l'Outaouais : 1{NBSP}666,66{NBSP}$ par an"
    )
    # The split's partners not yet named fill the empty slot, then a new one; the Centre is not named twice.
    assert found["fill_partners"] == [{"index": 1, "name": EMPLOYER}, {"index": 2, "name": "Ressourcerie de l'Outaouais"}]
    assert "les noms des partenaires 2 et 3" in found["status"]


def test_an_employer_absent_from_the_split_leaves_every_share_and_says_so():
    found = staff({"calculators": {"split": SPLIT}}, values={"employeur": "Autre employeur"})
    assert found["fill"]["facturation"].startswith(f"{EMPLOYER} : 1{NBSP}666,67{NBSP}$ par an ; Centre des Collines")
    assert "« Autre employeur » ne figure pas parmi les partenaires du calcul" in found["status"]


def test_a_partner_whose_contribution_in_kind_covers_its_share_pays_nothing():
    split = json.loads(json.dumps(SPLIT))
    split["result"]["partners"][1].update({"in_kind": "2000.00", "net": "-333.33"})
    found = staff({"organisation": EMPLOYER, "calculators": {"split": split}})
    assert found["fill"]["facturation"].startswith("Centre des Collines : rien à payer, son apport en nature couvre sa part ; ")


def test_asking_again_takes_nothing_more_and_says_why():
    """The issue: "Reprendre" answered "nothing stored" while a calculation was stored; it had all been taken already."""
    sources = {"organisation": EMPLOYER, "calculators": {"split": SPLIT}}
    first = staff(sources)
    again = staff(sources, values=first["fill"], partners=[{"name": p["name"]} for p in first["fill_partners"]])
    assert again["fill"] == {} and again["fill_partners"] == []
    assert again["status"] == "Tout ce que vos réponses et calculs enregistrés peuvent remplir dans ce modèle l'est déjà."


def test_what_the_user_typed_is_kept_and_named():
    found = staff({"organisation": EMPLOYER, "calculators": {"split": SPLIT}}, values={"facturation": "selon facture"})
    assert "facturation" not in found["fill"]
    assert found["status"].endswith("Laissés tels que vous les avez écrits : « Ce qui est facturé et comment ».")


def test_nothing_stored_names_what_the_model_would_take():
    assert staff({})["status"] == (
        "Rien à reprendre : ce modèle reprend le nom de votre organisation et un calcul de répartition des coûts, "
        "et rien de cela n'est enregistré sur cet appareil."
    )


def test_any_stored_calculator_is_read_and_only_the_one_a_model_uses_fills_it():
    """The vehicle model takes the usage cost's total (72,93 $); an annual-cost result alone fills nothing."""
    usage = {"result": {"total": "72.93"}, "updated_at": "2026-03-02T08:00:00Z"}
    fields = MODELS["vehicule"]["fields"]
    found = prefill(fields, {"calculators": {"usage-cost": usage, "annual-cost": {"result": {"accounting": {}}}}}, "$", "fr_CA", {})
    (field,) = [f for f in fields if f.get("prefill") == "calculator:usage-cost:total"]
    assert found["fill"] == {field["name"]: f"72,93{NBSP}$"}
    assert f"Repris du dernier calcul de coût d'utilisation, du 2{NBSP}mars 2026 : « {field['label']} »." == found["status"]


def test_shares_name_contributions_in_kind():
    found = prefill(MODELS["convention_cadre"]["fields"], {"calculators": {"split": SPLIT}}, "$", "fr_CA", {})
    assert found["fill"]["repartition"] == (
        f"{EMPLOYER} : 1{NBSP}666,67{NBSP}$ ; Centre des Collines : 1{NBSP}666,67{NBSP}$, dont 300,00{NBSP}$ apportés "
        f"en nature ; Ressourcerie de l'Outaouais : 1{NBSP}666,66{NBSP}$"
    )


def test_without_a_split_the_organisation_is_partner_1():
    found = staff({"organisation": EMPLOYER})
    assert found["fill_partners"] == [{"index": 0, "name": EMPLOYER}]
    assert found["status"] == (
        "Repris du nom de votre organisation : le nom du partenaire 1 et « Partie qui emploie la personne »."
    )


@pytest.mark.parametrize(
    "stamp, text",
    [("2026-11-01T10:05:00Z", f"1er{NBSP}novembre 2026"), ("2027-02-14", f"14{NBSP}février 2027"), ("hier", ""), ("2026-13-01", "")],
)
def test_french_date(stamp, text):
    assert french_date(stamp) == text


def test_bridge_takes_the_draft_and_survives_odd_json():
    fields = json.dumps(MODELS["personnel"]["fields"])
    sources = json.dumps({"organisation": EMPLOYER, "calculators": {"split": SPLIT}})
    out = json.loads(bridge_prefill(fields, sources, "$", "fr_CA", json.dumps({"values": {"employeur": "X"}})))
    assert "employeur" not in out["fill"]
    assert json.loads(bridge_prefill(fields, "not json", "$", "fr_CA", "[]"))["fill"] == {}


def test_an_amount_keeps_the_currency_it_was_computed_in():
    # A split computed in euros (a Belgian reader) on a Québec site: 1 200 € split 50/50.
    from agreements.prefill import prefill as run

    sources = {"calculators": {"split": {"currency": "€", "updated_at": "2026-11-01T10:00:00Z", "result": {
        "total": "1200.00", "partners": [{"name": "A", "share": "600.00", "in_kind": "0.00", "net": "600.00"},
                                         {"name": "B", "share": "600.00", "in_kind": "0.00", "net": "600.00"}]}}}}
    fields = [{"name": "montant", "label": "Montant", "prefill": "calculator:split:total"}]
    out = run(fields, sources, "$", "fr_CA")
    # Written the French way for euros: narrow no-break space between thousands (fr_FR).
    assert out["values"]["montant"] == "1\u202f200,00\u00a0€"
    # Without a stored currency (a record from before), the site's currency as before.
    del sources["calculators"]["split"]["currency"]
    assert run(fields, sources, "$", "fr_CA")["values"]["montant"] == "1\u00a0200,00\u00a0$"
