// Mutuus: the diagnostic grid's files (grid-page.js): save it as JSON,
// export it as Markdown, print it, reopen a saved grid after the user
// confirms what it replaces, or empty it. Words: words/grid.py; a refused
// file's sentences are formats/messages.py's (the catalog's "formats.").
//
// API:
//   filesSection({definition, getState, setState, notice, complain, box, addBox, risks})
//     -> {element}; setState(state) replaces, saves and renders the grid.

import { MAX_FILE_BYTES, downloadText } from "./answers.js";
import { suggestDimension } from "./grid-rule.js";
import { buildGrid, validateGridObject } from "./grid-files.js";
import { gridMarkdown } from "./grid-markdown.js";
import { describeGrid, suggestionText } from "./grid-texts.js";
import { summaryTexts } from "./grid-summary.js";
import { confirmBox } from "./core/confirm.js";
import { h, readFileText } from "./core/dom.js";
import { slug, today } from "./page-data.js";
import { t } from "./core/words.js";

const isEmpty = (state) => state.organisations.length === 0 && Object.keys(state.marks).length === 0;

// A saved grid's file, read and checked: {ok, data} | {ok: false, message}.
async function readGridFile(file, definition) {
  let object;
  try {
    object = JSON.parse((await readFileText(file, MAX_FILE_BYTES)).replace(/^\uFEFF/, ""));
  } catch (error) {
    const key = error && error.message === "too_big" ? "formats.grid_too_big" : "formats.grid_not_json";
    return { ok: false, message: `${t(key)} ${t("formats.unchanged_grid")}` };
  }
  return validateGridObject(object, definition);
}

// "Ouvrir une grille enregistrée": read the file, then replace the grid
// (after asking, unless it is empty).
async function openFile({ openInput, confirm, definition, getState, setState, notice, complain, box, askConfirm }) {
  confirm.close();
  const file = openInput.files && openInput.files[0];
  if (!file) return;
  const result = await readGridFile(file, definition);
  openInput.value = "";
  if (!result.ok) {
    openInput.setAttribute("aria-invalid", "true");
    complain([result.message], [], box);
    return;
  }
  openInput.removeAttribute("aria-invalid");
  const apply = () => {
    setState(result.data);
    notice(t("grid.opened", { holds: describeGrid(getState()) }), box);
  };
  if (isEmpty(getState())) apply();
  else askConfirm(t("grid.replace_question", { holds: describeGrid(getState()), file: file.name, incoming: describeGrid(result.data) }), t("grid.replace"), apply, openInput);
}

export function filesSection({ definition, getState, setState, notice, complain, box, addBox, risks }) {
  const button = (id, key, primary = false) => h("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button", id, text: t(key) });
  const saveButton = button("mu-grid-save", "grid.save", true);
  const mdButton = button("mu-grid-markdown", "grid.export_markdown");
  const printButton = button("mu-grid-print", "grid.print");
  const clearButton = button("mu-grid-clear", "grid.clear");
  const openInput = h("input", { type: "file", id: "mu-grid-open", accept: ".json,application/json", "aria-describedby": "mu-grid-open-help mu-grid-files-error" });
  const confirm = confirmBox("mu-grid");

  function fileStem() {
    const names = getState().organisations.map((o) => slug(o.name)).slice(0, 3).join("-");
    return `mutuus-grille-${names || t("grid.file_empty")}-${today()}`;
  }

  function texts() {
    const { organisations, marks } = getState();
    const { r, countsText } = summaryTexts(definition, organisations, marks);
    const suggestions = {};
    for (const section of definition.sections) {
      suggestions[section.id] = organisations.length >= 2 ? suggestionText(suggestDimension(section, organisations), organisations.length) : "";
    }
    return { reading: `${r.title}. ${r.text}`, counts: countsText, suggestions, risks };
  }

  function askConfirm(title, confirmLabel, onConfirm, back) {
    confirm.ask({ title, confirmLabel, onConfirm, back, onCancel: () => notice(t("common.nothing_changed"), box) });
  }

  saveButton.addEventListener("click", () => {
    if (getState().organisations.length === 0) {
      notice(t("grid.save_empty"), box);
      return;
    }
    const name = `${fileStem()}.json`;
    downloadText(name, `${JSON.stringify(buildGrid(definition, getState()), null, 2)}\n`, "application/json");
    notice(t("grid.saved", { file: name }), box);
  });
  mdButton.addEventListener("click", () => {
    const name = `${fileStem()}.md`;
    downloadText(name, gridMarkdown(definition, getState(), texts()), "text/markdown");
    notice(t("grid.exported", { file: name }), box);
  });
  printButton.addEventListener("click", () => globalThis.print());

  openInput.addEventListener("change", () => openFile({ openInput, confirm, definition, getState, setState, notice, complain, box, askConfirm }));

  clearButton.addEventListener("click", () => {
    if (isEmpty(getState())) {
      notice(t("grid.already_empty"), box);
      return;
    }
    askConfirm(t("grid.clear_question", { holds: describeGrid(getState()) }), t("grid.clear"), () => {
      setState({ organisations: [], marks: {} });
      notice(t("grid.cleared"), addBox);
    }, clearButton);
  });

  const element = h(
    "section",
    { class: "mu-grid__files", "aria-labelledby": "mu-grid-files-title" },
    h("h3", { id: "mu-grid-files-title", text: t("grid.files_title") }),
    h("div", { class: "mu-grid__buttons" }, saveButton, mdButton, printButton),
    h("label", { for: "mu-grid-open", text: t("grid.open_label") }),
    h("p", { class: "mu-help", id: "mu-grid-open-help", text: t("grid.open_help") }),
    openInput,
    h("div", { class: "mu-grid__buttons" }, clearButton),
    confirm.box,
    box.status,
    box.alert,
  );
  return { element };
}
