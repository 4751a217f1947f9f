"""What a reader returns: the file's data, or the page's refusal.

``Result.to_json()`` has the shape the browser modules return
(``{"ok": true, "data"}`` or ``{"ok": false, "message"}``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from formats.messages import UNCHANGED_ANSWERS


@dataclass(frozen=True)
class Result:
    ok: bool
    data: Any = None
    sentence: str = ""  # what is wrong, in the page's words
    field: str = ""  # where, as a dotted path in the file ("answers.salle.note"); "" for the whole file
    unchanged: str = UNCHANGED_ANSWERS  # the page's "nothing changed" sentence

    @property
    def message(self) -> str:
        """The refusal as the page shows it; "" when the file is accepted."""
        return "" if self.ok else f"{self.sentence} {self.unchanged}"

    def to_json(self) -> dict:
        return {"ok": True, "data": self.data} if self.ok else {"ok": False, "message": self.message}


def accepted(data) -> Result:
    return Result(ok=True, data=data)


def refused(sentence: str, field: str = "", unchanged: str = UNCHANGED_ANSWERS) -> Result:
    return Result(ok=False, sentence=sentence, field=field, unchanged=unchanged)


def join_field(*parts) -> str:
    """``join_field("questionnaires", 0, "answers.salle")`` -> "questionnaires.0.answers.salle"."""
    return ".".join(str(p) for p in parts if p != "")
