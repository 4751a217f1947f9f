// Mutuus: the diagnostic grid's file formats (pure functions, no DOM).
//
// A grid (what is kept in localStorage and what "Enregistrer la grille" writes):
//   {"format": "mutuus-grid", "format_version": 1, "exported_at": "<ISO 8601>",
//    "portrait": {"id": "portrait", "version": 1, "title": "..."},
//    "portraits": [<mutuus-answers objects of questionnaire "portrait">],
//    "marks": {"<dimension id>": {"mark": "" | "convergence" | "complementarity" | "divergence",
//                                 "note": "..."}}}
//
// API:
//   GRID_FORMAT = "mutuus-grid", GRID_FORMAT_VERSION = 1, MAX_ORGANISATIONS = 12
//   sameName(a, b) -> boolean   names compared without case, accents kept, spaces collapsed
//   uniqueName(name, taken) -> name, or "name (2)", "name (3)"… when taken
//   buildGrid(definition, state, now?) -> grid object
//   validateGridObject(object, definition) -> {ok: true, data: state} | {ok: false, message}
//       state = {organisations: [{name, answers, exported_at}], marks}
//   ratingValue(answer) -> "strength" | … | "" (unrated or unknown)
//   ratingText(answer) -> Python's word for the rating (rules.vocabularies.rating,
//       given by answers.js's useRules), or the grid's "unrated" word
//
// The refusals are formats/messages.py's (the catalog's "formats." words):
// formats/grid.py reads a grid file the same way, with the same sentences.

import {
  ANSWERS_FORMAT,
  DOSSIER_FORMAT,
  MAX_TEXT_LENGTH,
  VALUE_LABELS,
  buildExport,
  validateAnswersObject,
} from "./answers.js";
import { MARKS } from "./grid-rule.js";
import { isPlainObject } from "./core/dom.js";
import { t } from "./core/words.js";

export const GRID_FORMAT = "mutuus-grid";
export const GRID_FORMAT_VERSION = 1;
export const MAX_ORGANISATIONS = 12;

// The rating words are Python's (macros/questionnaire_rules.py, read from the
// catalog by answers.js's useRules); only the empty cell's words are the grid's.
export function ratingValue(answer) {
  const labels = VALUE_LABELS.rating || {};
  return answer && typeof answer.value === "string" && Object.prototype.hasOwnProperty.call(labels, answer.value) ? answer.value : "";
}

export function normaliseName(name) {
  return String(name || "").normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fr");
}

export function sameName(a, b) {
  return normaliseName(a) === normaliseName(b);
}

// A name not yet taken: "Atelier", then "Atelier (2)", "Atelier (3)"…
// Two organisations with the same name stay two entries, told apart.
export function uniqueName(name, taken) {
  const base = String(name || "").trim();
  if (!taken.some((t) => sameName(t, base))) return base;
  let n = 2;
  while (taken.some((t) => sameName(t, `${base} (${n})`))) n += 1;
  return `${base} (${n})`;
}

export function buildGrid(definition, state, now) {
  const date = (now instanceof Date ? now : new Date()).toISOString();
  const marks = {};
  for (const section of definition.sections) {
    const entry = state.marks[section.id];
    if (entry && (entry.mark || entry.note)) marks[section.id] = { mark: entry.mark || "", note: entry.note || "" };
  }
  return {
    format: GRID_FORMAT,
    format_version: GRID_FORMAT_VERSION,
    exported_at: date,
    portrait: { id: definition.id, version: definition.version, title: definition.title },
    portraits: state.organisations.map((o) => {
      const exported = buildExport(definition, { organisation: o.name, answers: o.answers }, now);
      if (o.exported_at) exported.exported_at = o.exported_at;
      return exported;
    }),
    marks,
  };
}

// Strip the "nothing changed" sentence answers.js appends; the grid adds its own.
export function bare(message) {
  const text = String(message).trim();
  const unchanged = t("formats.unchanged_answers");
  return text.endsWith(unchanged) ? text.slice(0, -unchanged.length).trim() : text;
}

// A refusal of the file: the sentence, then "the grid has not changed".
function fail(sentence) {
  return { ok: false, message: `${sentence} ${t("formats.unchanged_grid")}` };
}

export function validateGridObject(object, definition) {
  if (!isPlainObject(object)) return fail(t("formats.grid_not_grid"));
  if (object.format === ANSWERS_FORMAT || object.format === DOSSIER_FORMAT) return fail(t("formats.grid_is_answers"));
  if (object.format !== GRID_FORMAT) return fail(t("formats.grid_not_grid"));
  if (object.format_version !== GRID_FORMAT_VERSION) {
    if (Number.isInteger(object.format_version) && object.format_version > GRID_FORMAT_VERSION) {
      return fail(t("formats.grid_newer_format", { version: object.format_version }));
    }
    return fail(t("formats.grid_unknown_format"));
  }
  if (!Array.isArray(object.portraits)) return fail(t("formats.grid_no_list"));
  if (object.portraits.length > MAX_ORGANISATIONS) return fail(t("formats.grid_too_many", { max: MAX_ORGANISATIONS }));
  const organisations = [];
  for (const [index, portrait] of object.portraits.entries()) {
    const result = validateAnswersObject(portrait, definition);
    if (!result.ok) return fail(t("formats.grid_in_portrait", { number: index + 1, refusal: bare(result.message) }));
    const name = result.data.organisation.trim();
    if (!name) return fail(t("formats.grid_portrait_unnamed", { number: index + 1 }));
    organisations.push({ name: uniqueName(name, organisations.map((o) => o.name)), answers: result.data.answers, exported_at: result.data.exported_at });
  }
  const marks = readMarks(object.marks === undefined ? {} : object.marks, definition);
  return marks.ok ? { ok: true, data: { organisations, marks: marks.marks } } : marks;
}

function readMarks(rawMarks, definition) {
  if (!isPlainObject(rawMarks)) return fail(t("formats.grid_marks_unreadable"));
  const marks = {};
  const dimensions = new Map(definition.sections.map((s) => [s.id, s]));
  for (const [id, entry] of Object.entries(rawMarks)) {
    const section = dimensions.get(id);
    if (!section) return fail(t("formats.grid_unknown_dimension", { id: id.slice(0, 40) }));
    if (!isPlainObject(entry)) return fail(t("formats.grid_mark_unreadable", { title: section.title }));
    const mark = entry.mark === undefined ? "" : entry.mark;
    const note = entry.note === undefined ? "" : entry.note;
    if (mark !== "" && !MARKS.includes(mark)) return fail(t("formats.grid_mark_not_possible", { title: section.title }));
    if (typeof note !== "string" || note.length > MAX_TEXT_LENGTH) return fail(t("formats.grid_note_invalid", { title: section.title }));
    marks[id] = { mark, note };
  }
  return { ok: true, marks };
}

export function ratingText(answer) {
  const value = ratingValue(answer);
  return value ? VALUE_LABELS.rating[value] : t("grid.unrated");
}

