"""Charts: well-formed, accessible, self-contained, deterministic SVG, in a wide and a narrow layout."""

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
    blocks = json.loads(present(command, payload or PAYLOADS[command], currency, locale))["view"]["blocks"]
    return next(block["svg"] for block in blocks if block["type"] == "figure")


def layout(root, name="wide"):
    """One of the chart's two drawings (calculators/charts.py: WIDE, NARROW)."""
    (found,) = [child for child in root if child.tag == SVG + "svg" and child.get("class") == f"mu-chart__{name}"]
    return found


@pytest.mark.parametrize("command", PAYLOADS)
def test_svg_is_accessible_and_self_contained(command):
    text = svg_of(command)
    root = ET.fromstring(text)  # well-formed XML (names are escaped)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    # No viewBox on the root: CSS sizes it from the ratios written here, for the layout it shows.
    assert root.get("width") == "640" and root.get("viewBox") is None
    wide, narrow = layout(root, "wide"), layout(root, "narrow")
    wide_height = re.fullmatch(r"0 0 640 (\d+)", wide.get("viewBox")).group(1)
    narrow_height = re.fullmatch(r"0 0 320 (\d+)", narrow.get("viewBox")).group(1)
    assert root.get("height") == wide_height
    assert root.get("style") == (
        f"--mu-chart-wide: 640 / {wide_height}; --mu-chart-wide-width: 640px; "
        f"--mu-chart-narrow: 320 / {narrow_height}; --mu-chart-narrow-width: 320px"
    )
    # Text 13 wide and 14 narrow: 14 × 294 / 320 ≈ 12.9 px in a 360 px phone's 294 px column.
    assert (wide.get("font-size"), narrow.get("font-size")) == ("13", "14")
    # Without the stylesheet, the wide drawing alone shows.
    assert wide.get("display") is None and narrow.get("display") == "none"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and desc is not None and title.text and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "<script" not in text and "href" not in text and "url(" not in text and "http://www.w3.org/2000/svg" == root.tag[1:-4]
    assert text.count("http") == 1  # only the SVG namespace
    for drawing in (wide, narrow):
        texts = [t.text for t in drawing.iter(SVG + "text")]
        assert texts and all(texts)


def test_usage_cost_chart_gives_every_figure_in_french():
    root = ET.fromstring(svg_of("usage-cost"))
    desc = root.find(SVG + "desc").text
    for figure in ("2,50\u00a0$", "0,05\u00a0$", "0,29\u00a0$", "30,00\u00a0$", "5,00\u00a0$", "37,84\u00a0$"):
        assert figure in desc
    assert root.find(SVG + "title").text == "Coût d'une utilisation : 37,84\u00a0$"
    for name in ("wide", "narrow"):
        drawing = layout(root, name)
        legend = [t.text for t in drawing.iter(SVG + "text")]
        assert "Consommables" in legend and "Frais administratifs" in legend
        assert "30,00\u00a0$" in legend  # préparation: 1 h × 30,00 $
        assert len([r for r in drawing.iter(SVG + "rect") if r.get("height") == "36"]) == 5  # five segments
    # Narrow: 296 units between the margins; "Préparation, vérification, rangement" (36 characters,
    # about 0.6 × 14 = 8.4 units each: 302) cannot share a line with its amount, so it wraps.
    narrow = [t.text for t in layout(root, "narrow").iter(SVG + "text")]
    assert "Préparation," in narrow and "vérification, rangement" in narrow


