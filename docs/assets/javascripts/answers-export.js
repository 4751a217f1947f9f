// Mutuus: a questionnaire's answers written out (pure, no DOM): the
// mutuus-answers file (formats/answers.schema.json), Markdown, CSV, the
// dossier file and the exported files' names.
//
//   buildExport(definition, record, now?) -> mutuus-answers object (answered questions only)
//   exportJSON(definition, record, now?) -> string (pretty JSON, final newline)
//   exportMarkdown(definition, record, now?) -> string
//   exportCSV(definition, record, now?) -> string: UTF-8 BOM, ";" separator, CRLF,
//       the header row of the catalog (answers.csv_header); one row per
//       question (unanswered ones too, with empty answer); cells beginning
//       with = + - @ tab or CR get a leading "'" (formula injection).
//   csvCell(text) -> one escaped CSV cell
//   exportFileName(definition, organisation, extension, now?) -> "mutuus-<id>-<organisation>-<YYYY-MM-DD>.<ext>"
//   buildDossier(organisation, exports, now?) -> mutuus-dossier object

import {
  ANSWERS_FORMAT,
  DOSSIER_FORMAT,
  FORMAT_VERSION,
  MAX_ORGANISATION_LENGTH,
  answerLabel,
  countAnswered,
  formatDate,
  questionsOf,
  sanitizeAnswers,
} from "./answers-rules.js";
import { t } from "./core/words.js";
import { slug } from "./slug.js";

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

export function buildDossier(organisation, exports, now) {
  return {
    format: DOSSIER_FORMAT,
    format_version: FORMAT_VERSION,
    organisation: String(organisation || "").slice(0, MAX_ORGANISATION_LENGTH),
    exported_at: isoNow(now),
    questionnaires: exports,
  };
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
  const lines = [`# ${mdText(definition.title)}`, ""];
  const organisation = data.organisation ? mdText(data.organisation) : t("answers.unnamed");
  lines.push(`- ${t("answers.md_organisation", { name: organisation })}`);
  lines.push(`- ${t("answers.md_date", { date: formatDate(data.exported_at), iso: data.exported_at })}`);
  lines.push(`- ${t("answers.md_questionnaire", { id: mdText(definition.id), version: definition.version })}`);
  lines.push(`- ${t("answers.md_count", { answered, total })}`, "");
  for (const section of definition.sections) {
    lines.push(`## ${mdText(section.title)}`, "");
    for (const question of section.questions) {
      const answer = data.answers[question.id];
      const label = answerLabel(question, answer);
      const shown = label ? mdBlock(label, "  ") : t("answers.unanswered");
      lines.push(`- ${t("answers.md_answer", { question: `**${mdText(question.label)}**`, answer: shown })}`);
      if (answer && answer.note) lines.push(`  - ${t("answers.md_note", { note: mdBlock(answer.note, "    ") })}`);
    }
    lines.push("");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

// ---------------------------------------------------------------- CSV

export const CSV_SEPARATOR = ";";

export function csvCell(text) {
  let cell = text === null || text === undefined ? "" : String(text);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  if (/[";\r\n]/.test(cell)) cell = `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

export function exportCSV(definition, record, now) {
  const data = buildExport(definition, record, now);
  const rows = [t("answers.csv_header").split(CSV_SEPARATOR)];
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
  const parts = ["mutuus", definition.id, slug(organisation, ""), date].filter(Boolean);
  return `${parts.join("-")}.${extension}`;
}
