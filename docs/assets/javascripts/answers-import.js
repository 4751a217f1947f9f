// Mutuus: an answers or dossier file read back (pure, no DOM), with the
// rules and the refusal sentences of formats/ (formats/answers.py and
// formats/dossier.py read files the same way; the sentences are
// formats/messages.py's, through the catalog: t("formats.…")).
//
//   validateAnswersObject(object, definition)
//       -> {ok: true, data: {organisation, answers, exported_at}} | {ok: false, message}
//   parseAnswersFile(text, definition) -> same, from a file's text: a
//       mutuus-answers file for this questionnaire, or a mutuus-dossier file holding one.
//   importSummary(definition, data, currentAnswers, currentOrganisation?) -> the sentence describing the file
//       (and what it replaces: notes without an answer, the organisation's name)
//   validateDossierObject(object, definitionsById)
//       -> {ok: true, data: {organisation, exported_at, questionnaires: [{definition, organisation, answers, exported_at}]}}
//        | {ok: false, message}

import {
  ANSWERS_FORMAT,
  DOSSIER_FORMAT,
  FORMAT_VERSION,
  MAX_FILE_BYTES,
  MAX_ORGANISATION_LENGTH,
  MAX_TEXT_LENGTH,
  allowedValues,
  countAnswered,
  formatDate,
  questionsOf,
  quote,
} from "./answers-rules.js";
import { isPlainObject } from "./core/dom.js";
import { t } from "./core/words.js";

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

// Every refusal ends with the sentence that says nothing was replaced.
function refuse(message) {
  return { ok: false, message: `${message} ${t("formats.unchanged_answers")}` };
}

// The file's header: its format, its version, its questionnaire and organisation.
function headerRefusal(object, definition) {
  if (!isPlainObject(object) || object.format !== ANSWERS_FORMAT) return t("formats.answers_not_answers");
  if (object.format_version !== FORMAT_VERSION) {
    if (Number.isInteger(object.format_version) && object.format_version > FORMAT_VERSION) return t("formats.answers_newer_format");
    return t("formats.answers_unknown_format");
  }
  const q = object.questionnaire;
  if (!isPlainObject(q) || typeof q.id !== "string" || !Number.isInteger(q.version)) return t("formats.answers_no_questionnaire");
  if (q.id !== definition.id) {
    const title = typeof q.title === "string" && q.title ? q.title : q.id;
    return t("formats.answers_other_questionnaire", { title: quote(title), page: quote(definition.title) });
  }
  if (q.version > definition.version) {
    return t("formats.answers_newer_questionnaire", { version: q.version, page_version: definition.version });
  }
  if (q.version < 1) return t("formats.answers_bad_questionnaire_version");
  const organisation = has(object, "organisation") ? object.organisation : "";
  if (typeof organisation !== "string") return t("formats.answers_organisation_not_text");
  if (organisation.length > MAX_ORGANISATION_LENGTH) return t("formats.answers_organisation_too_long", { max: MAX_ORGANISATION_LENGTH });
  if (!isPlainObject(object.answers)) return t("formats.answers_no_answers");
  return "";
}

// One answer against its question: "" when it can be kept.
function answerRefusal(question, answer) {
  const label = quote(question.label);
  if (!isPlainObject(answer) || typeof answer.value !== "string") return t("formats.answer_unreadable", { label });
  const extra = Object.keys(answer).filter((k) => k !== "value" && k !== "note");
  if (extra.length) return t("formats.answer_unknown_field", { label, key: quote(extra[0]) });
  if (has(answer, "note") && (typeof answer.note !== "string" || question.kind !== "rating")) {
    return t("formats.answer_note_invalid", { label });
  }
  if (question.kind === "text") {
    if (answer.value.length > MAX_TEXT_LENGTH) return t("formats.answer_too_long", { label, max: MAX_TEXT_LENGTH });
  } else if (!(answer.value === "" && question.kind === "rating" && answer.note) && !allowedValues(question).includes(answer.value)) {
    // A rating's note typed before any rating is kept with an empty value.
    return t("formats.answer_not_possible", { label, value: quote(answer.value) });
  }
  if (has(answer, "note") && answer.note.length > MAX_TEXT_LENGTH) return t("formats.answer_note_too_long", { label, max: MAX_TEXT_LENGTH });
  return "";
}

