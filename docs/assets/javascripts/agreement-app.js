// Agreements generator: form, draft in localStorage, live preview, exports.
//
// Python owns the rules and the words: the catalog (models, fields, clauses)
// and the interface's sentences come from the page (JSON written by the
// agreement_generator() macro); assembly and pre-filling run in Python
// (agreements.bridge) inside the calculators' Pyodide worker. This module
// only moves text between the form, storage and the worker, and turns the
// assembled result into DOM nodes (textContent only), a .docx and a download.
//
// Draft key: mutuus:<root>:agreement:<model id> ->
//   {model, territory, partners, values, options, updated_at}

import { call } from "./engine-client.js";
import { countriesOf, currentCountry } from "./country.js";
import { keyPrefix, loadOrganisation, onErasedElsewhere, readJSON, siteRoot, storedKeys, writeJSON } from "./storage.js";

// Set by mount() from the catalog (agreements.assemble.PARTNER_KEYS).
let PARTNER_KEYS = ["name", "legal_form", "address", "identifier", "representative", "authority"];

export function draftKey(modelId) {
  return `mutuus:${siteRoot()}:agreement:${modelId}`;
}

// Every calculator's last result (calculator-app.js keeps it under
// mutuus:<root>:calculator:<calculator id>), whatever its id: Python
// (agreements.prefill) decides what a model can take from which.
function storedCalculators() {
  const prefix = `${keyPrefix()}calculator:`;
  const found = {};
  for (const key of storedKeys()) {
    const id = key.slice(prefix.length);
    if (!key.startsWith(prefix) || !id || id.includes(":")) continue; // not ":damaged…" copies
    const read = readJSON(key);
    if (read.ok && isObject(read.value)) found[id] = read.value;
  }
  return found;
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function text(value) {
  return typeof value === "string" ? value : "";
}

// ---------------------------------------------------------------- draft

function emptyDraft(model, territory) {
  return {
    model: model.id,
    territory,
    partners: [0, 1].map(() => Object.fromEntries(PARTNER_KEYS.map((k) => [k, ""]))),
    values: {},
    options: {},
  };
}

// A stored draft, cleaned; a damaged one is kept aside under <key>:damaged.
function loadDraft(model, defaultTerritory, messages, alert) {
  const key = draftKey(model.id);
  const read = readJSON(key);
  if (!read.ok) {
    alert(read.message);
    return { draft: emptyDraft(model, defaultTerritory), stored: false };
  }
  const value = read.value;
  if (value === null) return { draft: emptyDraft(model, defaultTerritory), stored: false };
  if (!isObject(value)) {
    writeJSON(`${key}:damaged`, value);
    alert(messages.damaged);
    return { draft: emptyDraft(model, defaultTerritory), stored: false };
  }
  const territory = model.territories.includes(value.territory) ? value.territory : defaultTerritory;
  const draft = emptyDraft(model, territory);
  if (Array.isArray(value.partners) && value.partners.length > 0) {
    draft.partners = value.partners.map((p) => Object.fromEntries(PARTNER_KEYS.map((k) => [k, isObject(p) ? text(p[k]) : ""])));
  }
  const names = new Set(model.fields.map((f) => f.name));
  for (const [name, v] of Object.entries(isObject(value.values) ? value.values : {})) {
    if (names.has(name) && typeof v === "string") draft.values[name] = v;
  }
  const optional = new Set(model.clauses.filter((c) => c.optional).map((c) => c.id));
  for (const [id, v] of Object.entries(isObject(value.options) ? value.options : {})) {
    if (optional.has(id) && typeof v === "boolean") draft.options[id] = v;
  }
  return { draft, stored: true };
}

// ---------------------------------------------------------------- DOM helpers

function el(tag, attributes = {}, content = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (content !== null) node.textContent = content;
  return node;
}

function runsInto(parent, runs) {
  for (const run of runs) {
    if (run.blank) {
      const blank = el("span", { class: "mu-ag-blank" }, "________");
      parent.append(blank, " ", el("span", { class: "mu-ag-hint" }, `(${run.label})`));
    } else if (run.field) {
      const value = el("span", { class: "mu-ag-value" }, run.text);
      if (run.strong) {
        const strong = el("strong");
        strong.append(value);
        parent.append(strong);
      } else {
        parent.append(value);
      }
    } else {
      parent.append(document.createTextNode(run.text));
    }
  }
  return parent;
}

function renderDocument(container, result, messages) {
  const doc = document.createDocumentFragment();
  doc.append(el("h3", { class: "mu-ag-title" }, result.title));
  doc.append(el("p", { class: "mu-ag-territory" }, `${messages.model_for} ${result.territory_name}`));
  doc.append(el("h4", {}, messages.parties));
  const list = el("div", { class: "mu-ag-parties" });
  for (const party of result.parties) list.append(runsInto(el("p"), party.runs));
  doc.append(list, el("p", {}, messages.parties_end));
  for (const article of result.articles) {
    doc.append(el("h4", { id: `mu-ag-article-${article.id}` }, `${messages.article} ${article.number} – ${article.title}`));
    for (const paragraph of article.paragraphs) doc.append(runsInto(el("p"), paragraph));
  }
  for (const paragraph of result.closing) doc.append(runsInto(el("p"), paragraph));
  doc.append(el("h4", {}, messages.signatures));
  const table = el("table", { class: "mu-ag-signatures" });
  const head = el("tr");
  for (const header of messages.signature_headers) head.append(el("th", { scope: "col" }, header));
  table.append(el("thead"), el("tbody"));
  table.tHead.append(head);
  for (const signature of result.signatures) {
    const row = el("tr");
    row.append(el("td", {}, signature.party || "________"), el("td", {}, signature.signatory || "________"), el("td"), el("td"));
    table.tBodies[0].append(row);
  }
  doc.append(table, el("p", { class: "mu-ag-note" }, result.note));
  doc.append(el("h4", {}, result.references_title));
  const references = el("ul", { class: "mu-ag-references" });
  for (const ref of result.references) {
    const item = el("li", {}, `${ref.jurisdiction} — `);
    item.append(el("a", { href: ref.url }, ref.label), ref.after);
    references.append(item);
  }
  if (result.references.length) doc.append(references);
  doc.append(el("p", { class: "mu-ag-model-line" }, result.model_line), el("p", { class: "mu-ag-reminder" }, result.reminder));
  container.replaceChildren(doc);
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// ---------------------------------------------------------------- .docx

async function docxBlob(result, messages) {
  const docx = await import(new URL("../vendor/docx/docx.mjs", import.meta.url).href);
  const { Document, Packer, Paragraph, TextRun, HeadingLevel, Table, TableRow, TableCell, WidthType, ExternalHyperlink } = docx;
  const runs = (list) =>
    list.map((run) => (run.blank ? new TextRun({ text: "________" }) : new TextRun({ text: run.text, bold: Boolean(run.strong) })));
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: result.title })] }),
    new Paragraph({ children: [new TextRun({ text: `${messages.model_for} ${result.territory_name}`, italics: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: messages.parties })] }),
  ];
  for (const party of result.parties) children.push(new Paragraph({ children: runs(party.runs) }));
  children.push(new Paragraph({ children: [new TextRun({ text: messages.parties_end })] }));
  for (const article of result.articles) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun({ text: `${messages.article} ${article.number} – ${article.title}` })],
      }),
    );
    for (const paragraph of article.paragraphs) children.push(new Paragraph({ children: runs(paragraph) }));
  }
  for (const paragraph of result.closing) children.push(new Paragraph({ children: runs(paragraph) }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: messages.signatures })] }));
  const cell = (t, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold })] })] });
  const rows = [new TableRow({ tableHeader: true, children: messages.signature_headers.map((h) => cell(h, true)) })];
  for (const signature of result.signatures) {
    rows.push(new TableRow({ children: [cell(signature.party || "________"), cell(signature.signatory || "________"), cell(""), cell("")] }));
  }
  children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  children.push(new Paragraph({ children: [new TextRun({ text: result.note, italics: true })] }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: result.references_title })] }));
  for (const ref of result.references) {
    children.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `${ref.jurisdiction} — ` }),
          new ExternalHyperlink({ link: ref.url, children: [new TextRun({ text: ref.label, style: "Hyperlink" })] }),
          new TextRun({ text: `${ref.after} : ${ref.url}` }),
        ],
      }),
    );
  }
  children.push(new Paragraph({ children: [new TextRun({ text: result.model_line, italics: true })] }));
  children.push(new Paragraph({ children: [new TextRun({ text: result.reminder, italics: true })] }));
  if (result.missing.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: messages.todo })] }));
    for (const item of result.missing) children.push(new Paragraph({ children: [new TextRun({ text: `– ${item.label}` })] }));
  }
  // Letter in Québec, A4 in France and Belgium (sizes in twentieths of a point, from Python).
  const page = { size: result.page_size };
  const document_ = new Document({
    title: result.title,
    creator: "Mutuus",
    lastModifiedBy: "Mutuus",
    styles: { default: { document: { run: { language: { value: result.language } } } } },
    sections: [{ properties: { page }, children }],
  });
  return Packer.toBlob(document_);
}

