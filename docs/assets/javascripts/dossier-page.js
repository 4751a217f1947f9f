// Mutuus: "Mon dossier" (outils/mon-dossier.md).
//
// Lists every questionnaire of the catalog with the answers kept on this
// device (dossier-table.js), exports them all as one mutuus-dossier file and
// imports such a file back after the user confirms what it replaces
// (dossier-import.js; reading the file: dossier-file.js), erases everything
// Mutuus keeps here, and holds the partners' part (dossier-partners.js).
// Mounts on <div class="mu-dossier"> through Material's document$; does
// nothing on other pages. Every user-supplied string is written as text.
// Words: words/dossier.py.

import { eraseKeys, removeKey, writeJSON, storageKey, storagePrefix, storedKeys, takeSetAside, DAMAGED_MESSAGE } from "./core/storage.js";
import { tally, describeTally } from "./registry.js";
import { mountPartners } from "./dossier-partners.js";
import { confirmBox } from "./core/confirm.js";
import { readSaved } from "./dossier-saved.js";
import { watchImport } from "./dossier-import.js";
import { mostUsedOrganisation, questionnaireTable, recordsOf } from "./dossier-table.js";
import { buildDossier, buildExport, downloadText, useRules } from "./answers.js";
import { h } from "./core/dom.js";
import { mount } from "./core/mount.js";
import { readCatalog, readCatalogRules, readTitles, slug, today } from "./page-data.js";
import { stepOrder } from "./rules.js";
import { t } from "./core/words.js";

// Storage usable? Write and remove a probe key of this site.
export function storageProbe() {
  const key = storageKey("probe");
  const written = writeJSON(key, 1);
  if (!written.ok) return written;
  return removeKey(key);
}

