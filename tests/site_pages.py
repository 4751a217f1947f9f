"""The pages listed in mkdocs.yml's nav, as Markdown files and as served paths."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (!ENV and the like)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_files() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    found: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])

    walk(config["nav"])
    return found


def served_path(md_file: str) -> str:
    """'etapes/impulsion.md' -> 'etapes/impulsion/', 'index.md' -> ''."""
    stem = md_file[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_paths() -> list[str]:
    return [served_path(f) for f in nav_files()]
