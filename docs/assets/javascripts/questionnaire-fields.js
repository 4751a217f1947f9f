// Mutuus: a questionnaire form's fields read and written (DOM only), as
// methods of the form (questionnaire-form.js adds them to its class).

// One query per question, by name: filtering every radio of the form for each
// question made restoring a step page's answers quadratic.
export function radios(form, name) {
  return Array.from(form.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`));
}

export function textareaNamed(form, name) {
  return form.querySelector(`textarea[name="${CSS.escape(name)}"]`);
}

// Browsers that size a text box to its content in CSS (questionnaires.css,
// `field-sizing: content`) need no script: measuring forces a layout.
const SIZED_BY_CSS = typeof CSS !== "undefined" && CSS.supports && CSS.supports("field-sizing", "content");

export function autosize(area) {
  autosizeAll([area]);
}

// All heights are read after all are reset, then written: one layout for the
// whole form, not one per text box (seven on a step page: a long task).
export function autosizeAll(areas) {
  if (SIZED_BY_CSS) return;
  for (const area of areas) area.style.height = "auto";
  const heights = Array.from(areas, (area) => area.scrollHeight);
  areas.forEach((area, i) => {
    area.style.height = `${heights[i] + 2}px`;
  });
}

export class FieldMethods {
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

  questionIdOf(target) {
    const name = target && target.name ? String(target.name).replace(/__note$/, "") : "";
    return this.byId.has(name) ? name : null;
  }

  // The text box of a question that can be written in (a text, or a rating's note).
  fieldOf(question) {
    return textareaNamed(this.form, question.kind === "rating" ? `${question.id}__note` : question.id);
  }

  // The words of the option `answer` chose ("" when it chose none).
  optionLabel(question, answer) {
    const value = answer && answer.value;
    const input = value ? radios(this.form, question.id).find((option) => option.value === value) : null;
    const label = input && input.labels && input.labels[0];
    return label ? label.textContent.trim() : "";
  }

  // Where focus goes back once a choice is made in the box under a question:
  // its checked option (else its first) when the box was about the choice,
  // else its text box.
  focusTarget(question, byChoice = false) {
    const options = radios(this.form, question.id);
    const option = options.find((input) => input.checked) || options[0] || null;
    return (byChoice && option) || this.fieldOf(question) || option;
  }
}
