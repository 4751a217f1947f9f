"""mkdocs.yml as a plain dict, read without MkDocs (Zensical reads the same file)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from sitebuild.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    """Resolves ``!ENV`` as MkDocs does; other tags (``!relative`` …) read as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1]
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path | None = None) -> dict:
    """The configuration as a dict; a broken file names its line."""
    path = path or ROOT / "mkdocs.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise BuildError(f"{path.name} : lecture impossible ({exc.strerror}).") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        raise BuildError(f"{where} : YAML invalide ({getattr(exc, 'problem', exc)}).") from None
    if not isinstance(data, dict):
        raise BuildError(f"{path.name} : la configuration doit être un dictionnaire.")
    return data
