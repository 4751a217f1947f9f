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
//   gridMarkdown(definition, state, texts, now?) -> Markdown report
//       texts = {reading, counts, suggestions: {<dimension id>: sentence}, risks: {<dimension id>: [{text, href}]}}
//   MARK_LABELS (French words for the grid's own marks)
//   ratingValue(answer) -> "strength" | … | "" (unrated or unknown)
//   ratingText(answer) -> Python's word for the rating (rules.vocabularies.rating,
//       given by answers.js's useRules), or UNRATED_LABEL

import {
  ANSWERS_FORMAT,
  FORMAT_VERSION,
  MAX_ORGANISATION_LENGTH,
  MAX_TEXT_LENGTH,
  VALUE_LABELS,
  buildExport,
  formatDate,
  validateAnswersObject,
} from "./answers.js";
import { MARKS } from "./grid-rule.js";

export const GRID_FORMAT = "mutuus-grid";
export const GRID_FORMAT_VERSION = 1;
export const MAX_ORGANISATIONS = 12;

export const MARK_LABELS = {
  convergence: "Convergence",
  complementarity: "Complémentarité",
  divergence: "Divergence",
  "": "Pas encore décidé",
};

// The rating words are Python's (macros/questionnaire_rules.py, read from the
// catalog by answers.js's useRules); only the empty cell's words are the grid's.
export const UNRATED_LABEL = "Non renseigné";

export function ratingValue(answer) {
  const labels = VALUE_LABELS.rating || {};
  return answer && typeof answer.value === "string" && Object.prototype.hasOwnProperty.call(labels, answer.value) ? answer.value : "";
}

const UNCHANGED = "La grille actuelle n'a pas changé.";

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
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
function bare(message) {
  return String(message).replace(/\s*Vos réponses actuelles n'ont pas changé\.\s*$/, "");
}

export function validateGridObject(object, definition) {
  const fail = (message) => ({ ok: false, message: `${message} ${UNCHANGED}` });
  if (!isPlainObject(object)) return fail("Ce fichier n'est pas une grille de diagnostic Mutuus.");
  if (object.format === ANSWERS_FORMAT || object.format === "mutuus-dossier") {
    return fail("Ce fichier contient des réponses à un questionnaire, pas une grille. Pour ajouter un portrait, utilisez « Ajouter des portraits ».");
  }
  if (object.format !== GRID_FORMAT) return fail("Ce fichier n'est pas une grille de diagnostic Mutuus.");
  if (object.format_version !== GRID_FORMAT_VERSION) {
    if (Number.isInteger(object.format_version) && object.format_version > GRID_FORMAT_VERSION) {
      return fail(`Cette grille vient d'une version plus récente de Mutuus (format ${object.format_version}) : ce site ne sait pas encore la lire.`);
    }
    return fail("Cette grille a une version de format inconnue.");
  }
  if (!Array.isArray(object.portraits)) return fail("Cette grille ne contient pas de liste de portraits.");
  if (object.portraits.length > MAX_ORGANISATIONS) {
    return fail(`Cette grille compare plus de ${MAX_ORGANISATIONS} organisations, ce que cette page ne sait pas afficher.`);
  }
  const organisations = [];
  for (const [index, portrait] of object.portraits.entries()) {
    const result = validateAnswersObject(portrait, definition);
    if (!result.ok) return fail(`Portrait n° ${index + 1} : ${bare(result.message)}`);
    const name = result.data.organisation.trim();
    if (!name) return fail(`Le portrait n° ${index + 1} n'a pas de nom d'organisation.`);
    organisations.push({ name: uniqueName(name, organisations.map((o) => o.name)), answers: result.data.answers, exported_at: result.data.exported_at });
  }
  const marks = {};
  const rawMarks = object.marks === undefined ? {} : object.marks;
  if (!isPlainObject(rawMarks)) return fail("Les marques de cette grille ne sont pas lisibles.");
  const dimensions = new Map(definition.sections.map((s) => [s.id, s]));
  for (const [id, entry] of Object.entries(rawMarks)) {
    const section = dimensions.get(id);
    if (!section) return fail(`Cette grille marque une dimension inconnue (« ${id.slice(0, 40)} »).`);
    if (!isPlainObject(entry)) return fail(`La marque de la dimension « ${section.title} » n'est pas lisible.`);
    const mark = entry.mark === undefined ? "" : entry.mark;
    const note = entry.note === undefined ? "" : entry.note;
    if (mark !== "" && !MARKS.includes(mark)) {
      return fail(`La marque de la dimension « ${section.title} » n'est pas une marque possible.`);
    }
    if (typeof note !== "string" || note.length > MAX_TEXT_LENGTH) {
      return fail(`La note de la dimension « ${section.title} » n'est pas valide.`);
    }
    marks[id] = { mark, note };
  }
  return { ok: true, data: { organisations, marks } };
}

// ---------------------------------------------------------------- Markdown

function md(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

function mdCell(text) {
  return md(String(text).replace(/\r\n?|\n/g, " ").trim());
}

function mdBlock(text, indent) {
  return md(String(text).replace(/\r\n?/g, "\n"))
    .split("\n")
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join("\n");
}

export function ratingText(answer) {
  const value = ratingValue(answer);
  return value ? VALUE_LABELS.rating[value] : UNRATED_LABEL;
}

export function gridMarkdown(definition, state, texts, now) {
  const date = now instanceof Date ? now : new Date();
  const names = state.organisations.map((o) => o.name);
  const lines = [];
  lines.push("# Grille de diagnostic", "");
  lines.push(`- Date : ${formatDate(date.toISOString())}`);
  lines.push(`- Organisations comparées : ${names.length ? names.map(md).join(" ; ") : "(aucune)"}`);
  lines.push(`- Potentiel de mutualisation : ${md(texts.reading)}`);
  lines.push(`- ${md(texts.counts)}`, "");
  for (const section of definition.sections) {
    const entry = state.marks[section.id] || { mark: "", note: "" };
    lines.push(`## ${md(section.title)}`, "");
    if (names.length) {
      lines.push(`| Caractéristique | ${names.map(mdCell).join(" | ")} |`);
      lines.push(`| --- | ${names.map(() => "---").join(" | ")} |`);
      for (const question of section.questions) {
        const cells = state.organisations.map((o) => {
          const answer = o.answers[question.id];
          const note = answer && answer.note ? ` (${mdCell(answer.note)})` : "";
          return mdCell(ratingText(answer)) + note;
        });
        lines.push(`| ${mdCell(question.label)} | ${cells.join(" | ")} |`);
      }
      lines.push("");
    }
    lines.push(`- Lecture retenue : ${MARK_LABELS[entry.mark || ""]}`);
    if (entry.note && entry.note.trim()) lines.push(`- Note : ${mdBlock(entry.note, "  ")}`);
    if (texts.suggestions[section.id]) lines.push(`- Suggestion de la page : ${md(texts.suggestions[section.id])}`);
    const risks = texts.risks[section.id] || [];
    if (entry.mark === "divergence" && risks.length) {
      lines.push(`- Risques à relire : ${risks.map((r) => `[${md(r.text)}](${r.href})`).join(", ")}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

export { MAX_ORGANISATION_LENGTH, FORMAT_VERSION };
