"""agreements.assemble: each model x territory, complete and incomplete, options, hostile text."""

import pytest

from agreements.assemble import DraftError, assemble, describe
from agreements.loader import load_all
from blocks import BLANK, escape_markdown, validate
from tests.agreements.vectors import CLAUSE_COUNTS, PARTNERS, VECTORS

MODELS = load_all()


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["name"])
def test_vectors(vector):
    result = assemble(MODELS[vector["model"]], vector["territory"], vector["draft"])
    markdown = result["markdown"]
    for text in vector["contains"]:
        assert text in markdown
    for text in vector["absent"]:
        assert text not in markdown
    assert len(result["articles"]) == vector["articles"]
    assert len(result["missing"]) == vector["missing"]


# Every model found in agreements/*.yml, in each of its countries: a new model
# is tested with no line here. CLAUSE_COUNTS (vectors.py) adds, for the models
# it lists, the count worked out by hand from the YAML.
EVERY = [(model_id, territory) for model_id, model in sorted(MODELS.items()) for territory in model["territories"]]


@pytest.mark.parametrize("model_id, territory", EVERY)
def test_each_model_and_territory(model_id, territory):
    model = MODELS[model_id]
    described = describe(model, territory)
    count = CLAUSE_COUNTS.get(model_id, {}).get(territory, len(described["clauses"]))
    assert len(described["clauses"]) == count > 0
    # Empty draft: every article present, no placeholder left raw, everything listed.
    empty = assemble(model, territory, {"partners": [{}, {}]})
    assert len(empty["articles"]) == count
    assert "{" not in empty["markdown"] and "}" not in empty["markdown"]
    assert BLANK in empty["markdown"]
    assert "## À compléter" in empty["markdown"]
    assert empty["markdown"].rstrip().splitlines()[0] == f"# {model['title']}"
    validate(empty["blocks"] + empty["checks"])
    # Complete draft: every field gets "valeur <name>", nothing missing.
    values = {f["name"]: "valeur " + f["name"].replace("_", " ") for f in described["fields"]}  # no "_": it would be escaped
    full = assemble(model, territory, {"partners": PARTNERS, "values": values})
    assert full["missing"] == []
    assert BLANK not in full["markdown"]
    assert "## À compléter" not in full["markdown"]
    for name in values:
        assert values[name] in full["markdown"]
    assert "modèle à adapter" in full["markdown"]
    # Each optional clause off in turn: one article fewer, renumbered without a gap.
    for optional in (c["id"] for c in described["clauses"] if c["optional"]):
        off = assemble(model, territory, {"partners": PARTNERS, "options": {optional: False}})
        assert len(off["articles"]) == len(full["articles"]) - 1
        assert optional not in [a["id"] for a in off["articles"]]
        assert [a["number"] for a in off["articles"]] == list(range(1, len(off["articles"]) + 1))


def errors(model_id, territory, draft):
    with pytest.raises(DraftError) as info:
        assemble(MODELS[model_id], territory, draft)
    return info.value.errors


def test_errors():
    assert errors("locaux", "CH", {"partners": PARTNERS})[0]["field"] == "territory"
    assert errors("locaux", "QC", {"partners": PARTNERS[:1]}) == [
        {"field": "partners", "message": "Une convention lie au moins deux partenaires : ajoutez-en un."}
    ]
    assert errors("locaux", "QC", {"partners": PARTNERS, "values": {"inconnu": "x"}})[0]["field"] == "values.inconnu"
    assert errors("locaux", "QC", {"partners": PARTNERS, "values": {"duree": 3}})[0]["field"] == "values.duree"
    assert errors("locaux", "QC", {"partners": PARTNERS, "options": {"nope": False}})[0]["field"] == "options.nope"
    assert errors("locaux", "QC", {"partners": PARTNERS, "options": {"objet": False}})[0]["message"] == (
        "La clause « Objet » est obligatoire : elle ne peut pas être retirée."
    )
    assert errors("locaux", "QC", {"partners": PARTNERS, "options": {"etat_des_lieux": "oui"}})[0]["field"] == "options.etat_des_lieux"
    assert errors("locaux", "QC", {"partners": [PARTNERS[0], {"name": 5}]})[0]["field"] == "partners[1].name"
    # The label is named, whatever its gender ("forme juridique" is feminine).
    assert errors("locaux", "QC", {"partners": [PARTNERS[0], {"legal_form": 5}]})[0]["message"] == (
        "Le champ « forme juridique » du partenaire n° 2 doit être du texte (mettez-le entre guillemets)."
    )


