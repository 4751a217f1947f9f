"""agreements.loader: every model loads; every error path names file and line (counted by hand)."""

from pathlib import Path

import pytest

from agreements.loader import AgreementError, load_all, load_model

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
id: essai
title: Essai
summary: Un modèle d'essai.
territories: [QC, FR]
fields:
  - name: objet
    label: Objet
clauses:
  - id: objet
    title: Objet
    text: Nous partageons {objet}.
    why: Pour savoir.
    link: risques.md#gouvernance
note: Modèle à adapter.
"""


def write(tmp_path, text, name="essai"):
    folder = tmp_path / "agreements"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, text, name="essai"):
    path = write(tmp_path, text, name)
    with pytest.raises(AgreementError) as info:
        load_model(path, docs_dir=ROOT / "docs", root=tmp_path)
    return str(info.value)


def test_every_model_loads_with_its_links_checked():
    models = load_all()
    # One model per file of agreements/ (a new model is found by itself).
    assert sorted(models) == sorted(path.stem for path in (ROOT / "agreements").glob("*.yml"))
    assert {"convention_cadre", "lettre_entente", "locaux", "materiel", "personnel", "vehicule"} <= set(models)
    for model in models.values():
        assert model["territories"] and set(model["territories"]) <= {"QC", "FR", "BE"}
        assert "modèle à adapter" in model["note"]


def test_good_file_loads(tmp_path):
    model = load_model(write(tmp_path, GOOD), docs_dir=ROOT / "docs", root=tmp_path)
    assert model["clauses"][0]["territories"] == ["QC", "FR"]
    assert model["clauses"][0]["optional"] is False


def test_unknown_key(tmp_path):
    # Lines 1-7 are id..label; "colour" is inserted as line 8. Keys are checked
    # before the name is read, so the field is named by its position.
    text = GOOD.replace("    label: Objet\n", "    label: Objet\n    colour: bleu\n")
    assert error_of(tmp_path, text) == (
        "agreements/essai.yml:8: clé inconnue « colour » dans le champ n° 1 (clés possibles : name, label, help, prefill)"
    )


def test_duplicate_clause_id(tmp_path):
    # GOOD: 1 id, 2 title, 3 summary, 4 territories, 5 fields, 6-7 the field,
    # 8 clauses, 9-13 the clause, 14 note. The second clause takes line 14.
    text = GOOD.replace("note:", "  - id: objet\n    title: Encore\n    text: x\n    why: y\n    link: risques.md\nnote:")
    assert error_of(tmp_path, text) == "agreements/essai.yml:14: id de clause « objet » déjà utilisé ligne 9"


def test_duplicate_key(tmp_path):
    text = GOOD.replace("title: Essai\n", "title: Essai\ntitle: Autre\n")
    assert error_of(tmp_path, text) == "agreements/essai.yml:3: la clé « title » apparaît deux fois dans le même bloc"


def test_placeholder_without_field(tmp_path):
    # "text" of the clause is line 11.
    text = GOOD.replace("{objet}.", "{objet} et {duree}.")
    assert error_of(tmp_path, text) == (
        "agreements/essai.yml:11: le texte de la clause « objet » utilise « {duree} », qu'aucun champ (fields) ne définit"
    )


def test_unused_field(tmp_path):
    text = GOOD.replace("    label: Objet\n", "    label: Objet\n  - name: duree\n    label: Durée\n")
    assert error_of(tmp_path, text) == "agreements/essai.yml:8: le champ « duree » n'est utilisé par aucune clause"


def test_missing_page(tmp_path):
    text = GOOD.replace("risques.md#gouvernance", "absent.md")
    assert error_of(tmp_path, text) == "agreements/essai.yml:13: le lien « absent.md » vise la page docs/absent.md, qui n'existe pas"


def test_missing_anchor(tmp_path):
    text = GOOD.replace("#gouvernance", "#nulle-part")
    assert error_of(tmp_path, text) == (
        "agreements/essai.yml:13: le lien « risques.md#nulle-part » vise l'ancre « #nulle-part », absente de docs/risques.md"
    )


def test_broken_yaml(tmp_path):
    # Line 4 opens a flow sequence that never closes; PyYAML notices on line 5.
    text = GOOD.replace("territories: [QC, FR]", "territories: [QC, FR")
    message = error_of(tmp_path, text)
    assert message.startswith("agreements/essai.yml:5: syntaxe YAML invalide")
    assert "Traceback" not in message


def test_optional_needs_applies_when(tmp_path):
    # The clause's mapping starts line 9 ("- id: objet").
    text = GOOD.replace("    title: Objet\n    text", "    title: Objet\n    optional: true\n    text")
    assert error_of(tmp_path, text) == (
        "agreements/essai.yml:9: la clause « objet » est facultative : dites quand elle s'applique (« applies_when »)"
    )


def test_unofficial_reference(tmp_path):
    text = GOOD.replace("note:", "    references:\n      - territory: FR\n        label: Un blog\n        url: https://example.org/loi\nnote:")
    # references opens line 14; "territory" line 15, "label" 16, "url" 17.
    assert error_of(tmp_path, text).startswith("agreements/essai.yml:17: l'adresse « https://example.org/loi » doit être une source officielle")


def test_reference_outside_territories(tmp_path):
    text = GOOD.replace(
        "note:", "    references:\n      - territory: BE\n        label: Loi\n        url: https://www.ejustice.just.fgov.be/\nnote:"
    )
    assert error_of(tmp_path, text) == (
        "agreements/essai.yml:15: territoire « BE » de la référence n° 1 de la clause « objet » : "
        "la clause ne s'applique pas à ce territoire"
    )


def test_id_must_be_file_name(tmp_path):
    assert error_of(tmp_path, GOOD, name="autre") == "agreements/autre.yml:1: l'id « essai » doit être le nom du fichier (« autre »)"


def test_unknown_territory(tmp_path):
    text = GOOD.replace("[QC, FR]", "[QC, CH]")
    assert error_of(tmp_path, text) == "agreements/essai.yml:4: territoire « CH » inconnu dans le modèle (possibles : QC, FR, BE)"


def test_empty_file(tmp_path):
    assert error_of(tmp_path, "") == "agreements/essai.yml:1: le fichier est vide"


def test_missing_key(tmp_path):
    text = GOOD.replace("note: Modèle à adapter.\n", "")
    assert error_of(tmp_path, text) == "agreements/essai.yml:1: clé « note » manquante dans le modèle"


def test_schema_accepts_every_model():
    import json

    import jsonschema
    import yaml

    schema = json.loads((ROOT / "agreements" / "schema.json").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "agreements").glob("*.yml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


# ---------------------------------------------------------------- law ids and shared clauses

REGISTER = {
    "fr-ct-l8241-2": {"id": "fr-ct-l8241-2", "territory": "FR", "text": "Code du travail", "article": "art. L8241-2",
                      "url": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006904847", "says": "x",
                      "checked": "2026-12-06", "confirmed": True},
    "eu-rgpd-26": {"id": "eu-rgpd-26", "territory": "EU", "text": "RGPD", "article": "art. 26",
                   "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_26", "says": "x",
                   "checked": "2026-12-05", "confirmed": False},
}
GROUP = """\
fields:
  - name: mediateur
    label: Médiateur
