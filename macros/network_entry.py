"""A board entry written as a file: its name and its YAML text, one rule.

Two writers make ``network/board/<id>.yml`` files: the issue converter
(``macros.network_issue``, on a moderator's label) and the board page's
"Préparer mes annonces" (board-rules.js, in the browser, from the catalog
``macros.network_catalog`` writes: the keys, the days). The rule is written
here; the browser applies the same one (slug.js, also for the files users
export; board-rules.js), and ``tests/network/test_same_as_js.py`` gives both
the same cases.

- ``slug(text, fallback)``: the file-name part. Accents and ligatures
  folded, lower case, any other character a hyphen, at most ``SLUG_MAX``
  characters, cut between two words; ``fallback`` when nothing is left.
- ``until(today)``: an entry with no end date stays ``DEFAULT_DAYS``.
- ``entry_yaml(data, comments)``: the entry's keys in ``ENTRY_KEYS`` order,
  every value a JSON string (a JSON string is a valid YAML scalar, so no
  character typed by a user can change the file's structure).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata

from macros.network_loader import DEFAULT_DAYS, ENTRY_KEYS

SLUG_MAX = 60
# Letters that NFKD does not split into a letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_OTHER = re.compile(r"[^a-z0-9]+")


def slug(text: str, fallback: str) -> str:
    """« ASBL Les Tisserands : une salle » -> "asbl-les-tisserands-une-salle"."""
    folded = unicodedata.normalize("NFKD", str(text or "").lower().translate(_LIGATURES))
    plain = "".join(char for char in folded if not unicodedata.category(char).startswith("M"))
    out = _OTHER.sub("-", plain).strip("-")
    if len(out) > SLUG_MAX:
        cut = out[: SLUG_MAX + 1].rfind("-")
        out = out[: cut if cut > 0 else SLUG_MAX].strip("-")
    return out or fallback


def until(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=DEFAULT_DAYS)


def entry_yaml(data: dict, comments: list[str]) -> str:
    """``# comment`` lines, then ``key: "value"`` for each key of ``data``, in the file's order."""
    lines = [f"# {comment}" for comment in comments]
    lines += [f"{key}: {json.dumps(str(data[key]), ensure_ascii=False)}" for key in ENTRY_KEYS if key in data]
    return "\n".join(lines) + "\n"
