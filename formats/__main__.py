"""``python -m formats check FILE|-``: does this file open on the site, and if not, why?

Prints one JSON object: ``{"format": "mutuus-dossier", "ok": true}`` (exit 0),
or ``{"format": …, "errors": [{"field", "message"}]}`` (exit 2) where the
message is the page's own sentence, without its "nothing changed" ending
(nothing is changed here) and ``field`` the dotted path of what is wrong in
the file ("answers.salle.note"; "" for the whole file). ``format`` is what
the file says it is (null when it says nothing readable). The questionnaires
are those of questionnaires/ (read with PyYAML, the project's environment).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from formats import messages as m
from formats.check import check

ROOT = Path(__file__).resolve().parents[1]
_SURROGATE = re.compile("[\ud800-\udfff]")


def definitions(root: Path = ROOT) -> dict[str, dict]:
    """Every questionnaire of the site, by id, as the pages see it."""
    from macros.questionnaire_loader import load_all  # PyYAML: the command line only
    from macros.questionnaire_render import definition_json

    return {qid: definition_json(d) for qid, d in load_all(root / "questionnaires", root=root).items()}


def _write(answer: dict, stream) -> None:
    text = json.dumps(answer, ensure_ascii=False)
    # A name cut in the middle of an emoji (as the page cuts it) leaves half a
    # pair, which UTF-8 cannot write: it is written as its JSON escape.
    stream.write(_SURROGATE.sub(lambda c: f"\\u{ord(c.group()):04x}", text) + "\n")


def _errors(fmt, field: str, message: str, stream) -> int:
    _write({"format": fmt, "errors": [{"field": field, "message": message}]}, stream)
    return 2


def main(argv=None, stdin=None, stdout=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if not argv or argv[0] != "check":
        got = f"« {argv[0]} »" if argv else "aucune"
        return _errors(None, "command", m.CLI_BAD_COMMAND.format(got=got, usage=m.CLI_USAGE), stdout)
    if len(argv) != 2:
        return _errors(None, "command", m.CLI_BAD_ARGUMENTS.format(usage=m.CLI_USAGE), stdout)
    source = argv[1]
    try:
        if source == "-":
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        else:
            data = Path(source).read_bytes()
    except OSError as exc:
        return _errors(None, "file", m.CLI_CANNOT_READ.format(path=source, reason=exc.strerror or exc), stdout)
    fmt, result = check(data, definitions())
    if result.ok:
        _write({"format": fmt, "ok": True}, stdout)
        return 0
    return _errors(fmt, result.field, result.sentence, stdout)


if __name__ == "__main__":
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(main())
