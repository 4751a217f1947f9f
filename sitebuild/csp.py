"""Give every page a Content-Security-Policy, as the first element of ``<head>``.

The site is static (GitHub Pages, a network's own server): no HTTP header can
be counted on, so the policy travels in ``<meta http-equiv>``, first in
``<head>`` (only ``<meta charset>`` stays in front, to remain in the first
1024 bytes). It allows only
the site's own origin, plus:

- ``'wasm-unsafe-eval'``: Pyodide compiles WebAssembly (never ``'unsafe-eval'``);
- ``'sha256-…'`` for each inline script Material writes into the pages.

With instant navigation, Material swaps pages in place: the policy of the
first page loaded stays in force, and inline scripts of the new page's
content are re-created (and so checked against that first policy). Each page
therefore carries the hashes of the inline scripts of EVERY page: the step
reads every HTML file in the site, then writes the union into each.

It runs last among the post steps, so an inline script another step adds
is hashed too. ``make serve`` serves the same
pages: its live-reload client is a file of the site's own origin
(sitebuild/serve.py), so the policy needs no 'unsafe-inline' there either.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from pathlib import Path

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
# The character set must be declared in the first 1024 bytes; the policy,
# which grows with each hash, goes right after it when it opens <head>.
_HEAD_START = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>)?", re.I)



def policy(script_hashes=()) -> str:
    """The policy text, allowing the given inline script hashes."""
    script = " ".join(["script-src 'self' 'wasm-unsafe-eval'", *sorted(script_hashes)])
    return "; ".join(
        [
            "default-src 'self'",
            script,
            "worker-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts a browser would run (JSON data blocks excluded)."""
    bodies = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if _SRC.search(attrs):
            continue
        found = _TYPE.search(attrs)
        kind = next((g for g in found.groups() if g is not None), "") if found else ""
        if kind.strip().lower() in EXECUTABLE_TYPES:
            bodies.append(body)
    return bodies


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def insert_meta(html: str, content: str) -> str:
    """Put the policy first in ``<head>``: before any script, style or link.

    Only a ``<meta charset>`` opening the head stays in front of it (a
    character set has to be declared within the first 1024 bytes, and it
    loads nothing).
    """
    value = escape(content, quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{value}">'
    match = _HEAD_START.search(html)
    if match is None:
        return html
    return html[: match.end()] + meta + html[match.end() :]


def add_policy(html: str, hashes) -> str:
    """The page with the policy allowing ``hashes`` first in its <head>."""
    return insert_meta(html, policy(hashes))


def collect_hashes(pages: dict[Path, str]) -> set[str]:
    return {script_hash(body) for html in pages.values() for body in inline_scripts(html)}


# --- the step ------------------------------------------------------------------


def run(config: dict, site_dir: Path) -> None:
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(Path(site_dir).rglob("*.html"))}
    pages = {path: html for path, html in pages.items() if _HEAD.search(html)}
    hashes = collect_hashes(pages)
    for path, html in pages.items():
        if 'http-equiv="Content-Security-Policy"' in html:
            continue  # already done (post run twice on the same site)
        path.write_text(add_policy(html, hashes), encoding="utf-8")
