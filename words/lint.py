"""Find French left in the browser's modules (issue 25: the only French in
JavaScript is the generated catalog).

A line counts when, comments removed, one of its string literals reads as
French: an accented letter or French quotes, or two words or more with a
French function word (« Importez au moins deux portraits »). Keys, selectors
and class names (no space) never count.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS_DIR = ROOT / "docs" / "assets" / "javascripts"
# Generated, or not ours.
SKIP = {"core/catalog.js"}

_STRING = re.compile(r"""'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`""")
_ACCENT = re.compile(r"[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛŒ«»’]")
_FUNCTION_WORDS = re.compile(
    r"\b(?:le|la|les|des|une|du|de|vous|votre|vos|pas|est|sont|et|au|aux|pour|dans|sur|ce|cette|"
    r"qui|que|ne|avec|aucun|aucune|plus|ou|en|un|il|elle|son|sa|ses|leur|leurs)\b"
)


def strip_comments(text: str) -> str:
    """Comments blanked, strings and line numbers kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            match = _STRING.match(text, i)
            if match:
                out.append(match.group(0))
                i = match.end()
                continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _is_french(literal: str) -> bool:
    body = re.sub(r"\$\{[^}]*\}", " ", literal[1:-1])
    if " " not in body.strip() and not _ACCENT.search(body):
        return False
    if _ACCENT.search(body):
        return True
    words = re.findall(r"[a-zA-Z]+", body)
    return len(words) >= 2 and bool(_FUNCTION_WORDS.search(body))


def french_lines(js_dir: Path = JS_DIR) -> list[tuple[str, int, str]]:
    """``(path relative to js_dir, line number, line)`` of each line holding French."""
    found = []
    for path in sorted(js_dir.rglob("*.js")):
        rel = path.relative_to(js_dir).as_posix()
        if rel in SKIP:
            continue
        code = strip_comments(path.read_text(encoding="utf-8"))
        lines = path.read_text(encoding="utf-8").splitlines()
        seen = set()
        for match in _STRING.finditer(code):
            if _is_french(match.group(0)):
                number = code.count("\n", 0, match.start()) + 1
                if number not in seen:
                    seen.add(number)
                    found.append((rel, number, lines[number - 1] if number <= len(lines) else ""))
    return found
