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
therefore carries the hashes of the inline scripts of EVERY page: the hook
collects them page by page (``on_post_page``), then writes the union into
each page at the end of the build (``on_post_build``).

Under ``mkdocs serve``, the live-reload script injected by the dev server
changes on every request: the policy then allows inline scripts
(``'unsafe-inline'``, no hashes) and keeps everything else.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from pathlib import Path

PLACEHOLDER = "__MUTUUS_CSP_SCRIPT_HASHES__"
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
# The character set must be declared in the first 1024 bytes; the policy,
# which grows with each hash, goes right after it when it opens <head>.
_HEAD_START = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>)?", re.I)

_state = {"serve": False, "hashes": set(), "pages": []}


def policy(script_hashes=(), *, dev: bool = False) -> str:
    """The policy text. ``dev`` (mkdocs serve) trades the hashes for 'unsafe-inline'."""
    if dev:
        script = "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"
    else:
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


def add_policy(html: str) -> str:
    """Record the page's script hashes and insert a policy awaiting the union."""
    for body in inline_scripts(html):
        _state["hashes"].add(script_hash(body))
    if _state["serve"]:
        return insert_meta(html, policy(dev=True))
    return insert_meta(html, policy([PLACEHOLDER]))


def finalise(path: Path, hashes) -> None:
    text = path.read_text(encoding="utf-8")
    if PLACEHOLDER in text:
        path.write_text(text.replace(PLACEHOLDER, " ".join(sorted(hashes))), encoding="utf-8")


# --- MkDocs events -----------------------------------------------------------


def on_startup(*, command, dirty):
    _state["serve"] = command == "serve"


def on_pre_build(*, config):
    _state["hashes"] = set()
    _state["pages"] = []


def on_post_page(output, *, page, config):
    _state["pages"].append(page.file.abs_dest_path)
    return add_policy(output)


def on_post_template(output_content, *, template_name, config):
    if template_name.endswith(".html"):
        _state["pages"].append(str(Path(config.site_dir) / template_name))
        return add_policy(output_content)
    return output_content


def on_post_build(*, config):
    for name in _state["pages"]:
        path = Path(name)
        if path.is_file():
            finalise(path, _state["hashes"])
