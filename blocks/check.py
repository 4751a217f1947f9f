"""``validate(blocks)``: a block list is checked before it leaves Python (tests, CLI)."""

from __future__ import annotations

KEYS = {
    "heading": ({"level", "text"}, set()),
    "paragraph": ({"text"}, set()),
    "list": ({"ordered", "items"}, set()),
    "table": ({"head", "rows"}, {"caption", "numeric", "sign", "foot", "row_head", "columns", "scroll"}),
    "blank": ({"label"}, set()),
    "figure": ({"svg", "caption"}, {"label"}),
    "note": ({"text"}, {"title", "kind"}),
    "section": ({"blocks"}, set()),
}
COMMON = {"type", "class", "id"}
RUN_KEYS = {"text", "strong", "em", "href", "class"}
KINDS = ("note", "warning")


class BlockError(ValueError):
    """A block list that a renderer would not read; the message names where."""


def _text(value, where: str) -> None:
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        raise BlockError(f"{where}: a text is a string or a list of runs")
    for index, run in enumerate(value):
        here = f"{where}[{index}]"
        if not isinstance(run, dict):
            raise BlockError(f"{here}: a run is an object")
        if run.get("blank") is True:
            if set(run) - {"blank", "label"} or not isinstance(run.get("label", ""), str):
                raise BlockError(f"{here}: a blank run has only 'blank' and a text 'label'")
            continue
        if not isinstance(run.get("text"), str) or set(run) - RUN_KEYS:
            raise BlockError(f"{here}: a run has a text 'text' and only {sorted(RUN_KEYS)}")
        if "href" in run and not isinstance(run["href"], str):
            raise BlockError(f"{here}: 'href' is a string")


def _block(block, where: str) -> None:
    if not isinstance(block, dict) or block.get("type") not in KEYS:
        raise BlockError(f"{where}: a block is an object whose 'type' is one of {sorted(KEYS)}")
    required, optional = KEYS[block["type"]]
    missing = required - set(block)
    unknown = set(block) - required - optional - COMMON
    if missing or unknown:
        raise BlockError(f"{where}: {block['type']} block, missing {sorted(missing)}, unknown {sorted(unknown)}")
    for key in ("class", "id"):
        if key in block and not isinstance(block[key], str):
            raise BlockError(f"{where}.{key}: a string")
    kind = block["type"]
    if kind == "heading" and block["level"] not in range(1, 7):
        raise BlockError(f"{where}.level: 1 to 6")
    if kind in ("heading", "paragraph", "blank", "note"):
        _text(block.get("text", block.get("label")), f"{where}.text")
    if kind == "note":
        if "title" in block:
            _text(block["title"], f"{where}.title")
        if block.get("kind", "note") not in KINDS:
            raise BlockError(f"{where}.kind: one of {KINDS}")
    if kind == "list":
        if not isinstance(block["ordered"], bool) or not isinstance(block["items"], list):
            raise BlockError(f"{where}: 'ordered' is a boolean and 'items' a list")
        for index, item in enumerate(block["items"]):
            _text(item, f"{where}.items[{index}]")
    if kind == "table":
        _table(block, where)
    if kind == "figure":
        if not isinstance(block["svg"], str) or not block["svg"].lstrip().startswith("<svg"):
            raise BlockError(f"{where}.svg: an <svg> element")
        _text(block["caption"], f"{where}.caption")
        if not isinstance(block.get("label", ""), str):
            raise BlockError(f"{where}.label: a string")
    if kind == "section":
        validate(block["blocks"], f"{where}.blocks")


def _table(block: dict, where: str) -> None:
    width = len(block["head"])
    for index, cell in enumerate(block["head"]):
        _text(cell, f"{where}.head[{index}]")
    for r, row in enumerate(block["rows"]):
        if not isinstance(row, list) or len(row) != width:
            raise BlockError(f"{where}.rows[{r}]: {width} cells, as the head")
        for c, cell in enumerate(row):
            _text(cell, f"{where}.rows[{r}][{c}]")
    if "caption" in block:
        _text(block["caption"], f"{where}.caption")
    numeric = block.get("numeric", [])
    if not isinstance(numeric, list) or any(not isinstance(c, int) or not 0 <= c < width for c in numeric):
        raise BlockError(f"{where}.numeric: column indexes")
    for key in ("sign", "row_head", "columns", "scroll"):
        if not isinstance(block.get(key, False), bool):
            raise BlockError(f"{where}.{key}: a boolean")
    if "foot" in block:
        if not isinstance(block["foot"], list) or len(block["foot"]) != width:
            raise BlockError(f"{where}.foot: {width} cells, as the head")
        for c, cell in enumerate(block["foot"]):
            _text(cell, f"{where}.foot[{c}]")


def validate(blocks, where: str = "blocks") -> list:
    """``blocks`` unchanged, or BlockError naming the first wrong place."""
    if not isinstance(blocks, list):
        raise BlockError(f"{where}: a list of blocks")
    for index, block in enumerate(blocks):
        _block(block, f"{where}[{index}]")
    return blocks
