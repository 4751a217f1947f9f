// Mutuus: the diagnostic grid (outils/grille-diagnostic.md).
//
// Puts the portraits of two or more organisations side by side, dimension by
// dimension; the user marks each dimension convergence, complementarity or
// divergence and writes a note; a summary reads the pooling potential with
// the rule written on the page (the rule itself lives in grid-rule.js).
// State (portraits, marks, notes) is kept in localStorage under
// "mutuus:<root>:grille:v1" and can be saved to a file, reopened, exported
// as Markdown and printed. Mounts on <div class="mu-grid"> through
// Material's document$; does nothing on other pages. User text is text.
// Its parts: grid-add.js (adding portraits), grid-dimensions.js (one
// dimension's table and mark), grid-summary.js (the reading), grid-save.js
// (files); the rule is grid-rule.js, the sentences grid-texts.js.

import { DAMAGED_MESSAGE, readJSON, writeJSON, removeKey, siteRoot } from "./storage.js";
import { countAnswered, formatDate, useRules } from "./answers.js";
import { buildGrid, validateGridObject } from "./grid-files.js";
import { dimensionSection, printedReading } from "./grid-dimensions.js";
import { addSection } from "./grid-add.js";
import { riskMap, summaryView } from "./grid-summary.js";
import { filesSection } from "./grid-save.js";
import { h, onPage, pageHref, readCatalog, readCatalogRules } from "./dossier-dom.js";

export function gridKey() {
  return `mutuus:${siteRoot()}:grille:v1`;
}

function emptyState() {
  return { organisations: [], marks: {} };
}

