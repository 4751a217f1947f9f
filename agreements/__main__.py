"""``python -m agreements list | fields MODEL --territory T | render MODEL --territory T FILE|-``.

Prints JSON (``list``, ``fields``) or the agreement in Markdown (``render``).
Exit 0 for a result (a draft, even incomplete), 2 with
``{"errors": [{"field", "message"}]}`` in French for anything wrong.
Reads the YAML models through ``agreements.loader`` (PyYAML, the project's
environment); a broken model file is an error of the model, named with its line.
"""

from __future__ import annotations

import json
import sys

from agreements import TERRITORIES
from agreements.assemble import DraftError, assemble, describe

USAGE = (
    "Usage : python -m agreements list | fields MODÈLE --territory QC|FR|BE"
    " | render MODÈLE --territory QC|FR|BE FICHIER|-"
)


def _errors(errors, stream) -> int:
    stream.write(json.dumps({"errors": errors}, ensure_ascii=False) + "\n")
    return 2


def _fail(field, message, stream) -> int:
    return _errors([{"field": field, "message": message}], stream)


def _models():
    from agreements.loader import load_all  # PyYAML: build time and CLI only

    return load_all()


def _territory(args: list[str]):
    if "--territory" not in args:
        return None, args
    at = args.index("--territory")
    if at + 1 >= len(args):
        return "", args[:at]
    # Lower case is accepted too: « --territory fr ».
    return args[at + 1].upper(), args[:at] + args[at + 2 :]


def main(argv=None, stdin=None, stdout=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if not argv or argv[0] not in ("list", "fields", "render"):
        got = f"« {argv[0]} »" if argv else "aucune"
        return _fail("command", f"Commande inconnue : {got}. {USAGE}", stdout)
    command, rest = argv[0], argv[1:]
    from agreements.loader import AgreementError

    try:
        models = _models()
    except AgreementError as error:
        return _fail("model", str(error), stdout)
    if command == "list":
        if rest:
            return _fail("command", f"« list » ne prend pas d'argument. {USAGE}", stdout)
        listing = [{"id": m["id"], "title": m["title"], "territories": m["territories"]} for m in models.values()]
        stdout.write(json.dumps({"models": listing}, ensure_ascii=False) + "\n")
        return 0
    territory, rest = _territory(rest)
    expected = 1 if command == "fields" else 2
    if len(rest) != expected:
        return _fail("command", f"Nombre d'arguments incorrect pour « {command} ». {USAGE}", stdout)
    model_id = rest[0]
    if model_id not in models:
        return _fail("model", f"Modèle inconnu : « {model_id} ». Modèles : {', '.join(models)}.", stdout)
    model = models[model_id]
    if territory is None or territory not in TERRITORIES:
        shown = "absent" if territory is None else f"« {territory} »"
        return _fail("territory", f"Territoire {shown} : indiquez --territory suivi de {', '.join(TERRITORIES)}.", stdout)
    if territory not in model["territories"]:
        return _fail("territory", f"Le modèle « {model_id} » n'existe pas pour le territoire {territory}.", stdout)
    if command == "fields":
        stdout.write(json.dumps(describe(model, territory), ensure_ascii=False) + "\n")
        return 0
    source = rest[1]
    try:
        if source == "-":
            text = stdin.buffer.read().decode("utf-8") if hasattr(stdin, "buffer") else stdin.read()
        else:
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        return _fail("file", f"Impossible de lire le fichier « {source} » : {exc.strerror or exc}.", stdout)
    except UnicodeDecodeError:
        return _fail("file", "Le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8.", stdout)
    try:
        draft = json.loads(text)
    except ValueError as exc:
        return _fail("file", f"Le fichier n'est pas du JSON valide (ligne {getattr(exc, 'lineno', '?')}).", stdout)
    try:
        result = assemble(model, territory, draft)
    except DraftError as error:
        return _errors(error.errors, stdout)
    stdout.write(result["markdown"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
