"""Load and validate the agreement models (agreements/<id>.yml). Build time only.

Reads YAML with the line of every key, and checks links against the guide's
pages and anchors, with the shared reader (``yamlfile``, ``DocsIndex``).
Anything wrong raises one :class:`AgreementError` whose text is ``agreements/<file>.yml:<line>: <message>``.
The result of :func:`load_model` is plain JSON data, the shape described in
``agreements/schema.json`` and read by :mod:`agreements.assemble`.
"""

from __future__ import annotations

import re
from pathlib import Path

from agreements import TERRITORIES, TERRITORY_NAMES
from agreements.assemble import PLACEHOLDER
from law.cite import applies_in, reference_item
from yamlfile import DocsIndex, YamlError, parse
from yamlfile import line_of as _line_of

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).resolve().parent
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
OFFICIAL_HOSTS = ("www.legifrance.gouv.fr", "www.legisquebec.gouv.qc.ca", "www.ejustice.just.fgov.be")
# calculator:split:shares_others:<field> names the field that holds the party left out.
PREFILL = re.compile(r"^(organisation:name|questionnaire:[a-z0-9_]+:[a-z0-9_]+|calculator:[a-z0-9-]+:[a-z_]+(:[a-z0-9_]+)?)$")

TOP_KEYS = {"id": True, "title": True, "summary": True, "version": False, "territories": True, "fields": True,
            "clauses": True, "closing": False, "cosigners": False, "note": True}
COSIGNER_KEYS = {"field": True, "role": True, "territories": False}
GROUP_KEYS = {"fields": False, "clauses": True}
GROUP_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
FIELD_KEYS = {"name": True, "label": True, "help": False, "prefill": False}
CLAUSE_KEYS = {"id": True, "title": True, "text": True, "why": True, "link": True, "optional": False,
               "applies_when": False, "territories": False, "references": False, "law": False}
REFERENCE_KEYS = {"territory": True, "label": True, "url": True}
_TYPE_NAMES = {str: "du texte", bool: "true ou false", list: "une liste", dict: "un bloc de clés"}


