// Mutuus: the diagnostic grid's files (grid-page.js): save it as JSON,
// export it as Markdown, print it, reopen a saved grid after the user
// confirms what it replaces, or empty it.
//
// API:
//   filesSection({definition, getState, setState, notice, complain, box, addBox, risks})
//     -> {element}; setState(state) replaces, saves and renders the grid.

import { MAX_FILE_BYTES, downloadText } from "./answers.js";
import { suggestDimension } from "./grid-rule.js";
import { buildGrid, gridMarkdown, validateGridObject } from "./grid-files.js";
import { describeGrid, suggestionText } from "./grid-texts.js";
import { summaryTexts } from "./grid-summary.js";
import { confirmBox } from "./confirm.js";
import { h, readFileText, slug, today } from "./dossier-dom.js";

export function filesSection({ definition, getState, setState, notice, complain, box, addBox, risks }) {
  const saveButton = h("button", { type: "button", class: "md-button md-button--primary", id: "mu-grid-save", text: "Enregistrer la grille (JSON)" });
  const mdButton = h("button", { type: "button", class: "md-button", id: "mu-grid-markdown", text: "Exporter en Markdown" });
  const printButton = h("button", { type: "button", class: "md-button", id: "mu-grid-print", text: "Imprimer" });
  const clearButton = h("button", { type: "button", class: "md-button", id: "mu-grid-clear", text: "Vider la grille" });
  const openInput = h("input", { type: "file", id: "mu-grid-open", accept: ".json,application/json", "aria-describedby": "mu-grid-open-help mu-grid-files-error" });
  const confirm = confirmBox("mu-grid");

  function fileStem() {
    const names = getState().organisations.map((o) => slug(o.name)).slice(0, 3).join("-");
    return `mutuus-grille-${names || "vide"}-${today()}`;
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

  saveButton.addEventListener("click", () => {
    if (getState().organisations.length === 0) {
      notice("La grille est vide : ajoutez des portraits avant de l'enregistrer.", box);
      return;
    }
    const name = `${fileStem()}.json`;
    downloadText(name, `${JSON.stringify(buildGrid(definition, getState()), null, 2)}\n`, "application/json");
    notice(`Grille enregistrée dans le fichier ${name}.`, box);
  });
  mdButton.addEventListener("click", () => {
    const name = `${fileStem()}.md`;
    downloadText(name, gridMarkdown(definition, getState(), texts()), "text/markdown");
    notice(`Grille exportée en Markdown dans le fichier ${name}.`, box);
  });
  printButton.addEventListener("click", () => globalThis.print());

  const closeConfirm = confirm.close;
  function askConfirm(title, confirmLabel, onConfirm, back) {
    confirm.ask({ title, confirmLabel, onConfirm, back, onCancel: () => notice("Rien n'a changé.", box) });
  }

  openInput.addEventListener("change", async () => {
    closeConfirm();
    const file = openInput.files && openInput.files[0];
    if (!file) return;
    let object = null;
    let problem = "";
    try {
      const text = await readFileText(file, MAX_FILE_BYTES);
      object = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      problem =
        error && error.message === "too_big"
          ? "Ce fichier est trop volumineux pour être une grille Mutuus. La grille actuelle n'a pas changé."
          : "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier créé avec « Enregistrer la grille ». La grille actuelle n'a pas changé.";
    }
    openInput.value = "";
    const result = problem ? { ok: false, message: problem } : validateGridObject(object, definition);
    if (!result.ok) {
      openInput.setAttribute("aria-invalid", "true");
      complain([result.message], [], box);
      return;
    }
    openInput.removeAttribute("aria-invalid");
    const apply = () => {
      setState(result.data);
      notice(`Grille ouverte : ${describeGrid(getState())}.`, box);
    };
    if (getState().organisations.length === 0 && Object.keys(getState().marks).length === 0) apply();
    else askConfirm(`Remplacer la grille actuelle (${describeGrid(getState())}) par celle du fichier « ${file.name} » (${describeGrid(result.data)}) ?`, "Remplacer la grille", apply, openInput);
  });

  clearButton.addEventListener("click", () => {
    if (getState().organisations.length === 0 && Object.keys(getState().marks).length === 0) {
      notice("La grille est déjà vide.", box);
      return;
    }
    askConfirm(`Vider la grille (${describeGrid(getState())}) ? Enregistrez-la d'abord dans un fichier si vous voulez la garder.`, "Vider la grille", () => {
      setState({ organisations: [], marks: {} });
      notice("La grille a été vidée.", addBox);
    }, clearButton);
  });

  const element = h(
    "section",
    { class: "mu-grid__files", "aria-labelledby": "mu-grid-files-title" },
    h("h3", { id: "mu-grid-files-title", text: "Enregistrer, reprendre, imprimer" }),
    h("div", { class: "mu-grid__buttons" }, saveButton, mdButton, printButton),
    h("label", { for: "mu-grid-open", text: "Ouvrir une grille enregistrée (.json)" }),
    h("p", { class: "mu-help", id: "mu-grid-open-help", text: "Un fichier créé avec « Enregistrer la grille ». Si la grille actuelle n'est pas vide, la page vous demande avant de la remplacer." }),
    openInput,
    h("div", { class: "mu-grid__buttons" }, clearButton),
    confirm.box,
    box.status,
    box.alert,
  );
  return { element };
}
