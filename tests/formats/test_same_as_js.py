"""The browser modules and formats/ refuse the same files with the same sentences.

The sentences are written once, in formats/messages.py; the pages read them
from the catalog (words/formats.py, t("formats.…")). Every case of cases.py runs
through both (the JS in Node, tests/formats/formats_js.mjs) and both must
give the message written by hand there; every sentence of formats.messages
is checked against the JS one way or the other (test_every_sentence_is_the_pages).
The v1 fixtures, written by today's export code, open in both.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import subprocess
from pathlib import Path

import pytest

from formats import messages, read_answers_file, read_dossier_file, read_grid_file
from formats.__main__ import definitions as site_definitions
from formats.answers import parse_answers_file

from tests.formats.cases import ACCEPTED, ANSWERS_CASES, DEFINITIONS, DOSSIER_CASES, GRID_CASES

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "docs" / "assets" / "javascripts"
PAGE_MODULES = ("answers.js", "answers-import.js", "questionnaire-form.js", "dossier-file.js", "dossier-import.js", "dossier-saved.js", "grid-files.js", "grid-save.js")
FIXTURES = Path(__file__).parent / "fixtures"
NODE = shutil.which("node")

CASES = (
    [("answers", *case) for case in ANSWERS_CASES]
    + [("dossier", *case) for case in DOSSIER_CASES]
    + [("grid", *case) for case in GRID_CASES]
)


def python_reads(kind: str, text: str, definitions=None):
    definitions = definitions or DEFINITIONS
    if kind == "answers":
        return parse_answers_file(text, definitions["demo"])
    if kind == "dossier":
        return read_dossier_file(text.encode("utf-8"), definitions)
    return read_grid_file(text.encode("utf-8"), definitions["portrait"])


@pytest.fixture(scope="module")
def js():
    """Ask the page's modules, in one Node process: js(kind, text, definitions) -> reply."""
    if NODE is None:
        pytest.skip("Node.js absent")
    proc = subprocess.Popen(
        [NODE, str(Path(__file__).parent / "formats_js.mjs")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", cwd=ROOT,
    )

    def ask(kind: str, text: str, definitions=None):
        definitions = definitions or DEFINITIONS
        request = {"kind": kind, "text": text}
        if kind == "dossier":
            request["definitions"] = definitions
        else:
            request["definition"] = definitions["demo" if kind == "answers" else "portrait"]
        proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        proc.stdin.flush()
        reply = json.loads(proc.stdout.readline())
        assert "error" not in reply, reply["error"]
        return reply

    yield ask
    proc.stdin.close()
    proc.wait(timeout=30)


def _comparable(kind: str, data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "saved"} if kind == "dossier" else data


@pytest.mark.parametrize(("kind", "case", "text", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_page_and_python_say_the_same(js, kind, case, text, expected):
    page = js(kind, text)
    python = python_reads(kind, text)
    if expected is ACCEPTED:
        assert page["ok"] is True, page.get("message")
        assert python.ok is True, python.message
        assert _comparable(kind, python.data) == page["data"]
    else:
        assert page == {"ok": False, "message": expected}
        assert python.message == expected


@pytest.mark.parametrize("name", ["answers-v1.json", "dossier-v1.json", "grid-v1.json"])
def test_todays_files_open_in_both(js, name):
    """Format version 1 as today's site writes it (tests/formats/export_fixtures.mjs)."""
    definitions = site_definitions()
    data = (FIXTURES / name).read_bytes()
    text = data.decode("utf-8")
    if name.startswith("answers"):
        page = js("answers", text, {"demo": definitions["reflexion"]})
        python = read_answers_file(data, definitions["reflexion"])
    elif name.startswith("dossier"):
        page = js("dossier", text, definitions)
        python = read_dossier_file(data, definitions)
    else:
        page = js("grid", text, definitions)
        python = read_grid_file(data, definitions["portrait"])
    assert page["ok"] is True, page.get("message")
    assert python.ok is True, python.message
    assert _comparable(name.split("-")[0], python.data) == page["data"]


# ---------------------------------------------------------------- every sentence


def _templates():
    return {
        name: value
        for name, value in vars(messages).items()
        if name.isupper() and isinstance(value, str) and not name.startswith("CLI_")
    }


def _pattern(template: str) -> re.Pattern:
    """The template as a regular expression: each placeholder stands for any text."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*")
    return re.compile("".join(parts))


def test_every_sentence_is_the_pages():
    """Each sentence is either written as it is in the page's modules (its words
    between placeholders all found there), or said by the page in a case above
    (test_the_page_and_python_say_the_same then checks it word for word)."""
    source = "\n".join((JS / name).read_text(encoding="utf-8") for name in PAGE_MODULES)
    said = [expected for _kind, _case, _text, expected in CASES if expected is not ACCEPTED]
    missing = []
    for name, template in _templates().items():
        literals = [literal for literal, *_ in string.Formatter().parse(template) if literal.strip()]
        # Typed in a module, or read from the catalog (words/formats.py names these sentences).
        written = all(literal in source for literal in literals) or _asks_for(name, source)
        pattern = _pattern(template)
        if not written and not any(pattern.search(message) for message in said):
            missing.append(name)
    assert not missing, f"sentences the page does not say: {missing}"


def test_the_page_reads_its_other_sentences_from_python():
    """DOSSIER_PAGE_WORDS are written once: the words catalog names them
    (words/dossier.py) and no browser module types them."""
    from words import catalog

    source = "\n".join(path.read_text(encoding="utf-8") for path in JS.rglob("*.js"))
    for name, template in messages.DOSSIER_PAGE_WORDS.items():
        assert catalog()[f"dossier.{name}"] is template
        literals = [literal for literal, *_ in string.Formatter().parse(template) if literal.strip()]
        assert not any(literal.strip() in source for literal in literals), f"{name} is typed in a browser module"


def test_the_glue_sentences_are_written_as_in_the_page():
    """The sentences the pages write outside the readers (file too big, not JSON,
    empty dossier) cannot run in Node: they must be in the modules word for word."""
    source = "\n".join((JS / name).read_text(encoding="utf-8") for name in PAGE_MODULES)
    for name in (
        "DOSSIER_TOO_BIG",
        "DOSSIER_EMPTY",
        "GRID_TOO_BIG",
        "GRID_NOT_JSON",
        "UNCHANGED_ANSWERS",
        "UNCHANGED_GRID",
        "ANSWERS_TOO_BIG",
    ):
        assert getattr(messages, name) in source or _asks_for(name, source), name


def _asks_for(name: str, source: str) -> bool:
    """The modules read this sentence from the catalog: t("formats.<name>")."""
    return f'"formats.{name.lower()}"' in source


# ---------------------------------------------------------------- every number

CONSTANTS_JS = """
import "./tests/js/python-rules.mjs";
import * as A from "./docs/assets/javascripts/answers.js";
import * as G from "./docs/assets/javascripts/grid-files.js";
import { MARKS } from "./docs/assets/javascripts/grid-rule.js";
console.log(JSON.stringify({
  answers: A.ANSWERS_FORMAT, dossier: A.DOSSIER_FORMAT, grid: G.GRID_FORMAT,
  version: A.FORMAT_VERSION, grid_version: G.GRID_FORMAT_VERSION,
  file_bytes: A.MAX_FILE_BYTES, organisations: G.MAX_ORGANISATIONS, marks: MARKS,
}));
"""


def test_the_page_uses_the_formats_numbers():
    """The format names the page types itself, and the file limit it takes from Python's rules (python-rules.mjs hands them over as a page does)."""
    if NODE is None:
        pytest.skip("Node.js absent")
    from formats import limits

    done = subprocess.run([NODE, "--input-type=module", "-e", CONSTANTS_JS], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout) == {
        "answers": limits.ANSWERS_FORMAT,
        "dossier": limits.DOSSIER_FORMAT,
        "grid": limits.GRID_FORMAT,
        "version": limits.FORMAT_VERSION,
        "grid_version": limits.GRID_FORMAT_VERSION,
        "file_bytes": limits.MAX_FILE_BYTES,
        "organisations": limits.MAX_ORGANISATIONS,
        "marks": list(limits.MARKS),
    }
    saved_id = re.search(r"const ID = /\^(.*)\$/;", (JS / "dossier-saved.js").read_text(encoding="utf-8"))
    assert saved_id and saved_id.group(1) == limits.SAVED_ID_PATTERN
