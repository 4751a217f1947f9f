// Mutuus: the one door to the words the browser shows (issue 25).
//
// Every sentence, label and plural comes from the Python package words/:
// the build writes it into the site as core/catalog.js, which sets
// globalThis.mutuusWords (tools.js and the engine's worker load it first).
// No module writes French of its own: it asks t("<module>.<key>", {…}).
//
//   t("grid.dimensions", { n: 3 })            -> "3 dimensions"
//   t("engine.failed", { reason: "…" })       -> the sentence, {reason} filled
//   joinList(["A", "B", "C"])                 -> "A, B et C"
//
// A missing key is a bug: it is logged (the browser tests fail on a console
// error) and the key itself is shown, so nothing breaks for the reader.
// The French rules here are words/french.py's, tested on the same cases.

const GROUP = "\u00a0";

export function words() {
  return globalThis.mutuusWords || {};
}

// Tests in Node, and a worker that got the catalog by message.
export function setWords(catalog) {
  globalThis.mutuusWords = catalog;
}

// French: the singular for 0, 1 and anything under 2 ("1,5 heure").
export function pluralForm(n) {
  return Math.abs(Number(n)) < 2 ? "one" : "other";
}

// 10000 -> "10 000", 1.5 -> "1,5".
export function countText(n) {
  const [whole, fraction] = String(Math.abs(Number(n))).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  return (Number(n) < 0 ? "-" : "") + grouped + (fraction ? `,${fraction}` : "");
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(words(), key);
}

export function t(key, values = {}) {
  let entry = words()[key];
  if (entry === undefined) {
    console.error(`Mutuus: no such key in the words catalog: ${key}`);
    return key;
  }
  const filled = { ...values };
  if (typeof entry === "object") {
    entry = entry[pluralForm(values.n)];
  }
  if (values.n !== undefined && typeof values.n === "number") filled.n = countText(values.n);
  return entry.replace(/\{(\w+)\}/g, (whole, name) => (name in filled ? String(filled[name]) : whole));
}

// "A, B et C"; quoted: "« A », « B » et « C »".
export function joinList(items, quoted = false) {
  const list = items.map((item) => (quoted ? `\u00ab ${item} \u00bb` : String(item)));
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} ${t("common.and")} ${list[list.length - 1]}`;
}
