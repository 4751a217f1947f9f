// Mutuus: the organisations the diagnostic grid compares (grid-page.js):
// one line each, with how many characteristics its portrait rates and a
// button to take it out of the grid. Words: words/grid.py.
//
// API:
//   organisationsSection({definition, getState, removed, focusAfter}) -> {element, render()}
//     removed(organisation) runs once it is out of the state (save, render, say);
//     focusAfter() -> where the focus goes when no other "Retirer" is left.

import { countAnswered, formatDate } from "./answers.js";
import { h } from "./core/dom.js";
import { t } from "./core/words.js";

export function organisationsSection({ definition, getState, removed, focusAfter }) {
  const list = h("ul", { class: "mu-grid__organisations", id: "mu-grid-organisations" });
  const empty = h("p", { class: "mu-grid__empty", text: t("grid.organisations_empty") });

  function item(o, index) {
    const count = countAnswered(definition, o.answers);
    const remove = h("button", {
      type: "button",
      class: "md-button mu-grid__remove",
      "aria-label": t("grid.remove_label", { name: o.name }),
      text: t("grid.remove"),
    });
    remove.addEventListener("click", () => {
      getState().organisations.splice(index, 1);
      removed(o);
      const buttons = list.querySelectorAll(".mu-grid__remove");
      (buttons[Math.min(index, buttons.length - 1)] || focusAfter()).focus();
    });
    const when = formatDate(o.exported_at);
    const detail = when
      ? t("grid.organisation_detail_dated", { answered: count.answered, total: count.total, date: when })
      : t("grid.organisation_detail", { answered: count.answered, total: count.total });
    return h(
      "li",
      { "data-organisation": String(index) },
      h("span", { class: "mu-grid__org-name", text: o.name }),
      h("span", { class: "mu-grid__org-detail", text: ` — ${detail}` }),
      " ",
      remove,
    );
  }

  function render() {
    const { organisations } = getState();
    empty.hidden = organisations.length > 0;
    list.replaceChildren(...organisations.map(item));
  }

  const element = h(
    "section",
    { class: "mu-grid__orgs", "aria-labelledby": "mu-grid-orgs-title" },
    h("h3", { id: "mu-grid-orgs-title", text: t("grid.organisations_title") }),
    empty,
    list,
  );
  return { element, render };
}
