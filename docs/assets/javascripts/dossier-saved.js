// Mutuus: the optional `calculators` and `agreements` sections of a
// "mutuus-dossier" file (formats/dossier.schema.json):
//   "calculators": {"<calculator id>": <value of storageKey("calculator", id), as stored>}
//   "agreements":  {"<model id>": <value of storageKey("agreement", id), as stored>}
//
// API:
//   readSaved() -> {calculators?, agreements?}   only sections that hold something
//   restoreSaved(dossier, {dryRun, titles}) -> {ok: true, lines: [sentences], count} | {ok: false, message}
//       Checks both sections; unless dryRun, writes each value back under its key.
//       titles = {calculators: {id: title}, agreements: {id: title}} (the
//       dossier_titles() macro): the lines name each entry by its title, or by
//       its id when the site has no name for it.
// Words: words/dossier.py; refusals: formats/messages.py (the catalog's "formats.").

import { readJSON, storageKey, storagePrefix, storedKeys, writeJSON } from "./core/storage.js";
import { isPlainObject } from "./core/dom.js";
import { t } from "./core/words.js";

const SECTIONS = [
  { field: "calculators", kind: "calculator" },
  { field: "agreements", kind: "agreement" },
];
const ID = /^[A-Za-z0-9_-]{1,80}$/;

export function readSaved() {
  const out = {};
  for (const section of SECTIONS) {
    const prefix = storagePrefix(section.kind);
    const values = {};
    for (const key of storedKeys()) {
      const id = key.slice(prefix.length);
      if (!key.startsWith(prefix) || !ID.test(id)) continue;
      const read = readJSON(key);
      if (read.ok && isPlainObject(read.value)) values[id] = read.value;
    }
    if (Object.keys(values).length) out[section.field] = values;
  }
  return out;
}

export function restoreSaved(dossier, { dryRun = false, titles = {} } = {}) {
  const lines = [];
  let count = 0;
  for (const section of SECTIONS) {
    const values = dossier ? dossier[section.field] : undefined;
    if (values === undefined) continue;
    if (!isPlainObject(values)) return { ok: false, message: t("formats.dossier_saved_unreadable", { section: section.field }) };
    for (const [id, value] of Object.entries(values)) {
      if (!ID.test(id) || !isPlainObject(value)) {
        return { ok: false, message: t("formats.dossier_saved_bad_entry", { section: section.field }) };
      }
    }
    const n = Object.keys(values).length;
    const names = titles[section.field] || {};
    const named = Object.keys(values).map((id) => (Object.hasOwn(names, id) ? names[id] : id));
    if (n) lines.push(t(`dossier.saved_${section.field}`, { n, names: named.join(", ") }));
    if (dryRun) continue;
    for (const [id, value] of Object.entries(values)) {
      const written = writeJSON(storageKey(section.kind, id), section.kind === "calculator" ? imported(value) : value);
      if (!written.ok) return { ok: false, message: written.message };
      count += 1;
    }
  }
  return { ok: true, lines, count };
}

// A calculator's record as imported: without the time its values were typed
// on the device that exported it (values_at), so that a calculator open in
// another tab takes it as the newest (calculator-app.js ignores older values).
function imported(record) {
  const { values_at: _typedThere, ...rest } = record;
  return rest;
}
