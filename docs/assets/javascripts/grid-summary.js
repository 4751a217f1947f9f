// Mutuus: the diagnostic grid's summary (grid-page.js): the reading of the
// pooling potential, the counts, the most serious divergence and the list of
// divergences with the risks to read again (links marked data-mu-risk on the
// page). The rule is grid-rule.js, the sentences grid-texts.js.
//
// API:
//   riskMap(root) -> {<dimension>: [{text, href}]}
//   summaryTexts(definition, organisations, marks) -> {summary, r, countsText}
//   summaryView(definition, risks) -> {element, render(organisations, marks)}

import { MISSION_DIMENSION, summarise } from "./grid-rule.js";
import { listNames, readingText } from "./grid-texts.js";
import { h } from "./dossier-dom.js";

export function riskMap(root = document) {
  const map = {};
  for (const link of root.querySelectorAll("a[data-mu-risk]")) {
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

export function summaryTexts(definition, organisations, marks) {
  const summary = summarise(definition, organisations, marks);
  const r = readingText(summary.reading);
  const c = summary.counts;
  const countsText = `Convergence : ${c.convergence} · Complémentarité : ${c.complementarity} · Divergence : ${c.divergence} · Pas encore marquées : ${c.unmarked}`;
  return { summary, r, countsText };
}

export function summaryView(definition, risks) {
  const reading = h("p", { class: "mu-grid__reading" });
  const counts = h("ul", { class: "mu-grid__counts" });
  const serious = h("div", { class: "mu-grid__serious", hidden: true });
  const divergenceList = h("ul", { class: "mu-grid__divergences" });
  const noDivergence = h("p", { text: "Aucune dimension marquée « divergence »." });
  let last = "";

  function render(organisations, marks) {
    const { summary, r } = summaryTexts(definition, organisations, marks);
    const signature = JSON.stringify([summary, organisations.map((o) => o.name)]);
    if (signature === last) return;
    last = signature;
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
          h("h4", { id: "mu-grid-serious-title", text: "Une divergence qui peut mettre le projet en péril : la mission et les valeurs" }),
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
          id === MISSION_DIMENSION ? " (peut mettre le projet en péril)" : "",
          linked.length ? [" — risques à relire : ", riskLinks(linked)] : "",
        ),
      );
    }
  }

  const element = h(
    "section",
    { class: "mu-grid__summary", id: "mu-grid-summary", "aria-labelledby": "mu-grid-summary-title" },
    h("h3", { id: "mu-grid-summary-title", text: "Synthèse" }),
    h("div", { role: "status", class: "mu-grid__live" }, reading, counts),
    serious,
    h("h4", { text: "Divergences à discuter" }),
    noDivergence,
    divergenceList,
  );
  return { element, render };
}
