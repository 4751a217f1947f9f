// Calculator client: mounts each calculator form, asks the engine (its
// "present" action, through core/engine.js) at each change, and shows
// Python's answer.
//
// - The form works at once: what is typed is kept and computed when the
//   engine is ready. At most one computation is in flight; changes made
//   meanwhile are computed right after (latest wins).
// - The last calculation is kept on this device and comes back when the page
//   is opened again (calculator-store.js); a link asked for carries the
//   values (calculator-link.js).
// - Nothing here belongs to one calculator: the form is rendered at build
//   time from the calculator's declaration (macros/calculator_render.py), the
//   result is Python's view (calculator-result.js), every sentence is the
//   catalog's (words/calculators.py).

import { t } from "./core/words.js";
import { isPlainObject } from "./core/dom.js";
import { guardLeaving } from "./core/leaving.js";
import { claim, takeTypedEarly } from "./core/mount.js";
import { onErasedElsewhere, removeKey } from "./core/storage.js";
import { mountCountryControl, onCountryChange } from "./country.js";
import { engineIsStarting, followCalculatorEngine, formValues, present, startEngine } from "./calculator-engine.js";
import { fill, hasInput, lists, readForm, syncVisibility, typedValues } from "./calculator-fields.js";
import { leaveAddressBare, readUrl, refreshLink } from "./calculator-link.js";
import { setSummary, showEmpty, showErrors, showResult } from "./calculator-result.js";
import { calculationKey, keepResult, keepValues, lastCalculation, moneyOf, showCurrency } from "./calculator-store.js";
import { importFile, makeUndoButton, onClick, replaceAll } from "./calculator-actions.js";

export function mount(forms) {
  startEngine();
  for (const form of forms) {
    if (!claim(form)) continue;
    form.dataset.page = location.pathname;
    mountForm(form);
  }
}

function mountForm(form) {
  const countryBox = form.previousElementSibling;
  if (countryBox && countryBox.matches(".mu-country[data-countries]")) mountCountryControl(countryBox);
  showCurrency(form, moneyOf(form).currency);
  const notice = form.querySelector(".mu-calc-notice");
  const ctl = {
    form,
    say: (text) => {
      if (notice) notice.textContent = text;
    },
    inFlight: false,
    dirty: false,
    generation: 0,
    previous: null,
    undo: null,
    notKept: null, // the storage message last said (sayIfNotKept)
    taken: null, // values taken from another tab, not written back until changed here
    undoKeptFor: null, // names of the fields typed in while the page loaded (keptTypedEarly)
    typedAt: 0, // when the values shown were typed, here or in the tab they come from
  };
  ctl.compute = () => compute(ctl);
  ctl.changed = () => {
    ctl.typedAt = Date.now();
    compute(ctl);
    refreshLink(form);
  };
  makeUndoButton(ctl);
  restore(ctl);
  followCalculatorEngine(form);
  listen(ctl);
  ctl.compute();
}

// A link's values, else the last calculation kept on this device; what the
// reader typed before this module came (a slow first load) goes over them.
function restore(ctl) {
  const { form } = ctl;
  const early = typedEarly(form); // read before anything is filled
  for (const select of form.querySelectorAll("select[name]")) {
    const chosen = [...select.options].find((option) => option.defaultSelected) || select.options[0];
    select.dataset.default = chosen ? chosen.value : select.value;
  }
  const fromLink = readUrl(form);
  const stored = fromLink ? null : lastCalculation(form.dataset.command);
  const last = stored && stored.ok ? stored.value : null;
  const lastValues = last && isPlainObject(last.values) ? last.values : null;
  const restored = fromLink || lastValues;
  // Each field is written once, with what was typed in it if anything (a
  // second write would move the caret of the field being typed in).
  if (restored || lists(form).length) fill(form, { ...(restored || {}), ...early });
  if (fromLink) {
    leaveAddressBare(form);
    ctl.typedAt = Date.now(); // a link opened is a new act: another tab takes its values
  } else if (lastValues) {
    // (never later than now: a clock set back, or a file from a device ahead, would hold it)
    if (typeof last.values_at === "number") ctl.typedAt = Math.min(last.values_at, Date.now());
    ctl.say(t("calculators.restored"));
  }
  if (Object.keys(early).length) keptTypedEarly(ctl, early, restored || {});
  syncVisibility(form);
  // A calculation kept without its typed values (an older dossier file): the
  // engine writes its input back in the form's notation, unless something
  // has been typed meanwhile.
  if (!fromLink && !lastValues && last && isPlainObject(last.input)) {
    formValues(form.dataset.command, JSON.stringify(last.input)).then(({ values }) => {
      if (!values || !form.isConnected || hasInput(form)) return;
      fill(form, values);
      ctl.say(t("calculators.restored"));
      ctl.changed();
    });
  }
}

