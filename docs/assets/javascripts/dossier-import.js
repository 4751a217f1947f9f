// Mutuus: importing a dossier file on "Mon dossier" (dossier-page.js): read
// it (dossier-file.js), check it (answers.js), list what it replaces, and
// write it only once the user confirms.
//
// API:
//   watchImport({fileInput, byId, words, ownName, toPartners, askConfirm, closeConfirm, say, complain, renderTable, refreshPartners, table})
//     listens to the file input; askConfirm({title, lines, confirmLabel, onConfirm, instead}).
//     words: the dossier_words() macro's block (readWords); ownName() -> the
//     organisation kept on this device; toPartners = {addFile(file), input}:
//     the partners' box (dossier-partners.js).
//
// A file whose organisation is not the one on this device (compared as the
// partners' names are, sameName) is probably a partner's: the confirmation
// says whose it is and offers the partners' box first; replacing stays possible.

import { loadRecord, saveRecord, saveOrganisation } from "./storage.js";
import { restoreSaved } from "./dossier-saved.js";
import { MAX_FILE_BYTES, countAnswered, quote, sanitizeAnswers, validateDossierObject } from "./answers.js";
import { sameName } from "./grid-files.js";
import { UNCHANGED, readDossierJSON } from "./dossier-file.js";
import { fill, readFileText, formatDateTime, plural } from "./dossier-dom.js";

// The file's organisation, as the partners' box names it (partners.js makePartner).
function fileOrganisation(data) {
  const first = data.questionnaires.find((q) => q.organisation && q.organisation.trim());
  return (data.organisation || (first ? first.organisation : "")).trim();
}

export function watchImport({ fileInput, byId, words, ownName, toPartners, askConfirm, closeConfirm, say, complain, renderTable, refreshPartners, table }) {
  async function onFile() {
    closeConfirm();
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    fileInput.removeAttribute("aria-invalid");
    let text;
    try {
      text = await readFileText(file, MAX_FILE_BYTES);
    } catch (error) {
      fileInput.setAttribute("aria-invalid", "true");
      complain(
        error && error.message === "too_big"
          ? `Ce fichier est trop volumineux pour être un dossier Mutuus. ${UNCHANGED}`
          : `Ce fichier n'a pas pu être lu. ${UNCHANGED}`,
      );
      return;
    }
    const read = readDossierJSON(text);
    if (!read.ok) {
      fileInput.setAttribute("aria-invalid", "true");
      complain(read.message);
      return;
    }
    const object = read.object;
    const result = validateDossierObject(object, byId);
    if (!result.ok) {
      fileInput.setAttribute("aria-invalid", "true");
      complain(result.message);
      return;
    }
    const incoming = result.data.questionnaires;
    const saved = restoreSaved(object, { dryRun: true, titles: words.titles });
    if (!saved.ok) {
      fileInput.setAttribute("aria-invalid", "true");
      complain(`${saved.message} ${UNCHANGED}`);
      return;
    }
    if (incoming.length === 0 && saved.lines.length === 0) {
      complain(`Ce dossier ne contient aucun questionnaire. ${UNCHANGED}`);
      return;
    }
    say("");
    const lines = incoming.map((item) => {
      const def = item.definition;
      const clean = sanitizeAnswers(def, item.answers);
      const count = countAnswered(def, clean);
      const current = loadRecord(def.id, def.version);
      const currentCount = current ? countAnswered(def, sanitizeAnswers(def, current.answers)) : { answered: 0 };
      const replaces = current
        ? `remplace vos réponses actuelles (${plural(currentCount.answered, "réponse", "réponses")}${current.updated_at ? `, modifiées le ${formatDateTime(current.updated_at)}` : ""})`
        : "nouveau sur cet appareil";
      return `${def.title} : ${plural(count.answered, "réponse", "réponses")} sur ${count.total} — ${replaces}`;
    }).concat(saved.lines);
    const who = result.data.organisation ? ` de « ${result.data.organisation} »` : "";
    const when = formatDateTime(result.data.exported_at);
    const theirs = fileOrganisation(result.data);
    const own = ownName().trim();
    const other = theirs && own && !sameName(theirs, own);
    askConfirm({
      title: other
        ? fill(words.messages.other_organisation, { file: quote(theirs), own: quote(own) })
        : `Ce dossier${who}${when ? `, exporté le ${when},` : ""} contient ${plural(incoming.length, "questionnaire", "questionnaires")}. Rien n'est remplacé avant votre confirmation.`,
      lines,
      confirmLabel: other ? words.messages.replace_anyway : "Importer et remplacer",
      instead: other ? { label: words.messages.to_partners, onClick: () => toPartners.addFile(file), back: toPartners.input } : null,
      onConfirm: () => {
        let replaced = 0;
        let added = 0;
        for (const item of incoming) {
          const def = item.definition;
          const existed = loadRecord(def.id, def.version) !== null;
          const saved = saveRecord(def.id, def.version, {
            organisation: item.organisation || result.data.organisation || "",
            answers: sanitizeAnswers(def, item.answers),
          });
          if (!saved.ok) {
            renderTable();
            complain(`${saved.message} Import interrompu à « ${def.title} ».`);
            return;
          }
          if (existed) replaced += 1;
          else added += 1;
        }
        const restored = restoreSaved(object, { titles: words.titles });
        if (!restored.ok) {
          renderTable();
          complain(`${restored.message} Import interrompu.`);
          return;
        }
        if (result.data.organisation) saveOrganisation(result.data.organisation);
        renderTable();
        refreshPartners();
        const parts = [];
        if (replaced) parts.push(`${plural(replaced, "questionnaire remplacé", "questionnaires remplacés")}`);
        if (added) parts.push(`${plural(added, "questionnaire ajouté", "questionnaires ajoutés")}`);
        if (restored.count) parts.push(plural(restored.count, "résultat ou brouillon repris", "résultats ou brouillons repris"));
        say(`Dossier importé : ${parts.join(", ")}.`);
        table.scrollIntoView({ block: "nearest" });
      },
    });
  }
  fileInput.addEventListener("change", onFile);
}
