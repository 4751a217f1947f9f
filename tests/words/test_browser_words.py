"""The browser's modules take their words from the catalog (issue 25).

- every t("key") a module calls exists in words/ (a missing key shows the
  key itself to the reader);
- no French written in a module: the only French the browser has is the
  generated catalog (python -m words lint lists any line that slips in).
"""

from __future__ import annotations

import re

from words import catalog
from words.lint import JS_DIR, strip_comments, french_lines

_CALL = re.compile(r"""\bt\(\s*["'`]([\w.-]+)["'`]""")


def test_every_key_the_browser_asks_for_exists():
    known = catalog()
    missing = []
    for path in sorted(JS_DIR.rglob("*.js")):
        code = strip_comments(path.read_text(encoding="utf-8"))
        for number, line in enumerate(code.splitlines(), 1):
            for key in _CALL.findall(line):
                if key not in known:
                    missing.append(f"{path.relative_to(JS_DIR)}:{number}: {key}")
    assert not missing, "Mots absents de words/ :\n" + "\n".join(missing)


def test_no_french_outside_the_catalog():
    found = [f"{path}:{number}: {line.strip()}" for path, number, line in french_lines()]
    assert not found, "Du français écrit dans le JavaScript (à mettre dans words/) :\n" + "\n".join(found)
