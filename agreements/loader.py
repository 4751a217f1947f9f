"""Load and validate the agreement models (agreements/<id>.yml). Build time only.

Reuses the questionnaires' YAML reader, which keeps the line of every key
(``macros.questionnaire_loader.parse_yaml``) and their index of the guide's
pages and anchors (``DocsIndex``). Anything wrong raises one
:class:`AgreementError` whose text is ``agreements/<file>.yml:<line>: <message>``.
The result of :func:`load_model` is plain JSON data, the shape described in
``agreements/schema.json`` and read by :mod:`agreements.assemble`.
"""

from __future__ import annotations

import re
from pathlib import Path

from agreements import TERRITORIES
from agreements.assemble import PLACEHOLDER
from macros.questionnaire_loader import DocsIndex, QuestionnaireError, _line_of, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).resolve().parent
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
OFFICIAL_HOSTS = ("www.legifrance.gouv.fr", "www.legisquebec.gouv.qc.ca", "www.ejustice.just.fgov.be")
PREFILL = re.compile(r"^(organisation:name|questionnaire:[a-z0-9_]+:[a-z0-9_]+|calculator:[a-z0-9-]+:[a-z_]+)$")

TOP_KEYS = {"id": True, "title": True, "summary": True, "territories": True, "fields": True,
            "clauses": True, "closing": False, "note": True}
FIELD_KEYS = {"name": True, "label": True, "help": False, "prefill": False}
CLAUSE_KEYS = {"id": True, "title": True, "text": True, "why": True, "link": True, "optional": False,
               "applies_when": False, "territories": False, "references": False}
REFERENCE_KEYS = {"territory": True, "label": True, "url": True}
_TYPE_NAMES = {str: "du texte", bool: "true ou false", list: "une liste", dict: "un bloc de clés"}


