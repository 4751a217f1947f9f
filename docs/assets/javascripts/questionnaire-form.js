// Mutuus: questionnaire forms (form.mu-questionnaire rendered by the
// `questionnaire(id)` macro). Imported by tools.js on the pages that hold a
// form. Mounts through Material's document$ so it survives instant navigation.
//
// What it does for each form:
// - restores the answers kept in this browser (storage.js), and the name of
//   the organisation (this questionnaire's, else the last one used);
// - saves every change at once; when the browser refuses (storage full or
//   blocked), shows a French warning with an export button, and keeps
//   everything typed in the form;
// - shows progress, exports JSON / Markdown / CSV (answers.js), imports a
//   JSON file after validation and an explicit confirmation, prints a clean
//   report, and resets after an explicit confirmation;
// - lists the unanswered questions as links ("Il reste : …");
// - stays in step with other tabs: a save writes only the question just
//   changed into the freshest stored record (so two tabs never drop each
//   other's answers), and the `storage` event shows the other tab's changes
//   here. When the other tab changed the very text being written here, that
//   text is kept: the change is announced in the polite status, and two
//   buttons under the field offer the choice. Focus and scroll never move,
//   so typing on never presses a button;
// - when another tab erases everything ("Tout effacer de cet appareil"),
//   drops the answers and the organisation's name it shows, so that the
//   next click cannot write them back.
// User text is only ever written with textContent or form values.

import * as storage from "./core/storage.js";
import * as answersFormat from "./answers.js";
import { isMounted, mount } from "./core/mount.js";
import { progressText as rulesProgress } from "./rules.js";

const MIME = {
  json: "application/json",
  md: "text/markdown;charset=utf-8",
  csv: "text/csv;charset=utf-8",
};

