"""``python -m calculators COMMAND FILE|-`` and ``python -m calculators statement FILE|- --log LOG.csv``

Reads one JSON object from FILE (or standard input with ``-``), prints one
JSON object. Exit status: 0 for a result, 2 for invalid input, malformed JSON
or a wrong command line (the message is in French, as ``{"errors": [...]}``).
"""

from __future__ import annotations

import json
import sys

from calculators.bridge import COMMANDS, run

USAGE = "Usage : python -m calculators {" + "|".join(COMMANDS) + "} FICHIER|- (statement : --log RELEVÉ.csv en plus)"


def _fail(message: str, stream) -> int:
    stream.write(json.dumps({"errors": [{"field": "", "message": message}]}, ensure_ascii=False) + "\n")
    return 2


def main(argv: list[str] | None = None, stdin=None, stdout=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    log_path = None
    if "--log" in argv:
        at = argv.index("--log")
        if at + 1 >= len(argv):
            return _fail(f"Après --log, indiquez le fichier du relevé d'utilisation (CSV). {USAGE}", stdout)
        log_path = argv[at + 1]
        del argv[at : at + 2]
    if len(argv) != 2:
        return _fail(
            f"Il faut deux arguments : la commande et le fichier JSON (ou - pour l'entrée standard). {USAGE}",
            stdout,
        )
    command, source = argv
    if command not in COMMANDS:
        return _fail(f"Commande inconnue : « {command} ». Choisissez parmi : {', '.join(COMMANDS)}. {USAGE}", stdout)
    if log_path is not None and command != "statement":
        return _fail(f"--log ne sert qu'au relevé annuel (statement). {USAGE}", stdout)
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
    if log_path is not None:
        from calculators.usage_log import statement_with_log

        try:
            with open(log_path, "rb") as handle:
                log = handle.read()
        except OSError as exc:
            return _fail(f"Impossible de lire le relevé « {log_path} » : {exc.strerror or exc}.", stdout)
        output = statement_with_log(text, log)
    else:
        output = run(command, text)
    stdout.write(output + "\n")
    return 2 if "errors" in json.loads(output) else 0


if __name__ == "__main__":
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(main())
