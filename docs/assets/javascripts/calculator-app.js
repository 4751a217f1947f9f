// Calculator client: reads a form into the CLI's JSON, asks the engine
// (calculator-worker.js, Pyodide + calculators.bridge.present), shows the
// result, the chart and the French error messages beside their fields.
//
// - One worker for the whole visit, started on the first calculator page and
//   reused across instant navigations.
// - The form works at once: what is typed is kept and computed when the
//   engine is ready. At most one computation is in flight; changes made
//   meanwhile are computed right after (latest wins).
// - The last calculation is kept on this device (below) and comes back when
//   the page is opened again. The address carries no value: only the link
//   the user asks for ("Obtenir un lien vers ce scénario") does (query: field
//   name = dotted path of the CLI's JSON, value = what was typed). Opened,
//   such a link fills the form, then leaves the address without its values.
// - Export/import use the CLI's JSON (python -m calculators <command> FILE).
//   Numbers are sent as typed ("1 234,56"): Python reads them, and writes
//   them back in the CLI's notation ("input" of each answer) or the French
//   one (the "form" message, for an imported file or a carried figure).
// - User text is written with textContent; the chart (SVG from Python) is
//   parsed with DOMParser and imported node by node, never through innerHTML.
// - Nothing here belongs to one calculator: the form is rendered at build time
//   from the Python spec (macros/calculator_form.py), lists (partners, fixed
//   costs) are cloned from their <template>, and the result is Python's
//   "view" (summary, tables, notes, charts; calculators/spec.py), already in
//   French with its figures formatted.
// - The last result of each calculator is kept in localStorage under
//   mutuus:<root>:calculator:<id> as {input, result, values, currency, updated_at}
//   (currency: the sign the result was computed and shown in)
//   (values: the form's fields as typed, to fill it again at once; a record
//   without them, from an older dossier file, is filled from its input once
//   the engine is up). "Effacer le formulaire" removes it; "Tout effacer de
//   cet appareil" in another tab empties the form here too (storage.js).
// - The sentences about what is kept and about the link are Python's
//   (data-* of the form, macros/calculator_form.py).

import { calculatorWorker, engineBootStatus } from "./calculator.js";
import { downloadText } from "./download.js";
import { onErasedElsewhere, readJSON, removeKey, siteRoot, writeJSON } from "./storage.js";
import { countriesOf, currentCountry, mountCountryControl, onCountryChange } from "./country.js";

const SVG_NS = "http://www.w3.org/2000/svg";

const TEXT = {
  loading: "Le moteur de calcul démarre…",
  ready: "Prêt : les résultats se mettent à jour à chaque modification.",
  empty: "Remplissez le formulaire : le résultat s'affichera ici.",
  fix: (n) => (n === 1 ? "Un champ est à corriger : voir le message sous ce champ." : `${n} champs sont à corriger : voir les messages sous ces champs.`),
  importDone: (name) => `Scénario importé depuis « ${name} ». Le bouton « Rétablir les valeurs précédentes » remet vos valeurs.`,
  importBad: (name, why) => `Le fichier « ${name} » n'a pas été importé : ${why} Votre saisie n'a pas été modifiée.`,
  exported: (name) => `Scénario exporté dans le fichier « ${name} ».`,
  cleared: "Formulaire effacé. Le bouton « Rétablir les valeurs précédentes » les remet.",
  example: "Exemple chargé. Le bouton « Rétablir les valeurs précédentes » remet vos valeurs.",
  restored: "Valeurs précédentes rétablies.",
};

// --- the engine: one worker, started lazily ---------------------------------

const engine = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  message: "",
  nextId: 1,
  pending: new Map(),
  listeners: new Set(),
};

