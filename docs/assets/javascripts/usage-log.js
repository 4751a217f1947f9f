// The usage log on the site: the statement page's import, its partners'
// printable sheets and the CSV for the accountant, and the logbook's print
// button. Markup: macros/usage_log.py.
//
// - Import: the chosen file's bytes go to the engine (tool "statement",
//   action "usage-log", through core/engine.js), where
//   calculators.usage_log.read_log (the CLI's parser) reads them for the
//   partners typed in the form. Nothing leaves the device.
//   On success, each partner's "Unités utilisées" gets the value Python
//   gives and the form recomputes (a change event: calculator-app.js's own
//   path); the summary (role="status") and its table are Python's. On errors,
//   Python's sentence and its messages, line by line, in role="alert"; the
//   form is not touched.
// - Sheets: after each result of the statement (the "mu-calculator:computed"
//   event carries the CLI's JSON), the engine (action "documents") returns
//   one sheet per partner as blocks (core/blocks-dom.js), the CSV and the words of the
//   buttons. Printing one sheet or all of them marks <html data-mu-print="sheets">
//   (usage-log.css prints only the marked sheets, one per page).
// Every sentence shown here is Python's, or written into the page by the macro.

import { blockNodes } from "./core/blocks-dom.js";
import { call } from "./core/engine.js";
import { mount } from "./core/mount.js";
import { downloadText } from "./download.js";

const STATEMENT = 'form.mu-calculator[data-command="statement"]';

// The last log imported on this page: its summary goes on the partners' sheets.
let lastLog = null;

// The engine's own words when it could not answer (calculator-app.js shows them on the form).
function engineMessage(form, reply) {
  if (reply.errors && reply.errors[0] && reply.errors[0].message) return reply.errors[0].message;
  const line = form && form.querySelector(".mu-calc-engine");
  return (line && line.textContent) || "";
}

function element(tag, text, attrs = {}) {
  const el = document.createElement(tag);
  if (text !== undefined && text !== null) el.textContent = text;
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return el;
}

// --- the import ------------------------------------------------------------------

function partnerRows(form) {
  const rows = [];
  for (const tr of form.querySelectorAll('tbody[data-list="partners"] [data-row]')) {
    const name = tr.querySelector('input[data-key="name"]');
    const actual = tr.querySelector('input[data-key="actual_units"]');
    if (!name || !actual || name.value.trim() === "") continue;
    rows.push({ name: name.value.trim(), actual_units: actual.value.trim(), input: actual });
  }
  return rows;
}

function showErrors(box, title, messages) {
  const list = element("ul");
  for (const message of messages) list.append(element("li", message));
  box.replaceChildren(element("p", title, { class: "mu-usage-log-errors-title" }), list);
}

function startImport(section) {
  const form = document.querySelector(STATEMENT);
  const file = section.querySelector(".mu-usage-log-file");
  const from = section.querySelector("#ul-from");
  const to = section.querySelector("#ul-to");
  const summary = section.querySelector(".mu-usage-log-summary");
  const details = section.querySelector(".mu-usage-log-details");
  const errors = section.querySelector(".mu-usage-log-errors");
  if (!form || !file) return;
  file.disabled = false;

  file.addEventListener("change", async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    const started = performance.now();
    file.value = ""; // the same file can be chosen again after a correction
    errors.replaceChildren();
    summary.textContent = section.dataset.reading;
    let bytes;
    try {
      bytes = await chosen.arrayBuffer();
    } catch (error) {
      summary.textContent = "";
      showErrors(errors, section.dataset.unreadable, []);
      return;
    }
    const rows = partnerRows(form);
    const period = from.value || to.value ? { from: from.value, to: to.value } : null;
    const reply = await call("statement", "usage-log", {
      bytes,
      partners: rows.map(({ name, actual_units }) => ({ name, actual_units })),
      period,
      fileName: chosen.name,
      locale: form.dataset.locale,
    });
    summary.textContent = "";
    if (!reply.ok && reply.errors[0].kind !== "input") {
      showErrors(errors, engineMessage(form, reply), []);
      return;
    }
    if (!reply.ok) {
      showErrors(errors, reply.data.title, reply.errors.map((e) => e.message));
      section.dispatchEvent(new CustomEvent("mu-usage-log:refused", { detail: { ms: performance.now() - started } }));
      return;
    }
    const answer = reply.data;
    let changed = null;
    answer.values.forEach((value, i) => {
      const target = rows[i] && rows[i].input;
      if (value === null || !target || !target.isConnected) return;
      target.value = value;
      changed = target;
    });
    lastLog = answer.log;
    summary.textContent = answer.view.summary;
    details.replaceChildren(blockNodes(answer.view.blocks, { shift: 2 }));
    // calculator-app.js recomputes and writes the URL on a change, as when a value is typed.
    if (changed) changed.dispatchEvent(new Event("change", { bubbles: true }));
    section.dispatchEvent(new CustomEvent("mu-usage-log:imported", { detail: { ms: performance.now() - started } }));
  });
}

