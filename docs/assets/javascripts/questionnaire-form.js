// Mutuus: questionnaire forms (form.mu-questionnaire rendered by the
// `questionnaire(id)` macro). Imported by tools.js on the pages that hold a
// form; mounted by core/mount.js, so it survives instant navigation.
//
// What it does for each form:
// - restores the answers kept in this browser (core/storage.js), and the name of
//   the organisation (this questionnaire's, else the last one used);
// - saves every change at once; when the browser refuses (storage full or
//   blocked), shows a warning with an export button, and keeps
//   everything typed in the form;
// - shows progress, exports JSON / Markdown / CSV (answers.js), imports a
//   JSON file after validation and an explicit confirmation, prints a clean
//   report, and resets after an explicit confirmation (questionnaire-actions.js);
// - lists the unanswered questions as links ("Il reste : …");
// - stays in step with other tabs: a save writes only the question just
//   changed into the freshest stored record (so two tabs never drop each
//   other's answers), and the `storage` event shows the other tab's changes
//   here. When the other tab changed the very text being written here, that
//   text is kept: the change is announced in the polite status, and two
//   buttons under the field offer the choice. Focus and scroll never move,
//   so typing on never presses a button (questionnaire-tabs.js);
// - keeps what was typed or chosen before this module came (a slow first
//   load) over the answers it restores, the kept answer offered under a
//   question whose text or choice differs (core/mount.js takeTypedEarly);
// - when another tab erases everything ("Tout effacer de cet appareil"),
//   drops the answers and the organisation's name it shows, so that the
//   next click cannot write them back.
// Fields are read and written by questionnaire-fields.js.
// User text is only ever written with textContent or form values.

import * as answersFormat from "./answers.js";
import { guardLeaving } from "./core/leaving.js";
import { isMounted, mount, takeTypedEarly } from "./core/mount.js";
import * as storage from "./core/storage.js";
import { joinList, t } from "./core/words.js";
import { ActionMethods } from "./questionnaire-actions.js";
import { FieldMethods, autosize } from "./questionnaire-fields.js";
import { TabMethods } from "./questionnaire-tabs.js";
import { progressText as rulesProgress } from "./rules.js";

// How long after the form is mounted its news region says what was typed
// during the load (screen readers skip a region filled as it appears).
const NEWS_DELAY_MS = 250;

