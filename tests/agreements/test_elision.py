"""« à raison de un jour » (issue 28, item 13): the staff model elides « de » before a value that starts with a vowel."""

import pytest

from agreements.assemble import assemble, describe, elide
from agreements.loader import load_all
from tests.agreements.vectors import PARTNERS

MODEL = load_all()["personnel"]


@pytest.mark.parametrize("territory", ["QC", "FR", "BE"])
@pytest.mark.parametrize(
    "temps, expected",
    [
        ("un jour par semaine", "à raison d'un jour par semaine,"),
        ("huit heures par semaine", "à raison de huit heures par semaine,"),  # h aspiré in « huit »: no elision
        ("deux jours par semaine", "à raison de deux jours par semaine,"),
    ],
)
def test_a_raison_de_elides_before_a_vowel(territory, temps, expected):
    values = {f["name"]: "x" for f in describe(MODEL, territory)["fields"]}
    values["temps"] = temps
    result = assemble(MODEL, territory, {"partners": PARTNERS, "values": values, "options": {}})
    text = "\n".join("".join(run.get("text", "") for run in p) for a in result["articles"] for p in a["paragraphs"])
    assert expected in text
    assert "raison de un" not in text


def test_elide_after_a_raison_de():
    assert elide("à raison de ", "un jour") == "à raison d'"
    assert elide("à raison de ", "une demi-journée") == "à raison d'"
    assert elide("à raison de ", "deux jours") == "à raison de "
