"""Blocks as Markdown (CommonMark and Python-Markdown read it the same way).

Every text is literal: each run is escaped where Markdown would read it as
syntax, and no more ("Café-jeunesse" stays as typed).
"""

from __future__ import annotations

import re

from blocks.make import BLANK

# Characters Markdown reads as syntax anywhere in a line, and those it reads
# only at the start of one (headings, lists, quotes, ordered lists): escaping
# more would print "Café\-jeunesse".
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^([#+=>-])")
_ORDERED = re.compile(r"^(\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_BREAKS = re.compile(r"[ \t\r\n]+")


def flatten(text: str) -> str:
    """Text on one line; no-break spaces (as in « 400,00 $ ») are kept."""
    return _LINE_BREAKS.sub(" ", str(text)).strip()


def escape_markdown(text: str) -> str:
    """Text as literal Markdown: only what Markdown would read is escaped, lines joined."""
    text = _INLINE.sub(r"\\\1", flatten(text))
    text = _ENTITY.sub(r"\\&", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return _LINE_START.sub(r"\\\1", text)


def _escape_run(text: str) -> str:
    # Like escape_markdown, but the spaces around a run are kept: runs join into one line.
    stripped = flatten(text)
    if not stripped:
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    return lead + escape_markdown(stripped) + tail


def _url(href: str) -> str:
    return href.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def inline(text) -> str:
    """A text (string or runs) as one line of Markdown."""
    if isinstance(text, str):
        return _escape_run(text)
    out = []
    for run in text:
        if run.get("blank"):
            out.append(BLANK)
            continue
        part = _escape_run(run["text"])
        if run.get("href"):
            part = f"[{part}](<{_url(run['href'])}>)"
        if run.get("strong"):
            part = f"**{part}**"
        if run.get("em"):
            part = f"*{part}*"
        out.append(part)
    return "".join(out)


def _table(block: dict) -> str:
    numeric = set(block.get("numeric", []))
    lines = []
    if block.get("caption"):
        lines += [f"*{inline(block['caption'])}*", ""]
    lines.append("| " + " | ".join(inline(cell) for cell in block["head"]) + " |")
    lines.append("| " + " | ".join("---:" if i in numeric else "---" for i in range(len(block["head"]))) + " |")
    for row in block["rows"] + ([block["foot"]] if block.get("foot") else []):
        lines.append("| " + " | ".join(inline(cell) for cell in row) + " |")
    return "\n".join(lines)


def _block(block: dict) -> str:
    kind = block["type"]
    if kind == "heading":
        return "#" * block["level"] + " " + inline(block["text"])
    if kind == "paragraph":
        return inline(block["text"])
    if kind == "list":
        return "\n".join(
            (f"{number}. " if block["ordered"] else "- ") + inline(item)
            for number, item in enumerate(block["items"], start=1)
        )
    if kind == "table":
        return _table(block)
    if kind == "blank":
        return f"{inline(block['label'])} : {BLANK}{BLANK}"
    if kind == "figure":
        return f"*{inline(block['caption'])}*"
    if kind == "note":
        lines = ([f"**{inline(block['title'])}**", ""] if block.get("title") else []) + [inline(block["text"])]
        return "\n".join(f"> {line}".rstrip() for line in lines)
    if kind == "section":
        return _join(block["blocks"])
    raise ValueError(f"unknown block type {kind!r}")


def _join(blocks: list) -> str:
    return "\n\n".join(part for part in (_block(b) for b in blocks) if part)


def to_markdown(blocks: list) -> str:
    """The blocks as a Markdown document, one blank line between blocks."""
    return _join(blocks) + "\n"
