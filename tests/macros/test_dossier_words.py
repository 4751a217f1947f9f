"""macros/dossier.py: the names "Mon dossier" gives to saved calculations."""

from __future__ import annotations

import pytest

from macros.dossier import calculator_titles


def test_each_calculator_is_named_by_the_heading_of_its_page(tmp_path):
    (tmp_path / "outils").mkdir()
    (tmp_path / "outils" / "cout.md").write_text(
        "---\nrender_macros: true\n---\n\n# Coût d'utilisation { #haut }\n\nTexte.\n\n{{ calculator(\"usage-cost\") }}\n",
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text("# Accueil\n\nPas de calculateur.\n", encoding="utf-8")
    assert calculator_titles(tmp_path) == {"usage-cost": "Coût d'utilisation"}


def test_a_calculator_page_without_a_heading_stops_the_build(tmp_path):
    (tmp_path / "sans-titre.md").write_text('{{ calculator("split") }}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="docs/sans-titre.md: page de calculateur sans titre"):
        calculator_titles(tmp_path)
