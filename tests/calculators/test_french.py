"""French plurals of the words users type (calculators/french.py), checked against the grammar by hand."""

from decimal import Decimal

import pytest

from calculators.french import count_noun, noun_plural

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "singular, plural",
    [
        ("kilomètre", "kilomètres"),  # regular: + s
        ("heure", "heures"),
        ("an", "ans"),  # two letters, yet a word, not a symbol
        ("mois", "mois"),  # already ends in s
        ("prix", "prix"),  # … in x
        ("bateau", "bateaux"),  # -eau: + x
        ("pneu", "pneus"),  # -eu: + x, save bleu, pneu, émeu…
        ("cheval", "chevaux"),  # -al: -aux
        ("festival", "festivals"),  # … save bal, carnaval, festival, récital…
        ("travail", "travaux"),  # -ail: + s, save bail, travail, vitrail…
        ("bijou", "bijoux"),  # -ou: + s, save the seven in -oux
        ("trou", "trous"),
        ("km", "km"),  # symbols never take an s
        ("kWh", "kWh"),
        ("m²", "m²"),
        ("pied linéaire raboté", "pieds linéaires rabotés"),  # noun and adjectives agree
        ("heure de location", "heures de location"),  # what follows a preposition does not
        ("heure d'ouverture", "heures d'ouverture"),
        ("Heure", "Heures"),
    ],
)
def test_noun_plural(singular, plural):
    assert noun_plural(singular) == plural


def test_count_noun_takes_the_plural_from_two_on():
    # French: « 0 jour », « 1 heure », « 1,5 heure », but « 2 heures »; 20 000 with a no-break space
    # between thousands (fr_CA) and a no-break space before the noun.
    assert count_noun(20000, "kilomètre") == f"20{NBSP}000{NBSP}kilomètres"
    assert count_noun(0, "jour") == f"0{NBSP}jour"
    assert count_noun(1, "heure") == f"1{NBSP}heure"
    assert count_noun(Decimal("1.5"), "heure") == f"1,5{NBSP}heure"
    assert count_noun(2, "heure") == f"2{NBSP}heures"
    assert count_noun(Decimal("10000"), "kilomètre", "fr_FR") == f"10\u202f000{NBSP}kilomètres"


def test_annual_cost_view_writes_the_unit_in_the_plural():
    """The guide's van: 0,18 $ × 10 000 km; the user typed « kilomètre », singular, as the field asks."""
    import json

    from calculators.bridge import present
    from calculators.examples import payload_json

    view = json.loads(present("annual-cost", payload_json("annual-cost", "van")))["view"]
    first = next(b for b in view["blocks"] if b["type"] == "table")
    labels = [row[0] for row in first["rows"]]
    assert f"Coûts variables : 0,18{NBSP}$ × 10{NBSP}000{NBSP}kilomètres" in labels
