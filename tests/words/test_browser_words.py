"""The browser's modules take their words from the catalog (issue 25).

- every t("key") a module calls exists in words/ (a missing key shows the
  key itself to the reader);
- French written in a module: none outside the files still listed in
  NOT_YET_MOVED, which the rebuild empties (python -m words lint lists them).
"""

from __future__ import annotations

import re

from words import catalog
from words.lint import JS_DIR, _strip_comments, french_lines

# Modules whose French has not moved to words/ yet. Remove a module's line
# once `python -m words lint` lists nothing for it; never add one.
NOT_YET_MOVED: set[str] = set()

_CALL = re.compile(r"""\bt\(\s*["'`]([\w.-]+)["'`]""")


def test_every_key_the_browser_asks_for_exists():
    known = catalog()
    missing = []
    for path in sorted(JS_DIR.rglob("*.js")):
        code = _strip_comments(path.read_text(encoding="utf-8"))
        for number, line in enumerate(code.splitlines(), 1):
            for key in _CALL.findall(line):
                if key not in known:
                    missing.append(f"{path.relative_to(JS_DIR)}:{number}: {key}")
    assert not missing, "Mots absents de words/ :\n" + "\n".join(missing)


def test_no_french_outside_the_catalog():
    found = [f"{path}:{number}: {line.strip()}" for path, number, line in french_lines() if path not in NOT_YET_MOVED]
    assert not found, "Du français écrit dans le JavaScript (à mettre dans words/) :\n" + "\n".join(found)


def test_the_list_of_modules_not_yet_moved_only_shrinks():
    still = {path for path, _, _ in french_lines()}
    done = sorted(NOT_YET_MOVED - still)
    assert not done, f"Plus de français dans {done} : retirez-les de NOT_YET_MOVED."