export function validateAnswersObject(object, definition) {
  const header = headerRefusal(object, definition);
  if (header) return refuse(header);
  const byId = new Map(questionsOf(definition).map((question) => [question.id, question]));
  const unknown = Object.keys(object.answers).filter((id) => !byId.has(id));
  if (unknown.length) {
    const ids = unknown.slice(0, 5).map(quote).join(", ") + (unknown.length > 5 ? "…" : "");
    return refuse(t("formats.answers_unknown_questions", { ids }));
  }
  const answers = {};
  for (const [id, answer] of Object.entries(object.answers)) {
    const refusal = answerRefusal(byId.get(id), answer);
    if (refusal) return refuse(refusal);
    answers[id] = has(answer, "note") && answer.note ? { value: answer.value, note: answer.note } : { value: answer.value };
  }
  const organisation = has(object, "organisation") ? object.organisation : "";
  const exportedAt = typeof object.exported_at === "string" ? object.exported_at : "";
  return { ok: true, data: { organisation, answers, exported_at: exportedAt } };
}

export function parseAnswersFile(text, definition) {
  if (typeof text !== "string" || text.length > MAX_FILE_BYTES) return refuse(t("formats.answers_too_big"));
  let object;
  try {
    object = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (_) {
    return refuse(t("formats.answers_not_json"));
  }
  if (isPlainObject(object) && object.format === DOSSIER_FORMAT) {
    const list = Array.isArray(object.questionnaires) ? object.questionnaires : [];
    const entry = list.find((item) => isPlainObject(item) && isPlainObject(item.questionnaire) && item.questionnaire.id === definition.id);
    if (!entry) return refuse(t("formats.answers_dossier_lacks", { title: quote(definition.title) }));
    return validateAnswersObject(entry, definition);
  }
  return validateAnswersObject(object, definition);
}

export function importSummary(definition, data, currentAnswers, currentOrganisation = "") {
  const incoming = countAnswered(definition, data.answers);
  const current = countAnswered(definition, currentAnswers || {});
  const when = formatDate(data.exported_at);
  // Notes under a rating not chosen yet are no answers, but the import replaces them too.
  const notes = Object.values(currentAnswers || {}).filter(
    (answer) => isPlainObject(answer) && !answer.value && typeof answer.note === "string" && answer.note.trim(),
  ).length;
  const answers = t("answers.count", { n: current.answered });
  let summary = t("answers.import_summary", {
    who: data.organisation ? t("answers.import_from", { name: quote(data.organisation) }) : t("answers.import_unnamed"),
    when: when ? t("answers.import_when", { date: when }) : "",
    incoming: t("answers.count", { n: incoming.answered }),
    total: incoming.total,
    current: notes ? t("answers.count_with_notes", { answers, notes: t("answers.notes", { n: notes }) }) : answers,
  });
  const from = String(currentOrganisation || "").trim();
  const to = String(data.organisation || "").trim();
  if (from && to && from !== to) summary += ` ${t("answers.import_renames", { from: quote(from), to: quote(to) })}`;
  return summary;
}

function dossierRefusal(object) {
  if (!isPlainObject(object) || object.format !== DOSSIER_FORMAT) return t("formats.dossier_not_dossier");
  if (object.format_version !== FORMAT_VERSION) return t("formats.dossier_unknown_format");
  if (typeof (object.organisation ?? "") !== "string") return t("formats.dossier_organisation_not_text");
  if (!Array.isArray(object.questionnaires)) return t("formats.dossier_no_list");
  return "";
}

export function validateDossierObject(object, definitionsById) {
  const header = dossierRefusal(object);
  if (header) return refuse(header);
  const seen = new Set();
  const questionnaires = [];
  for (const item of object.questionnaires) {
    const id = isPlainObject(item) && isPlainObject(item.questionnaire) ? item.questionnaire.id : undefined;
    const definition = typeof id === "string" && has(definitionsById, id) ? definitionsById[id] : null;
    if (!definition) {
      return refuse(typeof id === "string" ? t("formats.dossier_unknown_questionnaire_named", { id: quote(id) }) : t("formats.dossier_unknown_questionnaire"));
    }
    if (seen.has(id)) return refuse(t("formats.dossier_twice", { title: quote(definition.title) }));
    seen.add(id);
    const result = validateAnswersObject(item, definition);
    if (!result.ok) return { ok: false, message: t("formats.dossier_in_questionnaire", { title: definition.title, refusal: result.message }) };
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
