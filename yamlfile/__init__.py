"""YAML files read with the line of every key, and errors that name file and line.

The data folders (questionnaires/, agreements/, law/, network/) are checked
at build time, and a mistake must say where it is:
``agreements/locaux.yml:12: clé inconnue « titre » …``. This package is that
shared reader; the domain packages import it, never each other's loaders.

    data = load(path, root)          # LineDict / LineList / plain values
    line_of(data, "title")           # the line of a key (else the block's own line)
    raise YamlError(file, line, "…") # str(): "file:line: …" (French message)
    DocsIndex(docs_dir).check("risques.md#gouvernance")  # None, or why the link is wrong

Mappings are :class:`LineDict` (``.line``, ``.key_lines``), sequences
:class:`LineList` (``.line``, ``.item_lines``). A key written twice in one
block, or a key that is not a simple value, is refused.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml

from yamlfile.links import DocsIndex, page_anchors

__all__ = [
    "DocsIndex",
    "LineDict",
    "LineList",
    "LineLoader",
    "PureLineLoader",
    "YamlError",
    "clear_cache",
    "construct_mapping",
    "construct_sequence",
    "line_of",
    "load",
    "page_anchors",
    "parse",
    "relative_name",
]


class YamlError(Exception):
    """A data file is wrong; ``str(error)`` is ``<file>:<line>: <message>``
    (``<file>: <message>`` when no line applies). Loaders subclass it."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A sequence that remembers its own line and the line of each item."""

    line: int = 0
    item_lines: list


class _Problem(Exception):
    """A problem at a line, raised while parsing; parse() adds the file name."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    """PyYAML constructor for mappings: a LineDict; duplicate keys refused."""
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            duplicate = key in result
        except TypeError:
            raise _Problem(line, "une clé doit être un simple mot (par exemple « label »)") from None
        if duplicate:
            raise _Problem(line, f"la clé « {key} » apparaît deux fois dans le même bloc")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    """PyYAML constructor for sequences: a LineList."""
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


class PureLineLoader(yaml.SafeLoader):
    """PyYAML's safe loader in pure Python, keeping lines."""


# libyaml's parser when PyYAML has it: the same nodes and lines, parsed in C.
# The site's YAML took about a quarter of a warm build's time with the pure
# Python parser (cProfile, issue 27). A syntax error is parsed again by
# PureLineLoader, so its message is the one PyYAML has always given.
_FAST_BASE = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class LineLoader(_FAST_BASE):
    """The safe loader, keeping lines (libyaml's parser when there is one).
    Subclass it for other resolvers: the network's data reads dates as text."""


for _loader in (PureLineLoader, LineLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", construct_sequence)


def line_of(mapping, key) -> int:
    """The line of ``key`` in ``mapping``; else the mapping's own line (0 if unknown)."""
    lines = getattr(mapping, "key_lines", {})
    return lines.get(key, getattr(mapping, "line", 0))


def parse(text: str, file: str, loader: type = LineLoader):
    """Parse YAML text, keeping lines; a syntax error becomes YamlError(file, line, …).

    A text already parsed is not parsed again: Zensical runs the macros
    module's ``define_env`` for each page that uses macros (32 times a build
    in December 2026), and each run reads every questionnaire, agreement
    model and board file (PyYAML took 18 of the 22 s of a Zensical build).
    Each caller gets its own copy, lines included; the key is the text
    itself, so an edited file is parsed anew. Errors are not kept: a broken
    file is reported on every build.
    """
    return _copy(_parse_cached(text, file, loader))


def _copy(value):
    """A deep copy of parsed YAML, lines included. copy.deepcopy took as long
    as parsing itself (it rebuilds dict and list subclasses through
    __reduce_ex__); YAML's scalars (str, int, float, bool, None, dates) are
    immutable and shared."""
    if isinstance(value, dict):
        out = LineDict() if isinstance(value, LineDict) else {}
        for key, item in value.items():
            out[key] = _copy(item)
        if isinstance(value, LineDict):
            out.line, out.key_lines = value.line, dict(value.key_lines)
        return out
    if isinstance(value, list):
        out = LineList(_copy(item) for item in value) if isinstance(value, LineList) else [_copy(i) for i in value]
        if isinstance(value, LineList):
            out.line, out.item_lines = value.line, list(value.item_lines)
        return out
    if isinstance(value, (set, bytearray)):  # !!set, !!binary-like mutable values: the generic copy
        return copy.deepcopy(value)
    return value


@functools.lru_cache(maxsize=256)
def _parse_cached(text: str, file: str, loader: type):
    try:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
        except yaml.YAMLError:
            if loader is not LineLoader or LineLoader is PureLineLoader:
                raise
            return yaml.load(text, Loader=PureLineLoader)  # noqa: S506 (raises, with PyYAML's own message)
    except _Problem as problem:
        raise YamlError(file, problem.line, problem.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = error.problem or error.context or "erreur inconnue"
        context = f" ({error.context})" if error.context and error.problem else ""
        raise YamlError(file, line, f"syntaxe YAML invalide : {what}{context}") from None
    except yaml.YAMLError as error:
        raise YamlError(file, None, f"syntaxe YAML invalide : {error}") from None


def clear_cache() -> None:
    """Forget the texts already parsed (tests that count parses)."""
    _parse_cached.cache_clear()


def relative_name(path: Path, root: Path | None) -> str:
    """The file as messages name it: relative to ``root`` (the project), else
    ``<folder>/<file>`` (``questionnaires/diagnostic.yml``)."""
    if root is not None:
        try:
            return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return f"{Path(path).parent.name}/{Path(path).name}"


def load(path: Path, root: Path | None = None, loader: type = LineLoader):
    """Read and parse one file (UTF-8); YamlError names it as :func:`relative_name` does."""
    name = relative_name(path, root)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlError(name, None, "fichier introuvable") from None
    except UnicodeDecodeError:
        raise YamlError(name, None, "le fichier n'est pas encodé en UTF-8") from None
    return parse(text, name, loader)
