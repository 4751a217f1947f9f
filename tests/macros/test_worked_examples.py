"""Calculator macros: the guide's worked examples rendered as HTML, without MkDocs."""

import xml.etree.ElementTree as ET

import pytest

from macros import worked_examples
from macros.worked_examples import render_break_even_example, render_split_example, render_usage_cost_example

SVG = "{http://www.w3.org/2000/svg}"


def parse(html):
    # the block is XHTML-compatible: parse it to check structure
    return ET.fromstring(html.replace("&nbsp;", "\u00a0"))


def cells(root):
    rows = []
    for tr in root.iter("tr"):
        rows.append(["".join(c.itertext()) for c in tr])
    return rows


def test_planer_table_fr_ca():
    # The guide's planer: 2.50, 0.05, 0.29, 30.00, 5.00 and 37.84 (worked in tests/calculators/test_usage_cost.py)
    html = render_usage_cost_example("planer", "$", "fr_CA")
    root = parse(html)
    table = root.find("table")
    assert table.find("caption").text.startswith("Coût d'une utilisation de la raboteuse")
    rows = cells(table)
    assert rows[0] == ["Poste", "Calcul", "Montant"]
    assert [r[0] for r in rows[1:6]] == [
        "Consommables",
        "Entretien (mises au point)",
        "Remplacement (amortissement)",
        "Préparation, vérification, rangement",
        "Frais administratifs",
    ]
    assert [r[2] for r in rows[1:]] == ["2,50\u00a0$", "0,05\u00a0$", "0,29\u00a0$", "30,00\u00a0$", "5,00\u00a0$", "37,84\u00a0$"]
    assert rows[1][1] == "0,05\u00a0$ × 50 pieds"
    assert rows[3][1] == "(3\u00a0500,00\u00a0$ − 0,00\u00a0$) ÷ 7 ans ÷ 8\u00a0760 h × 5 h"
    figure = root.find("figure")
    assert figure.find(SVG + "svg").get("role") == "img"
    assert figure.find("figcaption").text


def test_planer_in_euros_fr_fr():
    rows = cells(parse(render_usage_cost_example("planer", "€", "fr_FR")).find("table"))
    assert rows[-1] == ["Total", "Somme des montants arrondis au cent", "37,84\u00a0€"]
    assert rows[3][1].startswith("(3\u202f500,00\u00a0€")


def test_van_and_room_examples():
    # van: 21.60 + 3.60 + 27.40 + 13.80 + 4.00 = 70.40 (2 days started); room: 3.60 + 0 + 7.50 + 6.08 + 2.50 = 19.68
    van = cells(parse(render_usage_cost_example("van")).find("table"))
    assert van[-1][-1] == "70,40\u00a0$"
    assert van[3][1].endswith("÷ 365 jours × 2 jours entamés")
    assert van[4][1] == "0,5 h × 24,00\u00a0$ × (1 + 15\u00a0% de charges sociales)"
    room = cells(parse(render_usage_cost_example("room", "€", "fr_BE")).find("table"))
    assert room[-1][-1] == "19,68\u00a0€"
    assert room[2][1:] == ["—", "0,00\u00a0€"]
    assert room[3][1].endswith("÷ 160 utilisations par an")


def test_break_even_example():
    # 650 / (85 - 37.55) = 13.7 -> 14 uses a year
    root = parse(render_break_even_example("planer"))
    rows = cells(root.find("table"))
    assert rows[-1] == ["Seuil de rentabilité", "À partir de 14 utilisations par an"]
    assert root.find("figure").find(SVG + "svg") is not None


def test_split_example():
    # 5400: 1800 fixed (600 each) + 3600 by km 6:3:1 -> 2760, 1680 (- 600 in kind = 1080), 960
    rows = cells(parse(render_split_example("van")).find("table"))
    assert rows[1][1:] == ["2\u00a0760,00\u00a0$", "0,00\u00a0$", "2\u00a0760,00\u00a0$"]
    assert rows[2][1:] == ["1\u00a0680,00\u00a0$", "600,00\u00a0$", "1\u00a0080,00\u00a0$"]
    assert rows[3][1:] == ["960,00\u00a0$", "0,00\u00a0$", "960,00\u00a0$"]
    assert rows[-1][:2] == ["Total", "5\u00a0400,00\u00a0$"]


@pytest.mark.parametrize(
    "render,example_id",
    [
        (render_usage_cost_example, "planer"),
        (render_usage_cost_example, "van"),
        (render_usage_cost_example, "room"),
        (render_break_even_example, "planer"),
        (render_split_example, "van"),
    ],
)
def test_output_is_one_markdown_html_block(render, example_id):
    html = render(example_id)
    assert "\n\n" not in html and not html.startswith((" ", "\t"))
    assert html.startswith("<div") and html.endswith("</div>")
    assert "{{" not in html and "{#" not in html  # nothing Jinja could re-read


