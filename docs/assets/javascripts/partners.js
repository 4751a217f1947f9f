// Mutuus: partners' files kept beside yours in "Mon dossier" (pure, no DOM).
//
// A partner is an organisation whose exported questionnaire, portrait or
// whole dossier you imported *as a partner*: its answers are kept apart
// from yours (never merged, never replacing your organisation name).
//
// Stored under "mutuus:<root>:partners:v1" (storageKey("partners"), core/storage.js):
//   {"partners": [{"id": "p-…", "name": "Atelier (2)", "imported_at": ISO,
//                  "exported_at": ISO | "", "questionnaires":
//                  {"<questionnaire id>": {"version": 1, "answers": {...}}}}]}
//
// API:
//   MAX_PARTNERS = 12
//   readPartners(value, definitionsById) -> [partner]   what can be read of a stored value
//   makePartner(data, {ownName, partners, id, now}) -> partner
//       data: a validated dossier ({organisation, exported_at, questionnaires:
//       [{definition, organisation, answers}]}) from answers.validateDossierObject.
//       The name is the file's organisation, made unique against yours and
//       the other partners' ("Atelier (2)").
//   columnsFor(definition, own, partners) -> [{name, answers, own}]
//       you first (own = {name, answers}), then each partner who has answers.
//   compareRows(definition, columns) -> [{section, question, cells: [{name, text, note}]}]
//   isOffer(question) / isNeed(question): inventory questions by their id ending
//   inventoryPairings(definition, columns)
//       -> [{category, offerer, needer, offer, need}]   what one offers and another needs
//   dossierMarkdown(catalog, own, partners, now?) -> Markdown summary of the dossier

import { answerLabel, countAnswered, formatDate, questionsOf, sanitizeAnswers } from "./answers.js";
import { uniqueName } from "./grid-files.js";
import { isPlainObject } from "./core/dom.js";
import { t } from "./core/words.js";

export const MAX_PARTNERS = 12;

export function readPartners(value, definitionsById) {
  const list = isPlainObject(value) && Array.isArray(value.partners) ? value.partners : [];
  const out = [];
  for (const item of list) {
    if (!isPlainObject(item) || typeof item.id !== "string" || typeof item.name !== "string") continue;
    const questionnaires = {};
    for (const [qid, entry] of Object.entries(isPlainObject(item.questionnaires) ? item.questionnaires : {})) {
      const definition = definitionsById[qid];
      if (!definition || !isPlainObject(entry)) continue;
      questionnaires[qid] = { version: definition.version, answers: sanitizeAnswers(definition, entry.answers) };
    }
    out.push({
      id: item.id,
      name: item.name,
      imported_at: typeof item.imported_at === "string" ? item.imported_at : "",
      exported_at: typeof item.exported_at === "string" ? item.exported_at : "",
      questionnaires,
    });
  }
  return out;
}

export function makePartner(data, { ownName = "", partners = [], id, now } = {}) {
  const first = data.questionnaires.find((q) => q.organisation && q.organisation.trim());
  const fileName = (data.organisation || (first ? first.organisation : "")).trim() || t("answers.partner_unnamed");
  const taken = [ownName, ...partners.map((p) => p.name)].filter((n) => String(n || "").trim());
  const questionnaires = {};
  for (const item of data.questionnaires) {
    questionnaires[item.definition.id] = {
      version: item.definition.version,
      answers: sanitizeAnswers(item.definition, item.answers),
    };
  }
  return {
    id,
    name: uniqueName(fileName, taken),
    file_name: fileName,
    imported_at: (now instanceof Date ? now : new Date()).toISOString(),
    exported_at: data.exported_at || "",
    questionnaires,
  };
}

export function columnsFor(definition, own, partners) {
  const columns = [{ name: own.name || "Votre organisation", answers: own.answers || {}, own: true }];
  for (const partner of partners) {
    const entry = partner.questionnaires[definition.id];
    if (entry && countAnswered(definition, entry.answers).answered > 0) {
      columns.push({ name: partner.name, answers: entry.answers, own: false, id: partner.id });
    }
  }
  return columns;
}

