"""Search finds pages whether or not accents and plural endings are typed.

Material's search worker is wrapped by ``assets/javascripts/workers/search-mutuus.js``
(accents folded before the French stemmer, in the index and in the query;
plurals handled by the stemmer, which mkdocs.yml keeps in the pipeline).
This step points every page's Material config at that wrapper, adding
``&delay=2500`` on calculator pages so that the index is built after
Pyodide's boot. With instant navigation the config of the first page loaded
stays in force, so every page must carry it.

Zensical ships its own search engine (``search.json``, not lunr): the step
leaves its pages alone (see docs/heberger.md).
"""

from __future__ import annotations

import re
from pathlib import Path

WRAPPER = "search-mutuus.js"
CALCULATOR_FORM = 'class="mu-calculator"'
DELAY_MS = 2500  # the bare Pyodide boot takes about 1.7 s here
# Material: "search": "../../assets/javascripts/workers/search.973d3a69.min.js"
_MATERIAL_WORKER = re.compile(
    r'"search":\s*"((?:[^"/]*/)*)assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)"'
)


def use_wrapper(html: str) -> str:
    """The page with Material's search worker replaced by the wrapper."""
    delay = f"&delay={DELAY_MS}" if CALCULATOR_FORM in html else ""
    return _MATERIAL_WORKER.sub(
        lambda m: f'"search": "{m.group(1)}assets/javascripts/workers/{WRAPPER}?worker={m.group(2)}{delay}"',
        html,
        count=1,
    )


def material_search(site_dir: Path) -> bool:
    return (site_dir / "search" / "search_index.json").is_file()


def run(config: dict, site_dir: Path) -> None:
    site_dir = Path(site_dir)
    if not material_search(site_dir):
        return
    for html_file in site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        new = use_wrapper(text)
        if new != text:
            html_file.write_text(new, encoding="utf-8")