function mount(root) {
  for (const el of root.querySelectorAll(".mu-js-needed")) el.remove();
  const catalog = readCatalog(document) || [];
  const rules = readCatalogRules(document);
  if (rules) useRules(rules);
  const definition = catalog.find((d) => d.id === (root.dataset.portrait || "portrait"));
  if (!definition) {
    root.append(h("p", { class: "mu-grid__error", text: "La définition du portrait est introuvable sur cette page. Rechargez la page ; si le problème continue, signalez-le." }));
    return;
  }
  const risks = riskMap(document);
  const portraitHref = pageHref(definition.page);
  let state = emptyState();
  let storageProblem = "";

  // ------------------------------------------------------------ storage
  function save() {
    if (state.organisations.length === 0 && Object.keys(state.marks).length === 0) {
      const removed = removeKey(gridKey());
      storageProblem = removed.ok ? "" : removed.message;
    } else {
      const written = writeJSON(gridKey(), buildGrid(definition, state));
      storageProblem = written.ok ? "" : written.message;
    }
    renderStorageWarning();
  }

  function restore() {
    const stored = readJSON(gridKey());
    if (!stored.ok) {
      storageProblem = stored.message;
      return;
    }
    if (stored.damaged) notice(DAMAGED_MESSAGE);
    if (stored.value === null) return;
    const result = validateGridObject(stored.value, definition);
    if (result.ok) {
      state = result.data;
      return;
    }
    // Never overwrite it: keep it aside under its own key first.
    const aside = `${gridKey()}:damaged:${new Date().toISOString()}`;
    writeJSON(aside, stored.value);
    removeKey(gridKey());
    notice(`${DAMAGED_MESSAGE} La page repart d'une grille vide. Si vous avez un fichier de la grille, ouvrez-le.`);
  }

  // ------------------------------------------------------------ messages
  // Two places: under "Ajouter des portraits" and under "Enregistrer…",
  // each with a polite status and an alert for errors.
  const messageBox = (errorId) => ({
    status: h("div", { class: "mu-grid__status", role: "status" }),
    alert: h("div", { class: "mu-grid__alert", role: "alert", id: errorId }),
  });
  const addBox = messageBox("mu-grid-error");
  const filesBox = messageBox("mu-grid-files-error");
  const storageWarning = h("p", { class: "mu-grid__warning", hidden: true });
  function clearMessages() {
    for (const box of [addBox, filesBox]) {
      box.status.replaceChildren();
      box.alert.replaceChildren();
    }
  }
  function notice(text, box = addBox) {
    clearMessages();
    box.status.append(...(Array.isArray(text) ? text : [text]).map((t) => h("p", { text: t })));
  }
  function complain(lines, okLines = [], box = addBox) {
    clearMessages();
    box.status.append(...okLines.map((t) => h("p", { text: t })));
    box.alert.append(...lines.map((t) => h("p", { text: t })));
  }
  function renderStorageWarning() {
    storageWarning.hidden = !storageProblem;
    storageWarning.textContent = storageProblem
      ? `${storageProblem} La grille n'est donc pas gardée sur cet appareil : enregistrez-la dans un fichier avant de quitter la page.`
      : "";
  }

  // ------------------------------------------------------------ adding portraits
  const changed = () => {
    save();
    renderAll();
  };
  const added = addSection({ definition, getState: () => state, changed, notice, complain, box: addBox, portraitHref });
  const portraitInput = added.portraitInput;

  // ------------------------------------------------------------ organisations list
  const orgList = h("ul", { class: "mu-grid__organisations", id: "mu-grid-organisations" });
  const orgEmpty = h("p", { class: "mu-grid__empty", text: "Aucun portrait pour l'instant. Ajoutez-en au moins deux." });

  function renderOrganisations() {
    orgList.replaceChildren();
    orgEmpty.hidden = state.organisations.length > 0;
    state.organisations.forEach((o, index) => {
      const count = countAnswered(definition, o.answers);
      const remove = h("button", {
        type: "button",
        class: "md-button mu-grid__remove",
        "aria-label": `Retirer « ${o.name} » de la grille`,
        text: "Retirer",
      });
      remove.addEventListener("click", () => {
        state.organisations.splice(index, 1);
        save();
        renderAll();
        notice(`« ${o.name} » a été retirée de la grille.`);
        const buttons = orgList.querySelectorAll(".mu-grid__remove");
        (buttons[Math.min(index, buttons.length - 1)] || portraitInput).focus();
      });
      const when = formatDate(o.exported_at);
      orgList.append(
        h(
          "li",
          { "data-organisation": String(index) },
          h("span", { class: "mu-grid__org-name", text: o.name }),
          h("span", { class: "mu-grid__org-detail", text: ` — ${count.answered} sur ${count.total} caractéristiques notées${when ? `, portrait du ${when}` : ""}` }),
          " ",
          remove,
        ),
      );
    });
  }

  // ------------------------------------------------------------ dimensions
  const dimensions = h("div", { class: "mu-grid__dimensions" });
  const markEls = {};

  function renderDimensions() {
    dimensions.replaceChildren();
    for (const key of Object.keys(markEls)) delete markEls[key];
    if (state.organisations.length === 0) return;
    for (const section of definition.sections) {
      const id = section.id;
      const entry = state.marks[id] || { mark: "", note: "" };
      const { element, printed } = dimensionSection(section, state.organisations, entry, (change, quiet) => setMark(id, change, quiet));
      markEls[id] = { printed };
      dimensions.append(element);
      renderPrinted(id);
    }
  }

  function renderPrinted(id) {
    const els = markEls[id];
    if (els) els.printed.replaceChildren(printedReading(state.marks[id] || { mark: "", note: "" }));
  }

  function setMark(id, change, quiet = false) {
    const entry = { mark: "", note: "", ...(state.marks[id] || {}), ...change };
    if (!entry.mark && !entry.note) delete state.marks[id];
    else state.marks[id] = entry;
    save();
    renderPrinted(id);
    if (!quiet || "mark" in change) renderSummary();
  }

  // ------------------------------------------------------------ summary
  const summaryPart = summaryView(definition, risks);
  const renderSummary = () => summaryPart.render(state.organisations, state.marks);

  // ------------------------------------------------------------ save, open, export, print
  const setState = (next) => {
    state = next;
    changed();
  };
  const files = filesSection({ definition, getState: () => state, setState, notice, complain, box: filesBox, addBox, risks });

  // ------------------------------------------------------------ assemble
  function renderAll() {
    renderOrganisations();
    renderDimensions();
    renderSummary();
    renderPrintHeader();
  }

  function renderPrintHeader() {
    printedDate.textContent = `Grille imprimée le ${formatDate(new Date().toISOString())}. Organisations comparées : ${state.organisations.map((o) => o.name).join(" ; ") || "aucune"}.`;
  }

  const printedDate = h("p", { class: "mu-grid__print-header" });
  root.append(
    printedDate,
    storageWarning,
    added.element,
    h("section", { class: "mu-grid__orgs", "aria-labelledby": "mu-grid-orgs-title" }, h("h3", { id: "mu-grid-orgs-title", text: "Organisations comparées" }), orgEmpty, orgList),
    dimensions,
    summaryPart.element,
    files.element,
  );
  restore();

  // Another tab changed the grid: show its version here (what this tab had is
  // already stored, each change being saved at once).
  const onStorage = (event) => {
    if (!root.isConnected) {
      globalThis.removeEventListener("storage", onStorage);
      return;
    }
    if (event.key !== null && event.key !== gridKey()) return;
    state = emptyState();
    restore();
    renderAll();
    notice("La grille vient d'être modifiée dans un autre onglet : elle est à jour ici.");
  };
  globalThis.addEventListener("storage", onStorage);
  renderStorageWarning();
  renderAll();

  // The printed date is the day of printing, not of the last change.
  const onBeforePrint = () => {
    if (!root.isConnected) {
      globalThis.removeEventListener("beforeprint", onBeforePrint);
      return;
    }
    renderPrintHeader();
  };
  globalThis.addEventListener("beforeprint", onBeforePrint);
}

onPage(".mu-grid", mount);