// In the order of the six steps; within a step, the step's own
// questionnaire first, then the tools (portrait, inventory) in catalog order.
function sortedCatalog(raw, rules) {
  const steps = stepOrder(rules);
  const rank = (d) => 2 * (steps.includes(d.step) ? steps.indexOf(d.step) : steps.length) + (d.id === d.step ? 0 : 1);
  return raw.map((d, i) => [d, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([d]) => d);
}

// A polite status and an alert (errors) under the import, and a status under
// the export button.
function messageRegions() {
  const status = h("div", { class: "mu-dossier__status", role: "status" });
  const alert = h("div", { class: "mu-dossier__alert", role: "alert", id: "mu-dossier-error" });
  const exportStatus = h("div", { class: "mu-dossier__status", role: "status" });
  return {
    status,
    alert,
    exportStatus,
    say(text, where = status) {
      alert.replaceChildren();
      for (const region of [status, exportStatus]) region.replaceChildren();
      if (text) where.append(h("p", { text }));
    },
    complain(text) {
      for (const region of [status, exportStatus]) region.replaceChildren();
      alert.replaceChildren(h("p", { text }));
    },
  };
}

function exportButton(catalog, messages) {
  const button = h("button", { type: "button", class: "md-button md-button--primary", text: t("dossier.export") });
  button.addEventListener("click", () => {
    const rows = recordsOf(catalog).filter((row) => row.count.answered > 0 || (row.record && row.record.organisation));
    if (rows.length === 0 && Object.keys(readSaved()).length === 0) {
      messages.say(t("dossier.nothing_to_export"), messages.exportStatus);
      return;
    }
    const organisation = mostUsedOrganisation(rows);
    const exports = rows.map((row) => buildExport(row.definition, { organisation: row.record.organisation || organisation, answers: row.answers }));
    const dossier = { ...buildDossier(organisation, exports), ...readSaved() };
    const file = `mutuus-dossier-${slug(organisation)}-${today()}.json`;
    downloadText(file, `${JSON.stringify(dossier, null, 2)}\n`, "application/json");
    messages.say(t("dossier.exported", { questionnaires: t("dossier.questionnaires", { n: rows.length }), file }), messages.exportStatus);
  });
  return button;
}

// "Tout effacer de cet appareil" (registry.js names what Mutuus keeps).
function eraseButton({ storageOk, askConfirm, messages, refresh }) {
  const button = h("button", { type: "button", class: "md-button mu-dossier__danger", id: "mu-erase-all", text: t("dossier.erase"), disabled: !storageOk });
  button.addEventListener("click", () => {
    const keys = storedKeys();
    if (keys.length === 0) {
      messages.say(t("dossier.erase_nothing"));
      button.focus();
      return;
    }
    askConfirm({
      title: t("dossier.erase_question"),
      lines: tally(keys, storagePrefix()).map((kind) => describeTally([kind])),
      confirmLabel: t("dossier.erase_confirm"),
      cancelMessage: `${t("dossier.erase_cancelled")} ${t("formats.unchanged_answers")}`,
      back: button,
      onConfirm: () => {
        // Other open tabs hear it and drop what they show (storage.js).
        const failed = eraseKeys(keys);
        const removed = tally(keys.filter((key) => !failed.includes(key)), storagePrefix());
        refresh();
        if (failed.length) messages.complain(t("dossier.erase_failed", { what: describeTally(removed) || t("dossier.erased_nothing"), failed: failed.length }));
        else messages.say(t("dossier.erased", { what: describeTally(removed) }));
      },
    });
  });
  return button;
}

// The confirm box of the import and the erase button; every answer empties the file input.
function confirmer(fileInput, messages) {
  const confirm = confirmBox("mu-dossier");
  const cleared = (action) => () => {
    action();
    fileInput.value = "";
  };
  function askConfirm({ title, lines, confirmLabel, onConfirm, instead = null, cancelMessage = null, back = fileInput }) {
    const cancelled = cancelMessage || `${t("dossier.import_cancelled")} ${t("formats.unchanged_answers")}`;
    confirm.ask({
      title,
      lines,
      confirmLabel,
      back,
      instead: instead && { ...instead, onClick: cleared(instead.onClick) },
      onConfirm: cleared(onConfirm),
      onCancel: cleared(() => messages.say(cancelled)),
    });
  }
  return { box: confirm.box, close: confirm.close, askConfirm };
}

function startDossier(root) {
  for (const el of root.querySelectorAll(".mu-js-needed")) el.remove();
  const raw = readCatalog(document);
  const rules = readCatalogRules(document);
  if (!rules) throw new Error("Mutuus: no rules in the catalog (#mu-q-catalog)");
  const titles = readTitles(document);
  if (!titles) throw new Error("Mutuus: no calculator and agreement titles on the page (#mu-dossier-titles)");
  useRules(rules);
  const catalog = raw ? sortedCatalog(raw, rules) : null;
  if (!catalog || catalog.length === 0) {
    root.append(h("p", { class: "mu-dossier__error", text: t("dossier.catalog_missing") }));
    return;
  }
  const byId = Object.fromEntries(catalog.map((d) => [d.id, d]));
  const probe = storageProbe();
  const messages = messageRegions();
  const questionnaires = questionnaireTable(catalog, rules);
  const fileId = "mu-dossier-file";
  const fileInput = h("input", { type: "file", id: fileId, accept: ".json,application/json", "aria-describedby": "mu-dossier-file-help mu-dossier-error", disabled: !probe.ok });
  const confirm = confirmer(fileInput, messages);
  let partners = null; // mounted below; used only on a click or a storage event, after it
  const refresh = () => {
    questionnaires.render();
    partners.refresh();
  };
  watchImport({
    fileInput,
    byId,
    titles,
    ownName: () => mostUsedOrganisation(recordsOf(catalog)),
    toPartners: { addFile: (file) => partners.addFile(file), get input() { return partners.input; } },
    askConfirm: confirm.askConfirm,
    closeConfirm: confirm.close,
    say: messages.say,
    complain: messages.complain,
    renderTable: questionnaires.render,
    refreshPartners: () => partners.refresh(),
    table: questionnaires.table,
  });

  const storageWarning = probe.ok ? null : h("p", { class: "mu-dossier__warning" }, `${probe.message} ${t("dossier.storage_blocked")}`);
  const exportBlock = h("div", {}, h("div", { class: "mu-dossier__buttons" }, exportButton(catalog, messages)), messages.exportStatus);
  const importBlock = h(
    "div",
    { class: "mu-dossier__import" },
    h("label", { for: fileId, text: t("dossier.import_label") }),
    h("p", { id: "mu-dossier-file-help", class: "mu-help", text: t("dossier.import_help") }),
    fileInput,
    confirm.box,
    h("div", { class: "mu-dossier__buttons" }, eraseButton({ storageOk: probe.ok, askConfirm: confirm.askConfirm, messages, refresh })),
  );
  const messageBlock = h("div", { class: "mu-dossier__messages" }, messages.status, messages.alert);
  const part = (name) => root.querySelector(`[data-mu-part='${name}']`);
  const tableParts = [storageWarning, questionnaires.element, questionnaires.total].filter(Boolean);
  if (part("table") && part("export") && part("import")) {
    part("table").replaceChildren(...tableParts);
    part("export").replaceChildren(exportBlock);
    part("import").replaceChildren(importBlock, messageBlock);
  } else {
    root.append(...tableParts, exportBlock, importBlock, messageBlock);
  }
  questionnaires.render();
  const own = () => {
    const rows = recordsOf(catalog);
    return { name: mostUsedOrganisation(rows), answers: Object.fromEntries(rows.map((row) => [row.definition.id, row.answers])) };
  };
  partners = mountPartners(part("partners") || root.appendChild(h("div", { "data-mu-part": "partners" })), { catalog, byId, own });
  if (takeSetAside().length) messages.complain(DAMAGED_MESSAGE);

  const onStorage = (event) => {
    if (!root.isConnected) globalThis.removeEventListener("storage", onStorage);
    else if (!event.key || event.key.startsWith(storagePrefix())) refresh();
  };
  globalThis.addEventListener("storage", onStorage);
}

mount(".mu-dossier", startDossier);