export function compareRows(definition, columns) {
  return questionsOf(definition).map((question) => ({
    section: question.section,
    question,
    cells: columns.map((column) => {
      const answer = column.answers[question.id];
      return {
        name: column.name,
        text: answerLabel(question, answer),
        note: answer && typeof answer.note === "string" ? answer.note : "",
      };
    }),
  }));
}

export function isOffer(question) {
  return question.kind === "text" && question.id.endsWith("_offre");
}

export function isNeed(question) {
  return question.kind === "text" && question.id.endsWith("_besoin");
}

function textOf(column, question) {
  const answer = column.answers[question.id];
  return answer && typeof answer.value === "string" ? answer.value.trim() : "";
}

// For each category (section) that has an offer and a need question: every
// ordered pair of two different organisations where the first offers
// something and the second needs something in that category.
export function inventoryPairings(definition, columns) {
  const pairs = [];
  for (const section of definition.sections || []) {
    const offer = (section.questions || []).find(isOffer);
    const need = (section.questions || []).find(isNeed);
    if (!offer || !need) continue;
    for (const giver of columns) {
      const offered = textOf(giver, offer);
      if (!offered) continue;
      for (const taker of columns) {
        if (taker === giver) continue;
        const needed = textOf(taker, need);
        if (needed) pairs.push({ category: section.title, offerer: giver.name, needer: taker.name, offer: offered, need: needed });
      }
    }
  }
  return pairs;
}

// ---------------------------------------------------------------- Markdown

function md(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

function mdLine(text) {
  return md(String(text).replace(/\r\n?|\n/g, " ").trim());
}

export function dossierMarkdown(catalog, own, partners, now) {
  const date = (now instanceof Date ? now : new Date()).toISOString();
  const lines = [`# ${t("answers.summary_title")}`, ""];
  lines.push(`- ${t("answers.md_organisation", { name: own.name ? md(own.name) : t("answers.unnamed") })}`);
  lines.push(`- ${t("answers.summary_date", { date: formatDate(date) })}`);
  lines.push(`- ${t("answers.summary_partners", { names: partners.length ? partners.map((p) => md(p.name)).join(" ; ") : t("answers.summary_no_partner") })}`, "");
  for (const definition of catalog) {
    const ownAnswers = (own.answers && own.answers[definition.id]) || {};
    const columns = columnsFor(definition, { name: own.name, answers: ownAnswers }, partners);
    const anyAnswer = columns.some((c) => countAnswered(definition, c.answers).answered > 0);
    if (!anyAnswer) continue;
    lines.push(`## ${md(definition.title)}`, "");
    for (const column of columns) {
      const { answered, total } = countAnswered(definition, column.answers);
      lines.push(`- ${t(column.own ? "answers.summary_count_own" : "answers.summary_count", { name: md(column.name), answered, total })}`);
    }
    lines.push("");
    let section = null;
    for (const row of compareRows(definition, columns)) {
      if (row.cells.every((c) => !c.text && !c.note)) continue;
      if (row.section !== section) {
        section = row.section;
        lines.push(`### ${md(section.title)}`, "");
      }
      lines.push(`- **${mdLine(row.question.label)}**`);
      for (const cell of row.cells) {
        const note = cell.note ? ` ${t("answers.summary_note", { note: mdLine(cell.note) })}` : "";
        lines.push(`  - ${t("answers.md_answer", { question: md(cell.name), answer: cell.text ? mdLine(cell.text) : t("answers.unanswered") })}${note}`);
      }
    }
    lines.push("");
    const pairs = inventoryPairings(definition, columns);
    if (pairs.length) {
      lines.push(`### ${t("answers.summary_pairings")}`, "");
      for (const p of pairs) {
        lines.push(`- ${t("answers.summary_pairing", { category: md(p.category), offerer: md(p.offerer), offer: mdLine(p.offer), needer: md(p.needer), need: mdLine(p.need) })}`);
      }
      lines.push("");
    }
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
