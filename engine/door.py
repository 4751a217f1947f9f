"""The engine's one door: the only Python function the browser's worker calls.

``call(tool, action, payload_json, blob=None)`` returns JSON text, one of:

* ``{"ok": true, "data": <the action's answer>}``;
* ``{"ok": false, "errors": [{"message", "field"?, "kind"}], "data"?}``:
  the domain refused the input (``kind: "input"``, each error in the
  reader's words, ``field`` the dotted name of the field to change); ``data``
  holds what the domain could still say (the input as read, for an export).

Tools and actions are not listed here: each domain's bridge declares its own
(``tools()`` returns ``{tool: {action: function(payload) -> answer}}``), the
calculators' from their registry, so a new calculator or domain adds no line
to this module or to the worker. An answer that holds ``"errors"`` is a
refusal. ``payload_json`` is a JSON object; ``blob`` (a file's bytes, sent
apart from the JSON) arrives in the payload as ``payload["bytes"]``.

An unknown tool or action, or an exception in an action, is a bug of the
site, never the reader's: it raises, and the worker logs it for developers.
Standard library only (runs in Pyodide and in CPython).
"""

from __future__ import annotations

import importlib
import json

# Tried in this order; a domain's bridge is imported when one of its tools is
# first asked for (a calculator page never imports the agreements).
BRIDGES = ("calculators.bridge", "agreements.bridge")


class UnknownAction(LookupError):
    """The browser asked for a tool or an action no bridge declares."""


def action_for(tool: str, action: str):
    """The function that answers ``tool``/``action``; raises UnknownAction."""
    for name in BRIDGES:
        actions = importlib.import_module(name).tools().get(tool)
        if actions is not None:
            if action not in actions:
                raise UnknownAction(f"tool {tool!r} has no action {action!r} (it has {sorted(actions)})")
            return actions[action]
    raise UnknownAction(f"no bridge declares the tool {tool!r}")


def tools() -> dict[str, list[str]]:
    """Every tool and its actions (for tests and for developers)."""
    out: dict[str, list[str]] = {}
    for name in BRIDGES:
        for tool, actions in importlib.import_module(name).tools().items():
            out[tool] = sorted(actions)
    return out


def envelope(answer) -> dict:
    """An action's answer as the door's response (see the module's docstring)."""
    if isinstance(answer, dict) and "errors" in answer:
        errors = [{"kind": "input", **error} for error in answer["errors"]]
        rest = {key: value for key, value in answer.items() if key != "errors"}
        return {"ok": False, "errors": errors, **({"data": rest} if rest else {})}
    return {"ok": True, "data": answer}


def call(tool: str, action: str, payload_json: str = "{}", blob=None) -> str:
    """Answer one request of the browser (see the module's docstring)."""
    function = action_for(tool, action)
    payload = json.loads(payload_json)
    if not isinstance(payload, dict):
        raise TypeError(f"the payload of {tool}/{action} must be a JSON object")
    if blob is not None:
        payload["bytes"] = blob.tobytes() if isinstance(blob, memoryview) else bytes(blob)
    return json.dumps(envelope(function(payload)), ensure_ascii=False)


__all__ = ["BRIDGES", "UnknownAction", "action_for", "call", "envelope", "tools"]
