// Mutuus: what "Mon dossier" and the grid read from their page (the
// catalog, rules and titles Python wrote into it), and the dates and file
// names they write. The DOM helpers are core/dom.js's (h and readFileText
// are re-exported here for modules that imported them from dossier-dom.js).
//
// API:
//   formatDateTime(iso) -> the date and time in the page's language, or "" when iso is not a date.
//   today() -> "2026-12-07" (file names)
//   slug(text) -> safe file-name part ("atelier-bois").
//   readCatalog(root), readCatalogRules(root): the questionnaires and rules
//       of the questionnaire_catalog() macro (#mu-q-catalog), or null.
//   pageHref(page) -> a catalog page link made absolute against the site root.
//   readTitles(root) -> {calculators: {id: title}, agreements: {id: title}}
//       written by the dossier_titles() macro (#mu-dossier-titles), or null.

import { currentLocale } from "./answers.js";
export { h, readFileText } from "./core/dom.js";
export { slug } from "./slug.js";

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