def test_escape_markdown():
    assert escape_markdown("**x**") == "\\*\\*x\\*\\*"
    assert escape_markdown("<script>") == "\\<script\\>"
    assert escape_markdown("deux\nlignes") == "deux lignes"


def test_no_break_spaces_are_kept():
    # "400,00 $" as calculators.money writes it: a no-break space before the currency.
    draft = {"partners": PARTNERS, "values": {"partage_couts": "A : 400,00\u00a0$"}}
    result = assemble(MODELS["lettre_entente"], "QC", draft)
    assert "A : 400,00\u00a0$" in result["markdown"]
    runs = [run for article in result["articles"] for paragraph in article["paragraphs"] for run in paragraph]
    assert {"text": "A : 400,00\u00a0$", "field": "partage_couts"} in runs


# A model of one clause, as the loader returns it, so that these tests do not
# depend on the wording of the real models.
TINY = {
    "id": "essai", "title": "Essai", "version": "2026-12", "territories": ["QC", "FR", "BE"],
    "fields": [{"name": "montants", "label": "Montants"}, {"name": "duree", "label": "Durée"}],
    "clauses": [{"id": "objet", "title": "Objet", "text": "Les parties paient : {montants}, pour une durée de {duree}.",
                 "why": "x", "link": "conditions.md", "optional": False, "territories": ["QC", "FR", "BE"], "references": []}],
    "note": "Note.",
}


def test_amounts_in_another_currency_are_flagged():
    # A split computed on a Québec site ("$") pasted into a French agreement.
    draft = {"partners": PARTNERS, "values": {"montants": "Atelier du Quartier : 1 666,67\u00a0$ ; Ressourcerie : 833,33\u00a0$"}}
    french = assemble(TINY, "FR", draft)
    assert french["warnings"] == [
        "« Montants » contient des montants en $ : une convention pour la France se rédige d'ordinaire en euros (€). "
        "Convertissez-les, ou dites dans la convention en quelle monnaie ils sont payés."
    ]
    assert "## À vérifier" in french["markdown"]
    assert assemble(TINY, "QC", draft)["warnings"] == []
    euros = {"partners": PARTNERS, "values": {"montants": "A : 400,00\u00a0€"}}
    assert assemble(TINY, "BE", euros)["warnings"] == []
    assert "en dollars canadiens ($)" in assemble(TINY, "QC", euros)["warnings"][0]


def test_elision_in_a_draft():
    for duree, expected in (("un an", "pour une durée d'un an."), ("six mois", "pour une durée de six mois."),
                            ("huit semaines", "pour une durée de huit semaines.")):
        result = assemble(TINY, "QC", {"partners": PARTNERS, "values": {"duree": duree}})
        assert expected in result["markdown"]
        assert "de un" not in result["markdown"]


def test_elision_with_several_values():
    # "pour une durée de {duree}" or similar: each value decides on its own.
    from agreements.assemble import elide

    assert elide("pour une durée de ", "un an") == "pour une durée d'"
    assert elide("pour une durée de ", "une année") == "pour une durée d'"
    assert elide("pour une durée de ", "six mois") == "pour une durée de "
    assert elide("un préavis de ", "huit jours") == "un préavis de "  # h aspiré
    assert elide("un préavis de ", "onze jours") == "un préavis de "
    assert elide("la salle de ", "Atelier du Quartier") == "la salle d'"
    assert elide("La partie qui reçoit le ", "1er mars") == "La partie qui reçoit le "
    assert elide("au-delà de ", "heures prévues") == "au-delà d'"
