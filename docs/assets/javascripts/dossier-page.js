// Mutuus: "Mon dossier" (outils/mon-dossier.md).
//
// Lists every questionnaire of the catalog with the answers kept on this
// device (storage.js), exports them all as one mutuus-dossier file and
// imports such a file back after the user confirms what it replaces.
// Mounts on <div class="mu-dossier"> through Material's document$; does
// nothing on other pages. Every user-supplied string is written as text.
// The import flow is dossier-import.js (reading the file: dossier-file.js),
// the partners dossier-partners.js.

import { eraseKeys, loadRecord, loadOrganisation, removeKey, writeJSON, siteRoot, keyPrefix, storedKeys, takeSetAside, DAMAGED_MESSAGE } from "./storage.js";
import { tally, describeTally } from "./registry.js";
import { mountPartners } from "./dossier-partners.js";
import { confirmBox } from "./confirm.js";
import { readSaved } from "./dossier-saved.js";
import { UNCHANGED } from "./dossier-file.js";
import { watchImport } from "./dossier-import.js";
import { buildDossier, buildExport, countAnswered, downloadText, sanitizeAnswers, useRules } from "./answers.js";
import { h, onPage, formatDateTime, pageHref, readCatalog, readCatalogRules, readWords, slug, today, plural } from "./dossier-dom.js";
import { stepLabel, stepOrder } from "./rules.js";

// Storage usable? Write and remove a probe key of this site.
export function storageProbe() {
  const key = `mutuus:${siteRoot()}:probe`;
  const written = writeJSON(key, 1);
  if (!written.ok) return written;
  return removeKey(key);
}

function recordsOf(catalog) {
  return catalog.map((definition) => {
    const record = loadRecord(definition.id, definition.version);
    const answers = record ? sanitizeAnswers(definition, record.answers) : {};
    return { definition, record, answers, count: countAnswered(definition, answers) };
  });
}

