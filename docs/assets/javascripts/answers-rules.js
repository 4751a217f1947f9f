// Mutuus: what an answer is, by Python's rules (pure, no DOM).
//
// The answer vocabularies, the length limits and the locale for dates are
// Python's (macros/questionnaire_rules.py renders them into the page as
// `rules`; formats/limits.py owns the numbers): each tool calls
// useRules(rules) when it mounts, before anything else.
//
//   ANSWERS_FORMAT, DOSSIER_FORMAT, FORMAT_VERSION
//   useRules(rules), VALUE_LABELS, MAX_TEXT_LENGTH, MAX_ORGANISATION_LENGTH, MAX_FILE_BYTES
//   questionsOf(definition) -> [{...question, section}]   flat list, in order
//   allowedValues(question) -> string[]
//   isAnswered(question, answer), answerLabel(question, answer) -> the words shown or ""
//   countAnswered(definition, answers) -> {answered, total}
//   sanitizeAnswers(definition, answers) -> answers   keeps only known ids and valid values
//   useLocale(locale), currentLocale(), formatDate(iso) -> "25 novembre 2026" ("" when invalid)
//   quote(text) -> the text in French quotes, cut beyond 60 characters

import { isPlainObject } from "./core/dom.js";
import { t } from "./core/words.js";

// The file formats' names and version (formats/limits.py; a test checks they agree).
export const ANSWERS_FORMAT = "mutuus-answers";
export const DOSSIER_FORMAT = "mutuus-dossier";
export const FORMAT_VERSION = 1;

export let VALUE_LABELS = Object.freeze({});
export let MAX_TEXT_LENGTH = 0;
export let MAX_ORGANISATION_LENGTH = 0;
export let MAX_FILE_BYTES = 0;

export function useRules(rules) {
  VALUE_LABELS = Object.freeze(Object.fromEntries(Object.entries(rules.vocabularies).map(([kind, labels]) => [kind, Object.freeze({ ...labels })])));
  MAX_TEXT_LENGTH = rules.limits.text;
  MAX_ORGANISATION_LENGTH = rules.limits.organisation;
  MAX_FILE_BYTES = rules.limits.file;
  useLocale(rules.locale);
}

export function questionsOf(definition) {
  const list = [];
  for (const section of definition.sections || []) {
    for (const question of section.questions || []) list.push({ ...question, section });
  }
  return list;
}

export function allowedValues(question) {
  if (question.kind === "check" || question.kind === "rating") return Object.keys(VALUE_LABELS[question.kind]);
  if (question.kind === "choice") return (question.options || []).map((option) => option.value);
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

// ---------------------------------------------------------------- dates and quotes

// The locale for dates is the network's (extra.network.locale), which the
// page gives in its rules; set once by each tool when it mounts.
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

export function quote(text) {
  const s = String(text);
  return t("answers.quote", { text: s.length > 60 ? `${s.slice(0, 57)}…` : s });
}
