// Agreements generator: form, draft in localStorage, live preview, exports.
//
// Python owns the rules and the words: the catalog (models, fields, clauses)
// comes from the page (JSON written by the agreement_generator() macro), the
// sentences from the words catalog; assembly and pre-filling run in Python
// (agreements.bridge) in the engine's worker, which returns the agreement as
// blocks. This module wires the form (agreement-form.js), the drafts
// (agreement-draft.js), the preview (agreement-preview.js) and the files
// (agreement-exports.js).

import { call } from "./core/engine.js";
import { showEngineState } from "./core/engine-status.js";
import { countriesOf, currentCountry } from "./country.js";
import { guardLeaving } from "./core/leaving.js";
import { onErasedElsewhere } from "./core/storage.js";
import { t } from "./core/words.js";
import * as drafts from "./agreement-draft.js";
import { buildFields, buildForm, buildOptions, buildPartners } from "./agreement-form.js";
import { showAgreement, showRefusal } from "./agreement-preview.js";
import { wireExports } from "./agreement-exports.js";

export { draftKey } from "./agreement-draft.js";

function readView(root) {
  const find = (selector) => root.querySelector(selector);
  return {
    root,
    form: find(".mu-ag-form"),
    modelSelect: find("#mu-ag-model"),
    territorySelect: find("#mu-ag-territory"),
    partnerList: find(".mu-ag-partner-list"),
    template: find(".mu-ag-partner-template"),
    fieldList: find(".mu-ag-field-list"),
    optionList: find(".mu-ag-option-list"),
    status: find(".mu-ag-status"),
    alertBox: find(".mu-ag-alert"),
    engineStatus: find(".mu-ag-engine"),
    missingBox: find(".mu-ag-missing"),
    documentBox: find(".mu-ag-document"),
  };
}

// The draft as agreements.bridge.render reads it: options of this model only.
function payload(model, draft) {
  const clauses = new Set(model.clauses.map((c) => c.id));
  const options = Object.fromEntries(Object.entries(draft.options).filter(([id]) => clauses.has(id)));
  return { partners: draft.partners, values: draft.values, options };
}

// The generator's state: {view, catalog, models, readerCountry, model, draft, unsaved, result, rendering, again}.
function generator(root, catalog) {
  return {
    view: readView(root),
    catalog,
    models: new Map(catalog.models.map((m) => [m.id, m])),
    // The reader's country (country.js: "Votre pays", the law tabs), else the network's.
    readerCountry: root.dataset.countries ? currentCountry(countriesOf(root)) : root.dataset.defaultTerritory || "QC",
    model: null,
    draft: null,
    unsaved: new Map(), // model id -> the draft the browser refused to keep (save())
    result: null,
    rendering: false,
    again: false,
  };
}

function alert(app, message) {
  app.view.alertBox.textContent = message;
}

function save(app) {
  const { view } = app;
  const saved = drafts.saveDraft(app.model, app.draft);
  // A draft the browser refused to keep stays in this page, per model, so
  // that choosing another model and coming back finds it (choose()); once
  // the browser keeps again, those of the other models are kept too.
  if (saved.ok) {
    app.unsaved.delete(app.model.id);
    for (const [id, draft] of app.unsaved) {
      if (drafts.saveDraft(app.models.get(id), draft).ok) app.unsaved.delete(id);
    }
  } else app.unsaved.set(app.model.id, app.draft);
  if (saved.ok) {
    view.status.textContent = t("agreements.saved");
    if (view.alertBox.dataset.kind === "storage") {
      view.alertBox.textContent = "";
      delete view.alertBox.dataset.kind;
    }
  } else {
    view.alertBox.dataset.kind = "storage";
    const message = t("agreements.not_kept", { message: saved.message });
    if (view.alertBox.textContent !== message) alert(app, message); // not said again at each key (role="alert")
    // Leaving would lose the draft: closing, a link, Back or Forward ask
    // first (core/leaving.js), once per generator.
    if (!app.leavingGuarded) {
      app.leavingGuarded = true;
      guardLeaving({
        unsaved: () => app.unsaved.size > 0 && view.root.isConnected,
        message: t("agreements.leave_unsaved"),
      });
    }
  }
}

// One assembly at a time; a change made meanwhile asks for one more.
async function render(app) {
  if (app.rendering) {
    app.again = true;
    return;
  }
  app.rendering = true;
  const asked = app.model;
  const reply = await call("agreements", "render", { model: asked, territory: app.draft.territory, draft: payload(asked, app.draft) });
  app.rendering = false;
  if (app.again || asked !== app.model) {
    app.again = false;
    render(app);
    return;
  }
  if (!reply.ok && engineDown(app, reply.errors)) return;
  app.result = reply.ok ? reply.data : null;
  if (!reply.ok) return showRefusal(app.view, reply.errors, (message) => alert(app, message));
  if (app.view.alertBox.dataset.kind !== "storage") alert(app, "");
  showAgreement(app.view, reply.data, app.draft.territory !== app.readerCountry);
}

// The engine cannot answer: its own line (core/engine-status.js) says why,
// nothing to add; a bug in the engine is said in the alert. Returns whether
// the reply was not the draft's refusal.
function engineDown(app, errors) {
  const internal = errors.find((e) => e.kind === "internal");
  if (internal) alert(app, t("agreements.engine_failed", { reason: internal.message }));
  return errors.some((e) => e.kind !== "input");
}

function changed(app) {
  save(app);
  render(app);
}

function rebuild(app) {
  buildForm(app.view, app, { changed: () => changed(app) });
}