// The values of the fields typed in before the form was mounted: {name: value}.
function typedEarly(form) {
  const values = {};
  for (const field of takeTypedEarly(form)) {
    if (field.name && field.type !== "file" && field.value.trim() !== "") values[field.name] = field.value;
  }
  return values;
}

// What was typed went over the values restored (the reader changed them
// without seeing them): the form keeps it at its first computation, and
// those values stay one click away (« Rétablir ») while the reader types on
// in the same fields.
function keptTypedEarly(ctl, early, restored) {
  const { form } = ctl;
  ctl.typedAt = Date.now();
  const before = (name) => {
    if (Object.hasOwn(restored, name)) return restored[name];
    const field = form.elements.namedItem(name);
    return field && field.dataset && field.dataset.default !== undefined ? field.dataset.default : "";
  };
  const changed = Object.keys(early).some((name) => before(name) !== early[name]);
  if (!changed || Object.keys(restored).length === 0) return;
  ctl.previous = restored;
  ctl.undo.hidden = false;
  ctl.undoKeptFor = new Set(Object.keys(early));
  ctl.say(t("calculators.typed_while_loading_undo"));
}

function showAnswer(ctl, reply, rows, values, typedAt) {
  const { form } = ctl;
  if (!reply.ok && reply.errors[0].kind !== "input") {
    setSummary(form, reply.errors[0].message);
    form.dataset.state = "failed";
    return null;
  }
  if (!reply.ok) {
    showErrors(form, reply.errors, rows);
    form.dataset.state = "errors";
    return null;
  }
  const answer = reply.data;
  showResult(form, answer.view);
  // The guide's example is not the reader's calculation: it is not kept
  // (nor offered to the agreements) until the reader changes a value.
  // Values taken from another tab are not written back either, result
  // included: that tab keeps its own, and this tab's copy of the storage may
  // be late (Chromium's tabs each hold one): written back, older values
  // replaced what the other tab had typed since, and came back to it as a
  // change (found by a review: letters typed there vanished).
  if (form.dataset.example !== "shown" && !ctl.taken) sayIfNotKept(ctl, keepResult(form, answer, values, typedAt));
  form.dataset.state = "result";
  return answer.input;
}

// The browser keeps nothing (storage full or blocked): the reader is told, once
// per cause, and how to keep the values all the same.
function sayIfNotKept(ctl, saved) {
  if (saved.ok) {
    ctl.notKept = null;
    return;
  }
  if (ctl.notKept === saved.message) return;
  ctl.notKept = saved.message;
  ctl.say(t("calculators.not_kept", { message: saved.message }));
  // Leaving would then lose the values: closing, a link, Back or Forward ask
  // first (the browser's own question), once per form.
  if (!ctl.leavingGuarded) {
    ctl.leavingGuarded = true;
    guardLeaving({
      unsaved: () => Boolean(ctl.notKept) && ctl.form.isConnected && hasInput(ctl.form) && ctl.form.dataset.example !== "shown",
      message: t("calculators.leave_unsaved"),
    });
  }
}

// What is typed is kept at each change, mistakes included, also while a
// computation waits for the engine (its whole start, on a first visit): a
// reload, a page left, or an engine that cannot start loses nothing (the
// example is not the reader's). Values just taken from another tab are not
// written back: that tab may have typed on since, and would take them back.
function keepTyped(ctl) {
  const { form } = ctl;
  if (!hasInput(form)) return;
  const values = Object.fromEntries(typedValues(form));
  if (ctl.taken && !sameValues(values, ctl.taken)) ctl.taken = null;
  if (form.dataset.example !== "shown" && !ctl.taken) sayIfNotKept(ctl, keepValues(form, values, ctl.typedAt));
}

