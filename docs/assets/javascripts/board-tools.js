// Mutuus: the board's tools (reseau/), mounted by board.js: the reader's
// country, "Chercher dans mon inventaire" and "Préparer mes annonces".
//
// The reader's country is the site's one choice of country (country.js: the
// same as the law tabs', kept under Material's "__tabs"). Choosing a country
// here makes it the whole site's; with no choice, the network's country
// (extra.network.country).
//
// The author's territory and contact are kept on this device under
// storageKey("board", "author") ("Tout effacer" in Mon dossier removes it).
//
// API: mountTools(root, catalog, items, reveal)
//   items: the board's entries [{li, id, kind, category, territory, country, title, text}]
//   reveal(id): shows and focuses one entry of the list
//
// User and entry text is only ever written with textContent.

import { loadRecord, readJSON, storageKey, writeJSON } from "./core/storage.js";
import { h } from "./core/dom.js";
import { t } from "./core/words.js";
import { downloadText } from "./download.js";
import { currentCountry, onCountryChange, setCountry } from "./country.js";
import {
  draftFromLine, entryYAML, fileName, inventoryLines, issueLink, mailLink,
  matchEntries, validContact,
} from "./board-rules.js";

function el(tag, text, attributes = {}) {
  return text === undefined || text === null ? h(tag, attributes) : h(tag, attributes, text);
}

// The board's country names in the shape country.js reads.
function countryInfo(catalog) {
  const countries = Object.fromEntries(Object.entries(catalog.countries).map(([code, name]) => [code, { name }]));
  return { default: catalog.network_country, countries };
}

function authorKey() {
  return storageKey("board", "author");
}

export function mountTools(root, catalog, items, reveal) {
  const country = root.querySelector("#mu-board-country");
  const territory = root.querySelector("#mu-board-territory-own");
  const contact = root.querySelector("#mu-board-contact");
  const contactError = root.querySelector("#mu-board-contact-error");
  const matchResult = root.querySelector(".mu-board-match-result");
  const publishResult = root.querySelector(".mu-board-publish-result");

  const info = countryInfo(catalog);
  country.value = currentCountry(info);
  const saved = readJSON(authorKey());
  if (saved.ok && saved.value && typeof saved.value === "object") {
    territory.value = typeof saved.value.territory === "string" ? saved.value.territory : "";
    contact.value = typeof saved.value.contact === "string" ? saved.value.contact : "";
  }

  function readInventory() {
    const record = loadRecord(catalog.inventory.id, catalog.inventory.version);
    return record && Object.keys(record.answers).length ? record : null;
  }

  // The record, or a message (no inventory, no line) written into `result`.
  function inventoryOrSay(result) {
    const record = readInventory();
    if (!record) {
      result.append(el("p", t("board.no_inventory")));
      return null;
    }
    if (!inventoryLines(catalog, record.answers).length) {
      result.append(el("p", t("board.no_lines")));
      return null;
    }
    return record;
  }

  let searched = false;

  function search() {
    matchResult.replaceChildren();
    const record = inventoryOrSay(matchResult);
    if (!record) return;
    searched = true;
    const reader = country.value;
    const found = matchEntries(catalog, record.answers, items, reader);
    if (!found.length) {
      matchResult.append(el("p", t("board.no_match")));
      return;
    }
    matchResult.append(
      el("p", t("board.matches", { n: found.length })),
      el("p", t("board.matches_order", { country_in: t(`country.in.${reader}`) })),
    );
    const ul = el("ul", null, { class: "mu-board-match-list" });
    for (const { item, reason, elsewhere } of found) {
      const li = el("li");
      const link = el("a", item.title, { href: `#${item.id}` });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        reveal(item.id);
      });
      li.append(link, " ");
      if (elsewhere) li.append(el("span", elsewhere, { class: "mu-board-elsewhere" }), " ");
      li.append(el("span", `(${item.territory} · ${reason})`));
      ul.append(li);
    }
    matchResult.append(ul);
  }

  country.addEventListener("change", () => setCountry(info, country.value));
  const stopCountry = onCountryChange((code) => {
    if (!country.isConnected) return stopCountry();
    country.value = code;
    if (searched) search();
  });
  root.querySelector(".mu-board-match-run").addEventListener("click", search);

  function saveAuthor() {
    const result = writeJSON(authorKey(), { territory: territory.value.trim(), contact: contact.value.trim() });
    if (!result.ok) publishResult.replaceChildren(el("p", result.message));
  }
  territory.addEventListener("input", saveAuthor);
  contact.addEventListener("input", saveAuthor);

  function showContactError(message) {
    contactError.textContent = message;
    contactError.hidden = !message;
    const described = ["mu-board-contact-help", ...(message ? ["mu-board-contact-error"] : [])];
    contact.setAttribute("aria-describedby", described.join(" "));
    if (message) contact.setAttribute("aria-invalid", "true");
    else contact.removeAttribute("aria-invalid");
  }

  function entryItem(draft) {
    const yaml = entryYAML(catalog, draft);
    const file = fileName(draft);
    const li = el("li");
    li.append(el("strong", `${catalog.kinds[draft.kind]} · ${catalog.categories[draft.category]} : `), el("span", draft.title));
    const actions = el("p", null, { class: "mu-board-publish-actions" });
    const button = el("button", t("board.submission_file"), { type: "button", class: "md-button" });
    button.addEventListener("click", () => downloadText(file, yaml, "application/yaml"));
    actions.append(button);
    const mail = mailLink(catalog, draft, file, yaml);
    actions.append(mail
      ? el("a", t("board.submission_mail"), { href: mail, class: "md-button mu-board-mail-link" })
      : el("span", t("board.submission_no_mail")));
    if (catalog.submit.mode === "issue") {
      actions.append(el("a", t("board.submission_issue"), { href: issueLink(catalog, draft), class: "mu-board-issue-link" }));
    }
    li.append(actions);
    return li;
  }

  root.querySelector(".mu-board-publish-run").addEventListener("click", () => {
    publishResult.replaceChildren();
    const typed = contact.value.trim();
    if (typed && !validContact(catalog, typed)) {
      showContactError(t("board.contact_invalid"));
      contact.focus();
      return;
    }
    showContactError("");
    saveAuthor();
    const record = inventoryOrSay(publishResult);
    if (!record) return;
    const lines = inventoryLines(catalog, record.answers);
    const author = {
      organisation: record.organisation,
      territory: territory.value.trim(),
      country: country.value,
      contact: typed,
    };
    publishResult.append(el("p", t("board.submissions", { n: lines.length })));
    const ul = el("ul", null, { class: "mu-board-publish-list" });
    for (const line of lines) ul.append(entryItem(draftFromLine(catalog, line, author)));
    publishResult.append(ul);
  });
}
