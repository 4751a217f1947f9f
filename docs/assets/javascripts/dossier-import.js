// Mutuus: importing a dossier file on "Mon dossier" (dossier-page.js): read
// it (dossier-file.js), check it (answers.js), list what it replaces, and
// write it only once the user confirms. Words: words/dossier.py; refusals:
// formats/messages.py (the catalog's "formats.").
//
// API:
//   watchImport({fileInput, byId, titles, ownName, toPartners, askConfirm, closeConfirm, say, complain, renderTable, refreshPartners, table})
//     listens to the file input; askConfirm({title, lines, confirmLabel, onConfirm, instead}).
//     titles: the calculators' and agreements' names (dossier_titles() macro);
//     ownName() -> the organisation kept on this device; toPartners =
//     {addFile(file), input}: the partners' box (dossier-partners.js).
//
// A file whose organisation is not the one on this device (compared as the
// partners' names are, sameName) is probably a partner's: the confirmation
// says whose it is and offers the partners' box first; replacing stays possible.

import { loadRecord, saveRecord, saveOrganisation } from "./core/storage.js";
import { restoreSaved } from "./dossier-saved.js";
import { MAX_FILE_BYTES, countAnswered, quote, sanitizeAnswers, validateDossierObject } from "./answers.js";
import { sameName } from "./grid-files.js";
import { readDossierJSON, refusal } from "./dossier-file.js";
import { readFileText } from "./core/dom.js";
import { formatDateTime } from "./page-data.js";
import { t } from "./core/words.js";

// The file's organisation, as the partners' box names it (partners.js makePartner).
function fileOrganisation(data) {
  const first = data.questionnaires.find((q) => q.organisation && q.organisation.trim());
  return (data.organisation || (first ? first.organisation : "")).trim();
}

// The file read and checked: {ok: true, object, data, saved} | {ok: false, message}.
async function readDossierFile(file, byId, titles) {
  let text;
  try {
    text = await readFileText(file, MAX_FILE_BYTES);
  } catch (error) {
    const tooBig = error && error.message === "too_big";
    return { ok: false, message: tooBig ? refusal(t("formats.dossier_too_big")) : refusal(t("dossier.file_unreadable")) };
  }
  const read = readDossierJSON(text);
  if (!read.ok) return read;
  const result = validateDossierObject(read.object, byId);
  if (!result.ok) return result;
  const saved = restoreSaved(read.object, { dryRun: true, titles });
  if (!saved.ok) return { ok: false, message: refusal(saved.message) };
  return { ok: true, object: read.object, data: result.data, saved };
}

// "Portrait : 12 réponses sur 20 — remplace vos réponses actuelles (3 réponses)".
function importLine(item) {
  const def = item.definition;
  const count = countAnswered(def, sanitizeAnswers(def, item.answers));
  const current = loadRecord(def.id, def.version);
  let change = t("dossier.import_new");
  if (current) {
    const answers = t("dossier.answers", { n: countAnswered(def, sanitizeAnswers(def, current.answers)).answered });
    change = current.updated_at
      ? t("dossier.import_replaces_dated", { answers, date: formatDateTime(current.updated_at) })
      : t("dossier.import_replaces", { answers });
  }
  return t("dossier.import_line", { title: def.title, answers: t("dossier.answers", { n: count.answered }), total: count.total, change });
}

function importTitle(data) {
  const when = formatDateTime(data.exported_at);
  const key = `dossier.import_title${data.organisation ? "_from" : ""}${when ? "_when" : ""}`;
  return t(key, { organisation: data.organisation, date: when, questionnaires: t("dossier.questionnaires", { n: data.questionnaires.length }) });
}

// Writes every questionnaire, then the calculators' and agreements' parts:
// {ok: true, replaced, added, restored} | {ok: false, message}.
function writeDossier(object, data, titles) {
  let replaced = 0;
  let added = 0;
  for (const item of data.questionnaires) {
    const def = item.definition;
    const existed = loadRecord(def.id, def.version) !== null;
    const saved = saveRecord(def.id, def.version, {
      organisation: item.organisation || data.organisation || "",
      answers: sanitizeAnswers(def, item.answers),
    });
    if (!saved.ok) return { ok: false, message: `${saved.message} ${t("dossier.import_stopped_at", { title: def.title })}` };
    if (existed) replaced += 1;
    else added += 1;
  }
  const restored = restoreSaved(object, { titles });
  if (!restored.ok) return { ok: false, message: `${restored.message} ${t("dossier.import_stopped")}` };
  if (data.organisation) saveOrganisation(data.organisation);
  return { ok: true, replaced, added, restored: restored.count };
}

function importedText({ replaced, added, restored }) {
  const parts = [];
  if (replaced) parts.push(t("dossier.imported_replaced", { n: replaced }));
  if (added) parts.push(t("dossier.imported_added", { n: added }));
  if (restored) parts.push(t("dossier.imported_restored", { n: restored }));
  return t("dossier.imported", { parts: parts.join(", ") });
}

export function watchImport({ fileInput, byId, titles, ownName, toPartners, askConfirm, closeConfirm, say, complain, renderTable, refreshPartners, table }) {
  async function onFile() {
    closeConfirm();
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    fileInput.removeAttribute("aria-invalid");
    const read = await readDossierFile(file, byId, titles);
    if (!read.ok) {
      fileInput.setAttribute("aria-invalid", "true");
      complain(read.message);
      return;
    }
    const { object, data, saved } = read;
    if (data.questionnaires.length === 0 && saved.lines.length === 0) {
      complain(refusal(t("formats.dossier_empty")));
      return;
    }
    say("");
    const theirs = fileOrganisation(data);
    const own = ownName().trim();
    const other = theirs && own && !sameName(theirs, own);
    askConfirm({
      title: other ? t("dossier.other_organisation", { file: quote(theirs), own: quote(own) }) : importTitle(data),
      lines: data.questionnaires.map(importLine).concat(saved.lines),
      confirmLabel: t(other ? "dossier.replace_anyway" : "dossier.import_confirm"),
      instead: other ? { label: t("dossier.to_partners"), onClick: () => toPartners.addFile(file), back: toPartners.input } : null,
      onConfirm: () => {
        const written = writeDossier(object, data, titles);
        renderTable();
        if (!written.ok) {
          complain(written.message);
          return;
        }
        refreshPartners();
        say(importedText(written));
        table.scrollIntoView({ block: "nearest" });
      },
    });
  }
  fileInput.addEventListener("change", onFile);
}