class AgreementError(Exception):
    """A model file is wrong; ``str(error)`` is ``agreements/<file>.yml:<line>: <message>``."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


class _Checker:
    """Checks one model file; the groups it includes are checked by a checker of their own file."""

    def __init__(self, file: str, expected_id: str, docs: DocsIndex | None, register: dict | None = None,
                 common: Path | None = None, root: Path = ROOT):
        self.file, self.expected_id, self.docs = file, expected_id, docs
        self.register = register if register is not None else {}
        self.common, self.root = common, root

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

    def fields(self, data, what, fields: dict, field_lines: dict, required: bool = True) -> None:
        """Read ``fields:`` into ``fields`` (name -> field); a name defined twice is an error."""
        if "fields" not in data and not required:
            return
        raw_fields = self.typed(data, "fields", list, what)
        naming = {}  # fields whose prefill rule names another field: checked once all are read
        for index, raw in enumerate(raw_fields):
            line = raw_fields.item_lines[index]
            where = f"le champ n° {index + 1}"
            self.keys(raw, FIELD_KEYS, where, line)
            name = self.identifier(raw, "name", where)
            where = f"le champ « {name} »"
            if name in fields:
                self.fail(_line_of(raw, "name"), f"champ « {name} » déjà défini ({field_lines[name]})")
            field_lines[name] = f"{self.file}:{_line_of(raw, 'name')}"
            field = {"name": name, "label": self.typed(raw, "label", str, where)}
            if "help" in raw:
                field["help"] = self.typed(raw, "help", str, where)
            if "prefill" in raw:
                prefill = self.typed(raw, "prefill", str, where)
                if not PREFILL.match(prefill):
                    self.fail(_line_of(raw, "prefill"), f"« prefill » vaut « {prefill} » : écrivez organisation:name, questionnaire:<id>:<question> ou calculator:<id>:<valeur>")
                field["prefill"] = prefill
                if prefill.count(":") == 3:
                    naming[name] = _line_of(raw, "prefill")
            fields[name] = field
        for name, line in naming.items():
            named = fields[name]["prefill"].split(":")[3]
            if named not in fields:
                self.fail(line, f"« prefill » du champ « {name} » nomme le champ « {named} », qu'aucun champ (fields) ne définit")

    def law(self, raw, what, territories) -> list[dict]:
        """The register entries a clause cites (``law: [id, …]``), as the drafts list them."""
        ids = self.typed(raw, "law", list, what)
        out = []
        for rid, line in zip(ids, ids.item_lines):
            entry = self.register.get(rid) if isinstance(rid, str) else None
            if entry is None:
                self.fail(line, f"référence « {rid} » de {what} absente du registre law/*.yml")
            where = applies_in(entry)
            if not any(t in territories for t in where):
                names = ", ".join(territories)
                self.fail(line, f"la référence « {rid} » ({entry['territory']}) ne s'applique à aucun territoire de {what} ({names})")
            out.append({**reference_item(entry), "applies_in": list(where)})
        return out

    def old_references(self, raw, what, territories) -> list[dict]:
        """Former ``references:`` (label and link written in the model): still read, undated."""
        refs = self.typed(raw, "references", list, what)
        out = []
        for rindex, ref in enumerate(refs):
            rwhat = f"la référence n° {rindex + 1} de {what}"
            self.keys(ref, REFERENCE_KEYS, rwhat, refs.item_lines[rindex])
            territory = self.typed(ref, "territory", str, rwhat)
            if territory not in territories:
                self.fail(_line_of(ref, "territory"), f"territoire « {territory} » de {rwhat} : la clause ne s'applique pas à ce territoire")
            url = self.typed(ref, "url", str, rwhat)
            host = re.match(r"^https://([^/]+)/", url)
            if not host or host.group(1) not in OFFICIAL_HOSTS:
                self.fail(_line_of(ref, "url"), f"l'adresse « {url} » doit être une source officielle en https ({', '.join(OFFICIAL_HOSTS)})")
            out.append({"id": "", "jurisdiction": TERRITORY_NAMES[territory], "label": self.typed(ref, "label", str, rwhat),
                        "url": url, "checked": None, "checked_text": None, "confirmed": False, "applies_in": [territory]})
        return out

    def clause(self, raw, line, index, fields, used, model_territories) -> dict | None:
        """One clause, checked; None when none of its territories is the model's (an included group's)."""
        what = f"la clause n° {index + 1}"
        self.keys(raw, CLAUSE_KEYS, what, line)
        cid = self.identifier(raw, "id", what)
        what = f"la clause « {cid} »"
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
        if "territories" in raw:
            own = self.territories(raw, what)
            clause["territories"] = [t for t in own if t in model_territories]
            if not clause["territories"]:
                if self.expected_id is None:  # an included group: this clause is for other countries
                    return None
                self.fail(_line_of(raw, "territories"), f"territoires de {what} : aucun n'est un territoire du modèle ({', '.join(model_territories)})")
        else:
            clause["territories"] = list(model_territories)
        if "law" in raw and "references" in raw:
            self.fail(_line_of(raw, "references"), f"{what} : citez le registre (« law ») et retirez « references »")
        clause["references"] = (
            self.law(raw, what, clause["territories"]) if "law" in raw
            else self.old_references(raw, what, clause["territories"]) if "references" in raw else []
        )
        return clause

    def group(self, name: str, line: int, fields, field_lines, used, model_territories) -> list[tuple[dict, str]]:
        """The clauses of ``agreements/common/<name>.yml`` (and its fields), checked against its own file."""
        if not GROUP_PATTERN.match(name) or self.common is None or not (self.common / f"{name}.yml").is_file():
            known = ", ".join(sorted(p.stem for p in self.common.glob("*.yml"))) if self.common is not None else ""
            self.fail(line, f"groupe de clauses « {name} » introuvable dans agreements/common/ (groupes : {known or 'aucun'})")
        path = self.common / f"{name}.yml"
        checker = _Checker(_file_name(path, self.root), None, self.docs, self.register, None, self.root)
        data = _parse(path, checker.file)
        if data is None:
            checker.fail(1, "le fichier est vide")
        checker.keys(data, GROUP_KEYS, "le groupe de clauses", getattr(data, "line", 1))
        own_fields: dict[str, dict] = {}
        checker.fields(data, "le groupe de clauses", own_fields, field_lines, required=False)
        for field_name, field in own_fields.items():
            fields.setdefault(field_name, field)
        out = []
        raw_clauses = checker.typed(data, "clauses", list, "le groupe de clauses")
        for index, raw in enumerate(raw_clauses):
            clause = checker.clause(raw, raw_clauses.item_lines[index], index, fields, used, model_territories)
            if clause is not None:
                out.append((clause, f"{checker.file}:{_line_of(raw, 'id')}"))
        return out

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
        model["version"] = self.typed(data, "version", str, "le modèle") if "version" in data else ""
        model["territories"] = self.territories(data, "le modèle")

        fields: dict[str, dict] = {}
        field_lines: dict[str, str] = {}
        self.fields(data, "le modèle", fields, field_lines)
        model_fields = set(fields)

        used: set[str] = set()
        clauses = []
        clause_lines: dict[str, str] = {}
        raw_clauses = self.typed(data, "clauses", list, "le modèle")
        for index, raw in enumerate(raw_clauses):
            line = raw_clauses.item_lines[index]
            if isinstance(raw, dict) and "include" in raw:
                self.keys(raw, {"include": True}, f"l'inclusion n° {index + 1}", line)
                found = self.group(self.typed(raw, "include", str, "l'inclusion"), _line_of(raw, "include"),
                                   fields, field_lines, used, model["territories"])
            else:
                clause = self.clause(raw, line, index, fields, used, model["territories"])
                found = [(clause, f"{self.file}:{_line_of(raw, 'id')}")]
            for clause, where in found:
                if clause["id"] in clause_lines:
                    first = clause_lines[clause["id"]]
                    first_file, first_line = first.rsplit(":", 1)
                    shown = f"ligne {first_line}" if first_file == self.file else f"dans {first}"
                    self.fail(line, f"id de clause « {clause['id']} » déjà utilisé {shown}")
                clause_lines[clause["id"]] = where
                clauses.append(clause)
        for territory in model["territories"]:
            if not any(territory in c["territories"] for c in clauses):
                self.fail(_line_of(data, "territories"), f"aucune clause ne s'applique au territoire {territory}")
        if "closing" in data:
            model["closing"] = self.placeholders(data, "closing", fields, used, "de clôture (closing)")
        model["cosigners"] = []
        if "cosigners" in data:
            raw_cosigners = self.typed(data, "cosigners", list, "le modèle")
            for index, raw in enumerate(raw_cosigners):
                what = f"la signature supplémentaire n° {index + 1} (cosigners)"
                self.keys(raw, COSIGNER_KEYS, what, raw_cosigners.item_lines[index])
                field = self.identifier(raw, "field", what)
                if field not in fields:
                    self.fail(_line_of(raw, "field"), f"{what} nomme le champ « {field} », qu'aucun champ (fields) ne définit")
                used.add(field)
                model["cosigners"].append({
                    "field": field,
                    "role": self.typed(raw, "role", str, what),
                    "territories": self.territories(raw, what, model["territories"]) if "territories" in raw else list(model["territories"]),
                })
        unused = [name for name in model_fields if name not in used]
        if unused:
            name = unused[0]
            self.fail(int(field_lines[name].rsplit(":", 1)[1]), f"le champ « {name} » n'est utilisé par aucune clause")
        model["fields"] = [field for name, field in fields.items() if name in used]
        model["clauses"] = clauses
        model["note"] = self.typed(data, "note", str, "le modèle")
        return model


def _file_name(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).name


def _parse(path: Path, file: str):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AgreementError(file, None, "le fichier n'est pas encodé en UTF-8") from None
    try:
        return parse(text, file)
    except YamlError as error:
        raise AgreementError(error.file, error.line, error.message) from None


def load_model(path: Path, docs_dir: Path | None = None, root: Path = ROOT, register: dict | None = None) -> dict:
    """One validated model (``docs_dir`` None: links are not checked).

    ``register``: the law register by id (``law.register.load_register``);
    None reads ``<root>/law``. Groups of shared clauses come from the
    ``common/`` folder beside the model.
    """
    path = Path(path)
    if register is None:
        register = _register(root)
    file = _file_name(path, root)
    data = _parse(path, file)
    docs = DocsIndex(docs_dir) if docs_dir is not None else None
    return _Checker(file, path.stem, docs, register, path.parent / "common", root).run(data)


def _register(root: Path) -> dict:
    from law.register import LawError, load_register

    try:
        return load_register(Path(root) / "law", root=root) if (Path(root) / "law").is_dir() else load_register(root=ROOT)
    except LawError as error:
        raise AgreementError(error.file, error.line, error.message) from None


def load_all(folder: Path = FOLDER, docs_dir: Path | None = ROOT / "docs", root: Path = ROOT, register: dict | None = None) -> dict[str, dict]:
    """Every ``*.yml`` of the folder, validated, by id (sorted by file name)."""
    if register is None:
        register = _register(root)
    return {path.stem: load_model(path, docs_dir, root, register) for path in sorted(Path(folder).glob("*.yml"))}
