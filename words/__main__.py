"""python -m words js [FILE] | lint

js:   write the browser's catalog (to FILE, or print it);
lint: list the lines of the browser's modules that still hold French
      (outside the generated catalog), and exit 1 if there is one.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "js":
        from words import js_catalog

        text = js_catalog()
        if len(argv) > 1:
            Path(argv[1]).parent.mkdir(parents=True, exist_ok=True)
            Path(argv[1]).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if command == "lint":
        from words.lint import french_lines

        found = french_lines()
        for path, number, line in found:
            print(f"{path}:{number}: {line.strip()}")
        print(f"{len(found)} ligne(s) en français dans le JavaScript.", file=sys.stderr)
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
