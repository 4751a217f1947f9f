"""Turn a GitHub issue made with the board's form into a network/board/ entry.

A plain module with a command line, run by .github/workflows/board-publish.yml
when a moderator labels an issue ``publier``:

    python -m macros.network_issue --body-file body.md --number 42 \\
        --board-dir network/board --comment-file comment.md [--date 2026-11-30]

- valid: writes ``network/board/<slug>-<number>.yml``, prints its path, exit 0;
- invalid: writes to ``--comment-file`` a French comment naming the field to
  fix (as the form labels it), exit 1;
- anything else is a bug: traceback, exit 2 (the workflow fails visibly).

The issue body is untrusted text. It is read as ``### <label>`` sections (the
form's layout); the file is written as the board page writes it
(``macros.network_entry``: every value a JSON string, so no value can change
the file's structure), then checked by the same validation as the build
(``macros.network_loader``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

from macros.countries import COUNTRIES
from macros.network_entry import entry_yaml, slug, until
from macros.network_loader import (
    FIELD_LABELS,
    KINDS,
    NetworkError,
    categories_from_inventory,
    parse_text,
    validate_entry,
)
from words import t

ROOT = Path(__file__).resolve().parents[1]
NO_RESPONSE = "_No response_"
MAX_BODY = 20000
HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class SubmissionError(Exception):
    """The submission cannot become an entry; ``field`` is the entry key at fault (or None)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def _clean(text: str) -> str:
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).strip()


def parse_body(body: str) -> dict[str, str]:
    """``### <label>`` sections of an issue-form body -> {entry key: text}."""
    if not isinstance(body, str) or not body.strip():
        raise SubmissionError(t("board.issue_empty"))
    if len(body) > MAX_BODY:
        raise SubmissionError(t("board.issue_too_long", length=len(body), limit=MAX_BODY))
    by_label = {label.casefold(): key for key, label in FIELD_LABELS.items()}
    values: dict[str, list[str]] = {}
    current = None
    for line in body.replace("\r\n", "\n").split("\n"):
        match = HEADING.match(line)
        if match and match.group(1).casefold() in by_label:
            current = by_label[match.group(1).casefold()]
            if current in values:
                raise SubmissionError(t("board.issue_twice", field=FIELD_LABELS[current]), current)
            values[current] = []
        elif current is not None:
            values[current].append(line)
    out = {}
    for key, lines in values.items():
        text = _clean("\n".join(lines))
        if text and text != NO_RESPONSE:
            out[key] = text
    if not out:
        raise SubmissionError(t("board.issue_no_field"))
    return out


def _choice(values, key, choices: dict[str, str]) -> str:
    """A dropdown's label (Offre, Locaux, Belgique) -> its value (offer, locaux, BE)."""
    if key not in values:
        raise SubmissionError(t("board.issue_field_empty", field=FIELD_LABELS[key]), key)
    by_label = {label.casefold(): value for value, label in choices.items()}
    chosen = values[key].casefold()
    if chosen in by_label:
        return by_label[chosen]
    by_value = {value.casefold(): value for value in choices}
    if chosen in by_value:
        return by_value[chosen]
    known = ", ".join(choices.values())
    raise SubmissionError(t("board.issue_field_choice", field=FIELD_LABELS[key], value=values[key][:80], known=known), key)


def convert(body: str, number: int, today: dt.date, categories: dict[str, str]) -> tuple[str, str]:
    """(file name, YAML text) of the entry; raises SubmissionError."""
    values = parse_body(body)
    data = {
        "kind": _choice(values, "kind", KINDS),
        "title": values.get("title", ""),
        "category": _choice(values, "category", categories),
    }
    for key in ("organisation", "territory"):
        data[key] = values.get(key, "")
    data["country"] = _choice(values, "country", COUNTRIES)
    for key in ("description", "contact"):
        data[key] = values.get(key, "")
    data["published"] = today.isoformat()
    data["until"] = values.get("until", until(today).isoformat())
    for key in ("schedule", "conditions"):
        if key in values:
            data[key] = values[key]
    for key, value in data.items():
        if value == "":
            raise SubmissionError(t("board.issue_field_empty", field=FIELD_LABELS[key]), key)
    entry_id = f"{slug(data['title'], t('board.file_fallback'))}-{number}"
    name = f"network/board/{entry_id}.yml"
    text = entry_yaml(data, [t("board.issue_header", number=number)])
    try:
        validate_entry(parse_text(text, name), name, entry_id, categories)
    except NetworkError as error:
        field = error.field
        label = FIELD_LABELS.get(field or "", "")
        raise SubmissionError(error.message + ".", field if label else None) from None
    return f"{entry_id}.yml", text


def comment(error: SubmissionError) -> str:
    """The French comment posted on an invalid submission."""
    head = t("board.issue_fix_field", field=FIELD_LABELS[error.field]) if error.field else t("board.issue_not_yet")
    return t("board.issue_comment", head=head, detail=error.message)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--body-file", required=True, type=Path)
    parser.add_argument("--number", required=True, type=int)
    parser.add_argument("--board-dir", default=ROOT / "network" / "board", type=Path)
    parser.add_argument("--comment-file", required=True, type=Path)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    categories = categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml")
    body = args.body_file.read_text(encoding="utf-8", errors="replace")
    try:
        name, text = convert(body, args.number, args.date or dt.date.today(), categories)
    except SubmissionError as error:
        args.comment_file.write_text(comment(error), encoding="utf-8")
        return 1
    path = args.board_dir / name
    path.write_text(text, encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