def test_break_even_chart_marks_the_point():
    text = svg_of("break-even")
    root = ET.fromstring(text)
    assert "101" in root.find(SVG + "title").text
    assert len(list(layout(root).iter(SVG + "circle"))) == 1
    assert len(list(layout(root, "narrow").iter(SVG + "circle"))) == 1
    assert "Seuil : 101" in [t.text for t in layout(root).iter(SVG + "text")]
    desc = root.find(SVG + "desc").text
    assert "1\u00a0202,00\u00a0$" in desc and "1\u00a0212,00\u00a0$" in desc  # at 101 uses: 1000 + 2 x 101 and 12 x 101
    # One term for the alternative, in the legend and the description alike.
    assert "Solution de rechange" in [t.text for t in layout(root).iter(SVG + "text")]
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
    for name in ("wide", "narrow"):
        assert len([r for r in layout(root, name).iter(SVG + "rect") if r.get("height") == "20"]) == 3
    # Wide: names cut at 24 characters; narrow: each name on its own line, whole when it fits.
    assert "Ressourcerie &lt;Nord&gt; &amp; f…" in text
    assert "Ressourcerie <Nord> & fils" in [t.text for t in layout(root, "narrow").iter(SVG + "text")]


@pytest.mark.parametrize("command", PAYLOADS)
def test_charts_are_deterministic(command):
    assert svg_of(command) == svg_of(command)


def test_zero_cost_chart():
    root = ET.fromstring(svg_of("usage-cost", "{}"))
    assert "Aucun coût" in [t.text for t in layout(root).iter(SVG + "text")]
    assert "Aucun coût" in [t.text for t in layout(root, "narrow").iter(SVG + "text")]


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


def annual_cost_charts(years="4"):
    from calculators.examples import example

    payload = json.loads(json.dumps(example("annual-cost", "van")["payload"]))
    payload["loan"]["years"] = years
    blocks = json.loads(present("annual-cost", json.dumps(payload)))["view"]["blocks"]
    return [ET.fromstring(b["svg"]) for b in blocks if b["type"] == "figure"]


def test_annual_cost_charts_name_the_years_that_fit():
    """Loan bars: every year named when the names fit under the bars, else one in `every`.

    4 years: narrow slot 296 ÷ 4 = 74 units, "An 4" about 4 × 8.4 + 8 = 41.6: all four named.
    20 years: wide slot 600 ÷ 20 = 30, "An 20" 5 × 7.8 + 8 = 47 → one in 2 (years 1, 3 … 19);
    narrow slot 296 ÷ 20 = 14.8, "An 20" 5 × 8.4 + 8 = 50 → one in 4 (years 1, 5, 9, 13, 17)."""
    per_unit, loan = annual_cost_charts()
    names = lambda root, name: [t.text for t in layout(root, name).iter(SVG + "text") if t.text.startswith("An ")]  # noqa: E731
    assert names(loan, "narrow") == ["An 1", "An 2", "An 3", "An 4"]
    _, loan = annual_cost_charts("20")
    assert names(loan, "wide") == [f"An {year}" for year in range(1, 20, 2)]
    assert names(loan, "narrow") == ["An 1", "An 5", "An 9", "An 13", "An 17"]


def test_per_unit_chart_counts_units_in_the_plural():
    """The van: 10 000 kilomètres expected, typed « kilomètre »."""
    per_unit, _ = annual_cost_charts()
    assert "Pour 10\u00a0000\u00a0kilomètres dans l'année" in per_unit.find(SVG + "desc").text
    for name in ("wide", "narrow"):
        assert "Usage de l'année (en kilomètres)" in [t.text for t in layout(per_unit, name).iter(SVG + "text")]


def test_narrow_layout_cuts_a_long_name_and_wraps_a_long_title():
    """Narrow: 296 units between the margins; at 0.6 × 14 = 8.4 units a character, 35 characters fit
    (int(296 ÷ 8.4) = 35, one of them the "…"): 34 kept, then "…"."""
    name = "Regroupement des organismes communautaires de la Petite-Nation"
    payload = json.dumps({"total": "100", "method": "equal", "partners": [{"name": name}, {"name": "B"}]})
    root = ET.fromstring(svg_of("split", payload))
    narrow = [t.text for t in layout(root, "narrow").iter(SVG + "text")]
    assert name[:34] + "…" in narrow
    # The title, bold (0.68 × 14 = 9.52 a character: 31 fit in 296), on two lines; the count
    # stays with its noun (no-break space), so "entre" ends the first line at 29 characters.
    assert narrow[:2] == ["Répartition de 100,00\u00a0$ entre", "2\u00a0partenaires"]
