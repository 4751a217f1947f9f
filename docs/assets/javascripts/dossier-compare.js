// Mutuus: "Lire côte à côte" in "Mon dossier" (dossier-partners.js): one
// questionnaire's answers, the user's and each partner's, question by
// question, and the pairings an inventory suggests. The rules are
// partners.js's; this module draws them. Words: words/dossier.py.
//
// API:
//   compareSection({catalog, byId, own, partners}) -> {parts: [elements], render()}
//     own() -> {name, answers: {<qid>: answers}}; partners() -> the partners kept.

import { columnsFor, compareRows, inventoryPairings } from "./partners.js";
import { h } from "./core/dom.js";
import { t } from "./core/words.js";

const columnName = (column) => (column.own ? t("dossier.compare_you", { name: column.name }) : column.name);

function answersTable(definition, columns) {
  const head = h("tr", {}, h("th", { scope: "col", text: t("dossier.compare_question") }), columns.map((c) => h("th", { scope: "col", text: columnName(c) })));
  const body = compareRows(definition, columns).map((row) =>
    h(
      "tr",
      { "data-question": row.question.id },
      h("th", { scope: "row", text: row.question.label }),
      row.cells.map((cell, i) =>
        h(
          "td",
          { "data-label": columnName(columns[i]) },
          cell.text || "—",
          cell.note ? h("span", { class: "mu-compare__note", text: t("dossier.compare_note", { note: cell.note }) }) : null,
        ),
      ),
    ),
  );
  const table = h(
    "table",
    { class: "mu-compare__table mu-stack" },
    h("caption", { id: "mu-compare-caption", text: t("dossier.compare_caption", { title: definition.title }) }),
    h("thead", {}, head),
    h("tbody", {}, body),
  );
  return h("div", { class: "mu-dossier__tablewrap", role: "region", tabindex: "0", "aria-labelledby": "mu-compare-caption" }, table);
}

// Only for an inventory (questions whose id ends in "_offre").
function pairings(definition, columns) {
  if (!definition.sections.some((s) => s.questions.some((q) => q.id.endsWith("_offre")))) return [];
  const pairs = inventoryPairings(definition, columns);
  const list = pairs.length
    ? h(
        "ul",
        { class: "mu-pairings", "aria-labelledby": "mu-pairings-title" },
        pairs.map((p) =>
          h("li", { "data-category": p.category }, h("strong", { text: t("dossier.pairing_category", { category: p.category }) }), t("dossier.pairing", p)),
        ),
      )
    : h("p", { class: "mu-pairings-none", text: t("dossier.pairings_none") });
  return [h("h3", { id: "mu-pairings-title", text: t("dossier.pairings_title") }), list];
}

export function compareSection({ catalog, byId, own, partners }) {
  const select = h("select", { id: "mu-compare-select" });
  const box = h("div", { class: "mu-compare" });

  function renderCompare() {
    const definition = byId[select.value];
    box.replaceChildren();
    if (!definition) return;
    const mine = own();
    const columns = columnsFor(definition, { name: mine.name, answers: mine.answers[definition.id] || {} }, partners());
    box.append(answersTable(definition, columns));
    if (columns.length < 2) box.append(h("p", { text: t("dossier.compare_alone") }));
    box.append(...pairings(definition, columns));
  }
  select.addEventListener("change", renderCompare);

  function render() {
    const previous = select.value;
    select.replaceChildren(...catalog.map((d) => h("option", { value: d.id, text: d.title })));
    const firstShared = catalog.find((d) => partners().some((p) => p.questionnaires[d.id]));
    select.value = previous && byId[previous] ? previous : (firstShared || catalog[0]).id;
    renderCompare();
  }
  const parts = [h("h3", { text: t("dossier.compare_title") }), h("label", { for: "mu-compare-select", text: t("dossier.compare_label") }), select, box];
  return { parts, render };
}
