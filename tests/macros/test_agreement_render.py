"""macros.agreement_render: model pages and the generator's scaffold, without MkDocs."""

import json

from agreements.loader import load_all
from macros.agreement_render import catalog, default_territory, render_generator, render_model

MODELS = load_all()


def test_model_page_shows_blanks_with_their_label_and_escapes():
    html = render_model(MODELS["personnel"], "outils/conventions/personnel/")
    assert '<span class="mu-blank">________</span> <span class="mu-hint">(Nom de la personne salariée)</span>' in html
    assert "{salarie}" not in html
    # Guide links are relative to the page: three levels up to the site root.
    assert 'href="../../../risques/#aspects-techniques"' in html
    assert 'href="https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000036262964"' in html
    assert "<strong>S'applique à :</strong> France" in html
    # Every clause of the model is on its page, those of the included groups too.
    assert html.count('class="mu-ag-clause"') == len(MODELS["personnel"]["clauses"])
    model = json.loads(json.dumps(MODELS["lettre_entente"]))
    model["summary"] = "<script>x</script>"
    assert "&lt;script&gt;x&lt;/script&gt;" in render_model(model)


def test_default_territory():
    assert default_territory({"locale": "fr_CA"}) == "QC"
    assert default_territory({"locale": "fr_BE"}) == "BE"
    assert default_territory({"locale": "fr_FR", "country": "be"}) == "BE"
    assert default_territory({}) == "QC"


def test_generator_catalog_is_safe_json():
    html = render_generator(MODELS, {"locale": "fr_FR", "currency": "€"}, {})
    assert 'data-default-territory="FR"' in html and 'data-currency="€"' in html
    start = html.index('class="mu-ag-catalog">') + len('class="mu-ag-catalog">')
    text = html[start : html.index("</template>", start)]
    data = json.loads(text)
    assert [m["id"] for m in data["models"]] == sorted(MODELS)
    # Inert text: no markup and no entity the parser would read.
    assert not set("<>&") & set(text)
    # No <script> in the generator: Material's instant navigation re-creates
    # scripts without their attributes (a JSON block became a blocked script).
    assert "<script" not in html


def test_catalog_lists_fields_per_territory():
    data = catalog(MODELS)
    personnel = next(m for m in data["models"] if m["id"] == "personnel")
    # "facturation" is used by remboursement_qc, facturation_fr and remboursement_be.
    assert "facturation" in [f["name"] for f in personnel["fields_by_territory"]["BE"]]


def test_data_blocks_are_left_out_of_the_search_index():
    """Issue 28, item 6: the search showed the catalog's JSON as a snippet. Material's search
    plugin skips an element marked data-search-exclude, with all it holds."""
    import re

    from macros.formalisation_render import render_chooser

    pages = [
        render_generator(MODELS, {"locale": "fr_CA"}, {}),
        render_chooser(MODELS, {"locale": "fr_CA"}, "outils/conventions/choisir/"),
    ]
    for html in pages:
        templates = re.findall(r"<template\b[^>]*>", html)
        assert templates and all("data-search-exclude" in t for t in templates), templates
