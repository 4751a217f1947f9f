"""``python -m calculators usage-cost|break-even|split FILE|-``

Reads one JSON object from FILE (or standard input with ``-``), prints one
JSON object. Exit status: 0 for a result, 2 for invalid input, malformed JSON
or a wrong command line (the message is in French, as ``{"errors": [...]}``).
"""

from __future__ import annotations

import json
import sys

from calculators.bridge import COMMANDS, run

USAGE = "Usage : python -m calculators {" + "|".join(COMMANDS) + "} FICHIER|-"


def _fail(message: str, stream) -> int:
    stream.write(json.dumps({"errors": [{"field": "", "message": message}]}, ensure_ascii=False) + "\n")
    return 2


def main(argv: list[str] | None = None, stdin=None, stdout=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if len(argv) != 2:
        return _fail(
            f"Il faut deux arguments : la commande et le fichier JSON (ou - pour l'entrée standard). {USAGE}",
            stdout,
        )
    command, source = argv
    if command not in COMMANDS:
        return _fail(f"Commande inconnue : « {command} ». Choisissez parmi : {', '.join(COMMANDS)}. {USAGE}", stdout)
    try:
        if source == "-":
            text = stdin.buffer.read().decode("utf-8") if hasattr(stdin, "buffer") else stdin.read()
        else:
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        return _fail(f"Impossible de lire le fichier « {source} » : {exc.strerror or exc}.", stdout)
    except UnicodeDecodeError:
        return _fail("Le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8.", stdout)
    output = run(command, text)
    stdout.write(output + "\n")
    return 2 if "errors" in json.loads(output) else 0


if __name__ == "__main__":
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(main())
