// Chooser "Quelle entente choisir ?": the guide's formalisation rule, asked in
// a short form and answered by Python (agreements.bridge.recommend, which calls
// agreements.formalisation) in the calculators' Pyodide worker, the engine the
// agreements generator uses.
//
// Python owns the rule and the words: the answer's sentences come from the
// worker, the models' titles and addresses and the interface's sentences from
// the page (a <template> written by the formalisation_chooser() macro), the
// interface's sentences from the words catalog. This
// module only reads the form, posts it, and writes the answer with textContent.
// Imported by tools.js on a page that holds div.mu-chooser.

import { call } from "./core/engine.js";
import { showEngineState } from "./core/engine-status.js";
import { mount } from "./core/mount.js";
import { t } from "./core/words.js";

// ---------------------------------------------------------------- DOM

function el(tag, attributes = {}, content = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (content !== null) node.textContent = content;
  return node;
}

function situation(form) {
  const data = new FormData(form);
  const resources = {};
  for (const [name, value] of data.entries()) {
    if (name.startsWith("resources.")) resources[name.slice("resources.".length)] = value;
  }
  return {
    duration_months: data.get("duration_months"),
    annual_amount: data.get("annual_amount"),
    currency: data.get("currency"),
    resources,
    bought_together: data.get("bought_together") !== null,
    partners: data.get("partners"),
    own_name: data.get("own_name") !== null,
  };
}

function showErrors(form, result, errors) {
  const fields = new Set(errors.map((e) => e.field));
  for (const input of form.querySelectorAll("input[name]")) {
    if (fields.has(input.name)) input.setAttribute("aria-invalid", "true");
  }
  const list = el("ul");
  for (const error of errors) list.append(el("li", {}, error.message));
  result.replaceChildren(el("p", {}, t("agreements.choose_errors")), list);
  result.dataset.state = "error";
}

function showRecommendation(result, answer, catalog) {
  const out = document.createDocumentFragment();
  const title = el("p", { class: "mu-ch-title" });
  title.append(el("strong", {}, answer.title));
  out.append(title, el("p", {}, answer.summary));
  if (answer.entity_forms.length) {
    const forms = el("ul", { class: "mu-ch-entity-forms" });
    for (const item of answer.entity_forms) forms.append(el("li", {}, t("agreements.choose_entity_form", item)));
    out.append(el("p", {}, t("agreements.choose_entity_forms")), forms);
  }
  const reasons = el("ul", { class: "mu-ch-reasons" });
  for (const reason of answer.reasons) reasons.append(el("li", {}, reason));
  out.append(el("p", {}, t("agreements.choose_why")), reasons);
  const models = el("ul", { class: "mu-ch-models" });
  for (const id of answer.models) {
    const model = catalog.models[id];
    const item = el("li");
    // The generator opens on this model: agreement-app.js reads ?modele=<id>.
    const fill = el("a", { href: `${catalog.generator}?modele=${encodeURIComponent(id)}`, class: "mu-ch-generator" }, model.fill);
    item.append(el("a", { href: model.href, "data-model": id }, model.title), " — ", fill);
    models.append(item);
  }
  out.append(el("p", {}, t("agreements.choose_models")), models);
  if (answer.guide.length) {
    const pages = el("ul", { class: "mu-ch-guide" });
    for (const key of answer.guide) {
      const item = el("li");
      item.append(el("a", { href: catalog.guide[key].href }, catalog.guide[key].label));
      pages.append(item);
    }
    out.append(el("p", {}, t("agreements.choose_guide")), pages);
  }
  result.replaceChildren(out);
  result.dataset.state = "done";
  result.dataset.form = answer.form;
}

// ---------------------------------------------------------------- mount

function start(root) {
  const catalog = JSON.parse(root.querySelector(".mu-ch-catalog").content.textContent);
  const form = root.querySelector(".mu-ch-form");
  const result = root.querySelector(".mu-ch-result");
  let asked = 0;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const mine = ++asked;
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    result.dataset.state = "computing";
    result.textContent = t("agreements.choose_computing");
    const reply = await call("agreements", "recommend", { situation: situation(form) });
    if (mine !== asked) return; // a later answer is on its way
    const refused = reply.ok ? [] : reply.errors.filter((e) => e.kind === "input");
    if (!reply.ok && refused.length === 0) {
      result.textContent = t("agreements.choose_failed", { reason: reply.errors.map((e) => e.message).join(" ") });
      result.dataset.state = "failed";
      return;
    }
    if (refused.length) showErrors(form, result, refused);
    else showRecommendation(result, reply.data, catalog);
  });
  form.hidden = false;
  // The engine starts now, so the first answer comes sooner; its line says how it goes.
  showEngineState(root.querySelector(".mu-ch-engine"), { buttons: [form.querySelector('[type="submit"]')] });
}

mount("div.mu-chooser", start);
