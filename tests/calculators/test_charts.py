"""Charts: well-formed, accessible, self-contained, deterministic SVG."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from calculators.bridge import present
from calculators.charts import PALETTE

SVG = "{http://www.w3.org/2000/svg}"
PAYLOADS = {
    "usage-cost": '{"use": {"units": "50", "hours": "5"}, "consumables": {"cost_per_unit": "0.05"}, "maintenance": {"service_cost": "100", "service_interval_units": "100000"}, "replacement": {"purchase_price": "3500", "lifetime_years": "7", "charged_per": "hour"}, "preparation": {"hours": "1", "hourly_rate": "30"}, "admin_fee": "5"}',
    "break-even": '{"annual_fixed_costs": "1000", "variable_cost_per_use": "2", "alternative_price_per_use": "12"}',
    "split": '{"total": "5400", "method": "mixed", "fixed_share": "1800", "partners": [{"name": "Ressourcerie <Nord> & fils", "usage": "6000"}, {"name": "Centre", "usage": "3000", "in_kind": "600"}, {"name": "Festival", "usage": "1000"}]}',
}


def svg_of(command, payload=None, currency="$", locale="fr_CA"):
    return json.loads(present(command, payload or PAYLOADS[command], currency, locale))["svg"]


@pytest.mark.parametrize("command", PAYLOADS)
def test_svg_is_accessible_and_self_contained(command):
    text = svg_of(command)
    root = ET.fromstring(text)  # well-formed XML (names are escaped)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("width") == "640"  # natural width; Material caps it at 100 % (see charts.py)
    assert re.fullmatch(r"0 0 640 \d+", root.get("viewBox"))
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and desc is not None and title.text and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "<script" not in text and "href" not in text and "url(" not in text and "http://www.w3.org/2000/svg" == root.tag[1:-4]
    assert text.count("http") == 1  # only the SVG namespace
    texts = [t.text for t in root.iter(SVG + "text")]
    assert texts and all(texts)


def test_usage_cost_chart_gives_every_figure_in_french():
    root = ET.fromstring(svg_of("usage-cost"))
    desc = root.find(SVG + "desc").text
    for figure in ("2,50\u00a0$", "0,05\u00a0$", "0,29\u00a0$", "30,00\u00a0$", "5,00\u00a0$", "37,84\u00a0$"):
        assert figure in desc
    assert root.find(SVG + "title").text == "Coût d'une utilisation : 37,84\u00a0$"
    legend = [t.text for t in root.iter(SVG + "text")]
    assert "Consommables" in legend and "Frais administratifs" in legend
    assert len([r for r in root.iter(SVG + "rect") if r.get("height") == "36"]) == 5  # five segments


def test_break_even_chart_marks_the_point():
    text = svg_of("break-even")
    root = ET.fromstring(text)
    assert "101" in root.find(SVG + "title").text
    assert len(list(root.iter(SVG + "circle"))) == 1
    assert "Seuil : 101" in [t.text for t in root.iter(SVG + "text")]
    desc = root.find(SVG + "desc").text
    assert "1\u00a0202,00\u00a0$" in desc and "1\u00a0212,00\u00a0$" in desc  # at 101 uses: 1000 + 2 x 101 and 12 x 101
    # One term for the alternative, in the legend and the description alike.
    assert "Solution de rechange" in [t.text for t in root.iter(SVG + "text")]
    assert "et la solution de rechange 1\u00a0212,00\u00a0$" in desc
    assert "autre solution" not in text.lower()
    none = ET.fromstring(svg_of("break-even", '{"annual_fixed_costs": "1", "variable_cost_per_use": "5", "alternative_price_per_use": "4"}'))
    assert not list(none.iter(SVG + "circle"))
    assert "jamais" in none.find(SVG + "desc").text


def test_split_chart_has_one_bar_per_partner_and_escapes_names():
    text = svg_of("split", currency="€", locale="fr_FR")
    assert "Ressourcerie &lt;Nord&gt; &amp; fils" in text
    root = ET.fromstring(text)
    assert "2\u202f760,00\u00a0€" in root.find(SVG + "desc").text
    assert len([r for r in root.iter(SVG + "rect") if r.get("height") == "20"]) == 3


@pytest.mark.parametrize("command", PAYLOADS)
def test_charts_are_deterministic(command):
    assert svg_of(command) == svg_of(command)


def test_zero_cost_chart():
    root = ET.fromstring(svg_of("usage-cost", "{}"))
    assert "Aucun coût" in [t.text for t in root.iter(SVG + "text")]


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", PALETTE)
def test_palette_contrast_on_white_and_on_slate(colour):
    # WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
    # Material's slate background: hsl(232, 15%, 14%) = #1e2029.
    assert contrast(colour, "#ffffff") >= 3
    assert contrast(colour, "#1e2029") >= 3


def test_every_fill_is_from_the_palette_or_current_colour():
    for command in PAYLOADS:
        text = svg_of(command)
        for colour in re.findall(r'(?:fill|stroke)="([^"]+)"', text):
            assert colour in PALETTE or colour in ("currentColor", "none"), colour
