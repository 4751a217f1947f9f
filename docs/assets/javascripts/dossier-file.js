// Mutuus: reading a dossier file before it is imported (pure, no DOM).
// Tested in Node (tests/js/dossier-file.test.mjs). The refusals are
// formats/messages.py's (the catalog's "formats." words), as formats/dossier.py says them.
//
// API:
//   refusal(sentence) -> the sentence followed by the one that
//     ends every refusal (your answers have not changed)
//   readDossierJSON(text) -> {ok: true, object} | {ok: false, message}
//     parses the JSON, takes one questionnaire's export as a dossier of one
//     and refuses other formats and newer format versions; the contents are
//     then checked by validateDossierObject (answers.js).

import { ANSWERS_FORMAT, DOSSIER_FORMAT, FORMAT_VERSION } from "./answers.js";
import { GRID_FORMAT } from "./grid-files.js";
import { t } from "./core/words.js";

export function refusal(sentence) {
  return `${sentence} ${t("formats.unchanged_answers")}`;
}

export function readDossierJSON(text) {
  let object;
  try {
    object = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (_) {
    return { ok: false, message: refusal(t("formats.dossier_not_json")) };
  }
  // One questionnaire's export is accepted too, as a dossier of one.
  if (object && object.format === ANSWERS_FORMAT) {
    object = {
      format: DOSSIER_FORMAT,
      format_version: FORMAT_VERSION,
      organisation: typeof object.organisation === "string" ? object.organisation : "",
      exported_at: object.exported_at,
      questionnaires: [object],
    };
  }
  if (object && object.format === DOSSIER_FORMAT && Number.isInteger(object.format_version) && object.format_version > FORMAT_VERSION) {
    return { ok: false, message: refusal(t("formats.dossier_newer_format", { version: object.format_version })) };
  }
  if (object && typeof object.format === "string" && object.format !== DOSSIER_FORMAT) {
    const notDossier = t("formats.dossier_not_dossier");
    const message = object.format === GRID_FORMAT ? `${notDossier} ${t("formats.dossier_is_a_grid")}` : notDossier;
    return { ok: false, message: refusal(message) };
  }
  return { ok: true, object };
}
