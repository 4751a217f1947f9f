// Mutuus: the network's board (reseau/). Loaded by tools.js on that page only.
//
// The list rendered at build time (macros/network_render.py) is both the
// no-JavaScript page and the data: each <li class="mu-board-entry"> carries
// data-kind, data-category, data-territory and data-country; its text is what
// the search reads. The catalog JSON (.mu-board-catalog) gives the
// vocabulary and the rules (macros/network_catalog.py); the sentences are the
// words catalog's (words/board.py).
//
// This module: the filters, the count and the list. The pure functions are
// board-rules.js; "Chercher dans mon inventaire" and "Préparer mes annonces"
// are board-tools.js.
//
// User and entry text is only ever written with textContent.

import { matchesFilters, normalize, words } from "./board-rules.js";
import { mountTools } from "./board-tools.js";
import { mount } from "./core/mount.js";
import { t } from "./core/words.js";

const PAGE_SIZE = 20;

function start(root) {
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
    country: li.dataset.country,
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
    let message = filtering ? t("board.count", { n: shown, total }) : t("board.count_all", { n: total });
    if (shown > limit) message += ` ${t("board.count_limited", { n: limit })}`;
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

  mountTools(root, catalog, items, reveal);
  root.querySelector(".mu-board-tools").hidden = false;
  form.hidden = false;

  apply();
  if (location.hash.startsWith("#annonce-")) reveal(decodeURIComponent(location.hash.slice(1)));
}

mount(".mu-board", start);
