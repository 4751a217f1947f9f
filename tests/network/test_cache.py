"""The board's entries are loaded once per build: the macro leaves them rendered
for the build step (macros.network_cache), which reloads when anything changed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from macros import network_cache
from macros.network_build import load_entries, remember, run
from macros.network_render import ENTRIES_MARKER

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 30)


def project(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "projet"
    (root / "questionnaires").mkdir(parents=True)
    shutil.copy(ROOT / "questionnaires" / "inventaire.yml", root / "questionnaires")
    shutil.copytree(ROOT / "network" / "board", root / "network" / "board")
    site = tmp_path / "site"
    (site / "reseau").mkdir(parents=True)
    (site / "reseau" / "index.html").write_text(f"<ul>{ENTRIES_MARKER}</ul>", encoding="utf-8")
    return root, site


def fill(root: Path, site: Path, monkeypatch) -> str:
    monkeypatch.setenv("MUTUUS_BUILD_DATE", TODAY.isoformat())
    monkeypatch.delenv("MUTUUS_BOARD_DIR", raising=False)
    assert run({"config_file_path": str(root / "mkdocs.yml")}, site) == 1
    return (site / "reseau" / "index.html").read_text(encoding="utf-8")


def test_the_step_reads_what_the_macro_left(tmp_path, monkeypatch):
    root, site = project(tmp_path)
    folder = root / "network" / "board"
    remember(root, folder, TODAY, *load_entries(root, folder, TODAY))
    key = network_cache.cache_key(root, folder, TODAY)
    assert network_cache.read(root, key) is not None
    # The step uses the file as is (proof: a marked copy).
    network_cache.write(root, key, "<li>depuis le cache</li>")
    assert "<li>depuis le cache</li>" in fill(root, site, monkeypatch)


def test_a_changed_entry_is_loaded_again(tmp_path, monkeypatch):
    root, site = project(tmp_path)
    folder = root / "network" / "board"
    remember(root, folder, TODAY, *load_entries(root, folder, TODAY))
    network_cache.write(root, network_cache.cache_key(root, folder, TODAY), "<li>périmé</li>")
    entry = sorted(folder.glob("*.yml"))[0]
    entry.write_text(entry.read_text(encoding="utf-8") + "# modifiée\n", encoding="utf-8")
    html = fill(root, site, monkeypatch)
    assert "périmé" not in html and ENTRIES_MARKER not in html and "<li" in html


def test_without_cache_the_step_loads_the_entries(tmp_path, monkeypatch):
    root, site = project(tmp_path)
    html = fill(root, site, monkeypatch)
    folder = root / "network" / "board"
    from macros.network_build import rendered_entries

    assert rendered_entries(root, *load_entries(root, folder, TODAY)) in html