function mostUsedOrganisation(rows) {
  const saved = loadOrganisation().trim();
  if (saved) return saved;
  const tally = new Map();
  for (const row of rows) {
    const name = row.record && row.record.organisation ? row.record.organisation.trim() : "";
    if (name) tally.set(name, (tally.get(name) || 0) + 1);
  }
  let best = "";
  let bestCount = 0;
  for (const [name, count] of tally) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

function mount(root) {
  for (const el of root.querySelectorAll(".mu-js-needed")) el.remove();
  const raw = readCatalog(document);
  const rules = readCatalogRules(document);
  if (!rules) throw new Error("Mutuus : règles absentes du catalogue (#mu-q-catalog)");
  const words = readWords(document);
  if (!words) throw new Error("Mutuus : textes du dossier absents de la page (#mu-dossier-words)");
  useRules(rules);
  // In the order of the six steps; within a step, the step's own
  // questionnaire first, then the tools (portrait, inventory) in catalog order.
  const steps = stepOrder(rules);
  const rank = (d) => 2 * (steps.includes(d.step) ? steps.indexOf(d.step) : steps.length) + (d.id === d.step ? 0 : 1);
  const catalog = raw ? raw.map((d, i) => [d, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([d]) => d) : null;
  if (!catalog || catalog.length === 0) {
    root.append(h("p", { class: "mu-dossier__error", text: "La liste des questionnaires est introuvable sur cette page. Rechargez la page ; si le problème continue, signalez-le." }));
    return;
  }
  const byId = Object.fromEntries(catalog.map((d) => [d.id, d]));
  const probe = storageProbe();
  const storageOk = probe.ok;

  // ---- messages: a polite status and an alert (errors) under the import,
  // and a status under the export button.
  const status = h("div", { class: "mu-dossier__status", role: "status" });
  const alert = h("div", { class: "mu-dossier__alert", role: "alert", id: "mu-dossier-error" });
  const exportStatus = h("div", { class: "mu-dossier__status", role: "status" });
  const say = (text, where = status) => {
    alert.replaceChildren();
    for (const region of [status, exportStatus]) region.replaceChildren();
    if (text) where.append(h("p", { text }));
  };
  const complain = (text) => {
    for (const region of [status, exportStatus]) region.replaceChildren();
    alert.replaceChildren(h("p", { text }));
  };

  // ---- table
  const tbody = h("tbody");
  const table = h(
    "table",
    { class: "mu-dossier__table" },
    h("caption", { text: "Vos questionnaires sur cet appareil : réponses données, organisation et date de la dernière modification" }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", text: "Questionnaire" }),
        h("th", { scope: "col", text: "Étape" }),
        h("th", { scope: "col", text: "Réponses" }),
        h("th", { scope: "col", text: "Organisation" }),
        h("th", { scope: "col", text: "Dernière modification" }),
      ),
    ),
    tbody,
  );
  const totalLine = h("p", { class: "mu-dossier__total" });

  function renderTable() {
    const rows = recordsOf(catalog);
    tbody.replaceChildren();
    let filled = 0;
    for (const row of rows) {
      const { definition, record, count } = row;
      if (count.answered > 0) filled += 1;
      const href = pageHref(definition.page);
      const title = href ? h("a", { href, text: definition.title }) : definition.title;
      const progress = h(
        "td",
        { class: "mu-dossier__progress", "data-label": "Réponses", "data-answered": count.answered, "data-total": count.total },
        h("span", { text: `${count.answered} sur ${count.total}` }),
        h("progress", { max: count.total || 1, value: count.answered, "aria-hidden": "true" }),
      );
      const organisation = record && record.organisation ? record.organisation : "";
      const date = record ? formatDateTime(record.updated_at) : "";
      tbody.append(
        h(
          "tr",
          { "data-questionnaire": definition.id },
          h("th", { scope: "row" }, title),
          // data-label: the column name, shown beside each cell on narrow screens (grid.css).
          h("td", { "data-label": "Étape", text: stepLabel(rules, definition.step) }),
          progress,
          h("td", { class: "mu-dossier__organisation", "data-label": "Organisation", text: organisation || "—" }),
          h("td", { "data-label": "Dernière modification", text: date || "Pas encore commencé" }),
        ),
      );
    }
    totalLine.textContent =
      filled === 0
        ? "Vous n'avez encore répondu à aucun questionnaire sur cet appareil."
        : `Vous avez commencé ${plural(filled, "questionnaire", "questionnaires")} sur ${rows.length}.`;
    return rows;
  }

  // ---- export
  const exportButton = h("button", { type: "button", class: "md-button md-button--primary", text: "Exporter mon dossier (JSON)" });
  exportButton.addEventListener("click", () => {
    const rows = recordsOf(catalog).filter((row) => row.count.answered > 0 || (row.record && row.record.organisation));
    if (rows.length === 0 && Object.keys(readSaved()).length === 0) {
      say("Rien à exporter : vous n'avez encore répondu à aucun questionnaire sur cet appareil.", exportStatus);
      return;
    }
    const organisation = mostUsedOrganisation(rows);
    const exports = rows.map((row) =>
      buildExport(row.definition, { organisation: row.record.organisation || organisation, answers: row.answers }),
    );
    const dossier = { ...buildDossier(organisation, exports), ...readSaved() };
    const fileName = `mutuus-dossier-${slug(organisation)}-${today()}.json`;
    downloadText(fileName, `${JSON.stringify(dossier, null, 2)}\n`, "application/json");
    say(`Dossier exporté (${plural(rows.length, "questionnaire", "questionnaires")}) : ${fileName}. Gardez ce fichier en lieu sûr ; il contient vos réponses en clair.`, exportStatus);
  });

  // ---- import
  const fileId = "mu-dossier-file";
  const fileHelp = "mu-dossier-file-help";
  const fileInput = h("input", {
    type: "file",
    id: fileId,
    accept: ".json,application/json",
    "aria-describedby": `${fileHelp} mu-dossier-error`,
    disabled: !storageOk,
  });
  const confirm = confirmBox("mu-dossier");
  const confirmBoxEl = confirm.box;
  const closeConfirm = confirm.close;
  function askConfirm({ title, lines, confirmLabel, onConfirm, instead = null, cancelMessage = `Import annulé. ${UNCHANGED}`, back = fileInput }) {
    confirm.ask({
      title,
      lines,
      confirmLabel,
      back,
      instead: instead && {
        ...instead,
        onClick: () => {
          instead.onClick();
          fileInput.value = "";
        },
      },
      onConfirm: () => {
        onConfirm();
        fileInput.value = "";
      },
      onCancel: () => {
        fileInput.value = "";
        say(cancelMessage);
      },
    });
  }

  watchImport({
    fileInput,
    byId,
    words,
    ownName: () => mostUsedOrganisation(recordsOf(catalog)),
    // The partners' part is mounted below; these run on a click, after it.
    toPartners: { addFile: (file) => partnersPart.addFile(file), get input() { return partnersPart.input; } },
    askConfirm,
    closeConfirm,
    say,
    complain,
    renderTable,
    refreshPartners: () => partnersPart.refresh(),
    table,
  });

  // ---- erase everything Mutuus keeps on this device (registry.js)
  const clearButton = h("button", { type: "button", class: "md-button mu-dossier__danger", id: "mu-erase-all", text: "Tout effacer de cet appareil", disabled: !storageOk });
  clearButton.addEventListener("click", () => {
    const keys = storedKeys();
    const kinds = tally(keys, keyPrefix());
    if (keys.length === 0) {
      say("Mutuus ne garde rien sur cet appareil : il n'y a rien à effacer.");
      clearButton.focus();
      return;
    }
    askConfirm({
      title: "Tout effacer de cet appareil ? Mutuus y garde ceci, qui sera supprimé. Exportez d'abord votre dossier si vous voulez le garder.",
      lines: kinds.map((kind) => describeTally([kind])),
      confirmLabel: "Oui, tout effacer",
      cancelMessage: `Rien n'a été effacé. ${UNCHANGED}`,
      back: clearButton,
      onConfirm: () => {
        // Other open tabs hear it and drop what they show (storage.js).
        const failed = eraseKeys(keys);
        const removed = tally(keys.filter((key) => !failed.includes(key)), keyPrefix());
        renderTable();
        partnersPart.refresh();
        if (failed.length) complain(`Effacé : ${describeTally(removed) || "rien"}. ${failed.length} élément(s) n'ont pas pu être effacés : le stockage de ce navigateur refuse.`);
        else say(`Effacé de cet appareil : ${describeTally(removed)}. Mutuus n'y garde plus rien.`);
      },
    });
  });

  // ---- assemble
  const parts = {
    partners: root.querySelector("[data-mu-part='partners']"),
    table: root.querySelector("[data-mu-part='table']"),
    export: root.querySelector("[data-mu-part='export']"),
    import: root.querySelector("[data-mu-part='import']"),
  };
  const storageWarning = storageOk
    ? null
    : h(
        "p",
        { class: "mu-dossier__warning" },
        `${probe.message} Cette page ne peut donc ni lire ni garder de réponses. Autorisez le stockage local pour ce site (ou quittez la navigation privée), puis rechargez la page.`,
      );
  const tableBlock = h("div", { class: "mu-dossier__tablewrap", tabindex: "0", role: "region", "aria-label": "Tableau de vos questionnaires" }, table);
  const exportBlock = h("div", {}, h("div", { class: "mu-dossier__buttons" }, exportButton), exportStatus);
  const importBlock = h(
    "div",
    { class: "mu-dossier__import" },
    h("label", { for: fileId, text: "Fichier de dossier à importer (.json)" }),
    h("p", { id: fileHelp, class: "mu-help", text: "Un fichier « mutuus-dossier-….json » exporté depuis cette page, ou l'export d'un seul questionnaire. Rien n'est remplacé avant votre confirmation." }),
    fileInput,
    confirmBoxEl,
    h("div", { class: "mu-dossier__buttons" }, clearButton),
  );
  const messages = h("div", { class: "mu-dossier__messages" }, status, alert);
  if (parts.table && parts.export && parts.import) {
    parts.table.replaceChildren(...[storageWarning, tableBlock, totalLine].filter(Boolean));
    parts.export.replaceChildren(exportBlock);
    parts.import.replaceChildren(importBlock, messages);
  } else {
    root.append(...[storageWarning, tableBlock, totalLine, exportBlock, importBlock, messages].filter(Boolean));
  }
  renderTable();
  const own = () => {
    const rows = recordsOf(catalog);
    return { name: mostUsedOrganisation(rows), answers: Object.fromEntries(rows.map((row) => [row.definition.id, row.answers])) };
  };
  const partnersHost = parts.partners || root.appendChild(h("div", { "data-mu-part": "partners" }));
  const partnersPart = mountPartners(partnersHost, { catalog, byId, own });
  if (takeSetAside().length) complain(DAMAGED_MESSAGE);

  const onStorage = (event) => {
    if (!root.isConnected) {
      globalThis.removeEventListener("storage", onStorage);
      return;
    }
    if (!event.key || event.key.startsWith(keyPrefix())) {
      renderTable();
      partnersPart.refresh();
    }
  };
  globalThis.addEventListener("storage", onStorage);
}

onPage(".mu-dossier", mount);
