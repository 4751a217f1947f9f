// Mutuus: the partners part of "Mon dossier" (DOM). The rules and texts are
// in partners.js; this module only draws them and reads the user's clicks.
//
// mountPartners(part, ctx) -> {refresh(), partners(), addFile(file), input}:
//   fills <div data-mu-part="partners">.
//   ctx = {catalog, byId, own() -> {name, answers: {<qid>: answers}}}
//   addFile(file): adds a partner's file as the partners' input does.
// Partners are stored under storage.partnersKey(); a change in another tab
// redraws the part (the `storage` event, through refresh()).

import { partnersKey, readJSON, writeJSON } from "./storage.js";
import { ANSWERS_FORMAT, DOSSIER_FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, downloadText, validateDossierObject } from "./answers.js";
import { MAX_PARTNERS, columnsFor, compareRows, dossierMarkdown, inventoryPairings, makePartner, readPartners } from "./partners.js";
import { h, plural, readFileText, slug, today } from "./dossier-dom.js";

const UNCHANGED = "Vos réponses et vos partenaires n'ont pas changé.";

export function mountPartners(part, ctx) {
  const { catalog, byId } = ctx;
  const status = h("div", { class: "mu-partners__status", role: "status" });
  const alert = h("div", { class: "mu-partners__alert", role: "alert", id: "mu-partners-error" });
  const say = (text) => {
    alert.replaceChildren();
    status.replaceChildren(...(text ? [h("p", { text })] : []));
  };
  const complain = (text) => {
    status.replaceChildren();
    alert.replaceChildren(h("p", { text }));
  };

  const load = () => {
    const stored = readJSON(partnersKey());
    return stored.ok ? readPartners(stored.value, byId) : [];
  };
  let partners = load();
  const store = () => writeJSON(partnersKey(), { partners });

  // ---- import as a partner
  const input = h("input", {
    type: "file",
    id: "mu-partner-file",
    accept: ".json,application/json",
    "aria-describedby": "mu-partner-file-help mu-partners-error",
  });
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (file) addFile(file);
  });
  // A file added here, from this input or handed over by the import box
  // (its button for a partner's dossier, dossier-import.js).
  async function addFile(file) {
    let object = null;
    let problem = "";
    try {
      object = JSON.parse((await readFileText(file, MAX_FILE_BYTES)).replace(/^\uFEFF/, ""));
    } catch (error) {
      problem = error && error.message === "too_big" ? "Ce fichier est trop volumineux." : "Ce fichier n'est pas un fichier JSON lisible.";
    }
    input.value = "";
    if (object && object.format === ANSWERS_FORMAT) {
      object = { format: DOSSIER_FORMAT, format_version: FORMAT_VERSION, organisation: typeof object.organisation === "string" ? object.organisation : "", exported_at: object.exported_at, questionnaires: [object] };
    }
    const result = problem ? { ok: false, message: `${problem} ${UNCHANGED}` } : validateDossierObject(object, byId);
    if (!result.ok) {
      input.setAttribute("aria-invalid", "true");
      complain(result.message.replace("Vos réponses actuelles n'ont pas changé.", UNCHANGED));
      return;
    }
    input.removeAttribute("aria-invalid");
    if (result.data.questionnaires.length === 0) return complain(`Ce fichier ne contient aucun questionnaire. ${UNCHANGED}`);
    if (partners.length >= MAX_PARTNERS) return complain(`Vous avez déjà ${MAX_PARTNERS} partenaires, le maximum. Retirez-en un d'abord. ${UNCHANGED}`);
    const partner = makePartner(result.data, {
      ownName: ctx.own().name,
      partners,
      id: `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
    });
    partners = [...partners, partner];
    const saved = store();
    if (!saved.ok) {
      partners = partners.slice(0, -1);
      return complain(`${saved.message} ${UNCHANGED}`);
    }
    render();
    const renamed = partner.name !== partner.file_name ? ` Ce nom était déjà pris : il est affiché « ${partner.name} ».` : "";
    const count = Object.keys(partner.questionnaires).length;
    say(`« ${partner.file_name} » ajouté comme partenaire (${plural(count, "questionnaire", "questionnaires")}). Vos réponses n'ont pas changé.${renamed}`);
  }

  // ---- list
  const list = h("ul", { class: "mu-partners__list", id: "mu-partners-list" });
  const empty = h("p", { class: "mu-partners__empty", text: "Aucun fichier de partenaire pour l'instant." });

  function renderList() {
    list.replaceChildren();
    empty.hidden = partners.length > 0;
    partners.forEach((partner, index) => {
      const titles = Object.keys(partner.questionnaires).map((qid) => (byId[qid] ? byId[qid].title : qid));
      const remove = h("button", { type: "button", class: "md-button mu-partners__remove", "aria-label": `Retirer « ${partner.name} »`, text: "Retirer" });
      remove.addEventListener("click", () => {
        partners = partners.filter((p) => p.id !== partner.id);
        const saved = store();
        if (!saved.ok) return complain(saved.message);
        render();
        say(`« ${partner.name} » a été retiré de vos partenaires.`);
        const buttons = list.querySelectorAll(".mu-partners__remove");
        (buttons[Math.min(index, buttons.length - 1)] || input).focus();
      });
      list.append(h("li", { "data-partner": partner.id }, h("span", { class: "mu-partners__name", text: partner.name }), ` — ${titles.join(", ")} `, remove));
    });
  }

  // ---- side by side
  const select = h("select", { id: "mu-compare-select" });
  const compareBox = h("div", { class: "mu-compare" });
  select.addEventListener("change", renderCompare);

  function ownColumn(definition) {
    const own = ctx.own();
    return { name: own.name, answers: own.answers[definition.id] || {} };
  }

  function renderCompare() {
    const definition = byId[select.value];
    compareBox.replaceChildren();
    if (!definition) return;
    const columns = columnsFor(definition, ownColumn(definition), partners);
    const head = h("tr", {}, h("th", { scope: "col", text: "Question" }), columns.map((c) => h("th", { scope: "col", text: c.own ? `${c.name} (vous)` : c.name })));
    const body = compareRows(definition, columns).map((row) =>
      h(
        "tr",
        { "data-question": row.question.id },
        h("th", { scope: "row", text: row.question.label }),
        row.cells.map((cell, i) =>
          h(
            "td",
            { "data-label": columns[i].own ? `${columns[i].name} (vous)` : columns[i].name },
            cell.text || "—",
            cell.note ? h("span", { class: "mu-compare__note", text: ` (note : ${cell.note})` }) : null,
          ),
        ),
      ),
    );
    const table = h(
      "table",
      { class: "mu-compare__table mu-stack" },
      h("caption", { id: "mu-compare-caption", text: `${definition.title} : vos réponses et celles de vos partenaires, question par question` }),
      h("thead", {}, head),
      h("tbody", {}, body),
    );
    compareBox.append(h("div", { class: "mu-dossier__tablewrap", role: "region", tabindex: "0", "aria-labelledby": "mu-compare-caption" }, table));
    if (columns.length < 2) {
      compareBox.append(h("p", { text: "Aucun de vos partenaires n'a encore répondu à ce questionnaire : seule votre colonne est affichée." }));
    }
    const pairs = inventoryPairings(definition, columns);
    if (definition.sections.some((s) => s.questions.some((q) => q.id.endsWith("_offre")))) {
      compareBox.append(h("h3", { id: "mu-pairings-title", text: "Rapprochements possibles" }));
      compareBox.append(
        pairs.length
          ? h(
              "ul",
              { class: "mu-pairings", "aria-labelledby": "mu-pairings-title" },
              pairs.map((p) =>
                h("li", { "data-category": p.category }, h("strong", { text: `${p.category} : ` }), `${p.offerer} offre « ${p.offer} » ; ${p.needer} cherche « ${p.need} ».`),
              ),
            )
          : h("p", { class: "mu-pairings-none", text: "Pas encore de rapprochement : il faut qu'une organisation offre quelque chose dans une catégorie où une autre a un besoin." }),
      );
    }
  }

  function renderSelect() {
    const previous = select.value;
    select.replaceChildren(...catalog.map((d) => h("option", { value: d.id, text: d.title })));
    const firstShared = catalog.find((d) => partners.some((p) => p.questionnaires[d.id]));
    select.value = previous && byId[previous] ? previous : (firstShared || catalog[0]).id;
  }

  // ---- summary: Markdown and print
  const mdButton = h("button", { type: "button", class: "md-button", id: "mu-summary-markdown", text: "Exporter le résumé (Markdown)" });
  mdButton.addEventListener("click", () => {
    const own = ctx.own();
    const name = `mutuus-resume-${slug(own.name)}-${today()}.md`;
    downloadText(name, dossierMarkdown(catalog, own, partners), "text/markdown;charset=utf-8");
    say(`Résumé exporté : ${name} (dans le dossier des téléchargements de votre navigateur).`);
  });
  const printButton = h("button", { type: "button", class: "md-button", id: "mu-summary-print", text: "Imprimer le résumé" });
  printButton.addEventListener("click", () => globalThis.print());

  function render() {
    renderList();
    renderSelect();
    renderCompare();
  }

  part.replaceChildren(
    h("label", { for: "mu-partner-file", text: "Fichier d'un partenaire à ajouter (.json)" }),
    h("p", { id: "mu-partner-file-help", class: "mu-help", text: "L'export d'un questionnaire, d'un portrait ou d'un dossier entier, reçu d'une autre organisation. Il est rangé à part, sous le nom de cette organisation : vos réponses et votre nom ne changent pas." }),
    input,
    status,
    alert,
    h("h3", { id: "mu-partners-title", text: "Vos partenaires" }),
    empty,
    list,
    h("h3", { text: "Lire côte à côte" }),
    h("label", { for: "mu-compare-select", text: "Questionnaire à comparer" }),
    select,
    compareBox,
    h("h3", { text: "Résumé à envoyer avant une rencontre" }),
    h("div", { class: "mu-dossier__buttons" }, mdButton, printButton),
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
