"""The guide's formalisation rule (agreements.formalisation), its JSON door, its table, and the pages that follow it.

Each case is worked out by hand from the rule as the module's docstring and
conditions.md state it, read from the top (the first row that fits decides):

1. acts in its own name for 24 months or more              -> entite
2. a person shared, goods bought together, 10 000 a year or
   more (CAD or EUR), 2 resources or more, or acts in its own
   name for less than 24 months                              -> convention_cadre
3. one resource, more than 6 months                          -> convention
4. one resource, 6 months at most                            -> lettre_entente
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agreements import bridge
from agreements.formalisation import (
    FORMS,
    GUIDE_PAGES,
    LARGE_AMOUNT,
    ORDER,
    Situation,
    SituationError,
    recommend,
    rule_notes,
    rule_rows,
    situation_from_json,
)

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"


def situation(**changes) -> Situation:
    """One room lent for 3 months between two partners, no money: the lightest case; ``changes`` adds to it."""
    base = dict(
        duration_months=3,
        annual_amount=Decimal("0"),
        currency="EUR",
        resources=("locaux",),
        bought_together=False,
        partners=2,
        own_name=False,
    )
    base.update(changes)
    return Situation(**base)


# ---------------------------------------------------------------- hand-worked cases

CASES = [
    # (name, changes, form, models, why)
    ("pret-3-mois", {}, "lettre_entente", ("lettre_entente",),
     "one room, 3 months <= 6, no person, nothing bought, 0 < 10 000: row 4"),
    ("essai-6-mois", {"duration_months": 6}, "lettre_entente", ("lettre_entente",),
     "6 months is still 'six mois au plus': row 4 (the boundary belongs to the letter)"),
    ("local-7-mois", {"duration_months": 7}, "convention", ("locaux",),
     "7 > 6 months, one room: row 3, the premises model"),
    ("vehicule-3-ans", {"duration_months": 36, "resources": ("vehicule",), "annual_amount": Decimal("4000"), "currency": "CAD"},
     "convention", ("vehicule",),
     "one vehicle for 36 months, 4 000 $ CA < 10 000 $ CA, not in its own name: row 3 (a long duration alone is not row 1)"),
    ("personne-2-mois", {"duration_months": 2, "resources": ("personnel",)}, "convention_cadre", ("convention_cadre", "personnel"),
     "a person shared, even for a 2-month trial: row 2, convention-cadre with the staff model in annex"),
    ("bien-achete", {"duration_months": 12, "resources": ("materiel",), "bought_together": True, "annual_amount": Decimal("2000")},
     "convention_cadre", ("convention_cadre", "materiel"),
     "equipment bought together: row 2 although 2 000 EUR is under the threshold"),
    ("sommes-sous-le-repere", {"duration_months": 12, "annual_amount": Decimal("9999.99")}, "convention", ("locaux",),
     "9 999,99 EUR < 10 000 EUR: not row 2; 12 > 6 months: row 3"),
    ("sommes-au-repere", {"duration_months": 12, "annual_amount": Decimal("10000")}, "convention_cadre", ("convention_cadre", "locaux"),
     "10 000 EUR reaches the threshold ('10 000 ou plus'): row 2"),
    ("sommes-en-dollars", {"duration_months": 3, "annual_amount": Decimal("10000"), "currency": "CAD"}, "convention_cadre",
     ("convention_cadre", "locaux"),
     "the threshold in Canadian dollars is 10 000 too: row 2 even for a 3-month loan"),
    ("deux-ressources", {"duration_months": 12, "resources": ("locaux", "materiel")}, "convention_cadre",
     ("convention_cadre", "locaux", "materiel"),
     "two resources: row 2, one annex per resource, in KINDS order"),
    ("deux-locaux", {"duration_months": 12, "resources": ("locaux", "locaux")}, "convention_cadre", ("convention_cadre", "locaux"),
     "two premises are two resources (row 2), but one model serves both annexes"),
    ("nom-propre-23-mois", {"duration_months": 23, "own_name": True}, "convention_cadre", ("convention_cadre", "locaux"),
     "acts in its own name but 23 < 24 months: row 2, a partner acts for all"),
    ("nom-propre-24-mois", {"duration_months": 24, "own_name": True, "resources": ("locaux", "personnel")}, "entite",
     ("convention_cadre", "locaux", "personnel"),
     "acts in its own name for 24 months: row 1; the convention-cadre until the entity exists, then one model per resource"),
    ("autre-12-mois", {"duration_months": 12, "resources": ("autre",)}, "convention", ("convention_cadre",),
     "one 'other' resource (a shared bookkeeping service) for 12 months: row 3; no model of its own, so the convention-cadre"),
    ("autre-2-mois", {"duration_months": 2, "resources": ("autre",)}, "lettre_entente", ("lettre_entente",),
     "one 'other' resource for 2 months: row 4"),
]


@pytest.mark.parametrize("name, changes, form, models, why", CASES, ids=[c[0] for c in CASES])
def test_hand_worked_cases(name, changes, form, models, why):
    result = recommend(situation(**changes))
    assert (result.form, result.models) == (form, models), why
    assert result.title == FORMS[form][0]
    # An oral agreement is never enough, whatever the form; it is the last reason.
    assert "un accord oral ne suffit pas" in result.reasons[-1]


def test_reasons_name_each_criterion_that_holds():
    # A person, goods bought together, 12 000 EUR and 2 resources: four reasons of row 2, in the rule's order, then the last one.
    result = recommend(situation(duration_months=12, resources=("locaux", "personnel"), bought_together=True,
                                 annual_amount=Decimal("12000"), partners=3))
    assert result.form == "convention_cadre"
    assert [r.split(" ")[0:2] for r in result.reasons] == [
        ["Vous", "partagez"], ["Vous", "achetez"], ["Les", "sommes"], ["Vous", "mettez"], ["Quelle", "que"],
    ]
    # 12 000 in fr_FR: a narrow no-break space between thousands, a no-break space before the symbol.
    assert f"12\u202f000{NBSP}€ par an" in result.reasons[2]
    assert f"10\u202f000{NBSP}€ par an ou plus" in result.reasons[2]
    assert "signée par les 3 organisations" in result.reasons[-1]
    # The guide's pages on each of the three: staff, goods bought together, money.
    assert result.guide == ("personnel", "bien", "argent")
    for _, path in GUIDE_PAGES.values():
        assert (ROOT / "docs" / path).is_file(), path


def test_entity_names_the_forms_of_each_country():
    result = recommend(situation(duration_months=36, own_name=True))
    forms = {t: f for t, _, f in result.entity_forms}
    assert set(forms) == {"QC", "FR", "BE"}
    assert "OBNL" in forms["QC"]
    assert "association loi 1901" in forms["FR"] and "SCIC" in forms["FR"]
    assert "ASBL" in forms["BE"]
    assert any("statuts" in r for r in result.reasons)
    # Other forms carry no entity forms.
    assert recommend(situation()).entity_forms == ()


def test_amounts_in_canadian_dollars_are_written_in_fr_ca():
    result = recommend(situation(annual_amount=Decimal("15000.5"), currency="CAD"))
    # fr_CA separates thousands with a no-break space; cents shown since there are some.
    assert f"15{NBSP}000,50{NBSP}${NBSP}CA par an" in result.reasons[0]


# ---------------------------------------------------------------- properties of the rule

SITUATIONS = st.builds(
    Situation,
    duration_months=st.integers(1, 120),
    annual_amount=st.decimals(min_value=0, max_value=50000, places=2),
    currency=st.sampled_from(["CAD", "EUR"]),
    resources=st.lists(st.sampled_from(["locaux", "vehicule", "materiel", "personnel", "autre"]), min_size=1, max_size=5).map(tuple),
    bought_together=st.booleans(),
    partners=st.integers(2, 30),
    own_name=st.booleans(),
)
WEIGHT = {form: len(ORDER) - i for i, form in enumerate(ORDER)}  # entite 4 ... lettre_entente 1


@given(SITUATIONS, st.integers(2, 30))
def test_the_number_of_partners_is_not_a_criterion(s, partners):
    a, b = recommend(s), recommend(Situation(**{**s.__dict__, "partners": partners}))
    assert (a.form, a.models) == (b.form, b.models)


@given(SITUATIONS)
def test_adding_a_criterion_never_asks_for_less(s):
    before = WEIGHT[recommend(s).form]
    heavier = [
        {"bought_together": True},
        {"own_name": True},
        {"resources": s.resources + ("personnel",)},
        {"resources": s.resources + ("materiel",)},
        {"annual_amount": s.annual_amount + LARGE_AMOUNT[s.currency]},
        {"duration_months": s.duration_months + 12},
    ]
    for change in heavier:
        assert WEIGHT[recommend(Situation(**{**s.__dict__, **change})).form] >= before, change


@given(SITUATIONS)
def test_shared_staff_goods_or_large_sums_ask_at_least_a_convention_cadre(s):
    result = recommend(s)
    if s.staff_shared or s.bought_together or s.annual_amount >= LARGE_AMOUNT[s.currency]:
        assert result.form in ("convention_cadre", "entite")
        assert result.models[0] == "convention_cadre"


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize(
    "changes, field",
    [
        ({"duration_months": 0}, "duration_months"),
        ({"partners": 1}, "partners"),
        ({"resources": ()}, "resources"),
        ({"annual_amount": Decimal("-1")}, "annual_amount"),
        ({"annual_amount": Decimal("NaN")}, "annual_amount"),
        ({"currency": "USD"}, "currency"),
    ],
)
def test_a_situation_that_cannot_be_judged_says_why(changes, field):
    with pytest.raises(SituationError) as caught:
        recommend(situation(**changes))
    assert [e["field"] for e in caught.value.errors] == [field]


def test_an_unknown_kind_is_a_bug_not_a_user_error():
    with pytest.raises(ValueError, match="inconnu"):
        recommend(situation(resources=("piscine",)))


# ---------------------------------------------------------------- JSON door (what the chooser sends)

def test_json_door_reads_the_form_as_typed():
    # "4 000" in French notation, "€" as the site writes it, counts as strings, one empty count.
    sent = {"duration_months": "18", "annual_amount": "4 000", "currency": "€",
            "resources": {"vehicule": "1", "materiel": ""}, "bought_together": False, "partners": "4", "own_name": False}
    assert situation_from_json(sent) == situation(duration_months=18, annual_amount=Decimal("4000"), resources=("vehicule",), partners=4)
    answer = json.loads(bridge.recommend(json.dumps(sent)))
    # one vehicle, 18 > 6 months, 4 000 < 10 000: row 3
    assert answer["form"] == "convention" and answer["models"] == ["vehicule"]
    assert set(answer) == {"form", "title", "summary", "models", "reasons", "entity_forms", "guide"}
    assert answer["guide"] == []  # no person, nothing bought, under the threshold: nothing more to read


def test_json_door_sends_every_problem_back():
    sent = {"duration_months": "douze", "annual_amount": "beaucoup", "currency": "£",
            "resources": {"locaux": "-1"}, "partners": "1"}
    answer = json.loads(bridge.recommend(json.dumps(sent)))
    fields = [e["field"] for e in answer["errors"]]
    # The unreadable count hides "no resource at all", which would mislead.
    assert fields == ["duration_months", "annual_amount", "resources.locaux", "currency", "partners"]
    assert all(e["message"] for e in answer["errors"])
    assert json.loads(bridge.recommend("{"))["errors"][0]["message"] == "La situation n'est pas du JSON valide."
    # A float amount is refused (it has already lost the cents): said to the user, not raised.
    assert json.loads(bridge.recommend(json.dumps({**sent, "annual_amount": 12.5})))["errors"][1]["field"] == "annual_amount"
    # 100 rooms is a typing mistake.
    many = {"duration_months": "12", "currency": "CAD", "resources": {"locaux": "100"}, "partners": "2"}
    assert json.loads(bridge.recommend(json.dumps(many)))["errors"][0]["field"] == "resources.locaux"


# ---------------------------------------------------------------- the table says what the decision does

def test_each_row_of_the_table_is_what_recommend_gives():
    rows = rule_rows()
    assert [r["form"] for r in rows] == list(ORDER)
    # One situation per row, built from the row's own words, decided by recommend.
    examples = {
        "entite": situation(duration_months=24, own_name=True),
        "convention_cadre": situation(resources=("personnel",)),
        "convention": situation(duration_months=7, resources=("vehicule",)),
        "lettre_entente": situation(duration_months=6),
    }
    for row in rows:
        result = recommend(examples[row["form"]])
        assert result.form == row["form"]
        assert row["title"] == result.title
        assert set(result.models) <= set(row["models"])
    text = " ".join(r["when"] for r in rows) + " ".join(rule_notes())
    # The thresholds are said, with their currency, and called the guide's own.
    assert f"10{NBSP}000{NBSP}${NBSP}CA ou 10\u202f000{NBSP}€" in text
    assert f"24{NBSP}mois" in text and f"6{NBSP}mois" in text
    assert "pas des seuils fixés par la loi" in text
    assert "accord oral ne suffit pas" in text
    # "plusieurs partenaires" is not a criterion of any row.
    assert "partenaires" not in " ".join(r["when"] for r in rows)


def test_rule_table_in_markdown_links_the_model_pages():
    from agreements.loader import load_all
    from macros.formalisation_render import render_rule

    models = load_all(docs_dir=None)
    table = render_rule(models, "conditions.md")
    assert table.count("\n| ") == 5  # the header's separator and four rows
    assert "[Lettre d'entente de mutualisation](outils/conventions/lettre-entente.md)" in table
    assert "[Convention-cadre de mutualisation](convention-cadre.md)" in render_rule(models, "outils/conventions/choisir.md")
    for path in re.findall(r"\]\(([^)]+)\)", table):
        assert (ROOT / "docs" / path).is_file(), path


def test_chooser_scaffold_is_labelled_and_carries_its_data():
    from agreements.loader import load_all
    from macros.formalisation_render import render_chooser

    html = render_chooser(load_all(docs_dir=None), {"currency": "€"}, "outils/conventions/choisir/")
    ids = re.findall(r'<input[^>]* id="([^"]+)"', html) + re.findall(r'<select[^>]* id="([^"]+)"', html)
    assert len(ids) == 11  # duration, amount, 5 counts, bought together, partners, own name; the currency
    for field_id in ids:
        assert f'<label for="{field_id}">' in html, field_id
    assert html.count("<fieldset") == html.count("<legend>") == 3
    assert 'role="status"' in html and "<form class=\"mu-ag-form mu-ch-form\" novalidate hidden>" in html
    assert '<option value="EUR" selected>' in html  # the network's currency
    assert '"href": "../convention-cadre/"' in html and '"generator": "../"' in html


# ---------------------------------------------------------------- the questionnaires use the rule's words

def test_questionnaire_options_are_the_rules_forms():
    from macros.questionnaire_loader import load_all as load_questionnaires

    questionnaires = load_questionnaires(ROOT / "questionnaires", docs_dir=ROOT / "docs", root=ROOT)
    question = next(q for s in questionnaires["modelisation"]["sections"] for q in s["questions"] if q["id"] == "forme_entente")
    labels = {o["value"]: o["label"] for o in question["options"]}
    # Stored answers keep their old values; the labels are the rule's forms.
    mapping = {"lettre_entente": "lettre_entente", "contrat": "convention", "protocole": "convention_cadre", "nouvelle_entite": "entite"}
    for value, form in mapping.items():
        assert labels[value] == FORMS[form][0]
    assert set(labels) == set(mapping) | {"a_decider"}


# ---------------------------------------------------------------- the same answers in Pyodide

NODE = shutil.which("node")
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
RUNNER = """
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const [root, input] = process.argv.slice(2);
const dir = join(root, "node_modules", "pyodide");
const { loadPyodide } = await import(pathToFileURL(join(dir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: dir + "/", stdout: () => {}, stderr: (s) => console.error(s) });
for (const pkg of ["agreements", "blocks", "calculators", "words"]) {
  pyodide.FS.mkdirTree(`/home/pyodide/${pkg}`);
  for (const name of readdirSync(join(root, pkg))) {
    if (name.endsWith(".py") && name !== "loader.py") pyodide.FS.writeFile(`/home/pyodide/${pkg}/${name}`, readFileSync(join(root, pkg, name)));
  }
}
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
const bridge = pyodide.pyimport("agreements.bridge");
console.log(JSON.stringify(JSON.parse(readFileSync(input, "utf-8")).map((s) => bridge.recommend(JSON.stringify(s)))));
"""


@pytest.mark.skipif(NODE is None or not PYODIDE.exists(), reason="node ou node_modules/pyodide manque : lancez `npm ci`")
def test_same_answers_in_pyodide(tmp_path):
    sent = [
        {"duration_months": "3", "annual_amount": "0", "currency": "CAD", "resources": {"locaux": "1"}, "partners": "2"},
        {"duration_months": "30", "annual_amount": "12 000,50", "currency": "€", "resources": {"personnel": "1", "vehicule": "1"},
         "bought_together": True, "partners": "5", "own_name": True},
        {"duration_months": "0", "currency": "CAD", "resources": {}, "partners": "1"},
    ]
    (tmp_path / "run.mjs").write_text(RUNNER, encoding="utf-8")
    (tmp_path / "input.json").write_text(json.dumps(sent), encoding="utf-8")
    proc = subprocess.run([NODE, str(tmp_path / "run.mjs"), str(ROOT), str(tmp_path / "input.json")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    outputs = json.loads(proc.stdout)
    assert outputs == [bridge.recommend(json.dumps(s)) for s in sent]  # byte for byte what CPython writes
    assert [json.loads(o).get("form") for o in outputs] == ["lettre_entente", "entite", None]
