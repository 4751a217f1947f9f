"""Load and validate the network's data: board entries and contacts.

A plain module, tested without MkDocs. The YAML reader with line numbers is the
shared one (``yamlfile``): its errors are turned into ``NetworkError`` with the
same text.

- ``network/board/<id>.yml``: one offer or need (format in
  ``network/board.schema.json``). ``load_board`` returns the entries still
  current on ``today`` and the number of expired ones left off.
- ``network/contacts.yml``: resource centres and advisers by territory
  (format in ``network/contacts.schema.json``).

Anything wrong raises one ``NetworkError`` whose text is
``network/<file>.yml:<line>: <what is wrong>``. What the board page hands to
the browser (words, rules) is ``macros.network_catalog``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from macros.countries import COUNTRIES
from yamlfile import LineLoader as _LineLoader
from yamlfile import YamlError, parse
from yamlfile import construct_mapping as _construct_mapping
from yamlfile import construct_sequence as _construct_sequence
from yamlfile import line_of as _line_of
from yamlfile import relative_name

KINDS = {"offer": "Offre", "need": "Besoin"}
# An entry without "Valable jusqu'au" in its form stays this many days.
DEFAULT_DAYS = 180
ENTRY_KEYS = {
    "kind": True,
    "title": True,
    "category": True,
    "organisation": True,
    "territory": True,
    "country": True,
    "description": True,
    "contact": True,
    "published": True,
    "until": True,
    "schedule": False,
    "conditions": False,
}
CONTACTS_KEYS = {"territories": True}
TERRITORY_KEYS = {"territory": True, "contacts": True}
CONTACT_KEYS = {"name": True, "role": True, "contact": True, "phone": False}

# Maximum lengths, so that one entry cannot swamp the board page.
MAX_LENGTHS = {"title": 120, "organisation": 120, "territory": 80, "description": 2000,
               "contact": 200, "schedule": 300, "conditions": 600, "name": 120, "role": 200,
               "phone": 40}

EMAIL = re.compile(r"^[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>\"]*)?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PHONE = re.compile(r"^\+?[0-9 .()-]{6,}$")

# Field names in French, as the issue form and the messages say them.
FIELD_LABELS = {
    "kind": "Type d'annonce",
    "title": "Titre",
    "category": "Catégorie",
    "organisation": "Organisation",
    "territory": "Territoire",
    "country": "Pays",
    "description": "Description",
    "contact": "Contact",
    "published": "Date de publication",
    "until": "Valable jusqu'au",
    "schedule": "Disponibilités",
    "conditions": "Conditions",
}


class NetworkError(Exception):
    """A network data file is wrong; ``str(error)`` is ``<file>:<line>: <message>``.

    ``field`` names the entry's key at fault when there is one (the issue
    converter uses it to tell the submitter which field to fix).
    """

    def __init__(self, file: str, line: int | None, message: str, field: str | None = None):
        self.file = file
        self.line = line
        self.message = message
        self.field = field
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


def categories_from_inventory(path: Path) -> dict[str, str]:
    """The inventory questionnaire's categories: {section id: section title}."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = parse(text, relative_name(path, None))
    except YamlError as error:
        raise NetworkError(error.file, error.line, error.message) from None
    return {section["id"]: section["title"] for section in data["sections"]}


# The questionnaires' line-keeping constructors, on libyaml's parser when
# PyYAML has it (about ten times faster: a board may hold thousands of files),
# except that dates stay text (checked here, with a French message).
_Base = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


class _TextDatesLoader(_Base or _LineLoader):
    """Mappings and sequences that keep their lines; dates read as text."""


_TextDatesLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_TextDatesLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _LineLoader.yaml_implicit_resolvers.items()
}


def is_contact(value: str) -> bool:
    """An e-mail address or an https URL."""
    return bool(EMAIL.match(value) or HTTPS_URL.match(value))