function startEngine() {
  if (engine.worker) return;
  engine.state = "loading";
  try {
    engine.worker = calculatorWorker();
  } catch (error) {
    setEngineState("failed", "Ce navigateur ne peut pas lancer le moteur de calcul (Web Worker de module).");
    return;
  }
  const known = engineBootStatus();
  if (known && known.type === "ready") engine.state = "ready";
  if (known && known.type === "failed") setEngineState("failed", known.message);
  engine.worker.onmessage = (event) => {
    const data = event.data || {};
    if (data.type === "ready") return setEngineState("ready", "");
    if (data.type === "failed") return setEngineState("failed", data.message);
    // Replies: {type, id, ok, result | error} (see calculator-worker.js).
    const resolve = engine.pending.get(data.id);
    if (resolve) {
      engine.pending.delete(data.id);
      resolve(data);
    }
  };
  engine.worker.onerror = (event) => {
    event.preventDefault();
    setEngineState("failed", "Le moteur de calcul n'a pas pu être chargé. Rechargez la page.");
    for (const resolve of engine.pending.values()) resolve({ ok: false, error: { message: engine.message } });
    engine.pending.clear();
  };
}

function setEngineState(state, message) {
  engine.state = state;
  engine.message = message;
  for (const listener of engine.listeners) listener();
}

// One request to the worker: resolves with {ok, result | error}.
function send(message) {
  startEngine();
  return new Promise((resolve) => {
    if (engine.state === "failed") return resolve({ ok: false, error: { message: engine.message } });
    const id = engine.nextId++;
    engine.pending.set(id, resolve);
    engine.worker.postMessage({ ...message, id });
  });
}

// The reader's country's currency and number format (country.js; Python's
// mapping in the menu's data-countries), else the form's (the network's).
function moneyOf(form) {
  const box = form.previousElementSibling;
  if (box && box.matches(".mu-country[data-countries]")) {
    const info = countriesOf(box);
    const { currency, locale } = info.countries[currentCountry(info)];
    return { currency, locale };
  }
  return { currency: form.dataset.currency || "$", locale: form.dataset.locale || "fr_CA" };
}

// Labels follow the currency: the signs Python put in spans, and the row
// labels Python wrote with a {currency} template (also in the row <template>).
function showCurrency(form, currency) {
  for (const span of form.querySelectorAll(".mu-currency")) span.textContent = currency;
  const roots = [form, ...[...form.querySelectorAll("template")].map((t) => t.content)];
  for (const root of roots) {
    for (const el of root.querySelectorAll("[data-currency-template]")) {
      const text = el.dataset.currencyTemplate.replaceAll("{currency}", currency);
      if (el.hasAttribute("data-column")) el.dataset.column = text;
      if (el.hasAttribute("data-label")) el.dataset.label = text;
    }
  }
  for (const body of form.querySelectorAll("tbody[data-list]")) renumber(form, body);
}

function ask(form, payload) {
  const { command } = form.dataset;
  return send({ type: "present", command, payload, ...moneyOf(form) });
}

// The form's flat values, numbers written the French way, from the CLI's JSON
// (a file's text or a JSON object); Python refuses what this form cannot take.
// Resolves with {values} or {error: French reason}.
async function formValues(form, text) {
  const reply = await send({ type: "form", command: form.dataset.command, text });
  if (!reply.ok) return { error: reply.error.message };
  const answer = JSON.parse(reply.result);
  return answer.errors ? { error: answer.errors[0].message } : { values: answer.values };
}

// --- the form's values ---------------------------------------------------------

