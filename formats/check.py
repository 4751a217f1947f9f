"""Any Mutuus file checked as the page that opens it would check it.

``check(data, definitions) -> (format, Result)``: the format the file says it
is (``None`` when it says none) and what that page says of it:

- an answers file: "Importer" on its questionnaire's page; if the site has no
  such questionnaire, "Importer un dossier" on "Mon dossier" (which opens
  answers files too);
- a dossier: "Importer un dossier";
- a grid: "Ouvrir une grille enregistrée" (with the portrait questionnaire).

``definitions``: every questionnaire of the site, by id, as the pages see them
(``macros.questionnaire_render.definition_json``).
"""

from __future__ import annotations

from formats import messages as m
from formats._js import NotJSON, decode_file, parse_json, strip_bom
from formats.answers import read_answers_file
from formats.dossier import read_dossier_file
from formats.grid import read_grid_file
from formats.limits import ANSWERS_FORMAT, DOSSIER_FORMAT, GRID_FORMAT, GRID_QUESTIONNAIRE, MAX_FILE_BYTES
from formats.result import Result, refused


def check(data: bytes, definitions: dict[str, dict]) -> tuple[str | None, Result]:
    try:
        obj = parse_json(strip_bom(decode_file(data)))
    except NotJSON:
        return None, refused(m.CLI_TOO_BIG if len(data) > MAX_FILE_BYTES else m.CLI_NOT_JSON)
    fmt = obj.get("format") if isinstance(obj, dict) else None
    if fmt == ANSWERS_FORMAT:
        questionnaire = obj.get("questionnaire")
        qid = questionnaire.get("id") if isinstance(questionnaire, dict) else None
        if isinstance(qid, str) and qid in definitions:
            return fmt, read_answers_file(data, definitions[qid])
        return fmt, read_dossier_file(data, definitions)
    if fmt == DOSSIER_FORMAT:
        return fmt, read_dossier_file(data, definitions)
    if fmt == GRID_FORMAT:
        return fmt, read_grid_file(data, definitions[GRID_QUESTIONNAIRE])
    shown = fmt if isinstance(fmt, str) else None
    return shown, refused(m.CLI_TOO_BIG if len(data) > MAX_FILE_BYTES else m.CLI_NOT_MUTUUS, "format")
