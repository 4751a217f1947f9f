"""Load and validate the questionnaires (questionnaires/<id>.yml).

A plain module, tested without MkDocs. ``load_questionnaire`` reads one file
with the line of every key, checks it against the format described in
``questionnaires/schema.json`` (and in the contributors' notes), checks every
``link`` against the pages of ``docs/``, and returns a plain ``dict``:

    {"id", "version", "title", "step", "intro",
     "sections": [{"id", "title", "intro"?, "questions":
        [{"id", "kind", "label", "help"?, "options"?: [{"value", "label"}],
          "link"?}]}]}

Anything wrong raises one ``QuestionnaireError`` whose text is
``questionnaires/<file>.yml:<line>: <what is wrong>``.
"""

from __future__ import annotations

import re
from pathlib import Path

from yamlfile import DocsIndex, LineLoader, YamlError, page_anchors, parse, relative_name
from yamlfile import line_of as _line_of

STEPS = ("impulsion", "reflexion", "diagnostic", "modelisation", "realisation", "evaluation")
KINDS = ("check", "text", "choice", "rating")
PORTRAIT_SECTIONS = (
    "identite",
    "gouvernance",
    "locaux_equipements",
    "services",
    "communication",
    "gestion_administration",
)

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")
OPTION_VALUE_PATTERN = re.compile(r"^[a-z0-9_-]+$")

TOP_KEYS = {"id": True, "version": True, "title": True, "step": True, "intro": True, "sections": True}
SECTION_KEYS = {"id": True, "title": True, "intro": False, "questions": True}
QUESTION_KEYS = {"id": True, "kind": True, "label": True, "help": False, "options": False, "link": False}
OPTION_KEYS = {"value": True, "label": True}

# Markdown links in intros: [text](target)
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


class QuestionnaireError(YamlError):
    """A questionnaire file is wrong; ``str(error)`` is ``<file>:<line>: <message>``."""


def parse_yaml(text: str, file: str, loader: type = LineLoader):
    """yamlfile.parse, its errors as QuestionnaireError (what callers here catch)."""
    try:
        return parse(text, file, loader)
    except YamlError as error:
        raise QuestionnaireError(error.file, error.line, error.message) from None


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

def _of(what: str) -> str:
    """"le questionnaire" -> "du questionnaire", "la question" -> "de la question"."""
    if what.startswith("le "):
        return "du " + what[3:]
    return "de " + what


_TYPE_NAMES = {str: "du texte", int: "un nombre entier", list: "une liste", dict: "un bloc de clés"}


