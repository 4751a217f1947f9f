// Mutuus: answer formats. Export (JSON, Markdown, CSV), import and validation.
//
// Plain ES module, no DOM except `downloadText` (re-exported from download.js). Every other function is pure.
//
// A "definition" is the object embedded in each form
// (<script type="application/json" class="mu-q-definition">) and in the
// catalog (#mu-q-catalog):
//   {id, version, title, step, page, sections: [{id, title, questions:
//     [{id, kind: "check"|"text"|"choice"|"rating", label, help?,
//       options?: [{value, label}], link?}]}]}
// An "answers" object maps a question id to {value, note?}:
//   check  -> value "done" | "not_yet" | "not_applicable"
//   rating -> value "strength" | "weakness" | "neutral" | "not_applicable", note optional
//             (a note typed before any rating is kept as {value: "", note}; it does
//             not count as answered)
//   choice -> value = one option's value
//   text   -> value = any string
// A "record" is {organisation, answers} (what storage.js keeps).
//
// API
//   ANSWERS_FORMAT = "mutuus-answers", DOSSIER_FORMAT = "mutuus-dossier", FORMAT_VERSION = 1
//   useRules(rules)   takes Python's rules (rules.vocabularies, rules.limits, rules.locale)
//   VALUE_LABELS = {check: {done: "Fait", ...}, rating: {strength: "Force", ...}}   from rules
//   MAX_TEXT_LENGTH, MAX_ORGANISATION_LENGTH (from rules), MAX_FILE_BYTES
//   questionsOf(definition) -> [{...question, section}]   flat list, in order
//   allowedValues(question) -> string[]
//   answerLabel(question, answer) -> French words ("Fait", "Force", the option label, the text) or ""
//   isAnswered(question, answer) -> boolean
//   countAnswered(definition, answers) -> {answered, total}
//   sanitizeAnswers(definition, answers) -> answers   keeps only known ids and valid values
//   buildExport(definition, record, now?) -> mutuus-answers object (answered questions only)
//   exportJSON(definition, record, now?) -> string (pretty JSON, final newline)
//   exportMarkdown(definition, record, now?) -> string
//   exportCSV(definition, record, now?) -> string: UTF-8 BOM, ";" separator, CRLF,
//       header: Questionnaire;Version;Organisation;Exporté le;Section;Identifiant;Question;Réponse;Code;Note
//       one row per question (unanswered ones too, with empty answer);
//       cells beginning with = + - @ tab or CR get a leading "'" (formula injection).
//   csvCell(text) -> one escaped CSV cell
//   exportFileName(definition, organisation, extension, now?) -> "mutuus-<id>-<organisation>-<YYYY-MM-DD>.<ext>"
//   validateAnswersObject(object, definition)
//       -> {ok: true, data: {organisation, answers, exported_at}} | {ok: false, message}
//   parseAnswersFile(text, definition)
//       -> same, from a file's text. Accepts a mutuus-answers file for this
//          questionnaire, or a mutuus-dossier file holding one.
//   importSummary(definition, data, currentAnswers) -> French sentence describing the file
//   buildDossier(organisation, exports, now?) -> mutuus-dossier object
//   validateDossierObject(object, definitionsById)
//       -> {ok: true, data: {organisation, exported_at, questionnaires: [{definition, organisation, answers, exported_at}]}}
//        | {ok: false, message}
//   useLocale(locale), currentLocale()   the locale for dates (rules.js gives the network's)
//   formatDate(isoString) -> "25 novembre 2026" (in that locale), "" when invalid
//   downloadText(fileName, text, mimeType)   starts a download (DOM)

import { isPlainObject } from "./core/dom.js";
import { slug } from "./slug.js";

export const ANSWERS_FORMAT = "mutuus-answers";
export const DOSSIER_FORMAT = "mutuus-dossier";
export const FORMAT_VERSION = 1;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

// The answer vocabularies and the length limits are Python's
// (macros/questionnaire_rules.py renders them into the page as `rules`):
// each tool calls useRules(rules) when it mounts, before anything else.
export let VALUE_LABELS = Object.freeze({});
export let MAX_TEXT_LENGTH = 0;
export let MAX_ORGANISATION_LENGTH = 0;

export function useRules(rules) {
  VALUE_LABELS = Object.freeze(Object.fromEntries(Object.entries(rules.vocabularies).map(([kind, labels]) => [kind, Object.freeze({ ...labels })])));
  MAX_TEXT_LENGTH = rules.limits.text;
  MAX_ORGANISATION_LENGTH = rules.limits.organisation;
  useLocale(rules.locale);
}

const UNCHANGED = " Vos réponses actuelles n'ont pas changé.";

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

export function questionsOf(definition) {
  const list = [];
  for (const section of definition.sections || []) {
    for (const question of section.questions || []) {
      list.push({ ...question, section });
    }
  }
  return list;
}

