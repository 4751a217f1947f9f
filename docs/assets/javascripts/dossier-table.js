// Mutuus: the table of "Mon dossier" (dossier-page.js): every questionnaire
// of the catalog with the answers kept on this device, its step, its
// organisation and the date of its last change. Words: words/dossier.py.
//
// API:
//   recordsOf(catalog) -> [{definition, record, answers, count}] (storage.js records)
//   mostUsedOrganisation(rows) -> the organisation kept on this device, or the
//       one most records name, or ""
//   questionnaireTable(catalog, rules) -> {element, table, total, render() -> rows}

import { loadOrganisation, loadRecord } from "./core/storage.js";
import { countAnswered, sanitizeAnswers } from "./answers.js";
import { stepLabel } from "./rules.js";
import { h } from "./core/dom.js";
import { formatDateTime, pageHref } from "./page-data.js";
import { t } from "./core/words.js";

export function recordsOf(catalog) {
  return catalog.map((definition) => {
    const record = loadRecord(definition.id, definition.version);
    const answers = record ? sanitizeAnswers(definition, record.answers) : {};
    return { definition, record, answers, count: countAnswered(definition, answers) };
  });
}

export function mostUsedOrganisation(rows) {
  const saved = loadOrganisation().trim();
  if (saved) return saved;
  const tally = new Map();
  for (const row of rows) {
    const name = row.record && row.record.organisation ? row.record.organisation.trim() : "";
    if (name) tally.set(name, (tally.get(name) || 0) + 1);
  }
  let best = "";
  let bestCount = 0;
  for (const [name, count] of tally) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

const COLUMNS = ["questionnaire", "step", "answers", "organisation", "modified"];

// One questionnaire's row. data-label: the column name, shown beside each
// cell on narrow screens (grid.css).
function row({ definition, record, count }, rules) {
  const href = pageHref(definition.page);
  const label = (column) => t(`dossier.column_${column}`);
  const progress = h(
    "td",
    { class: "mu-dossier__progress", "data-label": label("answers"), "data-answered": count.answered, "data-total": count.total },
    h("span", { text: t("dossier.answered", { answered: count.answered, total: count.total }) }),
    h("progress", { max: count.total || 1, value: count.answered, "aria-hidden": "true" }),
  );
  const organisation = record && record.organisation ? record.organisation : "";
  const date = record ? formatDateTime(record.updated_at) : "";
  return h(
    "tr",
    { "data-questionnaire": definition.id },
    h("th", { scope: "row" }, href ? h("a", { href, text: definition.title }) : definition.title),
    h("td", { "data-label": label("step"), text: stepLabel(rules, definition.step) }),
    progress,
    h("td", { class: "mu-dossier__organisation", "data-label": label("organisation"), text: organisation || "—" }),
    h("td", { "data-label": label("modified"), text: date || t("dossier.not_started") }),
  );
}

export function questionnaireTable(catalog, rules) {
  const tbody = h("tbody");
  const table = h(
    "table",
    { class: "mu-dossier__table" },
    h("caption", { text: t("dossier.table_caption") }),
    h("thead", {}, h("tr", {}, COLUMNS.map((column) => h("th", { scope: "col", text: t(`dossier.column_${column}`) })))),
    tbody,
  );
  const total = h("p", { class: "mu-dossier__total" });
  const element = h("div", { class: "mu-dossier__tablewrap", tabindex: "0", role: "region", "aria-label": t("dossier.table_label") }, table);

  function render() {
    const rows = recordsOf(catalog);
    tbody.replaceChildren(...rows.map((r) => row(r, rules)));
    const filled = rows.filter((r) => r.count.answered > 0).length;
    total.textContent =
      filled === 0 ? t("dossier.none_answered") : t("dossier.started", { questionnaires: t("dossier.questionnaires", { n: filled }), total: rows.length });
    return rows;
  }
  return { element, table, total, render };
}
