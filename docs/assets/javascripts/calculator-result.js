// A calculator's answer in the page: Python's view (summary, tables, notes,
// charts; calculators/spec.py), or its French error messages beside their
// fields. Every text and figure comes from Python; user text is written with
// textContent, the chart (SVG from Python) is parsed with DOMParser and
// imported node by node, never through innerHTML.

import { t } from "./core/words.js";
import { fieldsOf } from "./calculator-fields.js";

const SVG_NS = "http://www.w3.org/2000/svg";

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

function tableRow(values, headers, tag = "td") {
  const tr = document.createElement("tr");
  values.forEach((text, i) =>
    tr.append(i === 0 ? cell("th", text, { scope: "row" }) : cell(tag, text, { "data-column": headers[i] })),
  );
  return tr;
}

function table({ caption, headers, rows, foot }) {
  const el = document.createElement("table");
  el.className = "mu-calc-table";
  el.append(cell("caption", caption));
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  headers.forEach((text) => headRow.append(cell("th", text, { scope: "col" })));
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const values of rows) body.append(tableRow(values, headers));
  el.append(head, body);
  if (foot) {
    const tfoot = document.createElement("tfoot");
    tfoot.append(tableRow(foot, headers));
    el.append(tfoot);
  }
  // A table wider than a phone scrolls in its own box, not the page; the box
  // is focusable and named so the keyboard can scroll it too.
  const box = document.createElement("div");
  box.className = "mu-table-scroll";
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", caption);
  box.append(el);
  return box;
}

// The chart: parsed as SVG (not HTML), scripts and event attributes dropped.
function chart(svgText) {
  if (!svgText) return null;
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== "svg" || doc.querySelector("parsererror")) return null;
  for (const bad of root.querySelectorAll("script, foreignObject")) bad.remove();
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || (/href$/i.test(attr.name) && !attr.value.startsWith("#"))) el.removeAttribute(attr.name);
    }
  }
  const svg = document.importNode(root, true);
  if (!svg.getAttribute("role")) svg.setAttribute("role", "img");
  const title = svg.querySelector("title");
  if (!svg.getAttribute("aria-label") && !svg.getAttribute("aria-labelledby") && !title) {
    svg.setAttribute("aria-label", t("calculators.chart"));
  }
  const figure = document.createElement("figure");
  figure.className = "mu-calc-chart";
  // The chart fits a phone (a narrow drawing, calculators/charts.py): nothing to scroll, no tab stop.
  figure.setAttribute("aria-label", title ? title.textContent : t("calculators.chart"));
  figure.append(svg);
  return figure;
}

function renderBlock(block) {
  if (block.kind === "table") return table(block);
  if (block.kind === "note") return cell("p", block.text, { class: block.class || "mu-calc-note" });
  if (block.kind === "chart") return chart(block.svg);
  return null;
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
  box.replaceChildren(...view.blocks.map(renderBlock).filter(Boolean));
  box.hidden = false;
}

export function showEmpty(form) {
  clearErrors(form);
  setSummary(form, t("calculators.empty"));
  form.querySelector(".mu-calc-details").hidden = true;
}