// ---------------------------------------------------------------- mount

export function mount(root) {
  if (root.dataset.mounted === "1") return;
  root.dataset.mounted = "1";
  // The data travel in <template>, not <script type="application/json">:
  // Material's instant navigation re-creates every <script> of the new page
  // without its attributes, which turned the JSON into a script the CSP
  // blocked, and lost the class this code looks for.
  const catalog = JSON.parse(root.querySelector(".mu-ag-catalog").content.textContent);
  const messages = JSON.parse(root.querySelector(".mu-ag-messages").content.textContent);
  const models = new Map(catalog.models.map((m) => [m.id, m]));
  if (Array.isArray(catalog.partner_keys)) PARTNER_KEYS = catalog.partner_keys;
  const form = root.querySelector(".mu-ag-form");
  const modelSelect = root.querySelector("#mu-ag-model");
  const territorySelect = root.querySelector("#mu-ag-territory");
  const partnerList = root.querySelector(".mu-ag-partner-list");
  const template = root.querySelector(".mu-ag-partner-template");
  const fieldList = root.querySelector(".mu-ag-field-list");
  const optionList = root.querySelector(".mu-ag-option-list");
  const status = root.querySelector(".mu-ag-status");
  const alertBox = root.querySelector(".mu-ag-alert");
  const engineStatus = root.querySelector(".mu-ag-engine");
  const missingBox = root.querySelector(".mu-ag-missing");
  const documentBox = root.querySelector(".mu-ag-document");
  // The reader's country (country.js: "Votre pays", the law tabs), else the network's.
  const readerCountry = root.dataset.countries ? currentCountry(countriesOf(root)) : root.dataset.defaultTerritory || "QC";
  const defaultTerritory = readerCountry;
  // ?modele=<id> (the chooser's links) opens the generator on that model.
  const asked = new URLSearchParams(window.location.search).get("modele");
  if (asked && models.has(asked)) modelSelect.value = asked;
  let model = models.get(modelSelect.value);
  let draft = null;
  let result = null;
  let rendering = false;
  let again = false;
  const alert = (message) => {
    alertBox.textContent = message;
  };

  function save() {
    const saved = writeJSON(draftKey(model.id), { ...draft, updated_at: new Date().toISOString() });
    if (saved.ok) {
      status.textContent = messages.saved;
      if (alertBox.dataset.kind === "storage") {
        alertBox.textContent = "";
        delete alertBox.dataset.kind;
      }
    } else {
      alertBox.dataset.kind = "storage";
      alert(saved.message);
    }
  }

  function buildPartners() {
    partnerList.replaceChildren();
    draft.partners.forEach((partner, index) => {
      const item = template.content.firstElementChild.cloneNode(true);
      item.querySelector("legend").textContent = `${messages.partner} ${index + 1}`;
      for (const input of item.querySelectorAll("input[data-key]")) {
        const id = `mu-ag-partner-${index}-${input.dataset.key}`;
        input.id = id;
        item.querySelector(`label[data-for="${input.dataset.key}"]`).setAttribute("for", id);
        input.value = partner[input.dataset.key];
        input.addEventListener("input", () => {
          draft.partners[index][input.dataset.key] = input.value;
          changed();
        });
      }
      const remove = item.querySelector('[data-action="remove-partner"]');
      remove.textContent = `${messages.remove_partner} (${index + 1})`;
      remove.addEventListener("click", () => {
        draft.partners.splice(index, 1);
        buildPartners();
        changed();
        const focus = partnerList.querySelector("input") || root.querySelector('[data-action="add-partner"]');
        focus.focus();
      });
      partnerList.append(item);
    });
  }

  function buildFields() {
    fieldList.replaceChildren();
    for (const field of model.fields_by_territory[draft.territory]) {
      const id = `mu-ag-field-${field.name}`;
      const wrapper = el("p", { class: "mu-ag-field" });
      const label = el("label", { for: id }, field.label);
      if (field.required) label.append(" ", el("span", { class: "mu-ag-required" }, messages.required_mark));
      const input = el("textarea", { id, name: field.name, rows: "2" });
      input.value = draft.values[field.name] || "";
      wrapper.append(label, el("br"), input);
      if (field.help) {
        input.setAttribute("aria-describedby", `${id}-help`);
        wrapper.append(el("br"), el("span", { id: `${id}-help`, class: "mu-ag-help" }, field.help));
      }
      input.addEventListener("input", () => {
        draft.values[field.name] = input.value;
        changed();
      });
      fieldList.append(wrapper);
    }
  }

  function buildOptions() {
    optionList.replaceChildren();
    const optional = model.clauses.filter((c) => c.optional && c.territories.includes(draft.territory));
    root.querySelector(".mu-ag-options").hidden = optional.length === 0;
    for (const clause of optional) {
      const id = `mu-ag-option-${clause.id}`;
      const wrapper = el("p", { class: "mu-ag-option" });
      const box = el("input", { type: "checkbox", id, "aria-describedby": `${id}-help` });
      box.checked = draft.options[clause.id] !== false;
      box.addEventListener("change", () => {
        draft.options[clause.id] = box.checked;
        changed();
      });
      wrapper.append(box, " ", el("label", { for: id }, clause.title), el("br"), el("span", { id: `${id}-help`, class: "mu-ag-help" }, `${messages.optional_when} ${clause.applies_when}`));
      optionList.append(wrapper);
    }
  }

  function buildAll() {
    territorySelect.value = draft.territory;
    buildPartners();
    buildFields();
    buildOptions();
  }

  function payload() {
    const clauses = new Set(model.clauses.map((c) => c.id));
    const options = Object.fromEntries(Object.entries(draft.options).filter(([id]) => clauses.has(id)));
    return { partners: draft.partners, values: draft.values, options };
  }

  async function render() {
    if (rendering) {
      again = true;
      return;
    }
    rendering = true;
    const asked = model;
    const reply = await call("render", [JSON.stringify(asked), draft.territory, JSON.stringify(payload())]);
    rendering = false;
    if (again || asked !== model) {
      again = false;
      render();
      return;
    }
    engineStatus.textContent = "";
    if (reply.error) {
      alert(`${messages.engine_failed} ${reply.error}`);
      return;
    }
    const data = JSON.parse(reply.json);
    if (data.errors) {
      result = null;
      root.dataset.state = "error";
      alert(data.errors.map((e) => e.message).join(" "));
      missingBox.replaceChildren();
      documentBox.replaceChildren();
      return;
    }
    if (alertBox.dataset.kind !== "storage") alert("");
    result = data;
    root.dataset.state = data.missing.length ? "incomplete" : "complete";
    if (data.missing.length) {
      const list = el("ul");
      for (const item of data.missing) list.append(el("li", {}, item.label));
      missingBox.replaceChildren(el("p", {}, messages.missing), list);
    } else {
      missingBox.replaceChildren(el("p", {}, messages.complete));
    }
    if (draft.territory !== readerCountry && messages.other_country) {
      missingBox.append(el("p", { class: "mu-ag-warning mu-ag-other-country" }, messages.other_country[draft.territory]));
    }
    for (const warning of data.warnings) missingBox.append(el("p", { class: "mu-ag-warning" }, warning));
    renderDocument(documentBox, data, messages);
    root.dispatchEvent(new CustomEvent("mu-agreement:rendered"));
  }

  function changed() {
    save();
    render();
  }

  // Only when asked ("Reprendre…"): Python fills the draft's empty fields and
  // partner names from what is stored and writes the sentence that says what
  // it took from where, and what it left as the user wrote it.
  async function prefill() {
    const sources = { organisation: loadOrganisation(), questionnaires: {}, calculators: storedCalculators(), questions: {} };
    for (const [qid, info] of Object.entries(catalog.questionnaires)) {
      const read = readJSON(`mutuus:${siteRoot()}:${qid}:v${info.version}`);
      if (read.ok && isObject(read.value)) sources.questionnaires[qid] = read.value;
      sources.questions[qid] = { title: info.title, questions: info.questions };
    }
    const fields = model.fields_by_territory[draft.territory];
    const asked = model;
    const reply = await call("prefill", [
      JSON.stringify(fields),
      JSON.stringify(sources),
      root.dataset.currency || "$",
      root.dataset.locale || "fr_CA",
      JSON.stringify({ values: draft.values, partners: draft.partners }),
    ]);
    if (asked !== model) return; // another model was chosen meanwhile
    if (reply.error) {
      alert(`${messages.engine_failed} ${reply.error}`);
      return;
    }
    const found = JSON.parse(reply.json);
    for (const [name, value] of Object.entries(found.fill)) if (!draft.values[name]) draft.values[name] = value;
    for (const { index, name } of found.fill_partners) {
      while (draft.partners.length <= index) draft.partners.push(Object.fromEntries(PARTNER_KEYS.map((k) => [k, ""])));
      if (!draft.partners[index].name) draft.partners[index].name = name;
    }
    const filled = Object.keys(found.fill).length + found.fill_partners.length;
    buildAll();
    if (filled) save();
    status.textContent = found.status; // after save(), whose own message this replaces
    render();
  }

  // A model opened for the first time takes the parties of the draft touched
  // last (names, forms, addresses, numbers, signatories typed once are offered
  // for the next agreement between the same partners); the status says so.
  function reusePartners() {
    let latest = null;
    for (const candidate of models.values()) {
      if (candidate.id === model.id) continue;
      const read = readJSON(draftKey(candidate.id));
      const value = read.ok && isObject(read.value) ? read.value : null;
      if (!value || !Array.isArray(value.partners)) continue;
      const partners = value.partners.map((p) => Object.fromEntries(PARTNER_KEYS.map((k) => [k, isObject(p) ? text(p[k]) : ""])));
      if (!partners.some((p) => PARTNER_KEYS.some((k) => p[k].trim()))) continue;
      const when = text(value.updated_at);
      if (!latest || when > latest.when) latest = { title: candidate.title, partners, when };
    }
    if (!latest) return false;
    draft.partners = latest.partners;
    return latest.title;
  }

  function choose(modelId) {
    model = models.get(modelId);
    const loaded = loadDraft(model, defaultTerritory, messages, alert);
    draft = loaded.draft;
    const reused = loaded.stored ? false : reusePartners();
    buildAll();
    if (reused) {
      save();
      status.textContent = messages.partners_reused.replace("{model}", reused);
    } else {
      status.textContent = "";
    }
    render();
  }

  // "Tout effacer de cet appareil" in another tab: this draft is dropped, not
  // written back at the next keystroke, and nothing is filled in again.
  onErasedElsewhere(root, () => {
    draft = emptyDraft(model, defaultTerritory);
    buildAll();
    render();
    status.textContent = messages.erased_elsewhere;
  });

  modelSelect.addEventListener("change", () => choose(modelSelect.value));
  territorySelect.addEventListener("change", () => {
    draft.territory = territorySelect.value;
    buildFields();
    buildOptions();
    changed();
  });
  root.querySelector('[data-action="add-partner"]').addEventListener("click", () => {
    draft.partners.push(Object.fromEntries(PARTNER_KEYS.map((k) => [k, ""])));
    buildPartners();
    changed();
    partnerList.lastElementChild.querySelector("input").focus();
  });
  root.querySelector('[data-action="prefill"]').addEventListener("click", () => prefill());
  root.querySelector('[data-action="markdown"]').addEventListener("click", () => {
    if (result) download(`${model.id}-${draft.territory}.md`, new Blob([result.markdown], { type: "text/markdown;charset=utf-8" }));
  });
  root.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
  root.querySelector('[data-action="docx"]').addEventListener("click", async () => {
    if (!result) return;
    try {
      download(`${model.id}-${draft.territory}.docx`, await docxBlob(result, messages));
    } catch (error) {
      console.error("agreement-app (docx):", error);
      alert(`${messages.docx_failed} ${error.message || error}`);
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  engineStatus.textContent = messages.engine;
  // The last draft touched, if any, decides the model shown first.
  let latest = null;
  for (const candidate of models.values()) {
    const read = readJSON(draftKey(candidate.id));
    const when = read.ok && isObject(read.value) ? text(read.value.updated_at) : "";
    if (when && (!latest || when > latest.when)) latest = { id: candidate.id, when };
  }
  if (latest) modelSelect.value = latest.id;
  choose(modelSelect.value);
}