class QuestionnaireForm {
  constructor(form) {
    this.form = form;
    this.definition = JSON.parse(form.querySelector(".mu-q-definition").textContent);
    // Python's rules (macros/questionnaire_rules.py): vocabularies, limits, locale.
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
    this.undoButton = form.querySelector('[data-action="undo-import"]');
    this.beforeImport = null; // the answers an import replaced, while its undo is offered
    this.importSaid = null;
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
    const early = this.typedEarly(); // read before the kept answers are written
    const record = storage.loadRecord(this.id, this.version);
    const answers = record ? answersFormat.sanitizeAnswers(this.definition, record.answers) : {};
    const typed = this.mergeTypedEarly(early, answers);
    this.organisation.value = (record && record.organisation) || storage.loadOrganisation();
    this.writeAnswers(typed.answers);
    this.progress.closest(".mu-q-progress").after(this.remaining);
    this.status.after(this.news);
    this.toolbar.hidden = false; // before keepTypedEarly: a live region filled while hidden is not read out
    this.keepTypedEarly(typed);
    this.updateProgress();
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

  // The answers the reader gave before this module came (a slow first
  // load): {id: answer}. (The organisation's name is in the toolbar, shown
  // once the form is mounted.)
  typedEarly() {
    const all = this.readAnswers();
    const answers = {};
    for (const field of takeTypedEarly(this.form)) {
      const id = this.questionIdOf(field);
      if (id && all[id]) answers[id] = all[id];
    }
    return answers;
  }

  // What was typed before goes over the kept answers, each field written
  // once (a second write would move the caret of the field being typed in):
  // -> {answers: to write, changed: [id], differ: [[question, kept answer]]},
  // differ: a text typed over a different kept text, or a choice made over
  // a different kept choice (the page looked unanswered while it loaded: a
  // reader who answers again must not lose the answer of before unseen).
  mergeTypedEarly(early, kept) {
    const answers = { ...kept };
    const changed = [];
    const differ = [];
    const textOf = (question, answer) => (answer && (question.kind === "text" ? answer.value : answer.note)) || "";
    for (const [id, typed] of Object.entries(early)) {
      const question = this.byId.get(id);
      const before = kept[id];
      if (JSON.stringify(typed) === JSON.stringify(before || null)) continue;
      const mine = textOf(question, typed);
      const theirs = textOf(question, before);
      // A rating keeps the kept half the reader did not touch (its choice, or its note).
      const answer = question.kind === "rating" ? { value: typed.value || (before && before.value) || "" } : { ...typed };
      if (question.kind === "rating" && (mine || theirs)) answer.note = mine || theirs;
      answers[id] = answer;
      changed.push(id);
      const otherText = mine && theirs && mine !== theirs;
      const otherChoice = question.kind !== "text" && typed.value && before && before.value && typed.value !== before.value;
      if (otherText || otherChoice) differ.push([question, before]);
    }
    return { answers, changed, differ };
  }

  // Then saved at once, as any answer; an answer that differs from the kept
  // one has the kept one a click away under it (as another tab's has).
  keepTypedEarly({ changed, differ }) {
    for (const [question, before] of differ) this.openConflict(question, before, { stored: true });
    if (changed.length) this.save(changed);
    if (differ.length) {
      const message = t("questionnaires.typed_while_loading", { n: differ.length, labels: joinList(differ.map(([question]) => question.label), true) });
      // A moment later: a region just added to the page and filled in the
      // same task is not read out by screen readers.
      setTimeout(() => {
        if (!this.news.textContent) this.news.textContent = message;
      }, NEWS_DELAY_MS);
    }
  }

  // Writes the form's answer to the questions in `changed` (ids) into the
  // stored record as it is now, so another tab's answers to other questions
  // are kept. Without `changed`, the whole form is written (import, erase).
  // `ownName`: the reader typed the organisation's name, which the other
  // questionnaires then start from; else (an answer, an import: a partner's
  // file may bring its own name) the name is this questionnaire's only.
  save(changed, { ownName = false } = {}) {
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
    if (result.ok && record.organisation && ownName) storage.saveOrganisation(record.organisation);
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
    this.askBeforeLeaving();
    this.warning.querySelector(".mu-q-storage-message").textContent =
t("questionnaires.storage_kept", { message: result.message });
    this.warning.hidden = false;
  }

  // While the browser keeps nothing, leaving the page would lose what is
  // typed: closing, a link, Back or Forward ask first (core/leaving.js).
  // Installed once per form; it does nothing once the form has left the page
  // or saves again.
  askBeforeLeaving() {
    if (this.leavingGuarded) return;
    this.leavingGuarded = true;
    guardLeaving({
      unsaved: () => this.storageFailed && this.form.isConnected && Object.keys(this.readAnswers()).length > 0,
      message: t("questionnaires.leave_unsaved"),
      ask: (message, leave) =>
        this.ask(message, t("questionnaires.leave_yes"), leave, {
          focusCancel: true,
          noLabel: t("questionnaires.leave_no"),
          no: () => this.say(t("questionnaires.leave_stayed")),
        }),
    });
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
    // Unchanged: the links stay. (Leaving a text box fires "change" between
    // the press on a link and its click; a list rebuilt then lost the click.)
    const shownKey = left.map(([number]) => number).join(",");
    if (shownKey === this.remainingKey) return;
    this.remainingKey = shownKey;
    this.remaining.replaceChildren();
    if (left.length === 0) {
      this.remaining.textContent = t("questionnaires.all_answered");
      return;
    }
    const shown = left.slice(0, 5);
    this.remaining.append(`${t("questionnaires.remaining")} `);
    shown.forEach(([number, question], i) => {
      if (i > 0) this.remaining.append(i === shown.length - 1 && left.length === shown.length ? ` ${t("common.and")} ` : ", ");
      const link = document.createElement("a");
      link.href = `#${this.form.id}-${question.id}`;
      link.textContent = `${number}. ${question.label}`;
      this.remaining.append(link);
    });
    const more = left.length - shown.length;
    this.remaining.append(more > 0 ? ` ${t("common.and")} ${t("questionnaires.remaining_more", { n: more })}.` : ".");
  }

  onChange(event) {
    const target = event.target;
    if (target === this.importInput) return;
    this.dropUndo(); // an answer changed: the import's undo would lose it
    if (target instanceof HTMLTextAreaElement) autosize(target);
    const id = this.questionIdOf(target);
    // Typed text is saved at once, also while a conflict is open (the other
    // tab's version stays one click away until the choice is made).
    if (id && event.type === "input" && target instanceof HTMLTextAreaElement) this.writing = id;
    if (id) this.closeConflictIfSame(id); // the reader gave the other version by hand: nothing left to choose
    this.save(id ? [id] : [], { ownName: target === this.organisation });
    this.updateProgress();
  }

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
  ask(message, yesLabel, onYes, { focusCancel = false, no = null, noLabel = t("core.cancel"), opener = null } = {}) {
    // A question asked over an open one (Back pressed twice) keeps the first's opener.
    const inBox = this.confirmBox.contains(document.activeElement);
    this.opener = opener || (inBox && this.opener ? this.opener : document.activeElement);
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
}

// The methods written in the form's other modules.
for (const part of [FieldMethods, TabMethods, ActionMethods]) {
  for (const name of Object.getOwnPropertyNames(part.prototype)) {
    if (name !== "constructor") Object.defineProperty(QuestionnaireForm.prototype, name, Object.getOwnPropertyDescriptor(part.prototype, name));
  }
}

window.addEventListener("beforeprint", () => {
  for (const form of document.querySelectorAll("form.mu-questionnaire")) {
    if (!isMounted(form)) continue;
    const name = form.querySelector('input[name="organisation"]').value.trim();
    form.querySelector(".mu-q-print-organisation").textContent = name || t("answers.unnamed");
    form.querySelector(".mu-q-print-date").textContent = answersFormat.formatDate(new Date().toISOString());
    for (const note of form.querySelectorAll(".mu-q-note")) {
      note.dataset.empty = String(note.querySelector("textarea").value.trim() === "");
    }
  }
});

// Mounted once per form, on each page Material shows (mount.js). If the
// form cannot start, the printable checklist stays as it is.
mount("form.mu-questionnaire", (form) => new QuestionnaireForm(form).mount());