class AgreementError(Exception):
    """A model file is wrong; ``str(error)`` is ``agreements/<file>.yml:<line>: <message>``."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


class _Checker:
    def __init__(self, file: str, expected_id: str, docs: DocsIndex | None):
        self.file, self.expected_id, self.docs = file, expected_id, docs

    def fail(self, line, message):
        raise AgreementError(self.file, line, message)

    def keys(self, mapping, allowed, what, line):
        if not isinstance(mapping, dict):
            self.fail(line, f"{what} doit être un bloc de clés (« clé: valeur »)")
        for key in mapping:
            if key not in allowed:
                self.fail(_line_of(mapping, key), f"clé inconnue « {key} » dans {what} (clés possibles : {', '.join(allowed)})")
        for key, required in allowed.items():
            if required and key not in mapping:
                self.fail(mapping.line, f"clé « {key} » manquante dans {what}")

    def typed(self, mapping, key, kind, what):
        value = mapping[key]
        line = _line_of(mapping, key)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            self.fail(line, f"« {key} » dans {what} doit être {_TYPE_NAMES[kind]}")
        if kind is str and not value.strip():
            self.fail(line, f"« {key} » dans {what} est vide")
        if kind is list and not value:
            self.fail(line, f"« {key} » dans {what} est une liste vide")
        return value.strip() if kind is str else value

    def identifier(self, mapping, key, what):
        value = self.typed(mapping, key, str, what)
        if not ID_PATTERN.match(value):
            self.fail(_line_of(mapping, key), f"« {key} » vaut « {value} » : seuls a-z, 0-9 et _ sont permis, en commençant par une lettre")
        return value

    def territories(self, mapping, what, allowed=TERRITORIES):
        values = self.typed(mapping, "territories", list, what)
        for value, line in zip(values, values.item_lines):
            if value not in allowed:
                self.fail(line, f"territoire « {value} » inconnu dans {what} (possibles : {', '.join(allowed)})")
        return [t for t in TERRITORIES if t in values]

    def placeholders(self, mapping, key, fields, used, what):
        text = self.typed(mapping, key, str, what)
        for name in PLACEHOLDER.findall(text):
            if name not in fields:
                self.fail(_line_of(mapping, key), f"le texte {what} utilise « {{{name}}} », qu'aucun champ (fields) ne définit")
            used.add(name)
        stray = re.sub(PLACEHOLDER, "", text)
        if "{" in stray or "}" in stray:
            self.fail(_line_of(mapping, key), f"accolade isolée dans le texte {what} : un champ s'écrit {{nom_du_champ}}")
        return text

    def run(self, data) -> dict:
        if data is None:
            self.fail(1, "le fichier est vide")
        self.keys(data, TOP_KEYS, "le modèle", getattr(data, "line", 1))
        model_id = self.identifier(data, "id", "le modèle")
        if model_id != self.expected_id:
            self.fail(_line_of(data, "id"), f"l'id « {model_id} » doit être le nom du fichier (« {self.expected_id} »)")
        model = {"id": model_id}
        for key in ("title", "summary"):
            model[key] = self.typed(data, key, str, "le modèle")
        model["territories"] = self.territories(data, "le modèle")

        fields: dict[str, dict] = {}
        field_lines: dict[str, int] = {}
        raw_fields = self.typed(data, "fields", list, "le modèle")
        for index, raw in enumerate(raw_fields):
            line = raw_fields.item_lines[index]
            what = f"le champ n° {index + 1}"
            self.keys(raw, FIELD_KEYS, what, line)
            name = self.identifier(raw, "name", what)
            what = f"le champ « {name} »"
            if name in fields:
                self.fail(_line_of(raw, "name"), f"champ « {name} » déjà défini ligne {field_lines[name]}")
            field_lines[name] = _line_of(raw, "name")
            field = {"name": name, "label": self.typed(raw, "label", str, what)}
            if "help" in raw:
                field["help"] = self.typed(raw, "help", str, what)
            if "prefill" in raw:
                prefill = self.typed(raw, "prefill", str, what)
                if not PREFILL.match(prefill):
                    self.fail(_line_of(raw, "prefill"), f"« prefill » vaut « {prefill} » : écrivez organisation:name, questionnaire:<id>:<question> ou calculator:<id>:<valeur>")
                field["prefill"] = prefill
            fields[name] = field

        used: set[str] = set()
        clauses = []
        clause_lines: dict[str, int] = {}
        raw_clauses = self.typed(data, "clauses", list, "le modèle")
        for index, raw in enumerate(raw_clauses):
            line = raw_clauses.item_lines[index]
            what = f"la clause n° {index + 1}"
            self.keys(raw, CLAUSE_KEYS, what, line)
            cid = self.identifier(raw, "id", what)
            what = f"la clause « {cid} »"
            if cid in clause_lines:
                self.fail(_line_of(raw, "id"), f"id de clause « {cid} » déjà utilisé ligne {clause_lines[cid]}")
            clause_lines[cid] = _line_of(raw, "id")
            clause = {"id": cid, "title": self.typed(raw, "title", str, what)}
            clause["text"] = self.placeholders(raw, "text", fields, used, f"de {what}")
            clause["why"] = self.typed(raw, "why", str, what)
            link = self.typed(raw, "link", str, what)
            if self.docs is not None:
                problem = self.docs.check(link)
                if problem:
                    self.fail(_line_of(raw, "link"), problem)
            clause["link"] = link
            clause["optional"] = self.typed(raw, "optional", bool, what) if "optional" in raw else False
            if "applies_when" in raw:
                clause["applies_when"] = self.typed(raw, "applies_when", str, what)
            elif clause["optional"]:
                self.fail(raw.line, f"{what} est facultative : dites quand elle s'applique (« applies_when »)")
            clause["territories"] = (
                self.territories(raw, what, model["territories"]) if "territories" in raw else list(model["territories"])
            )
            clause["references"] = []
            if "references" in raw:
                refs = self.typed(raw, "references", list, what)
                for rindex, ref in enumerate(refs):
                    rwhat = f"la référence n° {rindex + 1} de {what}"
                    self.keys(ref, REFERENCE_KEYS, rwhat, refs.item_lines[rindex])
                    territory = self.typed(ref, "territory", str, rwhat)
                    if territory not in clause["territories"]:
                        self.fail(_line_of(ref, "territory"), f"territoire « {territory} » de {rwhat} : la clause ne s'applique pas à ce territoire")
                    url = self.typed(ref, "url", str, rwhat)
                    host = re.match(r"^https://([^/]+)/", url)
                    if not host or host.group(1) not in OFFICIAL_HOSTS:
                        self.fail(_line_of(ref, "url"), f"l'adresse « {url} » doit être une source officielle en https ({', '.join(OFFICIAL_HOSTS)})")
                    clause["references"].append({"territory": territory, "label": self.typed(ref, "label", str, rwhat), "url": url})
            clauses.append(clause)
        for territory in model["territories"]:
            if not any(territory in c["territories"] for c in clauses):
                self.fail(_line_of(data, "territories"), f"aucune clause ne s'applique au territoire {territory}")
        if "closing" in data:
            model["closing"] = self.placeholders(data, "closing", fields, used, "de clôture (closing)")
        unused = [name for name in fields if name not in used]
        if unused:
            name = unused[0]
            self.fail(field_lines[name], f"le champ « {name} » n'est utilisé par aucune clause")
        model["fields"] = list(fields.values())
        model["clauses"] = clauses
        model["note"] = self.typed(data, "note", str, "le modèle")
        return model


def load_model(path: Path, docs_dir: Path | None = None, root: Path = ROOT) -> dict:
    """One validated model (``docs_dir`` None: links are not checked)."""
    path = Path(path)
    try:
        file = path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        file = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AgreementError(file, None, "le fichier n'est pas encodé en UTF-8") from None
    try:
        data = parse_yaml(text, file)
    except QuestionnaireError as error:
        raise AgreementError(error.file, error.line, error.message) from None
    docs = DocsIndex(docs_dir) if docs_dir is not None else None
    return _Checker(file, path.stem, docs).run(data)


def load_all(folder: Path = FOLDER, docs_dir: Path | None = ROOT / "docs", root: Path = ROOT) -> dict[str, dict]:
    """Every ``*.yml`` of the folder, validated, by id (sorted by file name)."""
    return {path.stem: load_model(path, docs_dir, root) for path in sorted(Path(folder).glob("*.yml"))}
