// What a calculator keeps on this device, and the money it shows results in.
//
// The last result of each calculator is kept in localStorage under
// mutuus:<root>:calculator:<id> as {input, result, values, values_at, currency, updated_at}:
// input as the CLI's JSON (for "Mon dossier" and the agreements), values as
// typed in the form (to fill it again at once; a record without them, from
// an older dossier file, is filled from its input once the engine is up),
// currency: the sign the result was computed and shown in. values_at: when
// those values were typed (ms since 1970), so that a tab does not take values
// older than those it typed since (two tabs write the same record; a record
// without it, from a dossier file, is taken).
// `values` are kept at each change, even before the engine answers or when
// a value has a mistake (keepValues): input, result and updated_at stay those
// of the last result, which is all the agreements and the dossier read.

import { isPlainObject } from "./core/dom.js";
import { readJSON, storageKey, writeJSON } from "./core/storage.js";
import { countriesOf, currentCountry } from "./country.js";
import { renumber } from "./calculator-fields.js";

export function calculationKey(id) {
  return storageKey("calculator", id);
}

// The reader's country's currency and number format (country.js; Python's
// mapping in the menu's data-countries), else the form's (the network's).
export function moneyOf(form) {
  const box = form.previousElementSibling;
  if (box && box.matches(".mu-country[data-countries]")) {
    const info = countriesOf(box);
    const { currency, locale } = info.countries[currentCountry(info)];
    return { currency, locale };
  }
  return { currency: form.dataset.currency, locale: form.dataset.locale };
}

// Labels follow the currency: the signs Python put in spans, and the row
// labels Python wrote with a {currency} template (also in the row <template>).
export function showCurrency(form, currency) {
  for (const span of form.querySelectorAll(".mu-currency")) span.textContent = currency;
  const roots = [form, ...[...form.querySelectorAll("template")].map((tpl) => tpl.content)];
  for (const root of roots) {
    for (const el of root.querySelectorAll("[data-currency-template]")) {
      const text = el.dataset.currencyTemplate.replaceAll("{currency}", currency);
      if (el.hasAttribute("data-column")) el.dataset.column = text;
      if (el.hasAttribute("data-label")) el.dataset.label = text;
    }
  }
  for (const body of form.querySelectorAll("tbody[data-list]")) renumber(body);
}

// Each returns the write's Result (core/storage.js): {ok: false, message} when
// the browser keeps nothing (full, blocked).
export function keepResult(form, answer, values, valuesAt) {
  const saved = writeJSON(calculationKey(form.dataset.command), {
    input: answer.input,
    result: answer.result,
    values,
    values_at: valuesAt,
    currency: moneyOf(form).currency,
    updated_at: new Date().toISOString(),
  });
  form.dataset.stored = saved.ok ? "true" : "false";
  return saved;
}

// The values as typed, beside the last result (if any), which stays as it was.
export function keepValues(form, values, valuesAt) {
  const last = lastCalculation(form.dataset.command);
  const record = last.ok && last.value ? { ...last.value, values, values_at: valuesAt } : { values, values_at: valuesAt };
  const saved = writeJSON(calculationKey(form.dataset.command), record);
  form.dataset.stored = saved.ok ? "true" : "false";
  return saved;
}

// The last calculation of a calculator kept on this device: {ok, value} as
// core/storage.js reads it (value null when there is none, or it is not a record).
export function lastCalculation(id) {
  const stored = readJSON(calculationKey(id));
  if (!stored.ok) return stored;
  return { ok: true, value: isPlainObject(stored.value) ? stored.value : null };
}
