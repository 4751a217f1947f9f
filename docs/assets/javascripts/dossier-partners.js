// Mutuus: the partners part of "Mon dossier" (DOM). The rules are in
// partners.js; this module only draws them and reads the user's clicks;
// "Lire côte à côte" is dossier-compare.js. Words: words/dossier.py.
//
// mountPartners(part, ctx) -> {refresh(), partners(), addFile(file), input}:
//   fills <div data-mu-part="partners">.
//   ctx = {catalog, byId, own() -> {name, answers: {<qid>: answers}}}
//   addFile(file): adds a partner's file as the partners' input does.
// Partners are stored under storageKey("partners"); a change in another tab
// redraws the part (the `storage` event, through refresh()).

import { readJSON, storageKey, writeJSON } from "./core/storage.js";
import { ANSWERS_FORMAT, DOSSIER_FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, downloadText, validateDossierObject } from "./answers.js";
import { MAX_PARTNERS, dossierMarkdown, makePartner, readPartners } from "./partners.js";
import { compareSection } from "./dossier-compare.js";
import { h, readFileText } from "./core/dom.js";
import { slug, today } from "./page-data.js";
import { t } from "./core/words.js";

// A sentence, then "your answers and your partners have not changed".
const refused = (text) => `${text} ${t("dossier.partners_unchanged")}`;

// A partner's file, read and checked: {ok: true, data} | {ok: false, message}.
async function readPartnerFile(file, byId) {
  let object;
  try {
    object = JSON.parse((await readFileText(file, MAX_FILE_BYTES)).replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, message: refused(t(error && error.message === "too_big" ? "dossier.partner_too_big" : "dossier.partner_not_json")) };
  }
  // One questionnaire's export is accepted too, as a dossier of one.
  if (object && object.format === ANSWERS_FORMAT) {
    object = { format: DOSSIER_FORMAT, format_version: FORMAT_VERSION, organisation: typeof object.organisation === "string" ? object.organisation : "", exported_at: object.exported_at, questionnaires: [object] };
  }
  const result = validateDossierObject(object, byId);
  if (!result.ok) return { ok: false, message: result.message.replace(t("formats.unchanged_answers"), t("dossier.partners_unchanged")) };
  return result;
}

// A polite status and an alert for errors.
function messageRegions() {
  const status = h("div", { class: "mu-partners__status", role: "status" });
  const alert = h("div", { class: "mu-partners__alert", role: "alert", id: "mu-partners-error" });
  return {
    status,
    alert,
    say(text) {
      alert.replaceChildren();
      status.replaceChildren(...(text ? [h("p", { text })] : []));
    },
    complain(text) {
      status.replaceChildren();
      alert.replaceChildren(h("p", { text }));
    },
  };
}

export function mountPartners(part, ctx) {
  const { catalog, byId } = ctx;
  const { status, alert, say, complain } = messageRegions();
  const load = () => {
    const stored = readJSON(storageKey("partners"));
    return stored.ok ? readPartners(stored.value, byId) : [];
  };
  let partners = load();
  const store = () => writeJSON(storageKey("partners"), { partners });
  const compare = compareSection({ catalog, byId, own: ctx.own, partners: () => partners });
  const list = h("ul", { class: "mu-partners__list", id: "mu-partners-list" });
  const empty = h("p", { class: "mu-partners__empty", text: t("dossier.partners_empty") });
  const input = h("input", { type: "file", id: "mu-partner-file", accept: ".json,application/json", "aria-describedby": "mu-partner-file-help mu-partners-error" });

  // A file added here, from this input or handed over by the import box
  // (its button for a partner's dossier, dossier-import.js).
  async function addFile(file) {
    const result = await readPartnerFile(file, byId);
    input.value = "";
    if (!result.ok) {
      input.setAttribute("aria-invalid", "true");
      return complain(result.message);
    }
    input.removeAttribute("aria-invalid");
    if (result.data.questionnaires.length === 0) return complain(refused(t("dossier.partner_empty")));
    if (partners.length >= MAX_PARTNERS) return complain(refused(t("dossier.partners_full", { max: MAX_PARTNERS })));
    const partner = makePartner(result.data, { ownName: ctx.own().name, partners, id: `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}` });
    partners = [...partners, partner];
    const saved = store();
    if (!saved.ok) {
      partners = partners.slice(0, -1);
      return complain(`${saved.message} ${t("dossier.partners_unchanged")}`);
    }
    render();
    const added = t("dossier.partner_added", { name: partner.file_name, questionnaires: t("dossier.questionnaires", { n: Object.keys(partner.questionnaires).length }) });
    say(partner.name !== partner.file_name ? `${added} ${t("dossier.partner_renamed", { name: partner.name })}` : added);
  }
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (file) addFile(file);
  });

  function remove(partner, index) {
    partners = partners.filter((p) => p.id !== partner.id);
    const saved = store();
    if (!saved.ok) return complain(saved.message);
    render();
    say(t("dossier.partner_removed", { name: partner.name }));
    const buttons = list.querySelectorAll(".mu-partners__remove");
    (buttons[Math.min(index, buttons.length - 1)] || input).focus();
  }

  function render() {
    empty.hidden = partners.length > 0;
    list.replaceChildren(...partners.map((partner, index) => partnerItem(partner, byId, () => remove(partner, index))));
    compare.render();
  }

  part.replaceChildren(
    h("label", { for: "mu-partner-file", text: t("dossier.partner_label") }),
    h("p", { id: "mu-partner-file-help", class: "mu-help", text: t("dossier.partner_help") }),
    input,
    status,
    alert,
    h("h3", { id: "mu-partners-title", text: t("dossier.partners_title") }),
    empty,
    list,
    ...compare.parts,
    h("h3", { text: t("dossier.summary_title") }),
    summaryButtons(catalog, ctx.own, () => partners, say),
  );
  render();
  return {
    refresh() {
      partners = load();
      render();
    },
    partners: () => partners,
    addFile,
    input,
  };
}

// One partner: its name, the questionnaires its file holds, "Retirer".
function partnerItem(partner, byId, onRemove) {
  const titles = Object.keys(partner.questionnaires).map((qid) => (byId[qid] ? byId[qid].title : qid));
  const button = h("button", { type: "button", class: "md-button mu-partners__remove", "aria-label": t("dossier.partner_remove_label", { name: partner.name }), text: t("dossier.partner_remove") });
  button.addEventListener("click", onRemove);
  return h("li", { "data-partner": partner.id }, h("span", { class: "mu-partners__name", text: partner.name }), ` — ${titles.join(", ")} `, button);
}

// The summary to send before a meeting: Markdown and print.
function summaryButtons(catalog, own, partners, say) {
  const markdown = h("button", { type: "button", class: "md-button", id: "mu-summary-markdown", text: t("dossier.summary_markdown") });
  markdown.addEventListener("click", () => {
    const mine = own();
    const file = `mutuus-resume-${slug(mine.name)}-${today()}.md`;
    downloadText(file, dossierMarkdown(catalog, mine, partners()), "text/markdown;charset=utf-8");
    say(t("dossier.summary_exported", { file }));
  });
  const print = h("button", { type: "button", class: "md-button", id: "mu-summary-print", text: t("dossier.summary_print") });
  print.addEventListener("click", () => globalThis.print());
  return h("div", { class: "mu-dossier__buttons" }, markdown, print);
}
