"""The JSON door of the agreements, for the engine's door and the CLI.

``tools()`` declares what the engine's door (``engine.door``) offers the
browser: the tool ``agreements`` with the actions

* ``render``: payload ``{model, territory, draft}``; the result of
  :func:`agreements.assemble.assemble`, or ``{"errors": [{"field", "message"}]}``;
* ``prefill``: payload ``{fields, sources, currency, locale, draft}``; the
  result of :func:`agreements.prefill.prefill` (never refuses odd stored data);
* ``recommend``: payload ``{situation}``; the result of
  :func:`agreements.formalisation.recommend`, or ``{"errors": [...]}``.

``render``, ``prefill`` and ``recommend`` below take and return the same as
JSON text (the tests and the Pyodide runs call them).
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import json

from agreements.assemble import DraftError, assemble


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _object(value) -> dict:
    return value if isinstance(value, dict) else {}


def render_answer(model: dict, territory: str, draft) -> dict:
    try:
        return assemble(model, territory, draft)
    except DraftError as error:
        return {"errors": error.errors}


def prefill_answer(fields: list, sources: dict, currency: str = "$", locale: str = "fr_CA", draft: dict | None = None) -> dict:
    from agreements.prefill import prefill as run_prefill

    return run_prefill(fields, _object(sources), currency, locale, _object(draft))


def recommend_answer(situation: dict) -> dict:
    from agreements.formalisation import SituationError, recommend as run_recommend, situation_from_json

    try:
        return run_recommend(situation_from_json(situation)).to_json()
    except SituationError as error:
        return {"errors": error.errors}


def tools() -> dict:
    """``{tool: {action: function(payload) -> answer}}`` for the engine's door."""
    return {
        "agreements": {
            "render": lambda p: render_answer(p.get("model") or {}, p.get("territory") or "", p.get("draft", {})),
            "prefill": lambda p: prefill_answer(
                p.get("fields") or [], p.get("sources"), p.get("currency") or "$", p.get("locale") or "fr_CA", p.get("draft")
            ),
            "recommend": lambda p: recommend_answer(p.get("situation")),
        }
    }


_NOT_JSON = object()


def _read(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return _NOT_JSON


def render(model_json: str, territory: str, draft_json: str) -> str:
    draft = _read(draft_json)
    if draft is _NOT_JSON:
        return _dumps({"errors": [{"field": "", "message": "Le brouillon n'est pas du JSON valide."}]})
    return _dumps(render_answer(json.loads(model_json), territory, draft))


def prefill(fields_json: str, sources_json: str, currency: str = "$", locale: str = "fr_CA", draft_json: str = "{}") -> str:
    """JSON of :func:`agreements.prefill.prefill` for the draft as it stands (never raises on odd stored data)."""
    return _dumps(prefill_answer(json.loads(fields_json), _read(sources_json), currency, locale, _read(draft_json)))


def recommend(situation_json: str) -> str:
    situation = _read(situation_json)
    if situation is _NOT_JSON:
        return _dumps({"errors": [{"field": "", "message": "La situation n'est pas du JSON valide."}]})
    return _dumps(recommend_answer(situation))