clauses:
  - id: litiges_fr
    title: Litiges
    territories: [FR]
    text: Les parties saisissent d'abord {mediateur}.
    why: Pour régler.
    link: risques.md#gouvernance
    law: [fr-ct-l8241-2]
  - id: litiges_be
    title: Litiges
    territories: [BE]
    text: Médiation en Belgique.
    why: Pour régler.
    link: risques.md#gouvernance
"""


def load_with(tmp_path, text, group=GROUP):
    path = write(tmp_path, text)
    common = tmp_path / "agreements" / "common"
    common.mkdir(exist_ok=True)
    (common / "litiges.yml").write_text(group, encoding="utf-8")
    return load_model(path, docs_dir=ROOT / "docs", root=tmp_path, register=REGISTER)


def test_an_included_group_brings_its_clauses_for_the_model_countries(tmp_path):
    text = GOOD.replace("note:", "  - include: litiges\nnote:").replace("summary:", "version: \"2026-12\"\nsummary:")
    model = load_with(tmp_path, text)
    assert model["version"] == "2026-12"
    # QC and FR model: the Belgian clause is left out, the group's field comes in.
    assert [c["id"] for c in model["clauses"]] == ["objet", "litiges_fr"]
    assert [f["name"] for f in model["fields"]] == ["objet", "mediateur"]
    ref = model["clauses"][1]["references"][0]
    assert (ref["label"], ref["checked_text"], ref["confirmed"], ref["applies_in"]) == (
        "Code du travail, art. L8241-2", "6 décembre 2026", True, ["FR"])


def test_law_ids_are_checked(tmp_path):
    unknown = GOOD.replace("    link: risques.md#gouvernance\n", "    link: risques.md#gouvernance\n    law: [fr-ct-l1]\n")
    with pytest.raises(AgreementError) as info:
        load_with(tmp_path, unknown)
    assert str(info.value) == "agreements/essai.yml:14: référence « fr-ct-l1 » de la clause « objet » absente du registre law/*.yml"
    belgian_only = GOOD.replace("territories: [QC, FR]", "territories: [QC]").replace(
        "    link: risques.md#gouvernance\n", "    link: risques.md#gouvernance\n    law: [eu-rgpd-26]\n")
    with pytest.raises(AgreementError) as info:
        load_with(tmp_path, belgian_only)
    assert "la référence « eu-rgpd-26 » (EU) ne s'applique à aucun territoire de la clause « objet » (QC)" in str(info.value)


def test_a_missing_group_and_an_error_inside_a_group_name_their_file(tmp_path):
    with pytest.raises(AgreementError) as info:
        load_with(tmp_path, GOOD.replace("note:", "  - include: inconnu\nnote:"))
    assert str(info.value) == "agreements/essai.yml:14: groupe de clauses « inconnu » introuvable dans agreements/common/ (groupes : litiges)"
    with pytest.raises(AgreementError) as info:
        load_with(tmp_path, GOOD.replace("note:", "  - include: litiges\nnote:"), GROUP.replace("    why: Pour régler.\n", "", 1))
    assert str(info.value) == "agreements/common/litiges.yml:5: clé « why » manquante dans la clause n° 1"


def test_schema_accepts_every_shared_group():
    import json

    import jsonschema
    import yaml

    schema = json.loads((ROOT / "agreements" / "schema.json").read_text(encoding="utf-8"))
    group_schema = {**schema["$defs"]["group"], "$defs": schema["$defs"], "properties": {**schema["$defs"]["group"]["properties"], "fields": schema["properties"]["fields"]}}
    for path in sorted((ROOT / "agreements" / "common").glob("*.yml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), group_schema)


def test_prefill_naming_an_unknown_field(tmp_path):
    # GOOD: the field "objet" is lines 6-7; its prefill rule is inserted as line 8.
    text = GOOD.replace("    label: Objet\n", "    label: Objet\n    prefill: calculator:split:shares_others:employeur\n")
    assert error_of(tmp_path, text) == (
        "agreements/essai.yml:8: « prefill » du champ « objet » nomme le champ « employeur », qu'aucun champ (fields) ne définit"
    )
