// Mutuus: reading a dossier file before it is imported (pure, no DOM).
// Tested in Node (tests/js/dossier-file.test.mjs).
//
// API:
//   UNCHANGED: the sentence that ends every refusal
//   readDossierJSON(text) -> {ok: true, object} | {ok: false, message}
//     parses the JSON, takes one questionnaire's export as a dossier of one
//     and refuses other formats and newer format versions; the contents are
//     then checked by validateDossierObject (answers.js).

import { ANSWERS_FORMAT, DOSSIER_FORMAT, FORMAT_VERSION } from "./answers.js";

export const UNCHANGED = "Vos réponses actuelles n'ont pas changé.";

export function readDossierJSON(text) {
  let object;
  try {
    object = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (_) {
    return { ok: false, message: `Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier exporté avec « Exporter mon dossier ». ${UNCHANGED}` };
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
    return { ok: false, message: `Ce dossier vient d'une version plus récente de Mutuus (format ${object.format_version}) : ce site ne sait pas encore le lire. ${UNCHANGED}` };
  }
  if (object && typeof object.format === "string" && object.format !== DOSSIER_FORMAT) {
    const hint = object.format === "mutuus-grid" ? " C'est une grille de diagnostic : ouvrez-la sur la page « Grille de diagnostic »." : "";
    return { ok: false, message: `Ce fichier n'est pas un dossier Mutuus.${hint} ${UNCHANGED}` };
  }
  return { ok: true, object };
}
