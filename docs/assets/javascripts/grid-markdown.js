// Mutuus: the diagnostic grid as a Markdown report ("Exporter en Markdown",
// grid-save.js). Pure, no DOM; the words are the catalog's (words/grid.py).
//
// API:
//   gridMarkdown(definition, state, texts, now?) -> Markdown report
//       state = {organisations: [{name, answers}], marks: {<dimension id>: {mark, note}}}
//       texts = {reading, counts, suggestions: {<dimension id>: sentence}, risks: {<dimension id>: [{text, href}]}}

import { formatDate } from "./answers.js";
import { ratingText } from "./grid-files.js";
import { markLabel } from "./grid-texts.js";
import { t } from "./core/words.js";

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

// One dimension's table: a row per characteristic, a column per organisation.
function ratingsTable(section, state) {
  const names = state.organisations.map((o) => o.name);
  const lines = [`| ${t("grid.characteristic")} | ${names.map(mdCell).join(" | ")} |`, `| --- | ${names.map(() => "---").join(" | ")} |`];
  for (const question of section.questions) {
    const cells = state.organisations.map((o) => {
      const answer = o.answers[question.id];
      const note = answer && answer.note ? ` (${mdCell(answer.note)})` : "";
      return mdCell(ratingText(answer)) + note;
    });
    lines.push(`| ${mdCell(question.label)} | ${cells.join(" | ")} |`);
  }
  return [...lines, ""];
}

function dimension(section, state, texts) {
  const entry = state.marks[section.id] || { mark: "", note: "" };
  const lines = [`## ${md(section.title)}`, ""];
  if (state.organisations.length) lines.push(...ratingsTable(section, state));
  lines.push(`- ${t("grid.md_mark", { mark: markLabel(entry.mark) })}`);
  if (entry.note && entry.note.trim()) lines.push(`- ${t("grid.md_note", { note: mdBlock(entry.note, "  ") })}`);
  if (texts.suggestions[section.id]) lines.push(`- ${t("grid.md_suggestion", { suggestion: md(texts.suggestions[section.id]) })}`);
  const risks = texts.risks[section.id] || [];
  if (entry.mark === "divergence" && risks.length) {
    lines.push(`- ${t("grid.md_risks", { risks: risks.map((r) => `[${md(r.text)}](${r.href})`).join(", ") })}`);
  }
  return [...lines, ""];
}

export function gridMarkdown(definition, state, texts, now) {
  const date = now instanceof Date ? now : new Date();
  const names = state.organisations.map((o) => o.name);
  const lines = [
    `# ${t("grid.md_title")}`,
    "",
    `- ${t("grid.md_date", { date: formatDate(date.toISOString()) })}`,
    `- ${t("grid.md_organisations", { names: names.length ? names.map(md).join(" ; ") : t("grid.md_none") })}`,
    `- ${t("grid.md_potential", { reading: md(texts.reading) })}`,
    `- ${md(texts.counts)}`,
    "",
  ];
  for (const section of definition.sections) lines.push(...dimension(section, state, texts));
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
