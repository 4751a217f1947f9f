"""Build step: write the board's entries into the built board page.

``run(config, site_dir)`` (called after the site generator by
``sitebuild/board.py``) replaces ``<!-- mu-board-entries -->`` in the written HTML with the current
entries. The ``board()`` macro leaves that marker so that Markdown and the
search plugin never parse thousands of entries (5,000 entries made the build
3.5 times slower). The entries are loaded and checked again here, as the
macro does, from the same files and the same build date, unless the macro
left them rendered in ``.sitebuild/board/`` (see ``macros.network_cache``).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from macros import network_cache
from macros.network_loader import KINDS, categories_from_inventory, load_board
from macros.network_render import ENTRIES_MARKER, render_entries


def build_date() -> dt.date:
    """Today, or MUTUUS_BUILD_DATE (AAAA-MM-JJ) for reproducible builds and tests."""
    forced = os.environ.get("MUTUUS_BUILD_DATE")
    return dt.date.fromisoformat(forced) if forced else dt.date.today()


def board_dir(root: Path) -> Path:
    """network/board/, or MUTUUS_BOARD_DIR (bench/board.py builds with 5,000 generated entries)."""
    forced = os.environ.get("MUTUUS_BOARD_DIR")
    return Path(forced) if forced else root / "network" / "board"


def load_entries(root: Path, folder: Path, today):
    """(current entries, categories) of ``folder``, checked."""
    categories = categories_from_inventory(root / "questionnaires" / "inventaire.yml")
    entries, _expired = load_board(folder, categories, today, root=root)
    return entries, categories


def rendered_entries(root: Path, entries: list[dict], categories: dict) -> str:
    return render_entries(entries, {"kinds": KINDS, "categories": categories})


def remember(root: Path, folder: Path, today, entries: list[dict], categories: dict) -> None:
    """Called by the macro, which has just loaded the entries: the step reads them back."""
    network_cache.write(root, network_cache.cache_key(root, folder, today), rendered_entries(root, entries, categories))


def run(config, site_dir: Path) -> int:
    """Fill the marker in every page that holds it; returns the number of pages filled."""
    root = Path(config["config_file_path"]).resolve().parent
    if not (root / "network").is_dir():
        return 0
    folder, today = board_dir(root), build_date()
    html = network_cache.read(root, network_cache.cache_key(root, folder, today))
    if html is None:
        html = rendered_entries(root, *load_entries(root, folder, today))
    filled = 0
    for path in Path(site_dir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if ENTRIES_MARKER in text:
            path.write_text(text.replace(ENTRIES_MARKER, html), encoding="utf-8")
            filled += 1
    return filled
