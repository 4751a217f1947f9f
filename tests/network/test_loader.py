"""network/ loader: every error path, with line numbers counted by hand.

Each broken file is written below; the comment beside the expected line says
which line of the text it is (line 1 is the first line after the opening quotes).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.network_loader import (
    NetworkError,
    categories_from_inventory,
    load_board,
    load_contacts,
    load_entry,
)

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml")

GOOD = """\
kind: offer
title: Salle de réunion
category: locaux
organisation: Atelier fictif
territory: Montréal
description: Une salle de 30 places.
contact: salle@atelier.example.org
published: 2026-10-01
until: 2027-03-31
country: QC
"""


def write(tmp_path: Path, text: str, name: str = "salle.yml") -> Path:
    folder = tmp_path / "network" / "board"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(tmp_path, text, name="salle.yml") -> NetworkError:
    path = write(tmp_path, text, name)
    with pytest.raises(NetworkError) as caught:
        load_entry(path, CATEGORIES, root=tmp_path)
    return caught.value


def test_categories_are_the_inventory_sections():
    assert list(CATEGORIES) == [
        "personnel", "competences", "locaux", "transport",
        "moyens_techniques", "fonctions_support", "achats", "autres",
    ]
    assert CATEGORIES["locaux"] == "Locaux"




def test_good_entry(tmp_path):
    entry = load_entry(write(tmp_path, GOOD), CATEGORIES, root=tmp_path)
    assert entry["id"] == "salle"
    assert entry["published"] == "2026-10-01" and entry["until"] == "2027-03-31"
    assert entry["contact"] == "salle@atelier.example.org"


def test_unknown_key(tmp_path):
    error = error_of(tmp_path, GOOD + "price: 10\n")
    # GOOD has 10 lines; "price" is line 11.
    assert str(error).startswith("network/board/salle.yml:11: clé inconnue « price »")
    assert error.field == "price"


def test_missing_field(tmp_path):
    text = GOOD.replace("territory: Montréal\n", "")
    error = error_of(tmp_path, text)
    # A missing key is reported at the entry's first line (1).
    assert str(error) == "network/board/salle.yml:1: clé « territory » manquante dans l'annonce"
    assert error.field == "territory"


def test_missing_country(tmp_path):
    error = error_of(tmp_path, GOOD.replace("country: QC\n", ""))
    assert str(error) == "network/board/salle.yml:1: clé « country » manquante dans l'annonce"
    assert error.field == "country"


@pytest.mark.parametrize("value", ["Québec", "qc", "CH", "'42'"])
def test_unknown_country(tmp_path, value):
    error = error_of(tmp_path, GOOD.replace("country: QC", f"country: {value}"))
    # country is line 10; the codes, not the names, are written in the file.
    shown = value.strip("'")
    assert str(error) == (
        f"network/board/salle.yml:10: « country » vaut « {shown} » : "
        "écrivez QC (Québec), FR (France) ou BE (Belgique)"
    )
    assert error.field == "country"


def test_unknown_category(tmp_path):
    error = error_of(tmp_path, GOOD.replace("category: locaux", "category: cuisine"))
    # category is line 3.
    assert str(error).startswith("network/board/salle.yml:3: catégorie « cuisine » inconnue")
    assert "locaux" in error.message and error.field == "category"


def test_unknown_kind(tmp_path):
    error = error_of(tmp_path, GOOD.replace("kind: offer", "kind: gift"))
    assert str(error).startswith("network/board/salle.yml:1: « kind » vaut « gift »")


@pytest.mark.parametrize(
    "value",
    ["2026-02-30", "2026-2-3", "demain", "2026-13-01", "01/03/2026"],
)
def test_bad_date(tmp_path, value):
    error = error_of(tmp_path, GOOD.replace("published: 2026-10-01", f"published: {value}"))
    # published is line 8.
    assert str(error).startswith(f"network/board/salle.yml:8: « published » vaut « {value} »")
    assert error.field == "published"


@pytest.mark.parametrize(
    "value",
    ["http://atelier.example.org", "javascript:alert(1)", "salle@", "Jean Dupont", "mailto:salle@example.org",
     "salle@atelier", "<b>@example.org"],
)
def test_bad_contact(tmp_path, value):
    error = error_of(tmp_path, GOOD.replace("contact: salle@atelier.example.org", f"contact: '{value}'"))
    # contact is line 7.
    assert str(error).startswith("network/board/salle.yml:7: « contact » vaut")
    assert error.field == "contact"


def test_https_contact_is_accepted(tmp_path):
    text = GOOD.replace("contact: salle@atelier.example.org", "contact: https://atelier.example.org/salle?x=1")
    assert load_entry(write(tmp_path, text), CATEGORIES)["contact"].startswith("https://")


def test_until_before_published(tmp_path):
    error = error_of(tmp_path, GOOD.replace("until: 2027-03-31", "until: 2026-09-30"))
    # until is line 9.
    assert str(error) == (
        "network/board/salle.yml:9: « until » (2026-09-30) est avant « published » (2026-10-01)"
    )


def test_until_equal_to_published_is_fine(tmp_path):
    load_entry(write(tmp_path, GOOD.replace("until: 2027-03-31", "until: 2026-10-01")), CATEGORIES)


def test_broken_yaml(tmp_path):
    # Line 4 opens a quote that never closes: the scanner stops at the end (line 11).
    text = GOOD.replace("organisation: Atelier fictif", 'organisation: "Atelier fictif')
    error = error_of(tmp_path, text)
    assert str(error).startswith("network/board/salle.yml:11: syntaxe YAML invalide")


def test_bad_indentation(tmp_path):
    text = GOOD.replace("territory: Montréal", "  territory: Montréal")
    error = error_of(tmp_path, text)
    # The indented key at line 5 is where the parser gives up.
    assert str(error).startswith("network/board/salle.yml:5: syntaxe YAML invalide")


def test_duplicate_key(tmp_path):
    error = error_of(tmp_path, GOOD + "title: Autre titre\n")
    assert str(error) == "network/board/salle.yml:11: la clé « title » apparaît deux fois dans le même bloc"


def test_not_text(tmp_path):
    error = error_of(tmp_path, GOOD.replace("title: Salle de réunion", "title: 42"))
    assert str(error) == "network/board/salle.yml:2: « title » doit être du texte (mettez-le entre guillemets)"


def test_too_long(tmp_path):
    error = error_of(tmp_path, GOOD.replace("title: Salle de réunion", "title: " + "x" * 121))
    assert str(error).startswith("network/board/salle.yml:2: « title » est trop long (121 caractères, 120 au plus)")


def test_empty_file(tmp_path):
    assert str(error_of(tmp_path, "")) == "network/board/salle.yml:1: le fichier est vide"


def test_list_instead_of_mapping(tmp_path):
    assert str(error_of(tmp_path, "- kind: offer\n")).startswith("network/board/salle.yml:1: l'annonce doit être un bloc")


def test_bad_file_name(tmp_path):
    error = error_of(tmp_path, GOOD, name="Salle Plateau.yml")
    assert str(error).startswith("network/board/Salle Plateau.yml: le nom du fichier")


def test_not_utf8(tmp_path):
    path = write(tmp_path, GOOD)
    path.write_bytes("title: é".encode("latin-1"))
    with pytest.raises(NetworkError, match="n'est pas encodé en UTF-8"):
        load_entry(path, CATEGORIES, root=tmp_path)


# --- the date rule ---------------------------------------------------------


def test_expired_entries_are_left_off_and_counted(tmp_path):
    write(tmp_path, GOOD, "a-en-cours.yml")  # until 2027-03-31
    write(tmp_path, GOOD.replace("until: 2027-03-31", "until: 2026-11-29"), "b-expiree.yml")
    write(tmp_path, GOOD.replace("until: 2027-03-31", "until: 2026-11-30"), "c-dernier-jour.yml")
    entries, expired = load_board(tmp_path / "network" / "board", CATEGORIES, dt.date(2026, 11, 30), tmp_path)
    # On 2026-11-30: until 2026-11-29 is past (left off); until 2026-11-30 is its last day (kept).
    assert expired == 1
    assert sorted(e["id"] for e in entries) == ["a-en-cours", "c-dernier-jour"]


def test_board_order_newest_first(tmp_path):
    write(tmp_path, GOOD, "ancienne.yml")
    write(tmp_path, GOOD.replace("published: 2026-10-01", "published: 2026-11-01"), "recente.yml")
    entries, _ = load_board(tmp_path / "network" / "board", CATEGORIES, dt.date(2026, 11, 30), tmp_path)
    assert [e["id"] for e in entries] == ["recente", "ancienne"]


# --- contacts --------------------------------------------------------------

CONTACTS = """\
territories:
  - territory: Liège
    contacts:
      - name: Agence fictive
        role: Conseil
        contact: conseil@agence.example.org
