"""The MIME types the site's files must be served with (make serve, the tests).

Browsers refuse to stream-compile a .wasm file served as anything but
application/wasm, and some systems map .mjs to nothing. A network's own web
server needs the same two lines (see docs/heberger.md).
"""

from __future__ import annotations

import mimetypes as _stdlib

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
}


def register() -> None:
    """Teach Python's mimetypes module the types above (for any stdlib server)."""
    for ext, kind in MIME_TYPES.items():
        _stdlib.add_type(kind, ext)
