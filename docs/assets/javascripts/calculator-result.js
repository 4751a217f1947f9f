// A calculator's answer in the page: Python's view (a summary sentence and
// blocks: tables, notes, SVG charts; calculators/spec.py) drawn by
// core/blocks-dom.js, the same blocks the guide's worked examples are written
// from at build time; or its French error messages beside their fields.
// Every text and figure comes from Python and is written with textContent.

import { blockNodes } from "./core/blocks-dom.js";
import { t } from "./core/words.js";
import { fieldsOf } from "./calculator-fields.js";

export function clearErrors(form) {
  for (const el of form.querySelectorAll("[aria-invalid='true']")) {
    el.removeAttribute("aria-invalid");
    const errorId = `${el.id}-error`;
    const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== errorId);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
  for (const message of form.querySelectorAll(".mu-field-error")) message.remove();
  const summary = form.querySelector(".mu-calc-errors");
  if (summary) {
    summary.replaceChildren();
    summary.hidden = true;
  }
}

function fieldFor(form, field, rows) {
  const item = /^(\w+)\.(\d+)\.(\w+)$/.exec(field);
  if (item && rows[item[1]]) {
    const row = rows[item[1]][Number(item[2])];
    return row ? row.querySelector(`input[data-key="${item[3]}"]`) : null;
  }
  return fieldsOf(form).find((el) => el.name === field) || null;
}

function markField(el, message) {
  const note = cell("p", message, { class: "mu-field-error", id: `${el.id}-error` });
  (el.closest(".mu-field, td") || el.parentElement).append(note);
  el.setAttribute("aria-invalid", "true");
  const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  el.setAttribute("aria-describedby", [...ids, note.id].join(" "));
}

// Each message under its field; those of no field in a list above the result.
export function showErrors(form, errors, rows) {
  clearErrors(form);
  const general = [];
  for (const { field, message } of errors) {
    const el = field ? fieldFor(form, field, rows) : null;
    if (!el) general.push(message);
    else if (el.id && el.getAttribute("aria-invalid") !== "true") markField(el, message);
  }
  const summary = form.querySelector(".mu-calc-errors");
  if (summary && general.length) {
    const list = document.createElement("ul");
    for (const message of general) list.append(cell("li", message));
    summary.replaceChildren(list);
    summary.hidden = false;
  }
  setSummary(form, t("calculators.fix", { n: errors.length }));
  form.querySelector(".mu-calc-details").hidden = true;
}

function cell(tag, text, attrs = {}) {
  const el = document.createElement(tag);
  el.textContent = text;
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return el;
}

// The summary line, and its copy kept in view beside the form on a desktop.
export function setSummary(form, text) {
  form.querySelector(".mu-calc-summary").textContent = text;
  const live = form.querySelector(".mu-calc-live");
  if (live) live.textContent = text;
}

export function showResult(form, view) {
  clearErrors(form);
  setSummary(form, view.summary);
  const box = form.querySelector(".mu-calc-details");
  box.replaceChildren(blockNodes(view.blocks));
  box.hidden = false;
}

export function showEmpty(form) {
  clearErrors(form);
  setSummary(form, t("calculators.empty"));
  form.querySelector(".mu-calc-details").hidden = true;
}
