// Mutuus: a questionnaire form's toolbar (DOM only): exports, print, reset
// and import, as methods of the form (questionnaire-form.js adds them).

import * as answersFormat from "./answers.js";
import { readFileText } from "./core/dom.js";
import * as storage from "./core/storage.js";
import { t } from "./core/words.js";
import { progressText as rulesProgress } from "./rules.js";

const MIME = {
  json: "application/json",
  md: "text/markdown;charset=utf-8",
  csv: "text/csv;charset=utf-8",
};

export class ActionMethods {
  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button || !this.form.contains(button)) return;
    const action = button.dataset.action;
    if (action === "export-json") this.export("json");
    else if (action === "export-markdown") this.export("md");
    else if (action === "export-csv") this.export("csv");
    else if (action === "print") this.print();
    else if (action === "reset") this.askReset();
    else if (action === "undo-import") this.undoImport();
    else if (action === "conflict-theirs" || action === "conflict-mine") this.chooseVersion(button.dataset.question, action === "conflict-theirs");
    else if (action === "confirm-yes") {
      const run = this.pendingConfirm;
      this.hideConfirm();
      if (run) run();
      this.giveFocusBack();
    } else if (action === "confirm-no") {
      const run = this.pendingNo;
      this.hideConfirm();
      if (run) run();
      else this.say(t("questionnaires.cancelled"));
      this.giveFocusBack();
    }
  }

  export(extension) {
    const now = new Date();
    const record = this.record();
    const builders = {
      json: answersFormat.exportJSON,
      md: answersFormat.exportMarkdown,
      csv: answersFormat.exportCSV,
    };
    const text = builders[extension](this.definition, record, now);
    const name = answersFormat.exportFileName(this.definition, record.organisation, extension, now);
    answersFormat.downloadText(name, text, MIME[extension]);
    this.say(t("questionnaires.export_ready", { name }));
  }

  fillPrintHeader() {
    const name = this.organisation.value.trim();
    this.form.querySelector(".mu-q-print-organisation").textContent = name || t("answers.unnamed");
    this.form.querySelector(".mu-q-print-date").textContent = answersFormat.formatDate(new Date().toISOString());
  }

  print() {
    this.fillPrintHeader();
    document.documentElement.classList.add("mu-q-print-one");
    this.form.classList.add("mu-q-printing");
    const done = () => {
      document.documentElement.classList.remove("mu-q-print-one");
      this.form.classList.remove("mu-q-printing");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }

  askReset() {
    const { answered } = answersFormat.countAnswered(this.definition, this.readAnswers());
    this.ask(t("questionnaires.reset_question", { n: answered, title: this.definition.title }), t("questionnaires.reset_yes"), () => this.reset(), {
      focusCancel: true,
    });
  }

  reset() {
    this.dropUndo();
    this.writeAnswers({});
    const result = storage.clearRecord(this.id, this.version);
    this.updateProgress();
    this.say(
      t(result.ok ? "questionnaires.reset_done" : "questionnaires.reset_page_only"),
    );
  }

  async onImportFile() {
    const file = this.importInput.files && this.importInput.files[0];
    if (!file) return;
    let text;
    try {
      text = await readFileText(file, answersFormat.MAX_FILE_BYTES);
    } catch (error) {
      const problem = error && error.message === "too_big" ? t("formats.answers_too_big") : t("questionnaires.file_unreadable");
      this.say(`${problem} ${t("formats.unchanged_answers")}`, "error");
      return;
    } finally {
      this.importInput.value = "";
    }
    const result = answersFormat.parseAnswersFile(text, this.definition);
    if (!result.ok) {
      this.say(result.message, "error");
      return;
    }
    const summary = answersFormat.importSummary(this.definition, result.data, this.readAnswers(), this.organisation.value);
    this.ask(summary, t("questionnaires.import_yes"), () => this.applyImport(result.data), { opener: this.importInput });
  }

  // The answers imported replace the page's; those of before stay one click
  // away (« Rétablir mes réponses d'avant l'import ») until an answer changes,
  // here or in another tab (dropUndo). Two imports in a row: the answers of
  // before the first.
  applyImport(data) {
    if (!this.beforeImport) this.beforeImport = { answers: this.readAnswers(), organisation: this.organisation.value };
    this.writeAnswers(data.answers);
    if (data.organisation) this.organisation.value = data.organisation;
    this.save();
    this.updateProgress();
    this.undoButton.hidden = false;
    this.say(t("questionnaires.imported", { progress: this.progressNow() }), "success");
    this.importSaid = this.status.textContent;
  }

  undoImport() {
    const before = this.beforeImport;
    if (!before) return;
    this.writeAnswers(before.answers);
    this.organisation.value = before.organisation;
    this.save();
    this.updateProgress();
    this.importInput.focus(); // the button goes
    this.dropUndo();
    this.say(t("questionnaires.import_undone", { progress: this.progressNow() }), "success");
  }

  // The undo of an import goes once an answer changes (it would lose that
  // change); the import's message, which offered it, goes too.
  dropUndo() {
    if (!this.beforeImport) return;
    this.beforeImport = null;
    if (document.activeElement === this.undoButton) this.importInput.focus();
    this.undoButton.hidden = true;
    if (this.status.textContent === this.importSaid) this.status.textContent = "";
  }

  progressNow() {
    const { answered, total } = answersFormat.countAnswered(this.definition, this.readAnswers());
    return rulesProgress(this.rules, answered, total);
  }
}