"""


def contacts_error(tmp_path, text) -> NetworkError:
    path = tmp_path / "network" / "contacts.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NetworkError) as caught:
        load_contacts(path, root=tmp_path)
    return caught.value


def test_contacts_unknown_key(tmp_path):
    error = contacts_error(tmp_path, CONTACTS + "        fax: 123\n")
    # fax is line 7.
    assert str(error).startswith("network/contacts.yml:7: clé inconnue « fax »")


def test_contacts_bad_contact(tmp_path):
    error = contacts_error(tmp_path, CONTACTS.replace("conseil@agence.example.org", "http://agence.example.org"))
    # contact is line 6.
    assert str(error).startswith("network/contacts.yml:6: « contact » vaut")


def test_contacts_missing_role(tmp_path):
    error = contacts_error(tmp_path, CONTACTS.replace("        role: Conseil\n", ""))
    # The contact's block starts at line 4 ("- name: ...").
    assert str(error) == "network/contacts.yml:4: clé « role » manquante dans le contact n° 1 du territoire « Liège »"


def test_contacts_duplicate_territory(tmp_path):
    error = contacts_error(tmp_path, CONTACTS + CONTACTS.split("\n", 1)[1])
    # The second "territory: Liège" is line 7.
    assert str(error) == "network/contacts.yml:7: territoire « Liège » déjà décrit ligne 2"


def test_contacts_broken_yaml(tmp_path):
    error = contacts_error(tmp_path, "territories:\n  - territory: [Liège\n")
    assert str(error).startswith("network/contacts.yml:3: syntaxe YAML invalide")


# --- the shipped files and the JSON Schemas ---------------------------------


def test_shipped_files_load_and_match_the_schemas():
    board_schema = json.loads((ROOT / "network" / "board.schema.json").read_text(encoding="utf-8"))
    contacts_schema = json.loads((ROOT / "network" / "contacts.schema.json").read_text(encoding="utf-8"))
    assert board_schema["properties"]["category"]["enum"] == list(CATEGORIES)
    paths = sorted((ROOT / "network" / "board").glob("*.yml"))
    assert paths, "au moins une annonce d'exemple"
    for path in paths:
        load_entry(path, CATEGORIES, root=ROOT)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates as text
        jsonschema.validate(data, board_schema)
        assert "exemple fictif" in data["organisation"]
    load_contacts(ROOT / "network" / "contacts.yml", root=ROOT)
    jsonschema.validate(yaml.safe_load((ROOT / "network" / "contacts.yml").read_text(encoding="utf-8")), contacts_schema)


def test_schema_refuses_what_the_loader_refuses():
    schema = json.loads((ROOT / "network" / "board.schema.json").read_text(encoding="utf-8"))
    good = yaml.load(GOOD, Loader=yaml.BaseLoader)
    jsonschema.validate(good, schema)
    for bad in ({**good, "price": "10"}, {**good, "category": "cuisine"}, {**good, "contact": "http://x.org"},
                {k: v for k, v in good.items() if k != "title"}, {**good, "country": "Québec"},
                {k: v for k, v in good.items() if k != "country"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
