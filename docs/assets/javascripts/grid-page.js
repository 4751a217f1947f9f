// Mutuus: the diagnostic grid (outils/grille-diagnostic.md).
//
// Puts the portraits of two or more organisations side by side, dimension by
// dimension; the user marks each dimension convergence, complementarity or
// divergence and writes a note; a summary reads the pooling potential with
// the rule written on the page (the rule itself lives in grid-rule.js).
// State (portraits, marks, notes) is kept in localStorage under
// "mutuus:<root>:grille:v1" and can be saved to a file, reopened, exported
// as Markdown and printed. Mounts on <div class="mu-grid"> through
// Material's document$; does nothing on other pages. User text is text.

import { DAMAGED_MESSAGE, loadRecord, loadOrganisation, readJSON, writeJSON, removeKey, siteRoot, partnersKey } from "./storage.js";
import { readPartners } from "./partners.js";
import { MAX_FILE_BYTES, countAnswered, downloadText, formatDate, parseAnswersFile, sanitizeAnswers } from "./answers.js";
import { MARKS, MISSION_DIMENSION, MISSION_QUESTION, suggestDimension, summarise } from "./grid-rule.js";
import {
  GRID_FORMAT,
  MARK_LABELS,
  MAX_ORGANISATIONS,
  RATING_LABELS,
  buildGrid,
  gridMarkdown,
  sameName,
  uniqueName,
  validateGridObject,
} from "./grid-files.js";
import { confirmBox } from "./confirm.js";
import { MARK_HELP, listNames, readingText, suggestionText } from "./grid-texts.js";
import { h, onPage, pageHref, readCatalog, readCatalogRules, readFileText, slug, today, plural } from "./dossier-dom.js";
import { useLocale } from "./answers.js";

export function gridKey() {
  return `mutuus:${siteRoot()}:grille:v1`;
}

function emptyState() {
  return { organisations: [], marks: {} };
}

function riskMap() {
  const map = {};
  for (const link of document.querySelectorAll("a[data-mu-risk]")) {
    const dimension = link.getAttribute("data-mu-risk");
    (map[dimension] = map[dimension] || []).push({ text: link.textContent.trim(), href: link.href });
  }
  return map;
}

function riskLinks(risks) {
  const out = [];
  risks.forEach((risk, i) => {
    if (i > 0) out.push(", ");
    out.push(h("a", { href: risk.href, text: risk.text }));
  });
  return out;
}