export function allowedValues(question) {
  if (question.kind === "check" || question.kind === "rating") {
    return Object.keys(VALUE_LABELS[question.kind]);
  }
  if (question.kind === "choice") {
    return (question.options || []).map((option) => option.value);
  }
  return [];
}

export function isAnswered(question, answer) {
  if (!isPlainObject(answer) || typeof answer.value !== "string") return false;
  if (question.kind === "text") return answer.value.trim() !== "";
  return allowedValues(question).includes(answer.value);
}

export function answerLabel(question, answer) {
  if (!isAnswered(question, answer)) return "";
  if (question.kind === "text") return answer.value;
  if (question.kind === "choice") {
    const option = question.options.find((o) => o.value === answer.value);
    return option ? option.label : "";
  }
  return VALUE_LABELS[question.kind][answer.value] || "";
}

export function countAnswered(definition, answers) {
  const questions = questionsOf(definition);
  let answered = 0;
  for (const question of questions) {
    if (isPlainObject(answers) && isAnswered(question, answers[question.id])) answered += 1;
  }
  return { answered, total: questions.length };
}

function cleanNote(note) {
  return typeof note === "string" ? note.slice(0, MAX_TEXT_LENGTH) : "";
}

export function sanitizeAnswers(definition, answers) {
  const clean = {};
  if (!isPlainObject(answers)) return clean;
  for (const question of questionsOf(definition)) {
    const answer = answers[question.id];
    if (!isPlainObject(answer)) continue;
    const note = question.kind === "rating" ? cleanNote(answer.note) : "";
    if (isAnswered(question, answer)) {
      const value = question.kind === "text" ? answer.value.slice(0, MAX_TEXT_LENGTH) : answer.value;
      clean[question.id] = note ? { value, note } : { value };
    } else if (note.trim() !== "") {
      // A rating note typed before choosing a rating is kept.
      clean[question.id] = { value: "", note };
    }
  }
  return clean;
}

function isoNow(now) {
  return (now instanceof Date ? now : new Date()).toISOString();
}

export function buildExport(definition, record, now) {
  const answers = sanitizeAnswers(definition, record.answers);
  const out = {};
  for (const question of questionsOf(definition)) {
    const answer = answers[question.id];
    if (!answer) continue;
    const entry = { value: answer.value };
    if (question.kind === "rating" && answer.note) entry.note = answer.note;
    out[question.id] = entry;
  }
  return {
    format: ANSWERS_FORMAT,
    format_version: FORMAT_VERSION,
    questionnaire: { id: definition.id, version: definition.version, title: definition.title },
    organisation: String(record.organisation || "").slice(0, MAX_ORGANISATION_LENGTH),
    exported_at: isoNow(now),
    answers: out,
  };
}

export function exportJSON(definition, record, now) {
  return `${JSON.stringify(buildExport(definition, record, now), null, 2)}\n`;
}

// ---------------------------------------------------------------- dates

// The locale for dates is the network's (extra.network.locale), which the
// page gives through rules.js; set once by each tool when it mounts.
let locale = "fr";

export function useLocale(value) {
  if (typeof value === "string" && value) locale = value;
}

export function currentLocale() {
  return locale;
}

export function formatDate(isoString) {
  const date = new Date(isoString);
  if (Number.isNaN(date.getTime())) return "";
  try {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(date);
  } catch (_) {
    return date.toISOString().slice(0, 10);
  }
}

// ---------------------------------------------------------------- Markdown

