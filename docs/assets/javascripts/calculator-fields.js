// A calculator form's values, read and written in the DOM: the fields
// rendered from the calculator's declaration (macros/calculator_render.py),
// and its lists (partners, fixed costs) whose rows are copies of a <template>.
//
// Values go to Python as typed ("1 234,56"): Python reads French numbers.
// Flat values name a field by its dotted path in the CLI's JSON
// ({"use.units": "50", "partners.0.name": "A"}).

import { t } from "./core/words.js";

export function fieldsOf(form) {
  return Array.from(form.querySelectorAll("input[name], select[name], textarea[name]")).filter(
    (el) => el.type !== "file" && !el.closest("[data-row]"),
  );
}

export function lists(form) {
  return Array.from(form.querySelectorAll("tbody[data-list]"));
}

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    node[key] = node[key] && typeof node[key] === "object" ? node[key] : {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

function isActive(el) {
  return !el.disabled && !el.closest("[hidden]");
}

// The named fields, grouped by section: a section left empty is left out
// (a select always has a value: it does not make a section "filled").
function readFields(form, payload) {
  const sections = new Map();
  for (const el of fieldsOf(form)) {
    if (!isActive(el)) continue;
    const value = el.value.trim();
    const section = el.name.includes(".") ? el.name.split(".")[0] : "";
    if (!sections.has(section)) sections.set(section, { filled: false, entries: [] });
    const entry = sections.get(section);
    if (value !== "" && el.tagName !== "SELECT") entry.filled = true;
    if (value !== "") entry.entries.push([el.name, value]);
  }
  for (const [section, entry] of sections) {
    if (section !== "" && !entry.filled) continue;
    for (const [name, value] of entry.entries) setPath(payload, name, value);
  }
}

function readRow(row) {
  const item = {};
  for (const el of row.querySelectorAll("input[data-key]")) {
    if (el.type === "radio") {
      if (el.checked) item[el.dataset.key] = true;
      continue;
    }
    const value = el.value.trim();
    if (value !== "") item[el.dataset.key] = value;
  }
  return item;
}

// The CLI's JSON for this form, values as typed, and the DOM row of each list item.
export function readForm(form) {
  const payload = {};
  readFields(form, payload);
  const rows = {};
  for (const body of lists(form)) {
    const items = [];
    rows[body.dataset.list] = [];
    for (const row of body.querySelectorAll("[data-row]")) {
      const item = readRow(row);
      if (Object.keys(item).some((key) => item[key] !== true)) {
        items.push(item);
        rows[body.dataset.list].push(row);
      }
    }
    payload[body.dataset.list] = items;
  }
  return { payload, rows };
}

function rowValue(el) {
  if (el.type === "radio") return el.checked ? "true" : "";
  return el.value;
}

export function hasInput(form) {
  return Array.from(form.querySelectorAll("input[name], input[data-key]")).some(
    (el) => el.type !== "file" && el.type !== "radio" && el.value.trim() !== "",
  );
}

// Every value typed (a select only when it is not its default), as flat values.
export function typedValues(form) {
  const params = new URLSearchParams();
  for (const el of fieldsOf(form)) {
    if (el.value.trim() !== "" && (el.tagName !== "SELECT" || el.value !== el.dataset.default)) params.set(el.name, el.value);
  }
  for (const body of lists(form)) {
    body.querySelectorAll("[data-row]").forEach((row, i) => {
      for (const el of row.querySelectorAll("input[data-key]")) {
        const value = rowValue(el);
        if (value.trim() !== "") params.set(`${body.dataset.list}.${i}.${el.dataset.key}`, value);
      }
    });
  }
  return params;
}

function fillList(form, body, values, keepEmptyRows) {
  const name = body.dataset.list;
  const indexes = Object.keys(values)
    .filter((key) => key.startsWith(`${name}.`))
    .map((key) => /^\w+\.(\d+)\./.exec(key))
    .filter(Boolean)
    .map((m) => Number(m[1]));
  const count = Math.max(indexes.length ? Math.max(...indexes) + 1 : 0, Number(body.dataset.minRows || 2));
  // The rows already there are kept, so that a field being typed in keeps
  // its focus when another tab's values come (calculator-app.js): only the
  // missing rows are added, and the extra ones removed from the end; with
  // keepEmptyRows, not the empty ones (a row just added here, which the
  // other tab's values do not hold).
  const rows = () => body.querySelectorAll("[data-row]");
  const empty = (row) => [...row.querySelectorAll("input[data-key]")].every((el) => (el.type === "radio" ? !el.checked : el.value.trim() === ""));
  for (const extra of [...rows()].slice(count)) if (!(keepEmptyRows && empty(extra))) extra.remove();
  for (let i = rows().length; i < count; i++) addRow(form, body);
  renumber(body);
  rows().forEach((row, i) => {
    for (const el of row.querySelectorAll("input[data-key]")) {
      const value = values[`${name}.${i}.${el.dataset.key}`] ?? "";
      if (el.type === "radio") el.checked = value === "true";
      else el.value = value;
    }
  });
}

// Fill the form from flat values; what is not given is emptied (but for a
// list's empty rows with keepEmptyRows: see fillList).
export function fill(form, values, { keepEmptyRows = false } = {}) {
  for (const el of fieldsOf(form)) {
    if (el.tagName === "SELECT") {
      el.value = values[el.name] ?? el.dataset.default ?? el.options[0].value;
      // A value that is not one of the options (a hand-edited URL) falls back to the default choice.
      if (el.value === "") el.value = el.dataset.default ?? el.options[0].value;
    } else el.value = values[el.name] ?? "";
  }
  for (const body of lists(form)) fillList(form, body, values, keepEmptyRows);
  syncVisibility(form);
}

// A row is a copy of the list's <template>, its inputs labelled and numbered.
export function addRow(form, body) {
  const template = form.querySelector(`template[data-row-for="${body.dataset.list}"]`);
  const row = template.content.firstElementChild.cloneNode(true);
  const uid = `${form.id || "mu-calc"}-${body.dataset.list}-${(body.dataset.nextUid = String(Number(body.dataset.nextUid || 0) + 1))}`;
  for (const td of row.querySelectorAll("td")) {
    const input = td.querySelector("input[data-key]");
    const label = td.querySelector("label[data-label]");
    if (!input || !label) continue;
    input.id = `${uid}-${input.dataset.key}`;
    label.htmlFor = input.id;
    if (body.dataset.help) input.setAttribute("aria-describedby", body.dataset.help);
  }
  body.append(row);
  renumber(body);
  return row;
}

export function renumber(body) {
  const item = body.dataset.item || "";
  body.querySelectorAll("[data-row]").forEach((row, i) => {
    for (const label of row.querySelectorAll("label[data-label]")) {
      label.textContent = `${label.dataset.label}, ${item} ${i + 1}`;
    }
    // Visible « Retirer », accessible name « Retirer le partenaire N » (label in name).
    const remove = row.querySelector("[data-action='remove-row']");
    const hidden = document.createElement("span");
    hidden.className = "md-visually-hidden mu-visually-hidden";
    hidden.textContent = t("calculators.remove_row", { item, position: i + 1 });
    remove.replaceChildren(t("calculators.remove"), hidden);
  });
}

// A field shown only for some values of a select (data-show-when="name=a|b").
export function syncVisibility(form) {
  for (const el of form.querySelectorAll("[data-show-when]")) {
    const [name, values] = el.dataset.showWhen.split("=");
    const control = form.querySelector(`[name="${name}"]`);
    el.hidden = !control || !values.split("|").includes(control.value);
  }
}