class _Validator:
    def __init__(self, file: str, expected_id: str, docs: DocsIndex | None):
        self.file = file
        self.expected_id = expected_id
        self.docs = docs

    def fail(self, line, message):
        raise QuestionnaireError(self.file, line, message)

    def mapping(self, value, line, what):
        if not isinstance(value, dict):
            self.fail(line, f"{what} doit être un bloc de clés (« clé: valeur »)")
        return value

    def keys(self, mapping, allowed: dict, what: str):
        for key in mapping:
            if key not in allowed:
                known = ", ".join(allowed)
                self.fail(_line_of(mapping, key), f"clé inconnue « {key} » dans {what} (clés possibles : {known})")
        for key, required in allowed.items():
            if required and key not in mapping:
                self.fail(mapping.line, f"clé « {key} » manquante dans {what}")

    def typed(self, mapping, key, kind, what):
        value = mapping[key]
        line = _line_of(mapping, key)
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            hint = " (mettez-le entre guillemets)" if kind is str and isinstance(value, (bool, int, float)) else ""
            self.fail(line, f"« {key} » {_of(what)} doit être {_TYPE_NAMES[kind]}{hint}")
        if kind is str and not value.strip():
            self.fail(line, f"« {key} » {_of(what)} est vide")
        if kind is list and not value:
            self.fail(line, f"« {key} » {_of(what)} est une liste vide")
        return value

    def identifier(self, mapping, key, what, pattern=ID_PATTERN):
        value = self.typed(mapping, key, str, what)
        if not pattern.match(value):
            allowed = "a-z, 0-9, _ et -" if pattern is OPTION_VALUE_PATTERN else "a-z, 0-9 et _"
            self.fail(
                _line_of(mapping, key),
                f"« {key} » {_of(what)} vaut « {value} » : seuls les caractères {allowed} sont permis",
            )
        return value

    def link(self, mapping, what):
        target = self.typed(mapping, "link", str, what)
        if self.docs is not None:
            problem = self.docs.check(target)
            if problem:
                self.fail(_line_of(mapping, "link"), problem)
        return target

    def intro_links(self, mapping, what):
        text = mapping["intro"]
        for _label, target in MARKDOWN_LINK.findall(text):
            if re.match(r"^(https?:|mailto:)", target):
                continue
            if self.docs is not None:
                problem = self.docs.check(target)
                if problem:
                    self.fail(_line_of(mapping, "intro"), f"dans l'intro {_of(what)}, {problem}")

    def run(self, data) -> dict:
        if data is None:
            self.fail(1, "le fichier est vide")
        top = self.mapping(data, getattr(data, "line", 1), "le fichier")
        self.keys(top, TOP_KEYS, "le questionnaire")
        qid = self.identifier(top, "id", "le questionnaire")
        if qid != self.expected_id:
            self.fail(_line_of(top, "id"), f"l'id « {qid} » doit être le nom du fichier (« {self.expected_id} »)")
        version = self.typed(top, "version", int, "le questionnaire")
        if version < 1:
            self.fail(_line_of(top, "version"), "« version » doit être un entier positif (1, 2, 3…)")
        title = self.typed(top, "title", str, "le questionnaire")
        step = self.typed(top, "step", str, "le questionnaire")
        if step not in STEPS:
            self.fail(_line_of(top, "step"), f"étape « {step} » inconnue (étapes possibles : {', '.join(STEPS)})")
        intro = self.typed(top, "intro", str, "le questionnaire")
        self.intro_links(top, "le questionnaire")
        sections_raw = self.typed(top, "sections", list, "le questionnaire")

        sections = []
        section_ids: dict[str, int] = {}
        question_ids: dict[str, int] = {}
        for position, raw in enumerate(sections_raw):
            line = sections_raw.item_lines[position]
            where = f"la section n° {position + 1}"
            section = self.mapping(raw, line, where)
            if isinstance(section.get("id"), str) and ID_PATTERN.match(section["id"]):
                where = f"la section « {section['id']} »"
            self.keys(section, SECTION_KEYS, where)
            sid = self.identifier(section, "id", where)
            where = f"la section « {sid} »"
            if sid in section_ids:
                self.fail(_line_of(section, "id"), f"id de section « {sid} » déjà utilisé ligne {section_ids[sid]}")
            section_ids[sid] = _line_of(section, "id")
            out = {"id": sid, "title": self.typed(section, "title", str, where)}
            if "intro" in section:
                out["intro"] = self.typed(section, "intro", str, where)
                self.intro_links(section, where)
            questions_raw = self.typed(section, "questions", list, where)
            out["questions"] = [
                self.question(item, questions_raw.item_lines[index], index, sid, question_ids)
                for index, item in enumerate(questions_raw)
            ]
            sections.append(out)

        result = {"id": qid, "version": version, "title": title, "step": step, "intro": intro, "sections": sections}
        if qid == "portrait":
            self.portrait_rules(top, result)
        return result

    def question(self, raw, line, index, section_id, seen: dict) -> dict:
        where = f"la question n° {index + 1} de la section « {section_id} »"
        question = self.mapping(raw, line, where)
        if isinstance(question.get("id"), str) and ID_PATTERN.match(question["id"]):
            where = f"la question « {question['id']} »"
        self.keys(question, QUESTION_KEYS, where)
        qid = self.identifier(question, "id", where)
        where = f"la question « {qid} »"
        if qid in seen:
            self.fail(_line_of(question, "id"), f"id de question « {qid} » déjà utilisé ligne {seen[qid]}")
        seen[qid] = _line_of(question, "id")
        kind = self.typed(question, "kind", str, where)
        if kind not in KINDS:
            self.fail(_line_of(question, "kind"), f"type « {kind} » inconnu pour {where} (types possibles : {', '.join(KINDS)})")
        out = {"id": qid, "kind": kind, "label": self.typed(question, "label", str, where)}
        if "help" in question:
            out["help"] = self.typed(question, "help", str, where)
        if kind == "choice":
            if "options" not in question:
                self.fail(question.line, f"{where} est de type choice mais n'a pas de liste « options »")
            out["options"] = self.options(question, where)
        elif "options" in question:
            self.fail(_line_of(question, "options"), f"« options » n'est permis que pour le type choice ({where} est de type {kind})")
        if "link" in question:
            out["link"] = self.link(question, where)
        return out

    def options(self, question, where) -> list:
        raw = self.typed(question, "options", list, where)
        values: dict[str, int] = {}
        options = []
        for index, item in enumerate(raw):
            line = raw.item_lines[index]
            what = f"l'option n° {index + 1} de {where}"
            option = self.mapping(item, line, what)
            self.keys(option, OPTION_KEYS, what)
            value = self.identifier(option, "value", what, OPTION_VALUE_PATTERN)
            if value in values:
                self.fail(_line_of(option, "value"), f"valeur « {value} » déjà utilisée ligne {values[value]} dans {where}")
            values[value] = _line_of(option, "value")
            options.append({"value": value, "label": self.typed(option, "label", str, what)})
        if len(options) < 2:
            self.fail(raw.line, f"{where} doit proposer au moins deux options")
        return options

    def portrait_rules(self, top, result):
        ids = [section["id"] for section in result["sections"]]
        if tuple(ids) != PORTRAIT_SECTIONS:
            self.fail(
                _line_of(top, "sections"),
                f"les sections du portrait doivent être, dans l'ordre : {', '.join(PORTRAIT_SECTIONS)} (trouvé : {', '.join(ids)})",
            )
        for section_raw, section in zip(top["sections"], result["sections"]):
            for question_raw, question in zip(section_raw["questions"], section["questions"]):
                if question["kind"] != "rating":
                    self.fail(_line_of(question_raw, "kind"), f"toutes les questions du portrait sont de type rating (« {question['id']} » est {question['kind']})")
        identite = result["sections"][0]
        if not any(q["id"] == "mission_valeurs" for q in identite["questions"]):
            self.fail(top["sections"].item_lines[0], "la section « identite » du portrait doit contenir la question « mission_valeurs »")


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------


