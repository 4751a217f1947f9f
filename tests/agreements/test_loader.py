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
    assert sorted(models) == ["convention_cadre", "lettre_entente", "locaux", "materiel", "personnel", "vehicule"]
    for model in models.values():
        assert model["territories"] == ["QC", "FR", "BE"]
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
