// Mutuus: one dimension of the diagnostic grid (grid-page.js): the table of
// every organisation's ratings, the suggestion, the user's mark and note, and
// the reading printed in their place. DOM only; the rule is grid-rule.js and
// the sentences grid-texts.js.
//
// API:
//   dimensionSection(section, organisations, entry, onChange) -> {element, printed}
//     entry: {mark, note}; onChange(change, quiet) on every mark or note edit.
//   printedReading(entry) -> element showing the mark and note when printed

import { suggestDimension } from "./grid-rule.js";
import { ratingText, ratingValue } from "./grid-files.js";
import { markHelp, markLabel, suggestionText } from "./grid-texts.js";
import { h } from "./core/dom.js";
import { t } from "./core/words.js";

function cell(answer, name) {
  const value = ratingValue(answer);
  return h(
    "td",
    { "data-value": value || "none", "data-label": name },
    h("span", { class: `mu-rating mu-rating--${value || "none"}`, text: ratingText(answer) }),
    answer && answer.note ? h("span", { class: "mu-grid__cell-note", text: answer.note }) : null,
  );
}

function ratingsTable(section, organisations, base) {
  return h(
    "table",
    { class: "mu-grid__table mu-stack" },
    h("caption", { id: `${base}-caption`, text: t("grid.dimension_caption", { title: section.title }) }),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col", text: t("grid.characteristic") }), organisations.map((o) => h("th", { scope: "col", text: o.name }))),
    ),
    h(
      "tbody",
      {},
      section.questions.map((q) =>
        h("tr", { "data-question": q.id }, h("th", { scope: "row", text: q.label }), organisations.map((o) => cell(o.answers[q.id], o.name))),
      ),
    ),
  );
}

function hint(section, organisations, base) {
  const suggestion = suggestDimension(section, organisations);
  // "Suggestion :" and "you decide" only when there is something to suggest.
  const suggests = organisations.length >= 2 && suggestion.kind !== "not_enough";
  return h(
    "p",
    { class: `mu-grid__hint mu-grid__hint--${organisations.length < 2 ? "none" : suggestion.kind}`, id: `${base}-hint` },
    ...(suggests
      ? [
          h("strong", { text: t("grid.suggestion_label") }),
          suggestionText(suggestion, organisations.length),
          " ",
          h("span", { class: "mu-grid__hint-note", text: t("grid.you_decide") }),
        ]
      : [suggestionText(suggestion, organisations.length)]),
  );
}

function markChoices(section, entry, onChange, base) {
  const radios = ["convergence", "complementarity", "divergence", ""].map((value) => {
    const radioId = `${base}-mark-${value || "none"}`;
    const input = h("input", { type: "radio", name: `${base}-mark`, id: radioId, value, checked: (entry.mark || "") === value });
    input.addEventListener("change", () => {
      if (!input.checked) return;
      onChange({ mark: value });
    });
    return h(
      "div",
      { class: "mu-grid__choice" },
      input,
      h("label", { for: radioId }, h("span", { class: "mu-grid__choice-name", text: markLabel(value) }), h("span", { class: "mu-grid__choice-help", text: ` : ${markHelp(value)}` })),
    );
  });
  return h(
    "fieldset",
    { class: "mu-grid__mark", "aria-describedby": `${base}-hint` },
    h("legend", { text: t("grid.mark_legend", { title: section.title }) }),
    radios,
  );
}

function noteField(section, entry, onChange, base) {
  const noteId = `${base}-note`;
  const textarea = h("textarea", { id: noteId, rows: "3", "aria-describedby": `${noteId}-help` });
  textarea.value = entry.note || "";
  textarea.addEventListener("input", () => onChange({ note: textarea.value }, true));
  return h(
    "div",
    { class: "mu-grid__note" },
    h("label", { for: noteId, text: t("grid.note_label", { title: section.title }) }),
    h("p", { class: "mu-help", id: `${noteId}-help`, text: t("grid.note_help") }),
    textarea,
  );
}

export function dimensionSection(section, organisations, entry, onChange) {
  const id = section.id;
  const base = `mu-grid-${id}`;
  const printed = h("div", { class: "mu-grid__printed" });
  const element = h(
    "section",
    { class: "mu-grid__dimension", id: `${base}`, "data-dimension": id, "aria-labelledby": `${base}-title` },
    h("h3", { id: `${base}-title`, text: section.title }),
    section.intro ? h("p", { class: "mu-grid__intro", text: section.intro }) : null,
    h("div", { class: "mu-grid__scroll", role: "region", tabindex: "0", "aria-labelledby": `${base}-caption` }, ratingsTable(section, organisations, base)),
    hint(section, organisations, base),
    h("div", { class: "mu-grid__decision" }, markChoices(section, entry, onChange, base), noteField(section, entry, onChange, base)),
    printed,
  );
  return { element, printed };
}

export function printedReading(entry) {
  return h(
    "div",
    {},
    h("p", {}, h("strong", { text: t("grid.printed_mark") }), markLabel(entry.mark)),
    entry.note && entry.note.trim() ? h("p", { class: "mu-grid__printed-note" }, h("strong", { text: t("grid.printed_note") }), entry.note) : null,
  );
}