class _Checker:
    def __init__(self, file: str):
        self.file = file

    def fail(self, line, message, field=None):
        raise NetworkError(self.file, line, message, field)

    def keys(self, mapping, allowed: dict, what: str):
        if not isinstance(mapping, dict):
            self.fail(getattr(mapping, "line", 1), f"{what} doit être un bloc de clés (« clé: valeur »)")
        for key in mapping:
            if key not in allowed:
                known = ", ".join(allowed)
                self.fail(_line_of(mapping, key), f"clé inconnue « {key} » dans {what} (clés possibles : {known})", key)
        for key, required in allowed.items():
            if required and key not in mapping:
                self.fail(getattr(mapping, "line", 1), f"clé « {key} » manquante dans {what}", key)

    def text(self, mapping, key) -> str:
        value = mapping[key]
        line = _line_of(mapping, key)
        if not isinstance(value, str):
            hint = " (mettez-le entre guillemets)" if isinstance(value, (bool, int, float)) else ""
            self.fail(line, f"« {key} » doit être du texte{hint}", key)
        value = value.strip()
        if not value:
            self.fail(line, f"« {key} » est vide", key)
        limit = MAX_LENGTHS.get(key)
        if limit and len(value) > limit:
            self.fail(line, f"« {key} » est trop long ({len(value)} caractères, {limit} au plus)", key)
        return value

    def contact(self, mapping, key="contact") -> str:
        value = self.text(mapping, key)
        if not is_contact(value):
            self.fail(
                _line_of(mapping, key),
                f"« {key} » vaut « {value} » : écrivez une adresse courriel (nom@exemple.org) "
                "ou une adresse web en https://",
                key,
            )
        return value

    def date(self, mapping, key) -> dt.date:
        value = mapping[key]
        line = _line_of(mapping, key)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.fail(line, f"« {key} » vaut « {value} » : écrivez une date réelle au format AAAA-MM-JJ (par exemple 2026-03-15)", key)
        raise AssertionError  # unreachable

    def entry(self, data, entry_id: str, categories: dict[str, str]) -> dict:
        if data is None:
            self.fail(1, "le fichier est vide")
        self.keys(data, ENTRY_KEYS, "l'annonce")
        kind = self.text(data, "kind")
        if kind not in KINDS:
            self.fail(_line_of(data, "kind"), f"« kind » vaut « {kind} » : écrivez offer (offre) ou need (besoin)", "kind")
        category = self.text(data, "category")
        if category not in categories:
            known = ", ".join(categories)
            self.fail(
                _line_of(data, "category"),
                f"catégorie « {category} » inconnue (catégories de l'inventaire : {known})",
                "category",
            )
        entry = {"id": entry_id, "kind": kind, "category": category}
        for key in ("title", "organisation", "territory", "description"):
            entry[key] = self.text(data, key)
        country = self.text(data, "country")
        if country not in COUNTRIES:
            names = [f"{code} ({name})" for code, name in COUNTRIES.items()]
            known = ", ".join(names[:-1]) + " ou " + names[-1]
            self.fail(_line_of(data, "country"), f"« country » vaut « {country} » : écrivez {known}", "country")
        entry["country"] = country
        entry["contact"] = self.contact(data)
        published = self.date(data, "published")
        until = self.date(data, "until")
        if until < published:
            self.fail(
                _line_of(data, "until"),
                f"« until » ({until.isoformat()}) est avant « published » ({published.isoformat()})",
                "until",
            )
        entry["published"] = published.isoformat()
        entry["until"] = until.isoformat()
        for key in ("schedule", "conditions"):
            if key in data:
                entry[key] = self.text(data, key)
        return entry

    def contacts(self, data) -> list[dict]:
        if data is None:
            self.fail(1, "le fichier est vide")
        self.keys(data, CONTACTS_KEYS, "le fichier des contacts")
        territories = data["territories"]
        if not isinstance(territories, list) or not territories:
            self.fail(_line_of(data, "territories"), "« territories » doit être une liste non vide")
        out = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(territories):
            line = territories.item_lines[index]
            if not isinstance(raw, dict):
                self.fail(line, f"le territoire n° {index + 1} doit être un bloc de clés")
            self.keys(raw, TERRITORY_KEYS, f"le territoire n° {index + 1}")
            name = self.text(raw, "territory")
            if name in seen:
                self.fail(_line_of(raw, "territory"), f"territoire « {name} » déjà décrit ligne {seen[name]}")
            seen[name] = _line_of(raw, "territory")
            people = raw["contacts"]
            if not isinstance(people, list) or not people:
                self.fail(_line_of(raw, "contacts"), f"« contacts » du territoire « {name} » doit être une liste non vide")
            contacts = []
            for position, person in enumerate(people):
                where = f"le contact n° {position + 1} du territoire « {name} »"
                if not isinstance(person, dict):
                    self.fail(people.item_lines[position], f"{where} doit être un bloc de clés")
                self.keys(person, CONTACT_KEYS, where)
                item = {"name": self.text(person, "name"), "role": self.text(person, "role"),
                        "contact": self.contact(person)}
                if "phone" in person:
                    phone = self.text(person, "phone")
                    if not PHONE.match(phone):
                        self.fail(_line_of(person, "phone"), f"« phone » vaut « {phone} » : écrivez un numéro de téléphone (chiffres, espaces, +)")
                    item["phone"] = phone
                contacts.append(item)
            out.append({"territory": name, "contacts": contacts})
        return out