// --- the partners' sheets and the CSV ---------------------------------------------

function printSheets(box, index) {
  for (const sheet of box.querySelectorAll(".mu-sheet")) {
    sheet.toggleAttribute("data-print", index === null || Number(sheet.dataset.index) === index);
  }
  document.documentElement.dataset.muPrint = "sheets";
  window.print();
}

window.addEventListener("afterprint", () => {
  delete document.documentElement.dataset.muPrint;
});

function startDocuments(section) {
  const form = document.querySelector(STATEMENT);
  const status = section.querySelector(".mu-statement-docs-status");
  const actions = section.querySelector(".mu-statement-docs-actions");
  const sheets = section.querySelector(".mu-statement-sheets");
  if (!form) return;
  const waiting = status.textContent;
  let generation = 0;

  function clear() {
    status.textContent = waiting;
    actions.replaceChildren();
    sheets.replaceChildren();
  }

  function button(text, onClick) {
    const el = element("button", text, { type: "button", class: "md-button" });
    el.addEventListener("click", onClick);
    return el;
  }

  async function refresh(input) {
    const mine = ++generation;
    const reply = await call("statement", "documents", {
      input,
      log: lastLog,
      currency: form.dataset.currency,
      locale: form.dataset.locale,
    });
    if (mine !== generation || !section.isConnected) return;
    if (!reply.ok && reply.errors[0].kind !== "input") {
      clear();
      status.textContent = engineMessage(form, reply);
      return;
    }
    if (!reply.ok) return clear();
    const docs = reply.data;
    status.textContent = docs.summary;
    const buttons = [button(docs.print_all, () => printSheets(sheets, null))];
    docs.sheets.forEach((sheet, i) => buttons.push(button(sheet.print_label, () => printSheets(sheets, i))));
    buttons.push(
      button(docs.download, () => {
        downloadText(docs.file, docs.csv, "text/csv;charset=utf-8");
        status.textContent = docs.downloaded;
      }),
    );
    actions.replaceChildren(...buttons);
    sheets.replaceChildren(
      ...docs.sheets.map((sheet, i) => {
        const article = element("article", null, { class: "mu-sheet", "data-index": String(i) });
        article.append(blockNodes(sheet.blocks, { shift: 2 }));
        return article;
      }),
    );
    section.dispatchEvent(new CustomEvent("mu-statement-docs:ready"));
  }

  form.addEventListener("mu-calculator:computed", (event) => {
    const input = event.detail && event.detail.input;
    if (input && form.dataset.state === "result") refresh(input);
    else {
      generation++;
      clear();
    }
  });
  // A result shown before this module mounted: ask the form to compute once more (its submit does).
  if (form.dataset.state === "result") form.dispatchEvent(new Event("submit", { cancelable: true }));
}

// --- the logbook ---------------------------------------------------------------------

function startLogbook(logbook) {
  const print = logbook.querySelector("[data-action='print-logbook']");
  if (!print) return;
  print.hidden = false;
  print.addEventListener("click", () => {
    delete document.documentElement.dataset.muPrint;
    window.print();
  });
}

mount(".mu-usage-log", startImport);
mount(".mu-statement-docs", startDocuments);
mount(".mu-logbook", startLogbook);
