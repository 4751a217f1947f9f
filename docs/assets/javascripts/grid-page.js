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
// Its parts: grid-add.js (adding portraits), grid-organisations.js (the
// list), grid-dimensions.js (one dimension's table and mark),
// grid-summary.js (the reading), grid-save.js (files); the rule is
// grid-rule.js, the sentences grid-texts.js and words/grid.py.

import { DAMAGED_MESSAGE, readJSON, writeJSON, removeKey, storageKey } from "./core/storage.js";
import { formatDate, useRules } from "./answers.js";
import { buildGrid, validateGridObject } from "./grid-files.js";
import { dimensionSection, printedReading } from "./grid-dimensions.js";
import { addSection } from "./grid-add.js";
import { organisationsSection } from "./grid-organisations.js";
import { riskMap, summaryView } from "./grid-summary.js";
import { filesSection } from "./grid-save.js";
import { h } from "./core/dom.js";
import { guardLeaving } from "./core/leaving.js";
import { mount } from "./core/mount.js";
import { pageHref, readCatalog, readCatalogRules } from "./page-data.js";
import { t } from "./core/words.js";

const gridKey = () => storageKey("grid");

function emptyState() {
  return { organisations: [], marks: {} };
}

// Writes the state (or removes the key when the grid is empty): "" or the storage's refusal.
function store(definition, state) {
  const done =
    state.organisations.length === 0 && Object.keys(state.marks).length === 0
      ? removeKey(gridKey())
      : writeJSON(gridKey(), buildGrid(definition, state));
  return done.ok ? "" : done.message;
}

// The stored grid: {state, problem, notice}. A grid that no longer reads is
// never overwritten: it is kept aside under its own key first.
function load(definition) {
  const stored = readJSON(gridKey());
  if (!stored.ok) return { state: emptyState(), problem: stored.message, notice: "" };
  const notice = stored.damaged ? DAMAGED_MESSAGE : "";
  if (stored.value === null) return { state: emptyState(), problem: "", notice };
  const result = validateGridObject(stored.value, definition);
  if (result.ok) return { state: result.data, problem: "", notice };
  writeJSON(`${gridKey()}:damaged:${new Date().toISOString()}`, stored.value);
  removeKey(gridKey());
  return { state: emptyState(), problem: "", notice: `${DAMAGED_MESSAGE} ${t("grid.restarts_empty")}` };
}

// Two places for messages: under "Ajouter des portraits" and under
// "Enregistrer…", each with a polite status and an alert for errors.
function messages() {
  const box = (errorId) => ({
    status: h("div", { class: "mu-grid__status", role: "status" }),
    alert: h("div", { class: "mu-grid__alert", role: "alert", id: errorId }),
  });
  const add = box("mu-grid-error");
  const files = box("mu-grid-files-error");
  const paragraphs = (lines) => (Array.isArray(lines) ? lines : [lines]).map((text) => h("p", { text }));
  function clear() {
    for (const b of [add, files]) {
      b.status.replaceChildren();
      b.alert.replaceChildren();
    }
  }
  return {
    add,
    files,
    notice(text, where = add) {
      clear();
      where.status.append(...paragraphs(text));
    },
    complain(lines, okLines = [], where = add) {
      clear();
      where.status.append(...paragraphs(okLines));
      where.alert.append(...paragraphs(lines));
    },
  };
}

// Every dimension's section; setMark(id, change, quiet) on an edit.
function dimensionsPart(definition, getState, setMark) {
  const element = h("div", { class: "mu-grid__dimensions" });
  const printed = {};
  const renderPrinted = (id) => {
    if (printed[id]) printed[id].replaceChildren(printedReading(getState().marks[id] || { mark: "", note: "" }));
  };
  function render() {
    const { organisations, marks } = getState();
    element.replaceChildren();
    for (const key of Object.keys(printed)) delete printed[key];
    if (organisations.length === 0) return;
    for (const section of definition.sections) {
      const id = section.id;
      const part = dimensionSection(section, organisations, marks[id] || { mark: "", note: "" }, (change, quiet) => setMark(id, change, quiet));
      printed[id] = part.printed;
      element.append(part.element);
      renderPrinted(id);
    }
  }
  return { element, render, renderPrinted };
}

