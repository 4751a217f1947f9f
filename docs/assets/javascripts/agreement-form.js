// The generator's form: partners, fields and optional clauses drawn from the
// model (the catalog) and the draft; every input writes into the draft and
// calls `changed`. Labels come from the page's scaffold and the catalog,
// the rest from the words catalog.

import { t } from "./core/words.js";

function el(tag, attributes = {}, content = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (content !== null) node.textContent = content;
  return node;
}

// view: {root, partnerList, template}; state: {draft}; on: {changed, partnersChanged}.
export function buildPartners(view, state, on) {
  view.partnerList.replaceChildren();
  state.draft.partners.forEach((partner, index) => {
    const item = view.template.content.firstElementChild.cloneNode(true);
    item.querySelector("legend").textContent = t("agreements.partner", { number: index + 1 });
    for (const input of item.querySelectorAll("input[data-key]")) {
      const id = `mu-ag-partner-${index}-${input.dataset.key}`;
      input.id = id;
      item.querySelector(`label[data-for="${input.dataset.key}"]`).setAttribute("for", id);
      input.value = partner[input.dataset.key];
      input.addEventListener("input", () => {
        state.draft.partners[index][input.dataset.key] = input.value;
        on.changed();
      });
    }
    const remove = item.querySelector('[data-action="remove-partner"]');
    remove.textContent = t("agreements.remove_partner", { number: index + 1 });
    remove.addEventListener("click", () => {
      state.draft.partners.splice(index, 1);
      buildPartners(view, state, on);
      on.changed();
      const focus = view.partnerList.querySelector("input") || view.root.querySelector('[data-action="add-partner"]');
      focus.focus();
    });
    view.partnerList.append(item);
  });
}

function fieldInput(field, state, on) {
  const id = `mu-ag-field-${field.name}`;
  const wrapper = el("p", { class: "mu-ag-field" });
  const label = el("label", { for: id }, field.label);
  if (field.required) label.append(" ", el("span", { class: "mu-ag-required" }, t("agreements.required_mark")));
  const input = el("textarea", { id, name: field.name, rows: "2" });
  input.value = state.draft.values[field.name] || "";
  wrapper.append(label, el("br"), input);
  if (field.help) {
    input.setAttribute("aria-describedby", `${id}-help`);
    wrapper.append(el("br"), el("span", { id: `${id}-help`, class: "mu-ag-help" }, field.help));
  }
  input.addEventListener("input", () => {
    state.draft.values[field.name] = input.value;
    on.changed();
  });
  return wrapper;
}

// view: {fieldList}; state: {model, draft}.
export function buildFields(view, state, on) {
  view.fieldList.replaceChildren(...state.model.fields_by_territory[state.draft.territory].map((f) => fieldInput(f, state, on)));
}

// view: {root, optionList}; state: {model, draft}.
export function buildOptions(view, state, on) {
  const optional = state.model.clauses.filter((c) => c.optional && c.territories.includes(state.draft.territory));
  view.root.querySelector(".mu-ag-options").hidden = optional.length === 0;
  view.optionList.replaceChildren();
  for (const clause of optional) {
    const id = `mu-ag-option-${clause.id}`;
    const wrapper = el("p", { class: "mu-ag-option" });
    const box = el("input", { type: "checkbox", id, "aria-describedby": `${id}-help` });
    box.checked = state.draft.options[clause.id] !== false;
    box.addEventListener("change", () => {
      state.draft.options[clause.id] = box.checked;
      on.changed();
    });
    const help = el("span", { id: `${id}-help`, class: "mu-ag-help" }, t("agreements.optional_when", { when: clause.applies_when }));
    wrapper.append(box, " ", el("label", { for: id }, clause.title), el("br"), help);
    view.optionList.append(wrapper);
  }
}

export function buildForm(view, state, on) {
  view.territorySelect.value = state.draft.territory;
  buildPartners(view, state, on);
  buildFields(view, state, on);
  buildOptions(view, state, on);
}
