// Mutuus: the board's pure functions (no DOM), applying what the catalog JSON
// says (macros/network_catalog.py): the matching fields, the order of the
// countries, the entry file's keys. Sentences are the words catalog's
// (words/board.py, through t()). The entry file's name and text follow
// macros/network_entry.py's rule: tests/network/test_same_as_js.py gives both
// the same cases.
//
// Exports (tested in Chromium and in Node):
//   normalize(text) -> lower case, accents and ligatures removed, spaces collapsed
//   words(text) -> the normalized words of text
//   matchesFilters(item, filters) -> boolean
//       item {kind, category, territory, text (normalized)};
//       filters {kind, category, territory, words: normalized words, all required}
//   inventoryLines(catalog, answers) -> [{category, kind, text, schedule, conditions}]
//   matchEntries(catalog, answers, items, reader) -> [{item, reason, score, elsewhere}]
//       the reader's country first, then the others in the catalog's order;
//       within a country, entries sharing more words with the lines first
//   validContact(catalog, text) -> boolean
//   draftFromLine(catalog, line, author) -> entry draft (keys of the YAML file)
//       author {organisation, territory, country, contact}
//   issueLink(catalog, draft) -> URL of the prefilled GitHub issue form
//   entryYAML(catalog, draft, today?) -> text of a network/board/<id>.yml file
//   fileName(draft) -> "<organisation>-<title>.yml", slugged (slug.js, the same
//       rule as macros/network_entry.py's slug)
//   mailLink(catalog, draft, file, yaml) -> mailto: URL to the network ("" without an address)

import { t } from "./core/words.js";
import { slug } from "./slug.js";

export function normalize(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[’']/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function words(text) {
  return normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function matchesFilters(item, filters) {
  if (filters.kind && item.kind !== filters.kind) return false;
  if (filters.category && item.category !== filters.category) return false;
  if (filters.territory && item.territory !== filters.territory) return false;
  for (const word of filters.words) {
    if (!item.text.includes(word)) return false;
  }
  return true;
}

function answerText(answers, id) {
  const answer = id ? answers[id] : null;
  return answer && typeof answer.value === "string" ? answer.value.trim() : "";
}

export function inventoryLines(catalog, answers) {
  const lines = [];
  for (const [category, fields] of Object.entries(catalog.inventory.fields)) {
    for (const kind of Object.keys(catalog.kinds)) {
      const text = answerText(answers, fields[kind]);
      if (!text) continue;
      lines.push({
        category,
        kind,
        text,
        // Availability and conditions describe what is offered.
        schedule: kind === "offer" ? answerText(answers, fields.schedule) : "",
        conditions: kind === "offer" ? answerText(answers, fields.conditions) : "",
      });
    }
  }
  return lines;
}

export function matchEntries(catalog, answers, items, reader) {
  const match = catalog.match;
  const wanted = new Map();
  for (const line of inventoryLines(catalog, answers)) {
    const key = `${match.answers[line.kind]}|${line.category}`;
    const set = wanted.get(key) || new Set();
    for (const w of words(line.text)) if (w.length >= match.min_word) set.add(w);
    wanted.set(key, set);
  }
  const order = match.order[reader] || match.order[catalog.network_country];
  const rank = (country) => (order.includes(country) ? order.indexOf(country) : order.length);
  const out = [];
  for (const item of items) {
    const set = wanted.get(`${item.kind}|${item.category}`);
    if (!set) continue;
    let score = 0;
    for (const w of set) if (item.text.includes(w)) score += 1;
    const reason = t(item.kind === "offer" ? "board.match_offer" : "board.match_need",
      { category: catalog.categories[item.category] });
    const elsewhere = item.country === reader ? ""
      : t("board.elsewhere", { country: catalog.countries[item.country] || item.territory });
    out.push({ item, score, reason, elsewhere, rank: rank(item.country) });
  }
  // Stable: equal entries keep the list's order (newest first).
  out.sort((a, b) => a.rank - b.rank || b.score - a.score);
  return out;
}

export function validContact(catalog, text) {
  return catalog.submit.contact_patterns.some((pattern) => new RegExp(pattern).test(text));
}

function shortTitle(text) {
  const first = text.split(/\n|(?<=[.!?])\s/)[0].trim();
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}

export function draftFromLine(catalog, line, author = {}) {
  const draft = {
    kind: line.kind,
    title: shortTitle(line.text),
    category: line.category,
    organisation: author.organisation || "",
    territory: author.territory || "",
    country: author.country || catalog.network_country,
    description: line.text,
    contact: author.contact || "",
  };
  if (line.schedule) draft.schedule = line.schedule;
  if (line.conditions) draft.conditions = line.conditions;
  return draft;
}

export function issueLink(catalog, draft) {
  const submit = catalog.submit;
  const fields = submit.fields;
  const params = new URLSearchParams();
  params.set("template", submit.template);
  params.set("title", `${catalog.kinds[draft.kind]} : ${draft.title}`);
  params.set(fields.kind, catalog.kinds[draft.kind]);
  params.set(fields.category, catalog.categories[draft.category]);
  params.set(fields.country, catalog.countries[draft.country]);
  for (const key of ["title", "organisation", "territory", "description", "contact", "schedule", "conditions"]) {
    if (draft[key]) params.set(fields[key], draft[key]);
  }
  return `${submit.issue_url}?${params.toString()}`;
}

// The entry file (macros/network_entry.py's entry_yaml): "# " comment lines,
// then every key in the file's order, each value a JSON string (a JSON string
// is a valid YAML scalar: nothing typed can change the file's structure).
export function entryYAML(catalog, draft, today = new Date()) {
  const published = today.toISOString().slice(0, 10);
  const until = new Date(today.getTime() + catalog.submit.default_days * 86400000).toISOString().slice(0, 10);
  const data = { ...draft, published, until };
  const missing = catalog.submit.keys.filter((key) => key in data && String(data[key]).trim() === "");
  const comments = [t("board.yaml_header")];
  if (missing.length) comments.push(t("board.yaml_missing", { fields: missing.join(", ") }));
  const lines = comments.map((comment) => `# ${comment}`);
  for (const key of catalog.submit.keys) {
    if (key in data) lines.push(`${key}: ${JSON.stringify(String(data[key]))}`);
  }
  return `${lines.join("\n")}\n`;
}

export function fileName(draft) {
  return `${slug(`${draft.organisation} ${draft.title}`, t("board.file_fallback"))}.yml`;
}

export function mailLink(catalog, draft, file, yaml) {
  const email = catalog.submit.email;
  if (!email) return "";
  const subject = t("board.mail_subject", { title: draft.title });
  const body = t("board.mail_body", { title: draft.title, file, yaml });
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
