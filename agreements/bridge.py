"""The JSON door of the assembly, for the browser worker and the CLI.

``render(model_json, territory, draft_json)`` returns, as JSON, the result of
:func:`agreements.assemble.assemble` or ``{"errors": [{"field", "message"}]}``.
Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import json

from agreements.assemble import DraftError, assemble


def render(model_json: str, territory: str, draft_json: str) -> str:
    try:
        draft = json.loads(draft_json)
    except ValueError:
        return json.dumps({"errors": [{"field": "", "message": "Le brouillon n'est pas du JSON valide."}]}, ensure_ascii=False)
    try:
        result = assemble(json.loads(model_json), territory, draft)
    except DraftError as error:
        return json.dumps({"errors": error.errors}, ensure_ascii=False)
    return json.dumps(result, ensure_ascii=False)


def prefill(fields_json: str, sources_json: str, currency: str = "$", locale: str = "fr_CA", draft_json: str = "{}") -> str:
    """JSON of :func:`agreements.prefill.prefill` for the draft as it stands (never raises on odd stored data)."""
    from agreements.prefill import prefill as run_prefill

    def read(text):
        try:
            data = json.loads(text)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    result = run_prefill(json.loads(fields_json), read(sources_json), currency, locale, read(draft_json))
    return json.dumps(result, ensure_ascii=False)


def recommend(situation_json: str) -> str:
    """JSON of :func:`agreements.formalisation.recommend` for the browser's
    situation (see ``situation_from_json``), or ``{"errors": [{"field", "message"}]}``."""
    from agreements.formalisation import SituationError, recommend as run_recommend, situation_from_json

    try:
        data = json.loads(situation_json)
    except ValueError:
        return json.dumps({"errors": [{"field": "", "message": "La situation n'est pas du JSON valide."}]}, ensure_ascii=False)
    try:
        situation = situation_from_json(data)
    except SituationError as error:
        return json.dumps({"errors": error.errors}, ensure_ascii=False)
    return json.dumps(run_recommend(situation).to_json(), ensure_ascii=False)