async function compute(ctl) {
  const { form } = ctl;
  keepTyped(ctl);
  if (ctl.inFlight) {
    ctl.dirty = true;
    return;
  }
  const started = performance.now();
  const generation = ++ctl.generation;
  if (!hasInput(form)) {
    showEmpty(form);
    form.dataset.state = "empty";
    return;
  }
  const { payload, rows } = readForm(form);
  const values = Object.fromEntries(typedValues(form));
  const typedAt = ctl.typedAt;
  ctl.inFlight = true;
  form.dataset.state = form.dataset.state === "empty" ? "pending" : form.dataset.state || "pending";
  // The URL or the example has filled the form: say the engine is starting, values are kept.
  if (engineIsStarting() && form.dataset.state === "pending") setSummary(form, t("engine.starting_values_kept"));
  const reply = await present(form.dataset.command, payload, moneyOf(form));
  ctl.inFlight = false;
  if (!form.isConnected) return;
  if (ctl.dirty) {
    ctl.dirty = false;
    compute(ctl);
    return;
  }
  if (generation !== ctl.generation) return;
  // A result's CLI JSON goes with the event (usage-log.js reads it).
  const input = showAnswer(ctl, reply, rows, values, typedAt);
  form.dataset.computed = String(Number(form.dataset.computed || 0) + 1);
  form.dispatchEvent(new CustomEvent("mu-calculator:computed", { detail: { ms: performance.now() - started, input } }));
}

function listen(ctl) {
  const { form } = ctl;
  const forget = () => {
    ctl.previous = null;
    ctl.undoKeptFor = null;
    ctl.undo.hidden = true;
  };
  // "Tout effacer de cet appareil" in another tab: nothing of this form may be
  // kept again at the next keystroke.
  onErasedElsewhere(form, () => {
    forget();
    const link = form.querySelector(".mu-calc-link");
    if (link) link.hidden = true;
    fill(form, {});
    ctl.say(t("calculators.erased"));
    ctl.compute();
  });
  // The same calculator changed in another tab: this one takes its values
  // (both tabs show the last typed), and keeps its own one click away.
  const key = calculationKey(form.dataset.command);
  const onStorage = (event) => {
    if (!form.isConnected) return globalThis.removeEventListener("storage", onStorage);
    if (event.key !== key || !event.newValue) return;
    let record = null;
    try {
      record = JSON.parse(event.newValue);
    } catch (_) {
      return; // not a record: core/storage.js sets it aside when it is read
    }
    if (!isPlainObject(record) || !isPlainObject(record.values)) return;
    if (sameValues(Object.fromEntries(typedValues(form)), record.values)) return;
    // Values older than those typed here since: the other tab's result of
    // what it had before this tab's keystrokes reached it (its computation
    // ends after they were typed here). Not taken; this tab writes its own
    // values and result again, so that the storage, and then the other tab,
    // have the newest (found on a loaded machine: a partner's letter vanished).
    // (Emptied here since, by « Effacer »: the older values are not kept either.)
    const at = typeof record.values_at === "number" ? record.values_at : null;
    if (at !== null && at < ctl.typedAt) {
      if (ctl.taken) return;
      if (hasInput(form) || form.dataset.example === "shown") ctl.compute();
      else removeKey(key);
      return;
    }
    delete form.dataset.example;
    // Taken again before anything was typed here: « Rétablir » still brings
    // back this tab's own values, not the other tab's half-typed ones.
    const own = ctl.taken ? ctl.previous : null;
    ctl.taken = record.values;
    ctl.notKept = null; // the other tab could write them: they are kept
    replaceAll(ctl, record.values, t("calculators.changed_elsewhere"), t("calculators.changed_elsewhere_undo"), {
      previous: own,
      keepEmptyRows: true, // a row just added here stays (with the focus)
    });
    if (at !== null) ctl.typedAt = Math.min(at, Date.now());
  };
  globalThis.addEventListener("storage", onStorage);
  // Another country chosen (this page's menu, a law tab): labels and result in its currency.
  const stopCountry = onCountryChange(() => {
    if (!form.isConnected) return stopCountry();
    showCurrency(form, moneyOf(form).currency);
    ctl.compute();
  });
  form.addEventListener("input", (event) => {
    delete form.dataset.example; // the reader's own values from now on
    if (event.target.type === "file") return;
    // Typing on in a field typed in while the page loaded keeps « Rétablir » and its words.
    if (!(ctl.undoKeptFor && ctl.undoKeptFor.has(event.target.name))) {
      if (!ctl.notKept) ctl.say(""); // a storage message stays while the browser keeps nothing
      forget();
    }
    ctl.changed();
  });
  form.addEventListener("change", (event) => {
    // A value changed by the reader (a choice, an imported file or usage log): theirs from now on.
    delete form.dataset.example;
    if (event.target.type === "file") return importFile(ctl, event.target);
    if (event.target.tagName === "SELECT") syncVisibility(form);
    ctl.changed();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctl.compute();
  });
  form.addEventListener("click", (event) => onClick(ctl, event));
}

function sameValues(a, b) {
  const text = (values) => JSON.stringify(Object.entries(values).filter(([, v]) => v !== "").sort());
  return text(a) === text(b);
}