function fieldsOf(form) {
  return Array.from(form.querySelectorAll("input[name], select[name], textarea[name]")).filter(
    (el) => el.type !== "file" && !el.closest("[data-row]"),
  );
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

// The CLI's JSON for this form, values as typed, and where each partner came from (DOM rows).
function readForm(form) {
  const payload = {};
  const sections = new Map();
  for (const el of fieldsOf(form)) {
    if (!isActive(el)) continue;
    const value = el.value.trim();
    const section = el.name.includes(".") ? el.name.split(".")[0] : "";
    if (!sections.has(section)) sections.set(section, { filled: false, entries: [] });
    const entry = sections.get(section);
    // A select always has a value: it does not make a section "filled".
    if (value !== "" && el.tagName !== "SELECT") entry.filled = true;
    if (value !== "") entry.entries.push([el.name, value]);
  }
  for (const [section, entry] of sections) {
    if (section !== "" && !entry.filled) continue;
    for (const [name, value] of entry.entries) setPath(payload, name, value);
  }
  const rows = {};
  for (const body of lists(form)) {
    const items = [];
    rows[body.dataset.list] = [];
    for (const row of body.querySelectorAll("[data-row]")) {
      const item = {};
      for (const el of row.querySelectorAll("input[data-key]")) {
        if (el.type === "radio") {
          if (el.checked) item[el.dataset.key] = true;
          continue;
        }
        const value = el.value.trim();
        if (value !== "") item[el.dataset.key] = value;
      }
      if (Object.keys(item).some((key) => item[key] !== true)) {
        items.push(item);
        rows[body.dataset.list].push(row);
      }
    }
    payload[body.dataset.list] = items;
  }
  return { payload, rows };
}

function lists(form) {
  return Array.from(form.querySelectorAll("tbody[data-list]"));
}

function rowValue(el) {
  if (el.type === "radio") return el.checked ? "true" : "";
  return el.value;
}

function hasInput(form) {
  return Array.from(form.querySelectorAll("input[name], input[data-key]")).some(
    (el) => el.type !== "file" && el.type !== "radio" && el.value.trim() !== "",
  );
}

// --- the scenario in the URL --------------------------------------------------

function typedValues(form) {
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

// The address of this page with the form's values: the link the user asks for.
function scenarioLink(form) {
  const url = new URL(form.dataset.page, location.href);
  url.search = typedValues(form).toString();
  return url.href;
}

// A link's values have filled the form: the address keeps none of them (the
// form is kept on this device instead). Only while the form's page is the one
// shown: with instant navigation the address changes before the old page
// leaves the DOM.
function leaveAddressBare(form) {
  if (location.pathname !== form.dataset.page) return;
  const url = new URL(location.href);
  for (const key of Array.from(url.searchParams.keys())) if (isScenarioKey(form, key)) url.searchParams.delete(key);
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}

function isScenarioKey(form, key) {
  const item = /^(\w+)\.\d+\.(\w+)$/.exec(key);
  if (item) {
    const template = form.querySelector(`template[data-row-for="${item[1]}"]`);
    if (template && template.content.querySelector(`[data-key="${item[2]}"]`)) return true;
  }
  return fieldsOf(form).some((el) => el.name === key);
}

function readUrl(form) {
  const values = {};
  let found = false;
  for (const [key, value] of new URL(location.href).searchParams) {
    if (isScenarioKey(form, key)) {
      values[key] = value;
      found = true;
    }
  }
  return found ? values : null;
}

// Fill the form from flat values {"use.units": "50", "partners.0.name": "A"}.
function fill(form, values) {
  for (const el of fieldsOf(form)) {
    if (el.tagName === "SELECT") {
      el.value = values[el.name] ?? el.dataset.default ?? el.options[0].value;
      // A value that is not one of the options (a hand-edited URL) falls back to the default choice.
      if (el.value === "") el.value = el.dataset.default ?? el.options[0].value;
    }
    else el.value = values[el.name] ?? "";
  }
  for (const body of lists(form)) {
    const name = body.dataset.list;
    const indexes = Object.keys(values)
      .filter((key) => key.startsWith(`${name}.`))
      .map((key) => /^\w+\.(\d+)\./.exec(key))
      .filter(Boolean)
      .map((m) => Number(m[1]));
    const count = Math.max(indexes.length ? Math.max(...indexes) + 1 : 0, Number(body.dataset.minRows || 2));
    body.replaceChildren();
    for (let i = 0; i < count; i++) addRow(form, body);
    body.querySelectorAll("[data-row]").forEach((row, i) => {
      for (const el of row.querySelectorAll("input[data-key]")) {
        const value = values[`${name}.${i}.${el.dataset.key}`] ?? "";
        if (el.type === "radio") el.checked = value === "true";
        else el.value = value;
      }
    });
  }
  syncVisibility(form);
}

// --- export / import ----------------------------------------------------------

// The file holds the CLI's JSON as Python writes it (the answer's "input");
// if the engine cannot answer, the values as typed, which the CLI reads too.
async function exportScenario(form, notice) {
  const { payload } = readForm(form);
  const reply = await ask(form, payload);
  const input = reply.ok ? JSON.parse(reply.result).input : null;
  const name = `${form.dataset.file || form.dataset.command}.json`;
  downloadText(name, JSON.stringify(input || payload, null, 2) + "\n", "application/json");
  notice(TEXT.exported(name));
}

// --- showing results and errors -----------------------------------------------

function clearErrors(form) {
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

function showErrors(form, errors, rows) {
  clearErrors(form);
  const general = [];
  for (const { field, message } of errors) {
    const el = field ? fieldFor(form, field, rows) : null;
    if (!el || !el.id || el.getAttribute("aria-invalid") === "true") {
      if (!el) general.push(message);
      continue;
    }
    const note = document.createElement("p");
    note.className = "mu-field-error";
    note.id = `${el.id}-error`;
    note.textContent = message;
    (el.closest(".mu-field, td") || el.parentElement).append(note);
    el.setAttribute("aria-invalid", "true");
    const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    el.setAttribute("aria-describedby", [...ids, note.id].join(" "));
  }
  const summary = form.querySelector(".mu-calc-errors");
  if (summary && general.length) {
    const list = document.createElement("ul");
    for (const message of general) {
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    }
    summary.replaceChildren(list);
    summary.hidden = false;
  }
  return errors.length;
}

function cell(tag, text, attrs = {}) {
  const el = document.createElement(tag);
  el.textContent = text;
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return el;
}

function table(caption, headers, rows, foot) {
  const el = document.createElement("table");
  el.className = "mu-calc-table";
  el.append(cell("caption", caption));
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  headers.forEach((text) => headRow.append(cell("th", text, { scope: "col" })));
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const values of rows) {
    const tr = document.createElement("tr");
    values.forEach((text, i) =>
      tr.append(i === 0 ? cell("th", text, { scope: "row" }) : cell("td", text, { "data-column": headers[i] })),
    );
    body.append(tr);
  }
  el.append(head, body);
  if (foot) {
    const tfoot = document.createElement("tfoot");
    const tr = document.createElement("tr");
    foot.forEach((text, i) =>
      tr.append(i === 0 ? cell("th", text, { scope: "row" }) : cell("td", text, { "data-column": headers[i] })),
    );
    tfoot.append(tr);
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
function chart(svgText, label) {
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
  if (!svg.getAttribute("aria-label") && !svg.getAttribute("aria-labelledby") && !svg.querySelector("title")) {
    svg.setAttribute("aria-label", label);
  }
  const figure = document.createElement("figure");
  figure.className = "mu-calc-chart";
  // The chart fits a phone (a narrow drawing, calculators/charts.py): nothing to scroll, no tab stop.
  const title = svg.querySelector("title");
  figure.setAttribute("aria-label", title ? title.textContent : label || "Graphique");
  figure.append(svg);
  return figure;
}

// The summary line, and its copy kept in view beside the form on a desktop.
function setSummary(form, text) {
  form.querySelector(".mu-calc-summary").textContent = text;
  const live = form.querySelector(".mu-calc-live");
  if (live) live.textContent = text;
}

// Python's view, block by block; every text and figure comes from Python.
function renderBlock(block) {
  if (block.kind === "table") return table(block.caption, block.headers, block.rows, block.foot);
  if (block.kind === "note") return cell("p", block.text, { class: block.class || "mu-calc-note" });
  if (block.kind === "chart") return chart(block.svg, "");
  return null;
}

function showResult(form, answer) {
  clearErrors(form);
  setSummary(form, answer.view.summary);
  const box = form.querySelector(".mu-calc-details");
  box.replaceChildren(...answer.view.blocks.map(renderBlock).filter(Boolean));
  box.hidden = false;
}

function calculationKey(form) {
  return `mutuus:${siteRoot()}:calculator:${form.dataset.command}`;
}

// The last result, for "Mon dossier" and the next visit: {input, result, values,
// updated_at}, input as the CLI's JSON, values as typed in the form.
function keepResult(form, answer, values) {
  const saved = writeJSON(calculationKey(form), {
    input: answer.input,
    result: answer.result,
    values,
    currency: moneyOf(form).currency,
    updated_at: new Date().toISOString(),
  });
  form.dataset.stored = saved.ok ? "true" : "false";
}

// The last calculation kept on this device, or null.
function lastCalculation(form) {
  const stored = readJSON(calculationKey(form));
  const value = stored.ok ? stored.value : null;
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

// --- lists (partners, fixed costs) ---------------------------------------------

// A row is a copy of the list's <template> (rendered from the spec).
function addRow(form, body) {
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
  renumber(form, body);
  return row;
}

function renumber(form, body) {
  const item = body.dataset.item || "";
  body.querySelectorAll("[data-row]").forEach((row, i) => {
    for (const label of row.querySelectorAll("label[data-label]")) {
      label.textContent = `${label.dataset.label}, ${item} ${i + 1}`;
    }
    // Visible « Retirer », accessible name « Retirer le partenaire N » (label in name).
    const remove = row.querySelector("[data-action='remove-row']");
    const hidden = document.createElement("span");
    hidden.className = "md-visually-hidden mu-visually-hidden";
    hidden.textContent = ` le ${item} ${i + 1}`;
    remove.replaceChildren("Retirer", hidden);
  });
}

function syncVisibility(form) {
  for (const el of form.querySelectorAll("[data-show-when]")) {
    const [name, values] = el.dataset.showWhen.split("=");
    const control = form.querySelector(`[name="${name}"]`);
    el.hidden = !control || !values.split("|").includes(control.value);
  }
}

// --- mounting -----------------------------------------------------------------

export function mount(forms) {
  startEngine();
  for (const form of forms) {
    if (form.dataset.muMounted) continue;
    form.dataset.muMounted = "true";
    form.dataset.page = location.pathname;
    mountForm(form);
  }
}

function mountForm(form) {
  const countryBox = form.previousElementSibling;
  if (countryBox && countryBox.matches(".mu-country[data-countries]")) mountCountryControl(countryBox);
  showCurrency(form, moneyOf(form).currency);
  const engineLine = form.querySelector(".mu-calc-engine");
  const notice = form.querySelector(".mu-calc-notice");
  const say = (text) => {
    if (notice) notice.textContent = text;
  };
  let inFlight = false;
  let dirty = false;
  let generation = 0;
  const linkBox = form.querySelector(".mu-calc-link");
  const linkInput = linkBox ? linkBox.querySelector("input") : null;

  // A link's values, else the last calculation kept on this device.
  for (const select of form.querySelectorAll("select[name]")) select.dataset.default = select.value;
  const fromLink = readUrl(form);
  const last = fromLink ? null : lastCalculation(form);
  const lastValues = last && last.values && typeof last.values === "object" ? last.values : null;
  if (fromLink) {
    fill(form, fromLink);
    leaveAddressBare(form);
  } else if (lastValues) {
    fill(form, lastValues);
    say(form.dataset.restored || "");
  } else if (lists(form).length) fill(form, {});
  syncVisibility(form);
  // A calculation kept without its typed values (an older dossier file): the
  // engine writes its input back in the form's notation, unless something
  // has been typed meanwhile.
  if (!fromLink && !lastValues && last && last.input && typeof last.input === "object") {
    formValues(form, JSON.stringify(last.input)).then(({ values }) => {
      if (!values || !form.isConnected || hasInput(form)) return;
      fill(form, values);
      say(form.dataset.restored || "");
      changed();
    });
  }

  // Loading the example, clearing and importing replace every value at once:
  // the previous values stay one click away until the next keystroke.
  let previous = null;
  const undo = document.createElement("button");
  undo.type = "button";
  undo.className = "md-button";
  undo.dataset.action = "undo";
  undo.textContent = "Rétablir les valeurs précédentes";
  undo.hidden = true;
  const clearButton = form.querySelector("[data-action='clear']");
  if (clearButton) clearButton.after(undo);

  function replaceAll(values, message) {
    const before = Object.fromEntries(typedValues(form));
    fill(form, values);
    previous = Object.keys(before).length > 0 ? before : null;
    undo.hidden = previous === null;
    say(previous === null ? message.split(". Le bouton")[0] + "." : message);
    changed();
  }

  const showEngine = () => {
    if (!form.isConnected) return engine.listeners.delete(showEngine);
    if (engineLine) {
      engineLine.textContent = engine.state === "failed" ? engine.message : engine.state === "ready" ? TEXT.ready : TEXT.loading;
      engineLine.dataset.state = engine.state;
    }
    form.dataset.engine = engine.state;
  };
  engine.listeners.add(showEngine);
  showEngine();

  async function compute() {
    if (inFlight) {
      dirty = true;
      return;
    }
    const started = performance.now();
    const myGeneration = ++generation;
    if (!hasInput(form)) {
      clearErrors(form);
      setSummary(form, TEXT.empty);
      form.querySelector(".mu-calc-details").hidden = true;
      form.dataset.state = "empty";
      return;
    }
    const { payload, rows } = readForm(form);
    const values = Object.fromEntries(typedValues(form));
    inFlight = true;
    form.dataset.state = form.dataset.state === "empty" ? "pending" : form.dataset.state || "pending";
    const summaryLine = form.querySelector(".mu-calc-summary");
    if (engine.state === "loading" && form.dataset.state === "pending" && summaryLine.dataset.loading) {
      // The URL or the example has filled the form: say the engine is starting, values are kept.
      setSummary(form, summaryLine.dataset.loading);
    }
    const reply = await ask(form, payload);
    inFlight = false;
    if (!form.isConnected) return;
    if (dirty) {
      dirty = false;
      compute();
      return;
    }
    if (myGeneration !== generation) return;
    let input = null; // a result's CLI JSON, for the event below (usage-log.js reads it)
    if (!reply.ok) {
      setSummary(form, reply.error.message);
      form.dataset.state = "failed";
    } else {
      const answer = JSON.parse(reply.result);
      if (answer.errors) {
        const count = showErrors(form, answer.errors, rows);
        setSummary(form, TEXT.fix(count));
        form.querySelector(".mu-calc-details").hidden = true;
        form.dataset.state = "errors";
      } else {
        showResult(form, answer);
        // The guide's example is not the reader's calculation: it is not kept
        // (nor offered to the agreements) until the reader changes a value.
        if (form.dataset.example !== "shown") keepResult(form, answer, values);
        input = answer.input;
        form.dataset.state = "result";
      }
    }
    form.dataset.computed = String(Number(form.dataset.computed || 0) + 1);
    form.dispatchEvent(new CustomEvent("mu-calculator:computed", { detail: { ms: performance.now() - started, input } }));
  }

  // A link asked for follows the form while it is shown.
  function changed() {
    compute();
    if (linkBox && !linkBox.hidden) linkInput.value = scenarioLink(form);
  }

  function showLink() {
    if (!linkBox) return;
    const href = scenarioLink(form);
    linkInput.value = href;
    linkBox.hidden = false;
    linkInput.focus();
    linkInput.select();
    const copied = () => say(form.dataset.linkCopied || "");
    const shown = () => say(form.dataset.linkShown || "");
    try {
      navigator.clipboard.writeText(href).then(copied, shown);
    } catch (error) {
      shown();
    }
  }

  // "Tout effacer de cet appareil" in another tab: nothing of this form may be
  // kept again at the next keystroke.
  onErasedElsewhere(form, () => {
    previous = null;
    undo.hidden = true;
    if (linkBox) linkBox.hidden = true;
    fill(form, {});
    say(form.dataset.erased || "");
    compute();
  });

  // Another country chosen (this page's menu, a law tab): labels and result in its currency.
  const stopCountry = onCountryChange(() => {
    if (!form.isConnected) return stopCountry();
    showCurrency(form, moneyOf(form).currency);
    compute();
  });

  form.addEventListener("input", (event) => {
    delete form.dataset.example; // the reader's own values from now on
    if (event.target.type === "file") return;
    say("");
    previous = null;
    undo.hidden = true;
    changed();
  });
  form.addEventListener("change", (event) => {
    // A value changed by the reader (a choice, an imported file or usage log): theirs from now on.
    delete form.dataset.example;
    if (event.target.type === "file") return importFile(event.target);
    if (event.target.tagName === "SELECT") syncVisibility(form);
    changed();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    compute();
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "example") {
      form.dataset.example = "shown";
      replaceAll(JSON.parse(button.dataset.example), TEXT.example);
      // The result may sit below the fold: bring it into view (the notice announces the example).
      const output = form.querySelector(".mu-calc-output");
      if (output && output.scrollIntoView) output.scrollIntoView({ block: "nearest" });
    } else if (action === "clear") {
      delete form.dataset.example;
      // Starting from zero: the next visit starts from zero too.
      removeKey(calculationKey(form));
      replaceAll({}, TEXT.cleared);
    } else if (action === "undo" && previous) {
      delete form.dataset.example;
      fill(form, previous);
      previous = null;
      if (clearButton) clearButton.focus();
      undo.hidden = true;
      say(TEXT.restored);
      changed();
    } else if (action === "carry") {
      carry(button);
    } else if (action === "export") {
      exportScenario(form, say);
    } else if (action === "link") {
      showLink();
    } else if (action === "print") {
      window.print();
    } else if (action === "add-row") {
      const body = form.querySelector(`tbody[data-list="${button.dataset.list}"]`);
      const row = addRow(form, body);
      row.querySelector("input").focus();
      changed();
    } else if (action === "remove-row") {
      const row = button.closest("[data-row]");
      const body = row.parentElement;
      const rows = Array.from(body.querySelectorAll("[data-row]"));
      const next = rows[rows.indexOf(row) + 1] || rows[rows.indexOf(row) - 1];
      row.remove();
      renumber(form, body);
      const focus = next && next.isConnected ? next.querySelector("input") : form.querySelector(`[data-action='add-row'][data-list="${body.dataset.list}"]`);
      if (focus) focus.focus();
      changed();
    }
  });

  // Take figures from another calculator's last result (kept by keepResult); the
  // paths and the French sentences come from the spec (calculators/registry.py).
  async function carry(button) {
    const stored = readJSON(`mutuus:${siteRoot()}:calculator:${button.dataset.source}`);
    if (!stored.ok) return say(stored.message);
    const record = stored.value;
    const figures = {};
    for (const [field, path] of Object.entries(JSON.parse(button.dataset.values))) {
      const value = path.split(".").reduce((node, key) => (node && typeof node === "object" ? node[key] : undefined), record);
      if (value === undefined || value === null) return say(button.dataset.missing);
      figures[field] = value;
    }
    const { values, error } = await formValues(form, JSON.stringify(figures));
    if (error) return say(error);
    if (!form.isConnected) return;
    Object.assign(values, JSON.parse(button.dataset.fixed || "{}"));
    for (const el of fieldsOf(form)) if (el.name in values) el.value = values[el.name];
    syncVisibility(form);
    say(button.dataset.done);
    changed();
  }

  async function importFile(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    let text;
    try {
      text = await file.text();
    } catch (error) {
      say(TEXT.importBad(file.name, "il n'a pas pu être lu."));
      input.value = "";
      return;
    }
    input.value = "";
    const { values, error } = await formValues(form, text);
    if (!form.isConnected) return;
    if (error) {
      say(TEXT.importBad(file.name, error));
      form.dataset.importError = "true";
    } else {
      replaceAll(values, TEXT.importDone(file.name));
    }
  }

  compute();
}
