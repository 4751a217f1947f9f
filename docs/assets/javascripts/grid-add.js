// Mutuus: adding portraits to the diagnostic grid (grid-page.js): from
// files, from the user's own portrait kept in this browser, or from the
// partners kept in "Mon dossier". Every refusal says why, in French.
//
// API:
//   addSection({definition, getState, changed, notice, complain, box, portraitHref})
//     -> {element, portraitInput}
//     getState() -> the grid's state (organisations are added to it);
//     changed() saves and renders after an addition.

import { loadRecord, loadOrganisation, readJSON, partnersKey } from "./storage.js";
import { readPartners } from "./partners.js";
import { MAX_FILE_BYTES, countAnswered, parseAnswersFile, sanitizeAnswers } from "./answers.js";
import { GRID_FORMAT, MAX_ORGANISATIONS, sameName, uniqueName } from "./grid-files.js";
import { h, pageHref, readFileText, plural } from "./dossier-dom.js";

export function addSection({ definition, getState, changed, notice, complain, box, portraitHref }) {
  const portraitInput = h("input", {
    type: "file",
    id: "mu-grid-portraits",
    multiple: true,
    accept: ".json,application/json",
    "aria-describedby": "mu-grid-portraits-help mu-grid-error",
  });
  const ownButton = h("button", { type: "button", class: "md-button", id: "mu-grid-own", text: "Ajouter mon propre portrait" });

  // Adds one organisation; returns a French sentence. The same portrait
  // added again (same name, same answers) is not doubled; another portrait
  // under a name already shown is kept apart as "Name (2)": the page cannot
  // tell a newer file from another organisation, so it never drops one.
  function put(name, answers, exportedAt, origin) {
    const orgs = getState().organisations;
    const same = (a, b) => JSON.stringify(sanitizeAnswers(definition, a)) === JSON.stringify(sanitizeAnswers(definition, b));
    const existing = orgs.findIndex((o) => sameName(o.name.replace(/ \(\d+\)$/, ""), name) && same(o.answers, answers));
    if (existing >= 0) {
      orgs[existing] = { name: orgs[existing].name, answers, exported_at: exportedAt || "" };
      return `Le portrait de « ${orgs[existing].name} » est déjà dans la grille, avec les mêmes réponses (${origin}).`;
    }
    if (orgs.length >= MAX_ORGANISATIONS) {
      return null;
    }
    const shown = uniqueName(name, orgs.map((o) => o.name));
    orgs.push({ name: shown, answers, exported_at: exportedAt || "" });
    const renamed = shown !== name ? ` Une autre organisation porte déjà ce nom : celle-ci est affichée « ${shown} ».` : "";
    return `Portrait de « ${name} » ajouté (${origin}).${renamed}`;
  }

  async function onPortraitFiles() {
    const files = Array.from(portraitInput.files || []);
    if (files.length === 0) return;
    const done = [];
    const refused = [];
    for (const file of files) {
      const label = `« ${file.name} »`;
      let text;
      try {
        text = await readFileText(file, MAX_FILE_BYTES);
      } catch (error) {
        refused.push(`${label} : ${error && error.message === "too_big" ? "fichier trop volumineux pour être un portrait." : "fichier illisible."}`);
        continue;
      }
      let object = null;
      try {
        object = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch (_) {
        object = null;
      }
      if (object && object.format === GRID_FORMAT) {
        refused.push(`${label} : c'est une grille enregistrée, pas un portrait. Ouvrez-la avec « Ouvrir une grille enregistrée ».`);
        continue;
      }
      const result = parseAnswersFile(text, definition);
      if (!result.ok) {
        refused.push(`${label} : ${result.message.replace(/\s*Vos réponses actuelles n'ont pas changé\.\s*$/, "")}`);
        continue;
      }
      const name = result.data.organisation.trim() || `Organisation sans nom (${file.name})`;
      const sentence = put(name, sanitizeAnswers(definition, result.data.answers), result.data.exported_at, `le fichier ${label}`);
      if (sentence) done.push(sentence);
      else refused.push(`${label} : la grille compare déjà ${MAX_ORGANISATIONS} organisations, le maximum.`);
    }
    portraitInput.value = "";
    if (done.length) {
      changed();
    }
    if (refused.length) {
      portraitInput.setAttribute("aria-invalid", "true");
      complain([`${plural(refused.length, "fichier refusé", "fichiers refusés")}, rien n'en a été repris :`, ...refused], done);
    } else {
      portraitInput.removeAttribute("aria-invalid");
      notice(done);
    }
  }
  portraitInput.addEventListener("change", onPortraitFiles);

  const partnersButton = h("button", { type: "button", class: "md-button", id: "mu-grid-partners", text: "Ajouter les portraits de mes partenaires" });
  partnersButton.addEventListener("click", () => {
    const stored = readJSON(partnersKey());
    const partners = stored.ok ? readPartners(stored.value, { [definition.id]: definition }) : [];
    const withPortrait = partners.filter((p) => p.questionnaires[definition.id] && countAnswered(definition, p.questionnaires[definition.id].answers).answered > 0);
    if (withPortrait.length === 0) {
      complain(["Aucun portrait de partenaire dans « Mon dossier ». Ajoutez-y d'abord les fichiers que vos partenaires vous ont envoyés."]);
      return;
    }
    const done = [];
    const refused = [];
    for (const partner of withPortrait) {
      const sentence = put(partner.name, partner.questionnaires[definition.id].answers, partner.exported_at, "depuis « Mon dossier »");
      if (sentence) done.push(sentence);
      else refused.push(`« ${partner.name} » : la grille compare déjà ${MAX_ORGANISATIONS} organisations, le maximum.`);
    }
    if (done.length) {
      changed();
    }
    if (refused.length) complain(refused, done);
    else notice(done);
  });

  ownButton.addEventListener("click", () => {
    const record = loadRecord(definition.id, definition.version);
    const answers = record ? sanitizeAnswers(definition, record.answers) : {};
    if (!record || countAnswered(definition, answers).answered === 0) {
      complain([
        "Vous n'avez pas encore rempli le portrait de votre organisation dans ce navigateur. Remplissez-le sur la page « Portrait de l'organisation », puis revenez ici.",
      ]);
      return;
    }
    const name = (record.organisation || loadOrganisation() || "").trim() || "Mon organisation";
    const sentence = put(name, answers, record.updated_at, "votre portrait gardé dans ce navigateur");
    if (!sentence) {
      complain([`La grille compare déjà ${MAX_ORGANISATIONS} organisations, le maximum.`]);
      return;
    }
    changed();
    notice(sentence);
  });

  const element = h(
    "section",
    { class: "mu-grid__add", "aria-labelledby": "mu-grid-add-title" },
    h("h3", { id: "mu-grid-add-title", text: "Ajouter des portraits" }),
    h("label", { for: "mu-grid-portraits", text: "Fichiers de portrait (.json, un ou plusieurs)" }),
    h(
      "p",
      { class: "mu-help", id: "mu-grid-portraits-help" },
      "Chaque organisation remplit son ",
      portraitHref ? h("a", { href: portraitHref, text: "portrait" }) : "portrait",
      " sur son propre appareil et l'exporte en JSON. Deux organisations qui portent le même nom restent deux colonnes : la seconde est suivie de « (2) ».",
    ),
    portraitInput,
    h("p", { class: "mu-grid__or" }, "Vous avez rempli votre portrait dans ce navigateur ? ", ownButton),
    h("p", { class: "mu-grid__or" }, "Vos partenaires vous ont envoyé leur portrait et vous l'avez ajouté dans ", pageHref("outils/mon-dossier/") ? h("a", { href: pageHref("outils/mon-dossier/"), text: "Mon dossier" }) : "Mon dossier", " ? ", partnersButton),
    box.status,
    box.alert,
  );
  return { element, portraitInput };
}
