"""The guide's worked examples, as the JSON payloads the calculators take.

Each calculator's module holds its own (``EXAMPLES``, given to its
``Calculator``); every figure printed in the guide comes from there through
the calculators (``macros/worked_examples.py`` renders them), nothing is typed
by hand in a page. Amounts are strings, as a form or the CLI would send them.

Each example: ``title`` (the table caption, French), ``payload``, and for
the usage cost ``unit`` (singular, plural: what ``use.units`` counts).
"""

from __future__ import annotations

import json

from calculators.registry import REGISTRY


def example(command: str, example_id: str) -> dict:
    """The example's description; ``KeyError`` with the known ids when it does not exist."""
    known = REGISTRY[command].examples
    if example_id not in known:
        raise KeyError(
            f"Exemple « {example_id} » inconnu pour {command} : choisissez parmi {', '.join(sorted(known))}."
        )
    return known[example_id]


def payload_json(command: str, example_id: str) -> str:
    return json.dumps(example(command, example_id)["payload"], ensure_ascii=False)
