// Mutuus: the network's board (reseau/). Loaded by tools.js on that page only.
//
// The list rendered at build time (macros/network_render.py) is both the
// no-JavaScript page and the data: each <li class="mu-board-entry"> carries
// data-kind, data-category and data-territory; its text is what the search
// reads. The catalog JSON (.mu-board-catalog) gives the vocabulary, the
// inventory's question ids, the submission mode and every French sentence.
//
// Exports (pure functions, tested in Chromium):
//   normalize(text) -> lower case, accents and ligatures removed, spaces collapsed
//   matchesFilters(item, filters) -> boolean
//       item {kind, category, territory, text (normalized)};
//       filters {kind, category, territory, words: normalized words, all required}
//   inventoryLines(catalog, answers) -> [{category, kind, text, schedule, conditions}]
//   matchEntries(catalog, answers, items) -> [{item, reason, score}] best first
//   draftFromLine(catalog, line, organisation) -> entry draft (keys of the YAML file)
//   issueLink(catalog, draft) -> URL of the prefilled GitHub issue form
//   entryYAML(draft, today?, header?) -> text of a network/board/<id>.yml file
//
// User and entry text is only ever written with textContent.

import { loadRecord } from "./storage.js";
import { downloadText } from "./download.js";

const PAGE_SIZE = 20;

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

