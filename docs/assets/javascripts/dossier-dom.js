// Mutuus: small DOM helpers shared by dossier-page.js and grid-page.js.
//
// API:
//   h(tag, attrs, ...children) -> Element
//       attrs: plain attributes (setAttribute), except `text` (textContent),
//       `on<event>` functions (addEventListener) and boolean/undefined values
//       (true -> empty attribute, false/null/undefined -> left out).
//       children: Nodes, strings (always text nodes), arrays, null (skipped).
//   onPage(selector, mount): calls mount(element) for every element matching
//       selector on each page Material shows (document$), once per element.
//   readFileText(file, maxBytes) -> Promise<string>; rejects with Error("too_big").
//   formatDateTime(iso) -> French date and time, or "" when iso is not a date.
//   slug(text) -> safe file-name part ("atelier-bois").
//   readTitles(root) -> {calculators: {id: title}, agreements: {id: title}}
//       written by the dossier_titles() macro (#mu-dossier-titles), or null.
//
// Nothing here writes HTML from strings: user text is always a text node.

import { currentLocale } from "./answers.js";
export { mount as onPage } from "./mount.js";
export { slug } from "./slug.js";

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") {
      el.textContent = String(value);
    } else if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function readFileText(file, maxBytes) {
  if (file.size > maxBytes) return Promise.reject(new Error("too_big"));
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error || new Error("read"));
    reader.readAsText(file);
  });
}

export function formatDateTime(iso) {
  if (typeof iso !== "string" || !iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "long", timeStyle: "short" }).format(date);
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

// The rules block of the catalog (macros/questionnaire_rules.py), or null.
export function readCatalogRules(root = document) {
  const el = root.querySelector ? root.querySelector("#mu-q-catalog") : null;
  try {
    const data = el ? JSON.parse(el.textContent) : null;
    return data && data.rules ? data.rules : null;
  } catch (_) {
    return null;
  }
}

// The catalog written by the questionnaire_catalog() macro:
// <script type="application/json" id="mu-q-catalog">. Returns a list of
// definitions ({id, version, title, step, page, sections}) in catalog order,
// or null when the page has no catalog or it cannot be read.
export function readCatalog(root = document) {
  const el = root.querySelector ? root.querySelector("#mu-q-catalog") : null;
  if (!el) return null;
  let data;
  try {
    data = JSON.parse(el.textContent);
  } catch (_) {
    return null;
  }
  let list = data;
  if (data && !Array.isArray(data)) {
    list = data.questionnaires !== undefined ? data.questionnaires : Object.values(data);
    if (list && !Array.isArray(list)) list = Object.values(list);
  }
  if (!Array.isArray(list)) return null;
  return list
    .map((entry) => (entry && entry.definition ? { page: entry.page || entry.url, ...entry.definition } : entry))
    .filter((d) => d && typeof d.id === "string" && Number.isInteger(d.version) && Array.isArray(d.sections));
}

export function readTitles(root = document) {
  const el = root.querySelector ? root.querySelector("#mu-dossier-titles") : null;
  try {
    const data = el ? JSON.parse(el.textContent) : null;
    return data && data.calculators && data.agreements ? data : null;
  } catch (_) {
    return null;
  }
}

// A page link from the catalog, made absolute against the site root
// (Material's __md_scope) when it is relative.
export function pageHref(page) {
  if (typeof page !== "string" || !page) return "";
  try {
    const base = globalThis.__md_scope ? new URL(String(globalThis.__md_scope), location.href) : new URL("/", location.href);
    return new URL(page, base).href;
  } catch (_) {
    return page;
  }
}