// Backslash-escape the characters that Markdown (or HTML inside it) would
// interpret, so a name like "<img src=x>" stays text when the file is rendered.
function mdText(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

// Multi-line text inside a list item: continuation lines indented.
function mdBlock(text, indent) {
  return mdText(String(text).replace(/\r\n?/g, "\n"))
    .split("\n")
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join("\n");
}

export function exportMarkdown(definition, record, now) {
  const data = buildExport(definition, record, now);
  const { answered, total } = countAnswered(definition, data.answers);
  const lines = [];
  lines.push(`# ${mdText(definition.title)}`, "");
  lines.push(`- Organisation : ${data.organisation ? mdText(data.organisation) : "(non précisée)"}`);
  lines.push(`- Date : ${formatDate(data.exported_at)} (${data.exported_at})`);
  lines.push(`- Questionnaire : ${mdText(definition.id)}, version ${definition.version}`);
  lines.push(`- Réponses : ${answered} sur ${total}`, "");
  for (const section of definition.sections) {
    lines.push(`## ${mdText(section.title)}`, "");
    for (const question of section.questions) {
      const answer = data.answers[question.id];
      const label = answerLabel(question, answer);
      const shown = label ? mdBlock(label, "  ") : "(sans réponse)";
      lines.push(`- **${mdText(question.label)}** : ${shown}`);
      if (answer && answer.note) lines.push(`  - Note : ${mdBlock(answer.note, "    ")}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

// ---------------------------------------------------------------- CSV

export const CSV_SEPARATOR = ";";
export const CSV_HEADER = [
  "Questionnaire",
  "Version",
  "Organisation",
  "Exporté le",
  "Section",
  "Identifiant",
  "Question",
  "Réponse",
  "Code",
  "Note",
];

export function csvCell(text) {
  let cell = text === null || text === undefined ? "" : String(text);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  if (/[";\r\n]/.test(cell)) cell = `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

export function exportCSV(definition, record, now) {
  const data = buildExport(definition, record, now);
  const rows = [CSV_HEADER];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const answer = data.answers[question.id];
      rows.push([
        definition.title,
        String(definition.version),
        data.organisation,
        data.exported_at,
        section.title,
        question.id,
        question.label,
        answerLabel(question, answer),
        answer ? answer.value : "",
        answer && answer.note ? answer.note : "",
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------- file names

export function exportFileName(definition, organisation, extension, now) {
  const date = isoNow(now).slice(0, 10);
  const name = slug(organisation);
  const parts = ["mutuus", definition.id, name === "sans-nom" ? "" : name, date].filter(Boolean);
  return `${parts.join("-")}.${extension}`;
}

// ---------------------------------------------------------------- import

export function quote(text) {
  const s = String(text);
  return `« ${s.length > 60 ? `${s.slice(0, 57)}…` : s} »`;
}

export function validateAnswersObject(object, definition) {
  const fail = (message) => ({ ok: false, message: message + UNCHANGED });
  if (!isPlainObject(object) || object.format !== ANSWERS_FORMAT) {
    return fail("Ce fichier n'est pas un export de réponses Mutuus.");
  }
  if (object.format_version !== FORMAT_VERSION) {
    if (Number.isInteger(object.format_version) && object.format_version > FORMAT_VERSION) {
      return fail("Ce fichier vient d'une version plus récente de Mutuus : mettez le site à jour pour l'importer.");
    }
    return fail("Ce fichier n'est pas un export de réponses Mutuus valide (version de format inconnue).");
  }
  const q = object.questionnaire;
  if (!isPlainObject(q) || typeof q.id !== "string" || !Number.isInteger(q.version)) {
    return fail("Ce fichier ne dit pas de quel questionnaire il vient.");
  }
  if (q.id !== definition.id) {
    const title = typeof q.title === "string" && q.title ? q.title : q.id;
    return fail(
      `Ce fichier contient les réponses d'un autre questionnaire (${quote(title)}), pas celles de ${quote(definition.title)}. Importez-le sur la page de ce questionnaire.`,
    );
  }
  if (q.version > definition.version) {
    return fail(
      `Ce fichier vient d'une version plus récente de ce questionnaire (version ${q.version} ; cette page : version ${definition.version}). Mettez le site à jour pour l'importer.`,
    );
  }
  if (q.version < 1) return fail("La version du questionnaire indiquée dans ce fichier n'est pas valide.");
  const organisation = has(object, "organisation") ? object.organisation : "";
  if (typeof organisation !== "string") {
    return fail("Le nom de l'organisation dans ce fichier n'est pas du texte.");
  }
  if (organisation.length > MAX_ORGANISATION_LENGTH) {
    return fail(`Le nom de l'organisation dans ce fichier dépasse ${MAX_ORGANISATION_LENGTH} caractères.`);
  }
  const exportedAt = typeof object.exported_at === "string" ? object.exported_at : "";
  if (!isPlainObject(object.answers)) {
    return fail("Ce fichier ne contient pas de réponses lisibles.");
  }
  const byId = new Map(questionsOf(definition).map((question) => [question.id, question]));
  const unknown = Object.keys(object.answers).filter((id) => !byId.has(id));
  if (unknown.length) {
    const shown = unknown.slice(0, 5).map(quote).join(", ");
    return fail(
      `Ce fichier contient des réponses à des questions que ce questionnaire ne connaît pas : ${shown}${unknown.length > 5 ? "…" : ""}.`,
    );
  }
  const answers = {};
  for (const [id, answer] of Object.entries(object.answers)) {
    const question = byId.get(id);
    if (!isPlainObject(answer) || typeof answer.value !== "string") {
      return fail(`La réponse à la question ${quote(question.label)} n'est pas lisible.`);
    }
    const extra = Object.keys(answer).filter((k) => k !== "value" && k !== "note");
    if (extra.length) {
      return fail(`La réponse à la question ${quote(question.label)} contient un champ inconnu (${quote(extra[0])}).`);
    }
    if (has(answer, "note") && (typeof answer.note !== "string" || question.kind !== "rating")) {
      return fail(`La note de la question ${quote(question.label)} n'est pas valide.`);
    }
    if (question.kind === "text") {
      if (answer.value.length > MAX_TEXT_LENGTH) {
        return fail(`La réponse à la question ${quote(question.label)} dépasse ${MAX_TEXT_LENGTH} caractères.`);
      }
    } else if (!(answer.value === "" && question.kind === "rating" && answer.note) && !allowedValues(question).includes(answer.value)) {
      return fail(`La réponse à la question ${quote(question.label)} n'est pas une réponse possible (${quote(answer.value)}).`);
    }
    if (has(answer, "note") && answer.note.length > MAX_TEXT_LENGTH) {
      return fail(`La note de la question ${quote(question.label)} dépasse ${MAX_TEXT_LENGTH} caractères.`);
    }
    answers[id] = has(answer, "note") && answer.note ? { value: answer.value, note: answer.note } : { value: answer.value };
  }
  return { ok: true, data: { organisation, answers, exported_at: exportedAt } };
}

export function parseAnswersFile(text, definition) {
  if (typeof text !== "string" || text.length > MAX_FILE_BYTES) {
    return { ok: false, message: `Ce fichier est trop volumineux pour être un export de réponses.${UNCHANGED}` };
  }
  let object;
  try {
    object = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (_) {
    return {
      ok: false,
      message: `Ce fichier n'est pas un fichier JSON lisible (choisissez un fichier exporté avec « Exporter JSON »).${UNCHANGED}`,
    };
  }
  if (isPlainObject(object) && object.format === DOSSIER_FORMAT) {
    const list = Array.isArray(object.questionnaires) ? object.questionnaires : [];
    const entry = list.find((item) => isPlainObject(item) && isPlainObject(item.questionnaire) && item.questionnaire.id === definition.id);
    if (!entry) {
      return { ok: false, message: `Ce dossier ne contient pas de réponses à ${quote(definition.title)}.${UNCHANGED}` };
    }
    return validateAnswersObject(entry, definition);
  }
  return validateAnswersObject(object, definition);
}

export function importSummary(definition, data, currentAnswers) {
  const incoming = countAnswered(definition, data.answers);
  const current = countAnswered(definition, currentAnswers || {});
  const who = data.organisation ? `de ${quote(data.organisation)}` : "sans nom d'organisation";
  const when = formatDate(data.exported_at);
  const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;
  return (
    `Fichier ${who}${when ? `, exporté le ${when}` : ""} : ${plural(incoming.answered, "réponse", "réponses")} sur ${incoming.total}. ` +
    `L'importer remplacera vos réponses actuelles (${plural(current.answered, "réponse", "réponses")}).`
  );
}

// ---------------------------------------------------------------- dossier

export function buildDossier(organisation, exports, now) {
  return {
    format: DOSSIER_FORMAT,
    format_version: FORMAT_VERSION,
    organisation: String(organisation || "").slice(0, MAX_ORGANISATION_LENGTH),
    exported_at: isoNow(now),
    questionnaires: exports,
  };
}

export function validateDossierObject(object, definitionsById) {
  const fail = (message) => ({ ok: false, message: message + UNCHANGED });
  if (!isPlainObject(object) || object.format !== DOSSIER_FORMAT) {
    return fail("Ce fichier n'est pas un dossier Mutuus.");
  }
  if (object.format_version !== FORMAT_VERSION) {
    return fail("Ce dossier vient d'une version de Mutuus que ce site ne sait pas lire.");
  }
  if (typeof (object.organisation ?? "") !== "string") {
    return fail("Le nom de l'organisation dans ce dossier n'est pas du texte.");
  }
  if (!Array.isArray(object.questionnaires)) {
    return fail("Ce dossier ne contient pas de liste de questionnaires.");
  }
  const seen = new Set();
  const questionnaires = [];
  for (const item of object.questionnaires) {
    const id = isPlainObject(item) && isPlainObject(item.questionnaire) ? item.questionnaire.id : undefined;
    const definition = typeof id === "string" && has(definitionsById, id) ? definitionsById[id] : null;
    if (!definition) {
      return fail(`Ce dossier contient un questionnaire inconnu${typeof id === "string" ? ` (${quote(id)})` : ""}.`);
    }
    if (seen.has(id)) return fail(`Ce dossier contient deux fois le questionnaire ${quote(definition.title)}.`);
    seen.add(id);
    const result = validateAnswersObject(item, definition);
    if (!result.ok) return { ok: false, message: `${definition.title} : ${result.message}` };
    questionnaires.push({ definition, ...result.data });
  }
  return {
    ok: true,
    data: {
      organisation: object.organisation || "",
      exported_at: typeof object.exported_at === "string" ? object.exported_at : "",
      questionnaires,
    },
  };
}

// ---------------------------------------------------------------- download

export { downloadText } from "./download.js";