// Only when asked ("Reprendre…"): Python fills the draft's empty fields and
// partner names from what is stored and writes the sentence that says what
// it took from where, and what it left as the user wrote it.
async function prefill(app) {
  const asked = app.model;
  const reply = await call("agreements", "prefill", {
    fields: asked.fields_by_territory[app.draft.territory],
    sources: drafts.prefillSources(app.catalog.questionnaires),
    currency: app.view.root.dataset.currency || "$",
    locale: app.view.root.dataset.locale || "fr_CA",
    draft: { values: app.draft.values, partners: app.draft.partners },
  });
  if (asked !== app.model) return; // another model was chosen meanwhile
  if (!reply.ok) return engineDown(app, reply.errors);
  const found = reply.data;
  const filled = drafts.applyPrefill(app.draft, found);
  rebuild(app);
  if (filled) save(app);
  app.view.status.textContent = found.status; // after save(), whose own message this replaces
  render(app);
}

// A model opened for the first time takes the parties of the draft touched
// last (names, forms, addresses, numbers, signatories typed once are offered
// for the next agreement between the same partners); the status says so.
function choose(app, modelId) {
  app.model = app.models.get(modelId);
  const loaded = drafts.loadDraft(app.model, app.readerCountry);
  if (loaded.problem) alert(app, loaded.problem === "damaged" ? t("agreements.damaged") : loaded.problem);
  const kept = app.unsaved.get(modelId); // typed here, not kept by the browser
  app.draft = kept || loaded.draft;
  const reused = loaded.stored || kept ? null : drafts.reusablePartners(app.models.values(), app.model.id);
  if (reused) app.draft.partners = reused.partners;
  rebuild(app);
  if (reused) save(app);
  app.view.status.textContent = reused ? t("agreements.partners_reused", { model: reused.title }) : "";
  render(app);
}

function wire(app) {
  const { view } = app;
  const on = { changed: () => changed(app) };
  // "Tout effacer de cet appareil" in another tab: this draft is dropped, not
  // written back at the next keystroke, and nothing is filled in again.
  onErasedElsewhere(view.root, () => {
    app.unsaved.clear();
    app.draft = drafts.emptyDraft(app.model, app.readerCountry);
    rebuild(app);
    render(app);
    view.status.textContent = t("agreements.erased_elsewhere");
  });
  // The same model's draft changed in another tab: taken here at once, so
  // that this tab's next keystroke keeps it instead of writing over it.
  const onStorage = (event) => {
    if (!view.root.isConnected) return globalThis.removeEventListener("storage", onStorage);
    // A draft written there is newer than the one of that model kept in this
    // page: it is not written over when the browser keeps again (save()).
    for (const id of app.unsaved.keys()) {
      if (event.key === drafts.draftKey(id) && event.newValue) app.unsaved.delete(id);
    }
    if (!app.model || event.key !== drafts.draftKey(app.model.id) || !event.newValue) return;
    const loaded = drafts.loadDraft(app.model, app.readerCountry);
    if (!loaded.stored || sameDraft(loaded.draft, app.draft)) return;
    // The field being typed in keeps the focus and the caret (the form is rebuilt).
    const active = document.activeElement && view.root.contains(document.activeElement) ? document.activeElement : null;
    const caret = active && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
    app.draft = loaded.draft;
    rebuild(app);
    render(app);
    const again = active && active.id ? document.getElementById(active.id) : null;
    if (again) {
      again.focus();
      if (caret && typeof again.setSelectionRange === "function") again.setSelectionRange(...caret);
    }
    view.status.textContent = t("agreements.changed_elsewhere");
  };
  globalThis.addEventListener("storage", onStorage);
  view.modelSelect.addEventListener("change", () => choose(app, view.modelSelect.value));
  view.territorySelect.addEventListener("change", () => {
    app.draft.territory = view.territorySelect.value;
    buildFields(view, app, on);
    buildOptions(view, app, on);
    changed(app);
  });
  view.root.querySelector('[data-action="add-partner"]').addEventListener("click", () => {
    app.draft.partners.push(drafts.emptyPartner());
    buildPartners(view, app, on);
    changed(app);
    view.partnerList.lastElementChild.querySelector("input").focus();
  });
  view.root.querySelector('[data-action="prefill"]').addEventListener("click", () => prefill(app));
  const current = () => ({ result: app.result, name: `${app.model.id}-${app.draft.territory}` });
  wireExports(view.root, current, (message) => alert(app, message));
  view.form.addEventListener("submit", (event) => event.preventDefault());
}

function sameDraft(a, b) {
  const text = (d) => JSON.stringify([d.territory, d.partners, Object.entries(d.values).sort(), Object.entries(d.options).sort()]);
  return text(a) === text(b);
}

// Called once per generator by agreement.js (core mount: never twice).
export function start(root) {
  // The catalog travels in a <template>, not <script type="application/json">:
  // Material's instant navigation re-creates every <script> of the new page
  // without its attributes, which turned the JSON into a script the CSP
  // blocked, and lost the class this code looks for.
  const catalog = JSON.parse(root.querySelector(".mu-ag-catalog").content.textContent);
  drafts.setPartnerKeys(catalog.partner_keys);
  const app = generator(root, catalog);
  wire(app);
  const buttons = ["docx", "markdown", "print", "prefill"].map((action) => root.querySelector(`[data-action="${action}"]`));
  showEngineState(app.view.engineStatus, { buttons });
  // ?modele=<id> (the chooser's links) opens the generator on that model;
  // else the last draft touched, if any, decides the model shown first.
  const asked = new URLSearchParams(window.location.search).get("modele");
  if (asked && app.models.has(asked)) app.view.modelSelect.value = asked;
  const latest = asked && app.models.has(asked) ? null : drafts.latestModel(app.models.values());
  if (latest) app.view.modelSelect.value = latest;
  choose(app, app.view.modelSelect.value);
}