def load_questionnaire(path: Path, docs_dir: Path | None = None, root: Path | None = None, docs: DocsIndex | None = None) -> dict:
    """Load one questionnaire file and validate it; raises QuestionnaireError.

    ``docs_dir`` (or a shared ``docs`` index) turns on the check of links;
    ``root`` is the folder file names are shown relative to (the project).
    """
    path = Path(path)
    name = relative_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuestionnaireError(name, None, "fichier introuvable") from None
    except UnicodeDecodeError:
        raise QuestionnaireError(name, None, "le fichier n'est pas encodé en UTF-8") from None
    if docs is None and docs_dir is not None:
        docs = DocsIndex(Path(docs_dir))
    data = parse_yaml(text, name)
    return _Validator(name, path.stem, docs).run(data)


def load_all(questionnaires_dir: Path, docs_dir: Path | None = None, root: Path | None = None) -> dict[str, dict]:
    """Every ``*.yml`` of the folder, by id, in file-name order."""
    docs = DocsIndex(Path(docs_dir)) if docs_dir is not None else None
    result = {}
    for path in sorted(Path(questionnaires_dir).glob("*.yml")):
        result[path.stem] = load_questionnaire(path, root=root, docs=docs)
    return result


_MACRO_CALL = re.compile(r"""\{\{\s*questionnaire\(\s*["']([^"']*)["']\s*\)\s*\}\}""")
_RENDER_MACROS = re.compile(r"^render_macros:\s*true\s*$", re.M)


def find_calls(docs_dir: Path) -> list[tuple[str, int, str]]:
    """Every ``{{ questionnaire("<id>") }}`` of the pages that render macros: (page, line, id)."""
    calls = []
    docs_dir = Path(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = re.match(r"^---\n(.*?)\n---\n", text, re.S)
        if not front or not _RENDER_MACROS.search(front.group(1)):
            continue
        for match in _MACRO_CALL.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            calls.append((path.relative_to(docs_dir).as_posix(), line, match.group(1)))
    return calls


def find_pages(docs_dir: Path) -> dict[str, str]:
    """Which page holds each questionnaire: {id: "etapes/impulsion.md"} (first page found)."""
    call = re.compile(r"""\{\{\s*questionnaire\(\s*["']([a-z0-9_]+)["']\s*\)\s*\}\}""")
    pages: dict[str, str] = {}
    docs_dir = Path(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for qid in call.findall(text):
            pages.setdefault(qid, path.relative_to(docs_dir).as_posix())
    return pages