def _read(path: Path, name: str):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NetworkError(name, None, "fichier introuvable") from None
    except UnicodeDecodeError:
        raise NetworkError(name, None, "le fichier n'est pas encodé en UTF-8") from None
    return parse_text(text, name)


def parse_text(text: str, name: str):
    """YAML with line numbers; syntax errors become NetworkError."""
    try:
        return parse(text, name, _TextDatesLoader)
    except YamlError as error:
        raise NetworkError(error.file, error.line, error.message) from None


def validate_entry(data, name: str, entry_id: str, categories: dict[str, str]) -> dict:
    """Check one parsed entry (from ``parse_text``); raises NetworkError."""
    return _Checker(name).entry(data, entry_id, categories)


def load_entry(path: Path, categories: dict[str, str], root: Path | None = None, name: str | None = None) -> dict:
    path = Path(path)
    if name is None:
        name = relative_name(path, root) if root is not None else f"network/board/{path.name}"
    if not ENTRY_ID.match(path.stem):
        raise NetworkError(name, None, "le nom du fichier ne doit contenir que a-z, 0-9 et - (par exemple « salle-plateau.yml »)")
    return validate_entry(_read(path, name), name, path.stem, categories)


def load_board(board_dir: Path, categories: dict[str, str], today: dt.date, root: Path | None = None) -> tuple[list[dict], int]:
    """Every entry of the folder, checked; returns (current entries, number expired).

    An entry is current while ``today <= until``. Current entries come newest
    first (then by title), so the list reads like a notice board.
    """
    current, expired = [], 0
    # The folder's name for messages, worked out once (not once per entry).
    prefix = relative_name(Path(board_dir) / "x.yml", root)[: -len("x.yml")] if root is not None else "network/board/"
    for path in sorted(Path(board_dir).glob("*.yml")):
        entry = load_entry(path, categories, root, name=prefix + path.name)
        if dt.date.fromisoformat(entry["until"]) < today:
            expired += 1
        else:
            current.append(entry)
    current.sort(key=lambda e: (e["published"], e["id"]), reverse=True)
    return current, expired


def load_contacts(path: Path, root: Path | None = None) -> list[dict]:
    path = Path(path)
    name = relative_name(path, root) if root is not None else f"network/{path.name}"
    return _Checker(name).contacts(_read(path, name))
