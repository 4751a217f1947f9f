"""Search finds pages whether or not accents and plural endings are typed.

Material's search worker is wrapped by ``assets/javascripts/workers/search-mutuus.js``
(accents folded before the French stemmer, in the index and in the query;
plurals handled by the stemmer, which mkdocs.yml keeps in the pipeline).
This step points every page's Material config at that wrapper, with
``&delay=2500``: the index is built once the page has loaded (at once if the
reader searches first). Built at once, it took the second core while the
page started: on calculator pages it competed with Pyodide's boot, and on
the other pages with Material's own start-up, whose blocking time (long
tasks over 50 ms, CPU slowed 4 times, 6 loads) went from 624 to 426 ms on
step 3 and from 463 to 400 ms on the home page when it waited. With instant
navigation the config of the first page loaded stays in force, so every page
must carry it.

Zensical ships its own search engine (``search.json``, not lunr): the step
leaves its pages alone (see docs/heberger.md).
"""

from __future__ import annotations

import re
from pathlib import Path

WRAPPER = "search-mutuus.js"
DELAY_MS = 2500  # a page's load, and the bare Pyodide boot (about 1.7 s here)
# Material: "search": "../../assets/javascripts/workers/search.973d3a69.min.js"
_MATERIAL_WORKER = re.compile(
    r'"search":\s*"((?:[^"/]*/)*)assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)"'
)


def use_wrapper(html: str) -> str:
    """The page with Material's search worker replaced by the wrapper."""
    return _MATERIAL_WORKER.sub(
        lambda m: f'"search": "{m.group(1)}assets/javascripts/workers/{WRAPPER}?worker={m.group(2)}&delay={DELAY_MS}"',
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
