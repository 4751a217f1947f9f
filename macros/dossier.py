"""``dossier_titles()``: the names "Mon dossier" gives what a dossier carries besides answers.

One hidden JSON block (``#mu-dossier-titles``, kept out of search): each
calculator by the heading of the page that holds it
(``{{ calculator("id") }}``), each agreement model by its title.
dossier-import.js and dossier-saved.js read them; an id that has no name
here (a model this site no longer has) is shown as it is. The page's words
are the catalog's (words/dossier.py), not this block's.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.questionnaire_render import json_block

_CALL = re.compile(r"""\{\{\s*calculator\(\s*["']([A-Za-z0-9_-]+)["']\s*\)\s*\}\}""")
_HEADING = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def calculator_titles(docs_dir: Path) -> dict[str, str]:
    """{calculator id: the first heading of the first page that holds it}."""
    titles: dict[str, str] = {}
    docs_dir = Path(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        ids = [cid for cid in _CALL.findall(text) if cid not in titles]
        if not ids:
            continue
        heading = _HEADING.search(text)
        if heading is None:
            raise ValueError(f"docs/{path.relative_to(docs_dir).as_posix()}: page de calculateur sans titre « # … »")
        for cid in ids:
            titles[cid] = heading.group(1)
    return titles


def render_titles(calculators: dict[str, str], agreements: dict[str, str]) -> str:
    return json_block({"calculators": calculators, "agreements": agreements}, 'id="mu-dossier-titles"')


def register(env):
    from agreements.loader import AgreementError, load_all

    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])

    @env.macro
    def dossier_titles():
        """The calculators' and agreement models' names "Mon dossier" shows (#mu-dossier-titles)."""
        try:
            calculators = calculator_titles(docs_dir)
            models = load_all(root / "agreements", docs_dir=docs_dir, root=root)
        except (ValueError, AgreementError) as error:
            raise PluginError(str(error)) from None
        return render_titles(calculators, {mid: model["title"] for mid, model in models.items()})