function mount(root) {
  for (const el of root.querySelectorAll(".mu-js-needed")) el.remove();
  const catalog = readCatalog(document) || [];
  const rules = readCatalogRules(document);
  if (rules) useLocale(rules.locale);
  const definition = catalog.find((d) => d.id === (root.dataset.portrait || "portrait"));
  if (!definition) {
    root.append(h("p", { class: "mu-grid__error", text: "La définition du portrait est introuvable sur cette page. Rechargez la page ; si le problème continue, signalez-le." }));
    return;
  }
  const risks = riskMap();
  const portraitHref = pageHref(definition.page);
  let state = emptyState();
  let storageProblem = "";

  // ------------------------------------------------------------ storage
  function save() {
    if (state.organisations.length === 0 && Object.keys(state.marks).length === 0) {
      const removed = removeKey(gridKey());
      storageProblem = removed.ok ? "" : removed.message;
    } else {
      const written = writeJSON(gridKey(), buildGrid(definition, state));
      storageProblem = written.ok ? "" : written.message;
    }
    renderStorageWarning();
  }

  function restore() {
    const stored = readJSON(gridKey());
    if (!stored.ok) {
      storageProblem = stored.message;
      return;
    }
    if (stored.damaged) notice(DAMAGED_MESSAGE);
    if (stored.value === null) return;
    const result = validateGridObject(stored.value, definition);
    if (result.ok) {
      state = result.data;
      return;
    }
    // Never overwrite it: keep it aside under its own key first.
    const aside = `${gridKey()}:damaged:${new Date().toISOString()}`;
    writeJSON(aside, stored.value);
    removeKey(gridKey());
    notice(`${DAMAGED_MESSAGE} La page repart d'une grille vide. Si vous avez un fichier de la grille, ouvrez-le.`);
  }

  // ------------------------------------------------------------ messages
  // Two places: under "Ajouter des portraits" and under "Enregistrer…",
  // each with a polite status and an alert for errors.
  const messageBox = (errorId) => ({
    status: h("div", { class: "mu-grid__status", role: "status" }),
    alert: h("div", { class: "mu-grid__alert", role: "alert", id: errorId }),
  });
  const addBox = messageBox("mu-grid-error");
  const filesBox = messageBox("mu-grid-files-error");
  const storageWarning = h("p", { class: "mu-grid__warning", hidden: true });
  function clearMessages() {
    for (const box of [addBox, filesBox]) {
      box.status.replaceChildren();
      box.alert.replaceChildren();
    }
  }
  function notice(text, box = addBox) {
    clearMessages();
    box.status.append(...(Array.isArray(text) ? text : [text]).map((t) => h("p", { text: t })));
  }
  function complain(lines, okLines = [], box = addBox) {
    clearMessages();
    box.status.append(...okLines.map((t) => h("p", { text: t })));
    box.alert.append(...lines.map((t) => h("p", { text: t })));
  }
  function renderStorageWarning() {
    storageWarning.hidden = !storageProblem;
    storageWarning.textContent = storageProblem
      ? `${storageProblem} La grille n'est donc pas gardée sur cet appareil : enregistrez-la dans un fichier avant de quitter la page.`
      : "";
  }

  // ------------------------------------------------------------ adding portraits
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
    const same = (a, b) => JSON.stringify(sanitizeAnswers(definition, a)) === JSON.stringify(sanitizeAnswers(definition, b));
    const existing = state.organisations.findIndex((o) => sameName(o.name.replace(/ \(\d+\)$/, ""), name) && same(o.answers, answers));
    if (existing >= 0) {
      state.organisations[existing] = { name: state.organisations[existing].name, answers, exported_at: exportedAt || "" };
      return `Le portrait de « ${state.organisations[existing].name} » est déjà dans la grille, avec les mêmes réponses (${origin}).`;
    }
    if (state.organisations.length >= MAX_ORGANISATIONS) {
      return null;
    }
    const shown = uniqueName(name, state.organisations.map((o) => o.name));
    state.organisations.push({ name: shown, answers, exported_at: exportedAt || "" });
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
      save();
      renderAll();
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
      save();
      renderAll();
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
    save();
    renderAll();
    notice(sentence);
  });

  // ------------------------------------------------------------ organisations list
  const orgList = h("ul", { class: "mu-grid__organisations", id: "mu-grid-organisations" });
  const orgEmpty = h("p", { class: "mu-grid__empty", text: "Aucun portrait pour l'instant. Ajoutez-en au moins deux." });

  function renderOrganisations() {
    orgList.replaceChildren();
    orgEmpty.hidden = state.organisations.length > 0;
    state.organisations.forEach((o, index) => {
      const count = countAnswered(definition, o.answers);
      const remove = h("button", {
        type: "button",
        class: "md-button mu-grid__remove",
        "aria-label": `Retirer « ${o.name} » de la grille`,
        text: "Retirer",
      });
      remove.addEventListener("click", () => {
        state.organisations.splice(index, 1);
        save();
        renderAll();
        notice(`« ${o.name} » a été retirée de la grille.`);
        const buttons = orgList.querySelectorAll(".mu-grid__remove");
        (buttons[Math.min(index, buttons.length - 1)] || portraitInput).focus();
      });
      const when = formatDate(o.exported_at);
      orgList.append(
        h(
          "li",
          { "data-organisation": String(index) },
          h("span", { class: "mu-grid__org-name", text: o.name }),
          h("span", { class: "mu-grid__org-detail", text: ` — ${count.answered} sur ${count.total} caractéristiques notées${when ? `, portrait du ${when}` : ""}` }),
          " ",
          remove,
        ),
      );
    });
  }

  // ------------------------------------------------------------ dimensions
  const dimensions = h("div", { class: "mu-grid__dimensions" });
  const markEls = {};

  function cell(answer, name) {
    const value = answer && typeof answer.value === "string" && answer.value in RATING_LABELS ? answer.value : "";
    return h(
      "td",
      { "data-value": value || "none", "data-label": name },
      h("span", { class: `mu-rating mu-rating--${value || "none"}`, text: RATING_LABELS[value] }),
      answer && answer.note ? h("span", { class: "mu-grid__cell-note", text: answer.note }) : null,
    );
  }

  function renderDimensions() {
    dimensions.replaceChildren();
    for (const key of Object.keys(markEls)) delete markEls[key];
    if (state.organisations.length === 0) return;
    for (const section of definition.sections) {
      const id = section.id;
      const base = `mu-grid-${id}`;
      const entry = state.marks[id] || { mark: "", note: "" };
      const table = h(
        "table",
        { class: "mu-grid__table mu-stack" },
        h("caption", { id: `${base}-caption`, text: `${section.title} : notes de chaque organisation` }),
        h(
          "thead",
          {},
          h("tr", {}, h("th", { scope: "col", text: "Caractéristique" }), state.organisations.map((o) => h("th", { scope: "col", text: o.name }))),
        ),
        h(
          "tbody",
          {},
          section.questions.map((q) =>
            h("tr", { "data-question": q.id }, h("th", { scope: "row", text: q.label }), state.organisations.map((o) => cell(o.answers[q.id], o.name))),
          ),
        ),
      );
      const suggestion = suggestDimension(section, state.organisations);
      // "Suggestion :" and "you decide" only when there is something to suggest.
      const suggests = state.organisations.length >= 2 && suggestion.kind !== "not_enough";
      const hint = h(
        "p",
        { class: `mu-grid__hint mu-grid__hint--${state.organisations.length < 2 ? "none" : suggestion.kind}`, id: `${base}-hint` },
        ...(suggests
          ? [
              h("strong", { text: "Suggestion : " }),
              suggestionText(suggestion, state.organisations.length),
              " ",
              h("span", { class: "mu-grid__hint-note", text: "C'est vous qui décidez." }),
            ]
          : [suggestionText(suggestion, state.organisations.length)]),
      );
      const radios = ["convergence", "complementarity", "divergence", ""].map((value) => {
        const radioId = `${base}-mark-${value || "none"}`;
        const input = h("input", { type: "radio", name: `${base}-mark`, id: radioId, value, checked: (entry.mark || "") === value });
        input.addEventListener("change", () => {
          if (!input.checked) return;
          setMark(id, { mark: value });
        });
        return h(
          "div",
          { class: "mu-grid__choice" },
          input,
          h("label", { for: radioId }, h("span", { class: "mu-grid__choice-name", text: MARK_LABELS[value] }), h("span", { class: "mu-grid__choice-help", text: ` : ${MARK_HELP[value]}` })),
        );
      });
      const fieldset = h(
        "fieldset",
        { class: "mu-grid__mark", "aria-describedby": `${base}-hint` },
        h("legend", { text: `Votre lecture de la dimension « ${section.title} »` }),
        radios,
      );
      const noteId = `${base}-note`;
      const textarea = h("textarea", { id: noteId, rows: "3", "aria-describedby": `${noteId}-help` });
      textarea.value = entry.note || "";
      textarea.addEventListener("input", () => setMark(id, { note: textarea.value }, true));
      const printed = h("div", { class: "mu-grid__printed" });
      markEls[id] = { printed };
      dimensions.append(
        h(
          "section",
          { class: "mu-grid__dimension", id: `${base}`, "data-dimension": id, "aria-labelledby": `${base}-title` },
          h("h3", { id: `${base}-title`, text: section.title }),
          section.intro ? h("p", { class: "mu-grid__intro", text: section.intro }) : null,
          h("div", { class: "mu-grid__scroll", role: "region", tabindex: "0", "aria-labelledby": `${base}-caption` }, table),
          hint,
          h(
            "div",
            { class: "mu-grid__decision" },
            fieldset,
            h(
              "div",
              { class: "mu-grid__note" },
              h("label", { for: noteId, text: `Note sur la dimension « ${section.title} »` }),
              h("p", { class: "mu-help", id: `${noteId}-help`, text: "Ce que vous avez constaté ensemble, ce qui reste à discuter, qui s'en occupe." }),
              textarea,
            ),
          ),
          printed,
        ),
      );
      renderPrinted(id);
    }
  }

  function renderPrinted(id) {
    const els = markEls[id];
    if (!els) return;
    const entry = state.marks[id] || { mark: "", note: "" };
    els.printed.replaceChildren(
      h(
        "div",
        {},
        h("p", {}, h("strong", { text: "Lecture retenue : " }), MARK_LABELS[entry.mark || ""]),
        entry.note && entry.note.trim() ? h("p", { class: "mu-grid__printed-note" }, h("strong", { text: "Note : " }), entry.note) : null,
      ),
    );
  }

  function setMark(id, change, quiet = false) {
    const entry = { mark: "", note: "", ...(state.marks[id] || {}), ...change };
    if (!entry.mark && !entry.note) delete state.marks[id];
    else state.marks[id] = entry;
    save();
    renderPrinted(id);
    if (!quiet || "mark" in change) renderSummary();
  }

  // ------------------------------------------------------------ summary
  const reading = h("p", { class: "mu-grid__reading" });
  const counts = h("ul", { class: "mu-grid__counts" });
  const serious = h("div", { class: "mu-grid__serious", hidden: true });
  const divergenceList = h("ul", { class: "mu-grid__divergences" });
  const noDivergence = h("p", { text: "Aucune dimension marquée « divergence »." });
  let lastSummary = "";

  function summaryTexts() {
    const summary = summarise(definition, state.organisations, state.marks);
    const r = readingText(summary.reading);
    const c = summary.counts;
    const countsText = `Convergence : ${c.convergence} · Complémentarité : ${c.complementarity} · Divergence : ${c.divergence} · Pas encore marquées : ${c.unmarked}`;
    return { summary, r, countsText };
  }

  function renderSummary() {
    const { summary, r, countsText } = summaryTexts();
    const signature = JSON.stringify([summary, state.organisations.map((o) => o.name)]);
    if (signature === lastSummary) return;
    lastSummary = signature;
    reading.className = `mu-grid__reading mu-grid__reading--${r.level}`;
    reading.dataset.code = summary.reading.code;
    reading.replaceChildren(h("strong", { text: `Potentiel de mutualisation : ${r.title}.` }), " ", r.text);
    const c = summary.counts;
    counts.replaceChildren(
      h("li", { "data-count": "convergence", text: `Convergence : ${c.convergence}` }),
      h("li", { "data-count": "complementarity", text: `Complémentarité : ${c.complementarity}` }),
      h("li", { "data-count": "divergence", text: `Divergence : ${c.divergence}` }),
      h("li", { "data-count": "unmarked", text: `Pas encore marquées : ${c.unmarked}` }),
    );
    // The most serious divergence: mission and values.
    const mission = summary.mission;
    serious.hidden = !mission.source;
    if (mission.source) {
      const identite = definition.sections.find((s) => s.id === MISSION_DIMENSION);
      const dimension = identite ? identite.title : "Identité";
      serious.replaceChildren();
      if (mission.source === "mark") {
        serious.append(
          h("h4", { id: "mu-grid-serious-title", text: "La divergence la plus sérieuse : la mission et les valeurs" }),
          h("p", { text: `Vous avez marqué la dimension « ${dimension} » comme une divergence. Un désaccord sur ce qui fait agir chaque organisation fragilise tout le reste : parlez-en d'abord, avant de partager des locaux, du personnel ou un budget.` }),
        );
      } else {
        serious.append(
          h("h4", { id: "mu-grid-serious-title", text: "À comparer d'abord : la mission et les valeurs" }),
          h("p", { text: `La mission et les valeurs sont une force pour ${listNames(mission.strong)} et une faiblesse pour ${listNames(mission.weak)}, et la dimension « ${dimension} » n'est pas encore marquée. Ces notes disent si chacune a écrit et partagé ses valeurs en interne ; elles ne disent pas si vos valeurs se rejoignent. Échangez vos textes de mission et de valeurs, parlez-en, puis marquez la dimension « ${dimension} ».` }),
        );
      }
      if ((risks[MISSION_DIMENSION] || []).length) serious.append(h("p", {}, "Risques à relire : ", riskLinks(risks[MISSION_DIMENSION])));
    }
    divergenceList.replaceChildren();
    noDivergence.hidden = summary.divergences.length > 0;
    for (const id of summary.divergences) {
      const section = definition.sections.find((s) => s.id === id);
      const linked = risks[id] || [];
      divergenceList.append(
        h(
          "li",
          { "data-dimension": id },
          h("a", { href: `#mu-grid-${id}`, text: section.title }),
          id === MISSION_DIMENSION ? " (la plus sérieuse)" : "",
          linked.length ? [" — risques à relire : ", riskLinks(linked)] : "",
        ),
      );
    }
  }

  // ------------------------------------------------------------ save, open, export, print
  const saveButton = h("button", { type: "button", class: "md-button md-button--primary", id: "mu-grid-save", text: "Enregistrer la grille (JSON)" });
  const mdButton = h("button", { type: "button", class: "md-button", id: "mu-grid-markdown", text: "Exporter en Markdown" });
  const printButton = h("button", { type: "button", class: "md-button", id: "mu-grid-print", text: "Imprimer" });
  const clearButton = h("button", { type: "button", class: "md-button", id: "mu-grid-clear", text: "Vider la grille" });
  const openInput = h("input", { type: "file", id: "mu-grid-open", accept: ".json,application/json", "aria-describedby": "mu-grid-open-help mu-grid-files-error" });
  const confirm = confirmBox("mu-grid");

  function fileStem() {
    const names = state.organisations.map((o) => slug(o.name)).slice(0, 3).join("-");
    return `mutuus-grille-${names || "vide"}-${today()}`;
  }

  function texts() {
    const { r, countsText } = summaryTexts();
    const suggestions = {};
    for (const section of definition.sections) {
      suggestions[section.id] = state.organisations.length >= 2 ? suggestionText(suggestDimension(section, state.organisations), state.organisations.length) : "";
    }
    return { reading: `${r.title}. ${r.text}`, counts: countsText, suggestions, risks };
  }

  saveButton.addEventListener("click", () => {
    if (state.organisations.length === 0) {
      notice("La grille est vide : ajoutez des portraits avant de l'enregistrer.", filesBox);
      return;
    }
    const name = `${fileStem()}.json`;
    downloadText(name, `${JSON.stringify(buildGrid(definition, state), null, 2)}\n`, "application/json");
    notice(`Grille enregistrée dans le fichier ${name}.`, filesBox);
  });
  mdButton.addEventListener("click", () => {
    const name = `${fileStem()}.md`;
    downloadText(name, gridMarkdown(definition, state, texts()), "text/markdown");
    notice(`Grille exportée en Markdown dans le fichier ${name}.`, filesBox);
  });
  printButton.addEventListener("click", () => globalThis.print());

  const closeConfirm = confirm.close;
  function askConfirm(title, confirmLabel, onConfirm, back) {
    confirm.ask({ title, confirmLabel, onConfirm, back, onCancel: () => notice("Rien n'a changé.", filesBox) });
  }

  function describe(s) {
    const marked = Object.values(s.marks).filter((m) => MARKS.includes(m.mark)).length;
    return `${plural(s.organisations.length, "organisation", "organisations")}, ${plural(marked, "dimension marquée", "dimensions marquées")}`;
  }

  openInput.addEventListener("change", async () => {
    closeConfirm();
    const file = openInput.files && openInput.files[0];
    if (!file) return;
    let object = null;
    let problem = "";
    try {
      const text = await readFileText(file, MAX_FILE_BYTES);
      object = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      problem =
        error && error.message === "too_big"
          ? "Ce fichier est trop volumineux pour être une grille Mutuus. La grille actuelle n'a pas changé."
          : "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier créé avec « Enregistrer la grille ». La grille actuelle n'a pas changé.";
    }
    openInput.value = "";
    const result = problem ? { ok: false, message: problem } : validateGridObject(object, definition);
    if (!result.ok) {
      openInput.setAttribute("aria-invalid", "true");
      complain([result.message], [], filesBox);
      return;
    }
    openInput.removeAttribute("aria-invalid");
    const apply = () => {
      state = result.data;
      save();
      renderAll();
      notice(`Grille ouverte : ${describe(state)}.`, filesBox);
    };
    if (state.organisations.length === 0 && Object.keys(state.marks).length === 0) apply();
    else askConfirm(`Remplacer la grille actuelle (${describe(state)}) par celle du fichier « ${file.name} » (${describe(result.data)}) ?`, "Remplacer la grille", apply, openInput);
  });

  clearButton.addEventListener("click", () => {
    if (state.organisations.length === 0 && Object.keys(state.marks).length === 0) {
      notice("La grille est déjà vide.", filesBox);
      return;
    }
    askConfirm(`Vider la grille (${describe(state)}) ? Enregistrez-la d'abord dans un fichier si vous voulez la garder.`, "Vider la grille", () => {
      state = emptyState();
      save();
      renderAll();
      notice("La grille a été vidée.", addBox);
    }, clearButton);
  });

  // ------------------------------------------------------------ assemble
  function renderAll() {
    renderOrganisations();
    renderDimensions();
    renderSummary();
    renderPrintHeader();
  }

  function renderPrintHeader() {
    printedDate.textContent = `Grille imprimée le ${formatDate(new Date().toISOString())}. Organisations comparées : ${state.organisations.map((o) => o.name).join(" ; ") || "aucune"}.`;
  }

  const printedDate = h("p", { class: "mu-grid__print-header" });
  root.append(
    printedDate,
    storageWarning,
    h(
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
      addBox.status,
      addBox.alert,
    ),
    h("section", { class: "mu-grid__orgs", "aria-labelledby": "mu-grid-orgs-title" }, h("h3", { id: "mu-grid-orgs-title", text: "Organisations comparées" }), orgEmpty, orgList),
    dimensions,
    h(
      "section",
      { class: "mu-grid__summary", id: "mu-grid-summary", "aria-labelledby": "mu-grid-summary-title" },
      h("h3", { id: "mu-grid-summary-title", text: "Synthèse" }),
      h("div", { role: "status", class: "mu-grid__live" }, reading, counts),
      serious,
      h("h4", { text: "Divergences à discuter" }),
      noDivergence,
      divergenceList,
    ),
    h(
      "section",
      { class: "mu-grid__files", "aria-labelledby": "mu-grid-files-title" },
      h("h3", { id: "mu-grid-files-title", text: "Enregistrer, reprendre, imprimer" }),
      h("div", { class: "mu-grid__buttons" }, saveButton, mdButton, printButton),
      h("label", { for: "mu-grid-open", text: "Ouvrir une grille enregistrée (.json)" }),
      h("p", { class: "mu-help", id: "mu-grid-open-help", text: "Un fichier créé avec « Enregistrer la grille ». Si la grille actuelle n'est pas vide, la page vous demande avant de la remplacer." }),
      openInput,
      h("div", { class: "mu-grid__buttons" }, clearButton),
      confirm.box,
      filesBox.status,
      filesBox.alert,
    ),
  );
  restore();

  // Another tab changed the grid: show its version here (what this tab had is
  // already stored, each change being saved at once).
  const onStorage = (event) => {
    if (!root.isConnected) {
      globalThis.removeEventListener("storage", onStorage);
      return;
    }
    if (event.key !== null && event.key !== gridKey()) return;
    state = emptyState();
    restore();
    renderAll();
    notice("La grille vient d'être modifiée dans un autre onglet : elle est à jour ici.");
  };
  globalThis.addEventListener("storage", onStorage);
  renderStorageWarning();
  renderAll();

  // The printed date is the day of printing, not of the last change.
  const onBeforePrint = () => {
    if (!root.isConnected) {
      globalThis.removeEventListener("beforeprint", onBeforePrint);
      return;
    }
    renderPrintHeader();
  };
  globalThis.addEventListener("beforeprint", onBeforePrint);
}

onPage(".mu-grid", mount);
