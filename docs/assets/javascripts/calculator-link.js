// The link to a scenario, asked for with « Obtenir un lien vers ce scénario ».
//
// The address carries no value unless the reader asks for this link (query:
// field name = dotted path of the CLI's JSON, value = what was typed).
// Opened, such a link fills the form, then leaves the address without its
// values (the form is kept on this device instead).

import { t } from "./core/words.js";
import { fieldsOf, typedValues } from "./calculator-fields.js";

// The address of this page with the form's values.
export function scenarioLink(form) {
  const url = new URL(form.dataset.page, location.href);
  url.search = typedValues(form).toString();
  return url.href;
}

function isScenarioKey(form, key) {
  const item = /^(\w+)\.\d+\.(\w+)$/.exec(key);
  if (item) {
    const template = form.querySelector(`template[data-row-for="${item[1]}"]`);
    if (template && template.content.querySelector(`[data-key="${item[2]}"]`)) return true;
  }
  return fieldsOf(form).some((el) => el.name === key);
}

// The values a link opened on this page carries, or null.
export function readUrl(form) {
  const values = {};
  let found = false;
  for (const [key, value] of new URL(location.href).searchParams) {
    if (isScenarioKey(form, key)) {
      values[key] = value;
      found = true;
    }
  }
  return found ? values : null;
}

// Only while the form's page is the one shown: with instant navigation the
// address changes before the old page leaves the DOM.
export function leaveAddressBare(form) {
  if (location.pathname !== form.dataset.page) return;
  const url = new URL(location.href);
  for (const key of Array.from(url.searchParams.keys())) if (isScenarioKey(form, key)) url.searchParams.delete(key);
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}

// Show the link, selected, and copy it when the browser lets us.
export function showLink(form, say) {
  const box = form.querySelector(".mu-calc-link");
  if (!box) return;
  const input = box.querySelector("input");
  const href = scenarioLink(form);
  input.value = href;
  box.hidden = false;
  input.focus();
  input.select();
  const copied = () => say(t("calculators.link_copied"));
  const shown = () => say(t("calculators.link_shown"));
  try {
    navigator.clipboard.writeText(href).then(copied, shown);
  } catch (error) {
    shown();
  }
}

// A link asked for follows the form while it is shown.
export function refreshLink(form) {
  const box = form.querySelector(".mu-calc-link");
  if (box && !box.hidden) box.querySelector("input").value = scenarioLink(form);
}
