// Mutuus: adding portraits to the diagnostic grid (grid-page.js): from
// files, from the user's own portrait kept in this browser, or from the
// partners kept in "Mon dossier". Every refusal says why (words/grid.py).
//
// API:
//   addSection({definition, getState, changed, notice, complain, box, portraitHref})
//     -> {element, portraitInput}
//     getState() -> the grid's state (organisations are added to it);
//     changed() saves and renders after an addition.

import { loadRecord, loadOrganisation, readJSON, storageKey } from "./core/storage.js";
import { readPartners } from "./partners.js";
import { MAX_FILE_BYTES, countAnswered, parseAnswersFile, sanitizeAnswers } from "./answers.js";
import { GRID_FORMAT, MAX_ORGANISATIONS, bare, sameName, uniqueName } from "./grid-files.js";
import { h, readFileText } from "./core/dom.js";
import { pageHref } from "./page-data.js";
import { t } from "./core/words.js";

// Adds one organisation to `orgs`; returns a sentence, or null when the grid
// is full. The same portrait added again (same name, same answers) is not
// doubled; another portrait under a name already shown is kept apart as
// "Name (2)": the page cannot tell a newer file from another organisation,
// so it never drops one.
function put(definition, orgs, { name, answers, exportedAt, origin }) {
  const same = (a, b) => JSON.stringify(sanitizeAnswers(definition, a)) === JSON.stringify(sanitizeAnswers(definition, b));
  const existing = orgs.findIndex((o) => sameName(o.name.replace(/ \(\d+\)$/, ""), name) && same(o.answers, answers));
  if (existing >= 0) {
    orgs[existing] = { name: orgs[existing].name, answers, exported_at: exportedAt || "" };
    return t("grid.already_there", { name: orgs[existing].name, origin });
  }
  if (orgs.length >= MAX_ORGANISATIONS) return null;
  const shown = uniqueName(name, orgs.map((o) => o.name));
  orgs.push({ name: shown, answers, exported_at: exportedAt || "" });
  const added = t("grid.added", { name, origin });
  return shown !== name ? `${added} ${t("grid.added_renamed", { shown })}` : added;
}

// One portrait file: {portrait: {name, answers, exportedAt, origin}} or {reason}.
async function readPortrait(file, definition) {
  let text;
  try {
    text = await readFileText(file, MAX_FILE_BYTES);
  } catch (error) {
    return { reason: t(error && error.message === "too_big" ? "grid.file_too_big" : "grid.file_unreadable") };
  }
  let object = null;
  try {
    object = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (_) {
    object = null;
  }
  if (object && object.format === GRID_FORMAT) return { reason: t("grid.file_is_grid") };
  const result = parseAnswersFile(text, definition);
  if (!result.ok) return { reason: bare(result.message) };
  return {
    portrait: {
      name: result.data.organisation.trim() || t("grid.unnamed", { file: file.name }),
      answers: sanitizeAnswers(definition, result.data.answers),
      exportedAt: result.data.exported_at,
      origin: t("grid.from_file", { file: file.name }),
    },
  };
}

export function addSection({ definition, getState, changed, notice, complain, box, portraitHref }) {
  const portraitInput = h("input", {
    type: "file",
    id: "mu-grid-portraits",
    multiple: true,
    accept: ".json,application/json",
    "aria-describedby": "mu-grid-portraits-help mu-grid-error",
  });
  const add = (portrait) => put(definition, getState().organisations, portrait);
  const full = () => t("grid.full", { max: MAX_ORGANISATIONS });

  async function onPortraitFiles() {
    const files = Array.from(portraitInput.files || []);
    if (files.length === 0) return;
    const done = [];
    const refused = [];
    for (const file of files) {
      const read = await readPortrait(file, definition);
      const sentence = read.portrait ? add(read.portrait) : null;
      if (sentence) done.push(sentence);
      else refused.push(t("grid.refused_file", { file: file.name, reason: read.reason || full() }));
    }
    portraitInput.value = "";
    if (done.length) changed();
    if (refused.length) {
      portraitInput.setAttribute("aria-invalid", "true");
      complain([t("grid.files_refused", { n: refused.length }), ...refused], done);
    } else {
      portraitInput.removeAttribute("aria-invalid");
      notice(done);
    }
  }
  portraitInput.addEventListener("change", onPortraitFiles);

  function addPartners() {
    const stored = readJSON(storageKey("partners"));
    const partners = stored.ok ? readPartners(stored.value, { [definition.id]: definition }) : [];
    const withPortrait = partners.filter((p) => p.questionnaires[definition.id] && countAnswered(definition, p.questionnaires[definition.id].answers).answered > 0);
    if (withPortrait.length === 0) return complain([t("grid.no_partner_portrait")]);
    const done = [];
    const refused = [];
    for (const partner of withPortrait) {
      const portrait = { name: partner.name, answers: partner.questionnaires[definition.id].answers, exportedAt: partner.exported_at, origin: t("grid.from_dossier") };
      const sentence = add(portrait);
      if (sentence) done.push(sentence);
      else refused.push(t("grid.refused_file", { file: partner.name, reason: full() }));
    }
    if (done.length) changed();
    if (refused.length) complain(refused, done);
    else notice(done);
  }

  function addOwn() {
    const record = loadRecord(definition.id, definition.version);
    const answers = record ? sanitizeAnswers(definition, record.answers) : {};
    if (!record || countAnswered(definition, answers).answered === 0) return complain([t("grid.no_own_portrait")]);
    const name = (record.organisation || loadOrganisation() || "").trim() || t("grid.own_name");
    const sentence = add({ name, answers, exportedAt: record.updated_at, origin: t("grid.from_own") });
    if (!sentence) return complain([t("grid.full_own", { max: MAX_ORGANISATIONS })]);
    changed();
    notice(sentence);
  }

  const ownButton = h("button", { type: "button", class: "md-button", id: "mu-grid-own", text: t("grid.add_own") });
  const partnersButton = h("button", { type: "button", class: "md-button", id: "mu-grid-partners", text: t("grid.add_partners") });
  ownButton.addEventListener("click", addOwn);
  partnersButton.addEventListener("click", addPartners);
  const link = (href, key) => (href ? h("a", { href, text: t(key) }) : t(key));
  const element = h(
    "section",
    { class: "mu-grid__add", "aria-labelledby": "mu-grid-add-title" },
    h("h3", { id: "mu-grid-add-title", text: t("grid.add_title") }),
    h("label", { for: "mu-grid-portraits", text: t("grid.add_files_label") }),
    h("p", { class: "mu-help", id: "mu-grid-portraits-help" }, t("grid.add_files_help_before"), link(portraitHref, "grid.add_files_help_link"), t("grid.add_files_help_after")),
    portraitInput,
    h("p", { class: "mu-grid__or" }, t("grid.add_own_question"), ownButton),
    h("p", { class: "mu-grid__or" }, t("grid.add_partners_before"), link(pageHref("outils/mon-dossier/"), "grid.add_partners_link"), t("grid.add_partners_after"), partnersButton),
    box.status,
    box.alert,
  );
  return { element, portraitInput };
}
