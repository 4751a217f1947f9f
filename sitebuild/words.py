"""Build step: the browser's words (the Python package words/) as assets/javascripts/core/catalog.js."""

from __future__ import annotations

from pathlib import Path

from words import js_catalog

TARGET = Path("assets") / "javascripts" / "core" / "catalog.js"


def run(config: dict, site_dir: Path) -> None:
    path = Path(site_dir) / TARGET
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(js_catalog(), encoding="utf-8")