// Calls handler while root is on the page; removes itself once it is gone.
function whileMounted(root, type, handler) {
  const listener = (event) => {
    if (!root.isConnected) globalThis.removeEventListener(type, listener);
    else handler(event);
  };
  globalThis.addEventListener(type, listener);
}

function startGrid(root) {
  for (const el of root.querySelectorAll(".mu-js-needed")) el.remove();
  const rules = readCatalogRules(document);
  if (rules) useRules(rules);
  const definition = (readCatalog(document) || []).find((d) => d.id === (root.dataset.portrait || "portrait"));
  if (!definition) {
    root.append(h("p", { class: "mu-grid__error", text: t("grid.portrait_missing") }));
    return;
  }
  const risks = riskMap(document);
  let state = emptyState();
  const getState = () => state;
  const say = messages();
  const storageWarning = h("p", { class: "mu-grid__warning", hidden: true });
  const showProblem = (problem) => {
    storageWarning.hidden = !problem;
    storageWarning.textContent = problem ? `${problem} ${t("grid.not_kept")}` : "";
  };
  // A change the browser refused to keep: leaving would lose the grid, so
  // closing, a link, Back or Forward ask first (core/leaving.js), once.
  let leavingGuarded = false;
  const save = () => {
    const problem = store(definition, state);
    showProblem(problem);
    if (problem && !leavingGuarded) {
      leavingGuarded = true;
      guardLeaving({ unsaved: () => !storageWarning.hidden && root.isConnected, message: t("grid.leave_unsaved") });
    }
  };
  const restore = () => {
    const loaded = load(definition);
    state = loaded.state;
    showProblem(loaded.problem);
    if (loaded.notice) say.notice(loaded.notice);
  };

  const changed = () => {
    save();
    renderAll();
  };
  const added = addSection({ definition, getState, changed, notice: say.notice, complain: say.complain, box: say.add, portraitHref: pageHref(definition.page) });
  const organisations = organisationsSection({
    definition,
    getState,
    removed: (o) => {
      changed();
      say.notice(t("grid.removed", { name: o.name }));
    },
    focusAfter: () => added.portraitInput,
  });
  const dimensions = dimensionsPart(definition, getState, (id, change, quiet = false) => {
    const entry = { mark: "", note: "", ...(state.marks[id] || {}), ...change };
    if (!entry.mark && !entry.note) delete state.marks[id];
    else state.marks[id] = entry;
    save();
    dimensions.renderPrinted(id);
    if (!quiet || "mark" in change) summary.render(state.organisations, state.marks);
  });
  const summary = summaryView(definition, risks);
  const setState = (next) => {
    state = next;
    changed();
  };
  const files = filesSection({ definition, getState, setState, notice: say.notice, complain: say.complain, box: say.files, addBox: say.add, risks });

  // The printed date is the day of printing, not of the last change.
  const printedDate = h("p", { class: "mu-grid__print-header" });
  const renderPrintHeader = () => {
    const names = state.organisations.map((o) => o.name).join(" ; ") || t("grid.none_compared");
    printedDate.textContent = t("grid.print_header", { date: formatDate(new Date().toISOString()), names });
  };
  function renderAll() {
    organisations.render();
    dimensions.render();
    summary.render(state.organisations, state.marks);
    renderPrintHeader();
  }

  root.append(printedDate, storageWarning, added.element, organisations.element, dimensions.element, summary.element, files.element);
  restore();
  // Another tab changed the grid: show its version here (what this tab had is
  // already stored, each change being saved at once).
  whileMounted(root, "storage", (event) => {
    if (event.key !== null && event.key !== gridKey()) return;
    restore();
    renderAll();
    say.notice(t("grid.other_tab"));
  });
  renderAll();
  whileMounted(root, "beforeprint", renderPrintHeader);
}

mount(".mu-grid", startGrid);
