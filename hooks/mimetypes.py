"""Serve WebAssembly and ES modules with the right MIME types under `mkdocs serve`.

Browsers refuse to stream-compile a .wasm file served as anything but
application/wasm, and some systems map .mjs to nothing.
"""

import mimetypes

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
