"""The guide's fictional story (docs/histoire.md): its figures, worked out by hand."""

import xml.etree.ElementTree as ET

from macros.worked_examples import render_break_even_example, render_split_example, render_usage_cost_example


def rows(html):
    root = ET.fromstring(html.replace("&nbsp;", "\u00a0"))
    return [["".join(c.itertext()) for c in tr] for tr in root.find("table").iter("tr")]


def test_story_van_one_day():
    # Fuel 0.20 × 80 km = 16.00; service 600 every 20 000 km: 600 / 20 000 × 80 = 2.40;
    # depreciation (36 000 − 6 000) / 6 = 5 000 a year, / 365 × 1 day started = 13.6986… → 13.70;
    # preparation 0.5 h × 22 × 1.20 = 13.20; admin 3.00. Total 16.00 + 2.40 + 13.70 + 13.20 + 3.00 = 48.30.
    table = rows(render_usage_cost_example("story-van", "$", "fr_CA"))
    assert [r[2] for r in table[1:]] == ["16,00\u00a0$", "2,40\u00a0$", "13,70\u00a0$", "13,20\u00a0$", "3,00\u00a0$", "48,30\u00a0$"]
    assert table[3][1].endswith("÷ 365 jours × 1 jour entamé")


def test_story_van_break_even():
    # 6 500 / (120 − 34.60) = 6 500 / 85.40 = 76.11… → strictly cheaper from 77 days a year.
    table = rows(render_break_even_example("story-van", "€", "fr_FR"))
    assert table[-1][1] == "À partir de 77 utilisations par an"
    assert table[1][1] == "6\u202f500,00\u00a0€"


def test_story_van_split_by_days():
    # 9 960 × 60/100 = 5 976.00; × 30/100 = 2 988.00, minus 400 in kind = 2 588.00; × 10/100 = 996.00.
    table = rows(render_split_example("story-van", "$", "fr_CA"))
    assert table[1] == ["Ressourcerie La Boucle", "5\u00a0976,00\u00a0$", "0,00\u00a0$", "5\u00a0976,00\u00a0$"]
    assert table[2] == ["Épicerie solidaire Le Panier", "2\u00a0988,00\u00a0$", "400,00\u00a0$", "2\u00a0588,00\u00a0$"]
    assert table[3] == ["Maison des familles des Tilleuls", "996,00\u00a0$", "0,00\u00a0$", "996,00\u00a0$"]
    assert table[4][1] == "9\u00a0960,00\u00a0$"


def test_story_bookkeeper_split_by_hours():
    # Weights 8 + 8 + 4 = 20: 21 600 × 8/20 = 8 640.00 twice; × 4/20 = 4 320.00, minus the desk 1 200 = 3 120.00.
    table = rows(render_split_example("story-bookkeeper", "$", "fr_CA"))
    assert [r[1] for r in table[1:4]] == ["8\u00a0640,00\u00a0$", "8\u00a0640,00\u00a0$", "4\u00a0320,00\u00a0$"]
    assert table[3][3] == "3\u00a0120,00\u00a0$"