// One query per question, by name: filtering every radio of the form for each
// question made restoring a step page's answers quadratic.
function radios(form, name) {
  return Array.from(form.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`));
}

function textareaNamed(form, name) {
  return form.querySelector(`textarea[name="${CSS.escape(name)}"]`);
}

// Browsers that size a text box to its content in CSS (questionnaires.css,
// `field-sizing: content`) need no script: measuring forces a layout.
const SIZED_BY_CSS = typeof CSS !== "undefined" && CSS.supports && CSS.supports("field-sizing", "content");

function autosize(area) {
  autosizeAll([area]);
}

// All heights are read after all are reset, then written: one layout for the
// whole form, not one per text box (seven on a step page: a long task).
function autosizeAll(areas) {
  if (SIZED_BY_CSS) return;
  for (const area of areas) area.style.height = "auto";
  const heights = Array.from(areas, (area) => area.scrollHeight);
  areas.forEach((area, i) => {
    area.style.height = `${heights[i] + 2}px`;
  });
}

class QuestionnaireForm {
  constructor(form) {
    this.form = form;
    this.definition = JSON.parse(form.querySelector(".mu-q-definition").textContent);
    // Python's rules (macros/questionnaire_rules.py): vocabularies, limits,
    // progress sentence, locale.
    this.rules = this.definition.rules;
    answersFormat.useRules(this.rules);
    this.questions = answersFormat.questionsOf(this.definition);
    this.id = this.definition.id;
    this.version = this.definition.version;
    const prefix = form.id;
    this.toolbar = form.querySelector(".mu-q-toolbar");
    this.organisation = form.querySelector(`#${prefix}--organisation`);
    this.progress = form.querySelector(`#${prefix}--progress`);
    this.progressLabel = form.querySelector(`#${prefix}--progress-text`);
    this.status = form.querySelector(`#${prefix}--status`);
    this.confirmBox = form.querySelector(`#${prefix}--confirm`);
    this.importInput = form.querySelector(`#${prefix}--import`);
    this.warning = form.querySelector(`#${prefix}--storage-warning`);
    this.pendingConfirm = null;
    this.opener = null;
    // Questions changed in another tab while written here: id -> {theirs, box}.
    this.conflicts = new Map();
    // The text question last typed into here, until another field is entered:
    // its text is "being written" even once the tab or the window has lost focus.
    this.writing = null;
    this.storageFailed = false;
    this.byId = new Map(this.questions.map((q) => [q.id, q]));
    this.remaining = document.createElement("p");
    this.remaining.className = "mu-q-remaining";
    this.remaining.id = `${prefix}--remaining`;
    // Another tab's change to the text being written here is said in this
    // polite region, which takes no room: nothing above the field moves.
    this.news = document.createElement("p");
    this.news.className = "mu-visually-hidden";
    this.news.id = `${prefix}--news`;
    this.news.setAttribute("role", "status");
    this.news.setAttribute("aria-live", "polite");
  }

  mount() {
    const record = storage.loadRecord(this.id, this.version);
    const answers = record ? answersFormat.sanitizeAnswers(this.definition, record.answers) : {};
    this.organisation.value = (record && record.organisation) || storage.loadOrganisation();
    this.writeAnswers(answers);
    this.progress.closest(".mu-q-progress").after(this.remaining);
    this.status.after(this.news);
    this.updateProgress();
    this.toolbar.hidden = false;
    if (storage.takeSetAside().length) this.say(storage.DAMAGED_MESSAGE, "error");
    this.form.addEventListener("input", (event) => this.onChange(event));
    this.form.addEventListener("change", (event) => this.onChange(event));
    this.form.addEventListener("click", (event) => this.onClick(event));
    this.form.addEventListener("focusin", (event) => {
      if (event.target.matches("input, textarea, select") && this.questionIdOf(event.target) !== this.writing) this.writing = null;
    });
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.importInput.addEventListener("change", () => this.onImportFile());
    this.onStorage = (event) => this.onStorageEvent(event);
    window.addEventListener("storage", this.onStorage);
    storage.onErasedElsewhere(this.form, () => this.dropAll());
  }

  // ------------------------------------------------------------ form <-> answers

  readAnswers() {
    const answers = {};
    for (const question of this.questions) {
      if (question.kind === "text") {
        const area = textareaNamed(this.form, question.id);
        if (area && area.value.trim() !== "") answers[question.id] = { value: area.value };
        continue;
      }
      const checked = radios(this.form, question.id).find((input) => input.checked);
      const value = checked ? checked.value : "";
      const entry = { value };
      if (question.kind === "rating") {
        const note = textareaNamed(this.form, `${question.id}__note`);
        if (note && note.value.trim() !== "") entry.note = note.value;
      }
      if (value || entry.note) answers[question.id] = entry;
    }
    return answers;
  }

  // Every question, then every text box sized at once (one layout).
  writeAnswers(answers) {
    this.closeConflicts();
    for (const question of this.questions) this.writeQuestion(question, answers[question.id], false);
    autosizeAll(Array.from(this.form.querySelectorAll("textarea")));
  }

  writeQuestion(question, given, resize = true) {
    const answer = given || {};
    if (question.kind === "text") {
      const area = textareaNamed(this.form, question.id);
      if (area) {
        area.value = typeof answer.value === "string" ? answer.value : "";
        if (resize) autosize(area);
      }
      return;
    }
    for (const input of radios(this.form, question.id)) input.checked = input.value === answer.value;
    if (question.kind === "rating") {
      const note = textareaNamed(this.form, `${question.id}__note`);
      if (note) {
        note.value = typeof answer.note === "string" ? answer.note : "";
        if (resize) autosize(note);
      }
    }
  }

  record() {
    return { organisation: this.organisation.value.trim(), answers: this.readAnswers() };
  }

  // ------------------------------------------------------------ saving

  // Writes the form's answer to the questions in `changed` (ids) into the
  // stored record as it is now, so another tab's answers to other questions
  // are kept. Without `changed`, the whole form is written (import, erase).
  save(changed) {
    const record = this.record();
    if (changed) {
      const stored = storage.loadRecord(this.id, this.version);
      const merged = stored ? answersFormat.sanitizeAnswers(this.definition, stored.answers) : {};
      for (const id of changed) {
        if (record.answers[id]) merged[id] = record.answers[id];
        else delete merged[id];
      }
      record.answers = merged;
    }
    const result = storage.saveRecord(this.id, this.version, record);
    if (result.ok && record.organisation) storage.saveOrganisation(record.organisation);
    this.showStorageState(result);
  }

  showStorageState(result) {
    if (result.ok) {
      if (this.storageFailed) {
        this.storageFailed = false;
        this.warning.hidden = true;
      }
      return;
    }
    if (this.storageFailed) return; // already shown; do not repeat the alert at each key press
    this.storageFailed = true;
    // Closing or reloading the tab would lose what is typed: let the browser ask first.
    window.addEventListener("beforeunload", (event) => {
      if (this.storageFailed && this.form.isConnected && Object.keys(this.readAnswers()).length) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    this.warning.querySelector(".mu-q-storage-message").textContent =
      `${result.message} Vos réponses restent affichées dans cette page tant qu'elle est ouverte : ` +
      "exportez-les pour ne pas les perdre.";
    this.warning.hidden = false;
  }

  updateProgress() {
    const answers = this.readAnswers();
    const { answered, total } = answersFormat.countAnswered(this.definition, answers);
    this.progress.max = total;
    this.progress.value = answered;
    this.progressLabel.textContent = rulesProgress(this.rules, answered, total);
    this.renderRemaining(answers);
  }

  // "Il reste : 3. Label, 5. Label et 4 autres questions." as links.
  renderRemaining(answers) {
    const left = [];
    this.questions.forEach((question, index) => {
      if (!answersFormat.isAnswered(question, answers[question.id])) left.push([index + 1, question]);
    });
    this.remaining.replaceChildren();
    if (left.length === 0) {
      this.remaining.textContent = "Toutes les questions ont une réponse.";
      return;
    }
    const shown = left.slice(0, 5);
    this.remaining.append("Il reste : ");
    shown.forEach(([number, question], i) => {
      if (i > 0) this.remaining.append(i === shown.length - 1 && left.length === shown.length ? " et " : ", ");
      const link = document.createElement("a");
      link.href = `#${this.form.id}-${question.id}`;
      link.textContent = `${number}. ${question.label}`;
      this.remaining.append(link);
    });
    const more = left.length - shown.length;
    this.remaining.append(more > 0 ? ` et ${more} ${more > 1 ? "autres questions" : "autre question"}.` : ".");
  }

  questionIdOf(target) {
    const name = target && target.name ? String(target.name).replace(/__note$/, "") : "";
    return this.byId.has(name) ? name : null;
  }

  onChange(event) {
    const target = event.target;
    if (target === this.importInput) return;
    if (target instanceof HTMLTextAreaElement) autosize(target);
    const id = this.questionIdOf(target);
    // Typed text is saved at once, also while a conflict is open (the other
    // tab's version stays one click away until the choice is made).
    if (id && event.type === "input" && target instanceof HTMLTextAreaElement) this.writing = id;
    this.save(id ? [id] : []);
    this.updateProgress();
  }

  // ------------------------------------------------------------ other tabs

  onStorageEvent(event) {
    if (!this.form.isConnected) {
      window.removeEventListener("storage", this.onStorage);
      return;
    }
    const key = storage.storageKey("questionnaire", this.id, this.version);
    if (event.key !== null && event.key !== key) return;
    const record = storage.loadRecord(this.id, this.version);
    if (!record) {
      const shown = Object.keys(this.readAnswers()).length > 0;
      this.closeConflicts();
      this.writeAnswers({});
      this.updateProgress();
      if (shown) this.announce("Ces réponses ont été effacées dans un autre onglet.");
      return;
    }
    const theirs = answersFormat.sanitizeAnswers(this.definition, record.answers);
    const mine = this.readAnswers();
    const active = document.activeElement;
    // The text being written here: the focused text box's, the last one typed
    // into, and those whose conflict is still open.
    const writing = new Set(this.conflicts.keys());
    if (this.writing) writing.add(this.writing);
    if (active && this.form.contains(active) && active instanceof HTMLTextAreaElement) {
      const id = this.questionIdOf(active);
      if (id) writing.add(id);
    }
    const same = (a, b) => JSON.stringify(a || null) === JSON.stringify(b || null);
    let changed = 0;
    const opened = [];
    for (const question of this.questions) {
      const open = this.conflicts.get(question.id);
      if (same(mine[question.id], theirs[question.id])) {
        if (open) this.closeConflict(question.id); // both tabs now hold the same text
        continue;
      }
      if (open) {
        open.theirs = theirs[question.id]; // the choice takes the other tab's latest version
        continue;
      }
      if (writing.has(question.id)) {
        this.openConflict(question, theirs[question.id]);
        opened.push(question);
        continue;
      }
      this.writeQuestion(question, theirs[question.id]);
      changed += 1;
    }
    if (record.organisation && record.organisation !== this.organisation.value.trim() && active !== this.organisation) {
      this.organisation.value = record.organisation;
    }
    this.updateProgress();
    if (opened.length) {
      const labels = opened.map((question) => `« ${question.label} »`).join(", ");
      this.news.textContent =
        `${opened.length > 1 ? `Les questions ${labels} viennent` : `La question ${labels} vient`} d'être modifiée${opened.length > 1 ? "s" : ""} ` +
        "dans un autre onglet pendant que vous écriviez ici. Votre texte est gardé : choisissez sous la question quelle version garder.";
    } else if (changed && this.conflicts.size === 0) {
      this.announce(`${changed > 1 ? `${changed} réponses mises à jour` : "1 réponse mise à jour"} depuis un autre onglet.`);
    }
  }

  // The text box of a question that can be written in (a text, or a rating's note).
  fieldOf(question) {
    return textareaNamed(this.form, question.kind === "rating" ? `${question.id}__note` : question.id);
  }

  // Two buttons right under the field; nothing takes focus or scrolls.
  openConflict(question, theirs) {
    const box = document.createElement("div");
    box.className = "mu-q-conflict";
    box.dataset.question = question.id;
    const text = document.createElement("p");
    text.textContent = "Cette réponse vient d'être modifiée dans un autre onglet. Votre texte reste ici tant que vous n'avez pas choisi.";
    const buttons = document.createElement("div");
    buttons.className = "mu-q-confirm";
    for (const [action, label, primary] of [
      ["conflict-mine", "Garder la mienne", true],
      ["conflict-theirs", "Prendre la version de l'autre onglet", false],
    ]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = primary ? "md-button md-button--primary" : "md-button";
      button.dataset.action = action;
      button.dataset.question = question.id;
      button.textContent = label;
      buttons.append(button);
    }
    box.append(text, buttons);
    const field = this.fieldOf(question);
    (field || this.form.querySelector(`#${CSS.escape(this.form.id)}-${CSS.escape(question.id)}`)).after(box);
    this.conflicts.set(question.id, { theirs, box });
  }

  closeConflict(id) {
    const open = this.conflicts.get(id);
    if (!open) return;
    open.box.remove();
    this.conflicts.delete(id);
  }

  closeConflicts() {
    for (const id of Array.from(this.conflicts.keys())) this.closeConflict(id);
  }

  // The choice under the field. Focus goes back into the field, which is right above.
  chooseVersion(id, takeTheirs) {
    const open = this.conflicts.get(id);
    const question = this.byId.get(id);
    if (!open || !question) return;
    const inBox = open.box.contains(document.activeElement);
    this.closeConflict(id);
    if (takeTheirs) this.writeQuestion(question, open.theirs);
    this.save([id]);
    this.updateProgress();
    const field = this.fieldOf(question);
    if (inBox && field) field.focus({ preventScroll: true });
    this.say(takeTheirs ? "La version de l'autre onglet est reprise." : "Votre version est gardée et enregistrée.");
  }

  // "Tout effacer de cet appareil" in another tab: nothing of what this page
  // shows may be written back.
  dropAll() {
    this.closeConflicts();
    this.writing = null;
    this.writeAnswers({});
    this.organisation.value = "";
    this.updateProgress();
    this.hideConfirm();
    this.announce("Tout ce que Mutuus gardait sur cet appareil vient d'être effacé dans un autre onglet : cette page l'a effacé aussi.");
  }

  // ------------------------------------------------------------ messages

  say(message, kind = "info") {
    this.hideConfirm();
    this.status.dataset.kind = kind;
    this.status.textContent = message;
  }

  // News from another tab: said in the polite status, unless a question of
  // this page is waiting there for an answer.
  announce(message) {
    if (!this.confirmBox.hidden) return;
    this.say(message);
  }

  // A question with two buttons. Whatever the answer, focus goes back to the
  // control that opened it (`opener`, else the focused element at the time).
  ask(message, yesLabel, onYes, { focusCancel = false, no = null, noLabel = "Annuler", opener = null } = {}) {
    this.opener = opener || document.activeElement;
    this.status.dataset.kind = "question";
    this.status.textContent = message;
    const yes = this.confirmBox.querySelector('[data-action="confirm-yes"]');
    yes.textContent = yesLabel;
    this.confirmBox.querySelector('[data-action="confirm-no"]').textContent = noLabel;
    this.pendingConfirm = onYes;
    this.pendingNo = no;
    this.confirmBox.hidden = false;
    (focusCancel ? this.confirmBox.querySelector('[data-action="confirm-no"]') : yes).focus();
  }

  hideConfirm() {
    this.pendingConfirm = null;
    this.pendingNo = null;
    this.confirmBox.hidden = true;
  }

  giveFocusBack() {
    const opener = this.opener;
    this.opener = null;
    if (opener && opener.isConnected && typeof opener.focus === "function") opener.focus();
  }

  // ------------------------------------------------------------ actions

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button || !this.form.contains(button)) return;
    const action = button.dataset.action;
    if (action === "export-json") this.export("json");
    else if (action === "export-markdown") this.export("md");
    else if (action === "export-csv") this.export("csv");
    else if (action === "print") this.print();
    else if (action === "reset") this.askReset();
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
      else this.say("Action annulée : rien n'a changé.");
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
    this.say(`Export prêt : ${name} (dans le dossier des téléchargements de votre navigateur).`);
  }

  fillPrintHeader() {
    const name = this.organisation.value.trim();
    this.form.querySelector(".mu-q-print-organisation").textContent = name || "(non précisée)";
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
    this.ask(
      `Effacer vos ${answered > 1 ? `${answered} réponses` : "réponses"} à « ${this.definition.title} » ? ` +
        "Elles seront supprimées de ce navigateur. Exportez-les d'abord si vous voulez les garder.",
      "Oui, tout effacer",
      () => this.reset(),
      { focusCancel: true },
    );
  }

  reset() {
    this.writeAnswers({});
    const result = storage.clearRecord(this.id, this.version);
    this.updateProgress();
    this.say(
      result.ok
        ? "Vos réponses ont été effacées. Le nom de l'organisation est conservé."
        : "Vos réponses ont été effacées de la page, mais pas de ce navigateur (stockage inaccessible).",
    );
  }

  async onImportFile() {
    const file = this.importInput.files && this.importInput.files[0];
    if (!file) return;
    let text;
    try {
      if (file.size > answersFormat.MAX_FILE_BYTES) {
        text = null;
      } else {
        text = await file.text();
      }
    } catch (_) {
      text = undefined;
    } finally {
      this.importInput.value = "";
    }
    if (text === null) {
      this.say("Ce fichier est trop volumineux pour être un export de réponses. Vos réponses actuelles n'ont pas changé.", "error");
      return;
    }
    if (text === undefined) {
      this.say("Ce fichier n'a pas pu être lu. Vos réponses actuelles n'ont pas changé.", "error");
      return;
    }
    const result = answersFormat.parseAnswersFile(text, this.definition);
    if (!result.ok) {
      this.say(result.message, "error");
      return;
    }
    const summary = answersFormat.importSummary(this.definition, result.data, this.readAnswers());
    this.ask(summary, "Remplacer mes réponses", () => this.applyImport(result.data), { opener: this.importInput });
  }

  applyImport(data) {
    this.writeAnswers(data.answers);
    if (data.organisation) this.organisation.value = data.organisation;
    this.save();
    this.updateProgress();
    const { answered, total } = answersFormat.countAnswered(this.definition, this.readAnswers());
    this.say(`Réponses importées : ${rulesProgress(this.rules, answered, total)}.`, "success");
  }
}

window.addEventListener("beforeprint", () => {
  for (const form of document.querySelectorAll("form.mu-questionnaire")) {
    if (!isMounted(form)) continue;
    const name = form.querySelector('input[name="organisation"]').value.trim();
    form.querySelector(".mu-q-print-organisation").textContent = name || "(non précisée)";
    form.querySelector(".mu-q-print-date").textContent = answersFormat.formatDate(new Date().toISOString());
    for (const note of form.querySelectorAll(".mu-q-note")) {
      note.dataset.empty = String(note.querySelector("textarea").value.trim() === "");
    }
  }
});

// Mounted once per form, on each page Material shows (mount.js). If the
// form cannot start, the printable checklist stays as it is.
mount("form.mu-questionnaire", (form) => new QuestionnaireForm(form).mount());