function words(text) {
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
    for (const kind of ["offer", "need"]) {
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

// An offer answers a need in the same category, and a need an offer.
// Entries sharing more words (4 letters or more) with your line come first.
export function matchEntries(catalog, answers, items) {
  const lines = inventoryLines(catalog, answers);
  const wanted = new Map();
  for (const line of lines) {
    const kind = line.kind === "need" ? "offer" : "need";
    const key = `${kind}|${line.category}`;
    const set = wanted.get(key) || new Set();
    for (const w of words(line.text)) if (w.length >= 4) set.add(w);
    wanted.set(key, set);
  }
  const out = [];
  for (const item of items) {
    const set = wanted.get(`${item.kind}|${item.category}`);
    if (!set) continue;
    let score = 0;
    for (const w of set) if (item.text.includes(w)) score += 1;
    const template = item.kind === "offer" ? catalog.messages.match_offer : catalog.messages.match_need;
    out.push({ item, score, reason: template.replace("{category}", catalog.categories[item.category]) });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}

function shortTitle(text) {
  const first = text.split(/\n|(?<=[.!?])\s/)[0].trim();
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}

export function draftFromLine(catalog, line, organisation) {
  const draft = {
    kind: line.kind,
    title: shortTitle(line.text),
    category: line.category,
    organisation: organisation || "",
    territory: "",
    description: line.text,
    contact: "",
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
  for (const key of ["title", "organisation", "territory", "description", "contact", "schedule", "conditions"]) {
    if (draft[key]) params.set(fields[key], draft[key]);
  }
  return `${submit.issue_url}?${params.toString()}`;
}

// YAML with JSON-quoted strings: a JSON string is a valid YAML scalar, so no
// character typed by the user can change the file's structure.
export function entryYAML(draft, today = new Date(), header = "") {
  const published = today.toISOString().slice(0, 10);
  const until = new Date(today.getTime() + 180 * 86400000).toISOString().slice(0, 10);
  const data = { ...draft, published, until };
  const order = ["kind", "title", "category", "organisation", "territory", "description", "contact",
    "published", "until", "schedule", "conditions"];
  const lines = header ? [header] : [];
  for (const key of order) {
    if (key in data) lines.push(`${key}: ${JSON.stringify(String(data[key]))}`);
  }
  return `${lines.join("\n")}\n`;
}

function fileName(draft) {
  const slug = normalize(`${draft.organisation} ${draft.title}`)
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  return `${slug || "annonce"}.yml`;
}

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function mount(root) {
  if (root.dataset.muMounted) return;
  root.dataset.muMounted = "1";
  const catalog = JSON.parse(root.querySelector(".mu-board-catalog").textContent);
  const form = root.querySelector(".mu-board-filters");
  const list = root.querySelector(".mu-board-list");
  const count = root.querySelector(".mu-board-count");
  const more = root.querySelector(".mu-board-more");
  const items = Array.from(list.children, (li) => ({
    li,
    id: li.id,
    kind: li.dataset.kind,
    category: li.dataset.category,
    territory: li.dataset.territory,
    title: li.querySelector("h3").textContent,
    text: normalize(li.textContent),
  }));
  let limit = PAGE_SIZE;

  function currentFilters() {
    return {
      kind: form.elements.kind.value,
      category: form.elements.category.value,
      territory: form.elements.territory.value,
      words: words(form.elements.q.value),
    };
  }

  // The list holds only the entries shown (at most `limit`); the others stay
  // in memory, detached. Toggling `hidden` on thousands of siblings made the
  // browser restyle them all (hundreds of ms with 5,000 entries); replacing a
  // few dozen children does not.
  let pinned = null;

  function apply() {
    const filters = currentFilters();
    const filtering = filters.kind || filters.category || filters.territory || filters.words.length;
    const chosen = pinned ? [pinned] : [];
    let shown = 0;
    for (const item of items) {
      if (!matchesFilters(item, filters)) continue;
      shown += 1;
      if (chosen.length < limit && item !== pinned) chosen.push(item);
    }
    list.replaceChildren(...chosen.map((item) => item.li));
    const total = items.length;
    let message = filtering
      ? say(catalog.messages.count, { shown, total })
      : say(catalog.messages.count_all, { total });
    if (shown > limit) message += ` ${say(catalog.messages.count_limited, { limit })}`;
    count.textContent = message;
    more.hidden = shown <= limit;
    root.dataset.muShown = String(shown);
  }

  // Show one entry even when the filters or the limit leave it out (a link
  // from "Ce qui correspond à mes besoins", or a #annonce-… address).
  function reveal(id) {
    const item = items.find((candidate) => candidate.id === id);
    if (!item) return;
    if (!item.li.isConnected) {
      pinned = item;
      apply();
    }
    item.li.tabIndex = -1;
    item.li.scrollIntoView();
    item.li.focus();
  }

  form.addEventListener("input", () => { limit = PAGE_SIZE; pinned = null; apply(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    for (const control of form.elements) if ("value" in control && control.type !== "reset") control.value = "";
    limit = PAGE_SIZE;
    pinned = null;
    apply();
    form.elements.kind.focus();
  });
  more.querySelector("button").addEventListener("click", () => {
    const firstNew = limit;
    limit += PAGE_SIZE;
    apply();
    // Move the focus to the first entry just shown, so keyboard users land on it.
    const target = items.filter((item) => item.li.isConnected)[firstNew];
    if (target) {
      target.li.tabIndex = -1;
      target.li.focus();
    }
  });

  const tools = root.querySelector(".mu-board-tools");
  tools.hidden = false;
  form.hidden = false;

  function readInventory() {
    const record = loadRecord(catalog.inventory.id, catalog.inventory.version);
    return record && Object.keys(record.answers).length ? record : null;
  }

  const matchResult = root.querySelector(".mu-board-match-result");
  root.querySelector(".mu-board-match-run").addEventListener("click", () => {
    matchResult.replaceChildren();
    const record = readInventory();
    if (!record) {
      matchResult.append(el("p", catalog.messages.no_inventory));
      return;
    }
    if (!inventoryLines(catalog, record.answers).length) {
      matchResult.append(el("p", catalog.messages.no_lines));
      return;
    }
    const found = matchEntries(catalog, record.answers, items);
    if (!found.length) {
      matchResult.append(el("p", catalog.messages.no_match));
      return;
    }
    matchResult.append(el("p", say(catalog.messages.matches, { n: found.length })));
    const ul = el("ul", null, { class: "mu-board-match-list" });
    for (const { item, reason } of found) {
      const li = el("li");
      const link = el("a", item.title, { href: `#${item.id}` });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        reveal(item.id);
      });
      li.append(link, el("span", ` (${reason})`));
      ul.append(li);
    }
    matchResult.append(ul);
  });

  const publishResult = root.querySelector(".mu-board-publish-result");
  root.querySelector(".mu-board-publish-run").addEventListener("click", () => {
    publishResult.replaceChildren();
    const record = readInventory();
    if (!record) {
      publishResult.append(el("p", catalog.messages.no_inventory));
      return;
    }
    const lines = inventoryLines(catalog, record.answers);
    if (!lines.length) {
      publishResult.append(el("p", catalog.messages.no_lines));
      return;
    }
    publishResult.append(el("p", say(catalog.messages.submissions, { n: lines.length })));
    const ul = el("ul", null, { class: "mu-board-publish-list" });
    for (const line of lines) {
      const draft = draftFromLine(catalog, line, record.organisation);
      const li = el("li");
      li.append(el("strong", `${catalog.kinds[draft.kind]} · ${catalog.categories[draft.category]} : `), el("span", draft.title), el("br"));
      if (catalog.submit.mode === "issue") {
        li.append(el("a", catalog.messages.submission_issue, { href: issueLink(catalog, draft), class: "mu-board-issue-link" }));
      } else {
        const yaml = entryYAML(draft, new Date(), catalog.messages.yaml_header);
        const button = el("button", catalog.messages.submission_file, { type: "button", class: "md-button" });
        button.addEventListener("click", () => downloadText(fileName(draft), yaml, "application/yaml"));
        const subject = say(catalog.messages.mail_subject, { title: draft.title });
        const body = say(catalog.messages.mail_body, { yaml });
        const mail = `mailto:${catalog.submit.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
        li.append(button, el("span", " "), el("a", catalog.messages.submission_mail, { href: mail, class: "mu-board-mail-link" }));
      }
      ul.append(li);
    }
    publishResult.append(ul);
  });

  apply();
  if (location.hash.startsWith("#annonce-")) reveal(decodeURIComponent(location.hash.slice(1)));
}

function mountAll() {
  for (const root of document.querySelectorAll(".mu-board")) mount(root);
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(mountAll);
} else {
  mountAll();
}
