// Mutuus: a questionnaire form in step with the other tabs (DOM only), as
// methods of the form (questionnaire-form.js adds them to its class).
//
// A save writes only the question just changed into the freshest stored
// record, so two tabs never drop each other's answers; the `storage` event
// shows the other tab's changes here. When the other tab changed the very
// text being written here, that text is kept: the change is announced in
// the polite status, and two buttons under the field offer the choice.
// Focus and scroll never move, so typing on never presses a button.

import * as storage from "./core/storage.js";
import { joinList, t } from "./core/words.js";
import { sanitizeAnswers } from "./answers.js";

export class TabMethods {
  onStorageEvent(event) {
    if (!this.form.isConnected) {
      window.removeEventListener("storage", this.onStorage);
      return;
    }
    const key = storage.storageKey("questionnaire", this.id, this.version);
    if (event.key !== null && event.key !== key) return;
    const record = storage.loadRecord(this.id, this.version);
    if (!record) {
      this.dropUndo();
      const shown = Object.keys(this.readAnswers()).length > 0;
      this.closeConflicts();
      this.writeAnswers({});
      this.updateProgress();
      if (shown) this.announce(t("questionnaires.erased_elsewhere"));
      return;
    }
    const active = document.activeElement;
    const { changed, opened } = this.takeTheirs(sanitizeAnswers(this.definition, record.answers), active);
    const renamed = (record.organisation || "") !== this.organisation.value.trim();
    if (changed || opened.length || renamed) this.dropUndo(); // its undo would lose the other tab's answers or name
    if (record.organisation && record.organisation !== this.organisation.value.trim() && active !== this.organisation) {
      this.organisation.value = record.organisation;
    }
    this.updateProgress();
    if (opened.length) {
      const labels = joinList(opened.map((question) => question.label), true);
      this.news.textContent = t("questionnaires.changed_while_writing", { n: opened.length, labels });
    } else if (changed) {
      // Also while a box waits under a question: it can wait long (the answer of before).
      this.announce(t("questionnaires.updated_elsewhere", { n: changed }));
    }
  }

  // The other tab's answers written here, except the text being written
  // here, whose conflict opens instead. -> {changed: count, opened: [question]}
  takeTheirs(theirs, active) {
    const mine = this.readAnswers();
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
        // Both tabs now hold the same text; but the kept answer a text typed
        // while the page loaded replaced stays offered (it is only there).
        if (open && !open.stored) this.closeConflict(question.id);
        continue;
      }
      if (open) {
        open.theirs = theirs[question.id]; // the choice takes the other tab's latest version
        // A box that offered the answer of before offers the other tab's now, and says so.
        if (open.stored) opened.push(question);
        this.labelConflict(open, false); // its words name the other tab's latest choice
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
    return { changed, opened };
  }

  // Two buttons right under the field (inside the question, so that its
  // legend names them); nothing takes focus or scrolls. Under the options
  // when the two versions differ by their choice, else under the text box.
  // `stored`: the other version is the answer this device kept, written over
  // by what was typed before the form had come (questionnaire-form.js), not
  // another tab's.
  openConflict(question, theirs, { stored = false } = {}) {
    const box = document.createElement("div");
    box.className = "mu-q-conflict";
    box.dataset.question = question.id;
    const text = document.createElement("p");
    text.id = `${this.form.id}-${question.id}--conflict`;
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", text.id);
    const buttons = document.createElement("div");
    buttons.className = "mu-q-confirm";
    for (const [action, primary] of [
      ["conflict-mine", true],
      ["conflict-theirs", false],
    ]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = primary ? "md-button md-button--primary" : "md-button";
      button.dataset.action = action;
      button.dataset.question = question.id;
      buttons.append(button);
    }
    box.append(text, buttons);
    const byChoice = this.differsByChoice(question, theirs);
    this.conflictPlace(question, byChoice).after(box);
    const open = { theirs, box, byChoice, question };
    this.labelConflict(open, stored);
    this.conflicts.set(question.id, open);
  }

  // The box's words: the other version is another tab's, or (`stored`) the
  // answer this device kept; a box about a choice names the other option.
  labelConflict(open, stored) {
    open.stored = stored;
    const words = [t(stored ? "questionnaires.conflict_stored" : "questionnaires.conflict")];
    const option = open.byChoice ? this.optionLabel(open.question, open.theirs) : "";
    if (option) words.push(t(stored ? "questionnaires.conflict_stored_option" : "questionnaires.conflict_option", { label: option }));
    open.box.querySelector("p").textContent = words.join(" ");
    open.box.querySelector('[data-action="conflict-mine"]').textContent = t("questionnaires.keep_mine");
    open.box.querySelector('[data-action="conflict-theirs"]').textContent = t(stored ? "questionnaires.take_stored" : "questionnaires.take_theirs");
  }

  // Whether the answer shown here and `theirs` differ by their choice only
  // (a choice question, or a rating whose notes are the same).
  differsByChoice(question, theirs) {
    if (question.kind === "text") return false;
    if (question.kind !== "rating") return true;
    const mine = this.readAnswers()[question.id];
    return ((mine && mine.note) || "") === ((theirs && theirs.note) || "");
  }

  // Where the box goes: after the options or after the text box.
  conflictPlace(question, byChoice) {
    const container = this.form.querySelector(`#${CSS.escape(this.form.id)}-${CSS.escape(question.id)}`);
    const options = container && container.querySelector(".mu-q-options");
    return (byChoice && options) || this.fieldOf(question) || options || container;
  }

  // The reader gave the other version by hand (picked the kept option again, say).
  closeConflictIfSame(id) {
    const open = this.conflicts.get(id);
    if (open && JSON.stringify(this.readAnswers()[id] || null) === JSON.stringify(open.theirs || null)) this.closeConflict(id);
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

  // The choice under the field. Focus goes back into the field (or the chosen option), which is right above.
  chooseVersion(id, takeTheirs) {
    const open = this.conflicts.get(id);
    const question = this.byId.get(id);
    if (!open || !question) return;
    // Safari does not focus a button clicked with the mouse: focus is then on the page itself.
    const active = document.activeElement;
    const inBox = open.box.contains(active) || !active || active === document.body;
    this.closeConflict(id);
    if (takeTheirs) this.writeQuestion(question, open.theirs);
    this.save([id]);
    this.updateProgress();
    const field = this.focusTarget(question, open.byChoice);
    if (inBox && field) field.focus({ preventScroll: true });
    this.say(t(takeTheirs ? (open.stored ? "questionnaires.took_stored" : "questionnaires.took_theirs") : "questionnaires.kept_mine"));
  }

  // "Tout effacer de cet appareil" in another tab: nothing of what this page
  // shows may be written back.
  dropAll() {
    this.dropUndo(); // nor brought back by an import's undo
    this.closeConflicts();
    this.writing = null;
    this.writeAnswers({});
    this.organisation.value = "";
    this.updateProgress();
    this.hideConfirm();
    this.announce(t("questionnaires.dropped_all"));
  }
}
