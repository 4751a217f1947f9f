// Agreement drafts in localStorage: reading, cleaning, the partners and
// stored results a new draft can take. No DOM here.
//
// Draft key: mutuus:<root>:agreement:<model id> ->
//   {model, territory, partners, values, options, updated_at}

import { isPlainObject as isObject } from "./core/dom.js";
import { loadOrganisation, readJSON, storageKey, storagePrefix, storedKeys, writeJSON } from "./core/storage.js";

// Replaced by mount() with the catalog's (agreements.assemble.PARTNER_KEYS).
let partnerKeys = ["name", "legal_form", "address", "identifier", "representative", "authority"];

export function setPartnerKeys(keys) {
  if (Array.isArray(keys)) partnerKeys = keys;
}

export function draftKey(modelId) {
  return storageKey("agreement", modelId);
}

function text(value) {
  return typeof value === "string" ? value : "";
}

export function emptyPartner() {
  return Object.fromEntries(partnerKeys.map((k) => [k, ""]));
}

function cleanPartner(raw) {
  return Object.fromEntries(partnerKeys.map((k) => [k, isObject(raw) ? text(raw[k]) : ""]));
}

export function emptyDraft(model, territory) {
  return { model: model.id, territory, partners: [emptyPartner(), emptyPartner()], values: {}, options: {} };
}

// The stored draft, cleaned: {draft, stored, problem?}. A damaged one is kept
// aside under <key>:damaged; problem is "damaged" or storage's own sentence.
export function loadDraft(model, defaultTerritory) {
  const key = draftKey(model.id);
  const read = readJSON(key);
  const empty = { draft: emptyDraft(model, defaultTerritory), stored: false };
  if (!read.ok) return { ...empty, problem: read.message };
  const value = read.value;
  if (value === null) return empty;
  if (!isObject(value)) {
    writeJSON(`${key}:damaged`, value);
    return { ...empty, problem: "damaged" };
  }
  const territory = model.territories.includes(value.territory) ? value.territory : defaultTerritory;
  const draft = emptyDraft(model, territory);
  if (Array.isArray(value.partners) && value.partners.length > 0) draft.partners = value.partners.map(cleanPartner);
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

export function saveDraft(model, draft) {
  return writeJSON(draftKey(model.id), { ...draft, updated_at: new Date().toISOString() });
}

function updatedAt(modelId) {
  const read = readJSON(draftKey(modelId));
  return read.ok && isObject(read.value) ? { value: read.value, when: text(read.value.updated_at) } : null;
}

// The id of the model whose draft was touched last, or null.
export function latestModel(models) {
  let latest = null;
  for (const model of models) {
    const found = updatedAt(model.id);
    if (found && found.when && (!latest || found.when > latest.when)) latest = { id: model.id, when: found.when };
  }
  return latest ? latest.id : null;
}

// The partners of the draft touched last among the other models, with that
// model's title: {title, partners}, or null when none has a partner typed.
export function reusablePartners(models, modelId) {
  let latest = null;
  for (const candidate of models) {
    if (candidate.id === modelId) continue;
    const found = updatedAt(candidate.id);
    if (!found || !Array.isArray(found.value.partners)) continue;
    const partners = found.value.partners.map(cleanPartner);
    if (!partners.some((p) => partnerKeys.some((k) => p[k].trim()))) continue;
    if (!latest || found.when > latest.when) latest = { title: candidate.title, partners, when: found.when };
  }
  return latest;
}

// Every calculator's last result (calculator-app.js keeps it under
// mutuus:<root>:calculator:<calculator id>), whatever its id: Python
// (agreements.prefill) decides what a model can take from which.
function storedCalculators() {
  const prefix = storagePrefix("calculator");
  const found = {};
  for (const key of storedKeys()) {
    const id = key.slice(prefix.length);
    if (!key.startsWith(prefix) || !id || id.includes(":")) continue; // not ":damaged…" copies
    const read = readJSON(key);
    if (read.ok && isObject(read.value)) found[id] = read.value;
  }
  return found;
}

// What agreements.prefill reads: the organisation, the questionnaires' answers
// (with their questions, from the catalog) and the calculators' results.
export function prefillSources(catalogQuestionnaires) {
  const sources = { organisation: loadOrganisation(), questionnaires: {}, calculators: storedCalculators(), questions: {} };
  for (const [qid, info] of Object.entries(catalogQuestionnaires)) {
    const read = readJSON(storageKey("questionnaire", qid, info.version));
    if (read.ok && isObject(read.value)) sources.questionnaires[qid] = read.value;
    sources.questions[qid] = { title: info.title, questions: info.questions };
  }
  return sources;
}

// Python's answer applied to the draft's empty places; returns how many were filled.
export function applyPrefill(draft, found) {
  for (const [name, value] of Object.entries(found.fill)) if (!draft.values[name]) draft.values[name] = value;
  for (const { index, name } of found.fill_partners) {
    while (draft.partners.length <= index) draft.partners.push(emptyPartner());
    if (!draft.partners[index].name) draft.partners[index].name = name;
  }
  return Object.keys(found.fill).length + found.fill_partners.length;
}
