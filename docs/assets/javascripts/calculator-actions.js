// What a calculator form's buttons do: the example, clear and undo, lists'
// rows, export and import of the scenario (the CLI's JSON: python -m
// calculators <command> FILE), the link, print, and the figures carried from
// another calculator's last result. `ctl` is the form's state (calculator-app.js).

import { t } from "./core/words.js";
import { downloadText } from "./download.js";
import { removeKey } from "./core/storage.js";
import { formValues, present } from "./calculator-engine.js";
import { addRow, fieldsOf, fill, readForm, renumber, syncVisibility, typedValues } from "./calculator-fields.js";
import { showLink } from "./calculator-link.js";
import { calculationKey, lastCalculation, moneyOf } from "./calculator-store.js";

// Loading the example, clearing and importing replace every value at once:
// the previous values stay one click away (« Rétablir ») until the next keystroke.
// `previous`: the values « Rétablir » brings back, when not those shown now.
export function replaceAll(ctl, values, message, messageWithUndo, { previous = null, keepEmptyRows = false } = {}) {
  const before = previous || Object.fromEntries(typedValues(ctl.form));
  fill(ctl.form, values, { keepEmptyRows });
  ctl.previous = Object.keys(before).length > 0 ? before : null;
  ctl.undoKeptFor = null;
  ctl.undo.hidden = ctl.previous === null;
  ctl.say(ctl.previous === null ? message : messageWithUndo);
  ctl.changed();
}

export function makeUndoButton(ctl) {
  const undo = document.createElement("button");
  undo.type = "button";
  undo.className = "md-button";
  undo.dataset.action = "undo";
  undo.textContent = t("calculators.undo");
  undo.hidden = true;
  const clear = ctl.form.querySelector("[data-action='clear']");
  if (clear) clear.after(undo);
  ctl.undo = undo;
}

// The file holds the CLI's JSON as Python writes it (the answer's "input");
// if the engine cannot answer, the values as typed, which the CLI reads too.
async function exportScenario({ form, say }) {
  const { payload } = readForm(form);
  const reply = await present(form.dataset.command, payload, moneyOf(form));
  const input = (reply.ok ? reply.data : reply.data || {}).input || null;
  const name = `${form.dataset.file || form.dataset.command}.json`;
  downloadText(name, JSON.stringify(input || payload, null, 2) + "\n", "application/json");
  say(t("calculators.exported", { name }));
}

export async function importFile(ctl, input) {
  const file = input.files && input.files[0];
  if (!file) return;
  const refused = (why) => t("calculators.import_refused", { name: file.name, why });
  let text;
  try {
    text = await file.text();
  } catch (error) {
    ctl.say(refused(t("calculators.unreadable")));
    input.value = "";
    return;
  }
  input.value = "";
  const { values, error } = await formValues(ctl.form.dataset.command, text);
  if (!ctl.form.isConnected) return;
  if (error) {
    ctl.say(refused(error));
    ctl.form.dataset.importError = "true";
  } else {
    replaceAll(ctl, values, t("calculators.imported", { name: file.name }), t("calculators.imported_undo", { name: file.name }));
  }
}

// Take figures from another calculator's last result (kept by keepResult); the
// paths and the sentences come from the calculator's declaration (Carry).
async function carry(ctl, button) {
  const stored = lastCalculation(button.dataset.source);
  if (!stored.ok) return ctl.say(stored.message);
  const figures = {};
  for (const [field, path] of Object.entries(JSON.parse(button.dataset.values))) {
    const value = path.split(".").reduce((node, key) => (node && typeof node === "object" ? node[key] : undefined), stored.value);
    if (value === undefined || value === null) return ctl.say(button.dataset.missing);
    figures[field] = value;
  }
  const { values, error } = await formValues(ctl.form.dataset.command, JSON.stringify(figures));
  if (error) return ctl.say(error);
  if (!ctl.form.isConnected) return;
  Object.assign(values, JSON.parse(button.dataset.fixed || "{}"));
  for (const el of fieldsOf(ctl.form)) if (el.name in values) el.value = values[el.name];
  syncVisibility(ctl.form);
  ctl.say(button.dataset.done);
  ctl.changed();
}

function removeRow(ctl, button) {
  const row = button.closest("[data-row]");
  const body = row.parentElement;
  const rows = Array.from(body.querySelectorAll("[data-row]"));
  const next = rows[rows.indexOf(row) + 1] || rows[rows.indexOf(row) - 1];
  row.remove();
  renumber(body);
  const focus =
    next && next.isConnected
      ? next.querySelector("input")
      : ctl.form.querySelector(`[data-action='add-row'][data-list="${body.dataset.list}"]`);
  if (focus) focus.focus();
  ctl.changed();
}

const ACTIONS = {
  example(ctl, button) {
    ctl.form.dataset.example = "shown";
    replaceAll(ctl, JSON.parse(button.dataset.example), t("calculators.example"), t("calculators.example_undo"));
    // The result may sit below the fold: bring it into view (the notice announces the example).
    const output = ctl.form.querySelector(".mu-calc-output");
    if (output && output.scrollIntoView) output.scrollIntoView({ block: "nearest" });
  },
  clear(ctl) {
    delete ctl.form.dataset.example;
    ctl.taken = null; // the reader's own act here: what follows is this tab's (calculator-app.js)
    // Starting from zero: the next visit starts from zero too.
    removeKey(calculationKey(ctl.form.dataset.command));
    replaceAll(ctl, {}, t("calculators.cleared"), t("calculators.cleared_undo"));
  },
  undo(ctl) {
    if (!ctl.previous) return;
    delete ctl.form.dataset.example;
    ctl.taken = null; // values brought back here are kept, even those another tab gave
    fill(ctl.form, ctl.previous);
    ctl.previous = null;
    ctl.undoKeptFor = null;
    const clear = ctl.form.querySelector("[data-action='clear']");
    if (clear) clear.focus();
    ctl.undo.hidden = true;
    ctl.say(t("calculators.undone"));
    ctl.changed();
  },
  carry,
  export: exportScenario,
  link: (ctl) => showLink(ctl.form, ctl.say),
  print: () => window.print(),
  "add-row"(ctl, button) {
    const body = ctl.form.querySelector(`tbody[data-list="${button.dataset.list}"]`);
    addRow(ctl.form, body).querySelector("input").focus();
    ctl.changed();
  },
  "remove-row": removeRow,
};

export function onClick(ctl, event) {
  const button = event.target.closest("button[data-action]");
  const action = button && ACTIONS[button.dataset.action];
  if (action) action(ctl, button);
}