def test_unknown_example_says_which_exist():
    with pytest.raises(KeyError, match="planer"):
        render_usage_cost_example("tondeuse")


class FakeEnv:
    def __init__(self, network):
        self.variables = {"network": network}
        self.macros = {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


def test_register_uses_the_sites_currency_and_locale():
    env = FakeEnv({"currency": "€", "locale": "fr_BE"})
    worked_examples.register(env)
    assert {"usage_cost_example", "break_even_example", "split_example"} <= set(env.macros)
    assert set(env.macros) - {"usage_cost_example", "break_even_example", "split_example"} == {
        "calculator", "calculator_example", "example_inputs", "break_even_sentence", "depreciation",
    }
    assert "37,84\u00a0€" in env.macros["usage_cost_example"]("planer")
    assert "14 utilisations" in env.macros["break_even_example"]("planer")
    assert "5\u202f400,00\u00a0€" in env.macros["split_example"]("van")


# --- forms rendered from the spec, and the figures once typed by hand -----------------

import json as _json
import re as _re
from html import unescape as _unescape

from macros.worked_examples import (
    render_break_even_sentence,
    render_depreciation,
    render_example_inputs,
    render_view_example,
)
from calculators.registry import REGISTRY
from macros.calculator_render import render_form


@pytest.mark.parametrize("calculator_id, prefix", [(c.id, c.prefix) for c in REGISTRY.values()])
def test_every_calculator_form_comes_from_its_spec(calculator_id, prefix):
    html = render_form(calculator_id, "€", "fr_FR", "FR")
    # the "Votre pays" menu (macros/countries.py) above the form, France chosen by default
    menu, form = html.split("</p>", 1)
    assert menu.startswith('<p class="mu-country"') and f'<label for="{prefix}-country">Votre pays</label>' in menu
    assert form.startswith(f'<form id="{prefix}" class="mu-calculator" data-command="{calculator_id}"')
    assert "\n\n" not in html
    # the sign sits in a span country.js rewrites; only a row label's template keeps "{currency}"
    without_templates = _re.sub(r'data-currency-template="[^"]*"', "", html)
    assert "{currency}" not in without_templates and '(en <span class="mu-currency">€</span>)' in html
    # every label points at a control that exists
    for target in _re.findall(r'<label for="([^"]+)"', html):
        assert f'id="{target}"' in html
    # the example button carries the calculator's own example, flattened
    example = _json.loads(_unescape(_re.search(r'data-example="([^"]+)"', html).group(1)))
    assert example


def test_usage_cost_form_keeps_the_ids_and_the_planer_example():
    html = render_form("usage-cost")
    for ident in ("uc-use-units", "uc-consumables-cost-per-unit", "uc-replacement-charged-per", "uc-admin-fee"):
        assert f'id="{ident}"' in html
    example = _json.loads(_unescape(_re.search(r'data-example="([^"]+)"', html).group(1)))
    assert example["consumables.cost_per_unit"] == "0,05"  # typed as a person in French would
    assert 'data-show-when="replacement.charged_per=use"' in html


def test_statement_form_has_a_row_template_with_a_holder_radio():
    html = render_form("statement")
    assert '<tbody data-list="partners" data-item="partenaire"' in html
    assert '<template data-row-for="partners">' in html
    assert 'type="radio" data-key="holder"' in html
    example = _json.loads(_unescape(_re.search(r'data-example="([^"]+)"', html).group(1)))
    assert example["partners.0.holder"] == "true"


def test_break_even_page_sentence_is_computed():
    """1 000 fixed, 20 variable, 45 elsewhere: each use saves 45 − 20 = 25; 1 000 ÷ 25 = 40 uses is a tie
    (1 000 + 40 × 20 = 1 800 = 40 × 45); cheaper from 41."""
    text = _unescape(render_break_even_sentence("simple"))
    assert "25,00\u00a0$" in text
    assert "À 40 utilisations, les deux formules coûtent 1\u00a0800,00\u00a0$" in text
    assert text.endswith("à partir de 41 utilisations par an.")


def test_planer_depreciation_per_year_and_per_day():
    """3 500 ÷ 7 = 500,00 a year; 500 ÷ 365 = 1,3699 → 1,37 a day."""
    assert render_depreciation("planer", "year") == "500,00\u00a0$"
    assert render_depreciation("planer", "day") == "1,37\u00a0$"


def test_planer_break_even_inputs_label_the_assumptions():
    html = _unescape(render_example_inputs("break-even", "planer"))
    assert html.count("hypothèse de ce site") == 2  # the insurance and the rental price
    assert "650" in html and "37,55" in html and "85" in html


def test_guide_examples_of_the_new_calculators():
    html = _unescape(render_view_example("annual-cost", "van"))
    assert "Prix par kilomètre : 0,82\u00a0$ en vue comptable, 0,95\u00a0$ en vue trésorerie" in html
    html = _unescape(render_view_example("statement", "van"))
    assert "Total dû pour l'année : 8\u00a0215,33\u00a0$" in html
