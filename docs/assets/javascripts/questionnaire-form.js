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
//   here. When the other tab changed the very field being edited here, the
//   page asks which version to keep.
// User text is only ever written with textContent or form values.

import * as storage from "./storage.js";
import * as answersFormat from "./answers.js";
import { mount } from "./mount.js";
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
    this.held = null;
    this.storageFailed = false;
    this.byId = new Map(this.questions.map((q) => [q.id, q]));
    this.remaining = document.createElement("p");
    this.remaining.className = "mu-q-remaining";
    this.remaining.id = `${prefix}--remaining`;
  }

  mount() {
    const record = storage.loadRecord(this.id, this.version);
    const answers = record ? answersFormat.sanitizeAnswers(this.definition, record.answers) : {};
    this.organisation.value = (record && record.organisation) || storage.loadOrganisation();
    this.writeAnswers(answers);
    this.progress.closest(".mu-q-progress").after(this.remaining);
    this.updateProgress();
    this.toolbar.hidden = false;
    if (storage.takeSetAside().length) this.say(storage.DAMAGED_MESSAGE, "error");
    this.form.dataset.mounted = "true";
    this.form.addEventListener("input", (event) => this.onChange(event));
    this.form.addEventListener("change", (event) => this.onChange(event));
    this.form.addEventListener("click", (event) => this.onClick(event));
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.importInput.addEventListener("change", () => this.onImportFile());
    this.onStorage = (event) => this.onStorageEvent(event);
    window.addEventListener("storage", this.onStorage);
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
    if (id && id === this.held) {
      // The blur that moved focus to the question fires "change": not a choice.
      if (event.type !== "input") return;
      this.hideConfirm(); // typing on: this version is kept
    }
    this.save(id ? [id] : []);
    this.updateProgress();
  }

  // ------------------------------------------------------------ other tabs

  onStorageEvent(event) {
    if (!this.form.isConnected) {
      window.removeEventListener("storage", this.onStorage);
      return;
    }
    const key = storage.questionnaireKey(this.id, this.version);
    if (event.key !== null && event.key !== key) return;
    const record = storage.loadRecord(this.id, this.version);
    if (!record) {
      this.writeAnswers({});
      this.updateProgress();
      this.say("Ces réponses ont été effacées dans un autre onglet.");
      return;
    }
    const theirs = answersFormat.sanitizeAnswers(this.definition, record.answers);
    const mine = this.readAnswers();
    const active = document.activeElement;
    // The field being typed in, or the one whose conflict is still asked about.
    const editing =
      this.held || (active && this.form.contains(active) && active instanceof HTMLTextAreaElement ? this.questionIdOf(active) : null);
    const same = (a, b) => JSON.stringify(a || null) === JSON.stringify(b || null);
    let changed = 0;
    let conflict = null;
    for (const question of this.questions) {
      if (same(mine[question.id], theirs[question.id])) continue;
      if (question.id === editing) {
        conflict = question;
        continue;
      }
      this.writeQuestion(question, theirs[question.id]);
      changed += 1;
    }
    if (record.organisation && record.organisation !== this.organisation.value.trim() && active !== this.organisation) {
      this.organisation.value = record.organisation;
    }
    this.updateProgress();
    if (conflict && this.held === conflict.id) {
      // Already asked: the answer will use the latest version of the other tab.
      this.heldTheirs = theirs[conflict.id];
    } else if (conflict) {
      const opener = active;
      this.held = conflict.id;
      this.heldTheirs = theirs[conflict.id];
      this.ask(
        `La question « ${conflict.label} » vient d'être modifiée dans un autre onglet, pendant que vous l'écriviez ici. Quelle version garder ?`,
        "Prendre la version de l'autre onglet",
        () => {
          this.held = null;
          this.writeQuestion(conflict, this.heldTheirs);
          this.updateProgress();
          this.say("La version de l'autre onglet est reprise.");
        },
        {
          no: () => {
            this.held = null;
            this.save([conflict.id]);
            this.say("Votre version est gardée et enregistrée.");
          },
          noLabel: "Garder la mienne",
          opener,
        },
      );
    } else if (changed && !this.held) {
      this.say(`${changed > 1 ? `${changed} réponses mises à jour` : "1 réponse mise à jour"} depuis un autre onglet.`);
    }
  }

  // ------------------------------------------------------------ messages

  say(message, kind = "info") {
    this.hideConfirm();
    this.status.dataset.kind = kind;
    this.status.textContent = message;
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
    this.held = null;
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
  for (const form of document.querySelectorAll("form.mu-questionnaire[data-mounted]")) {
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
