// Mutuus: the diagnostic grid's summary (grid-page.js): the reading of the
// pooling potential, the counts, the most serious divergence and the list of
// divergences with the risks to read again (links marked data-mu-risk on the
// page). The rule is grid-rule.js, the sentences grid-texts.js and the
// catalog (words/grid.py).
//
// API:
//   riskMap(root) -> {<dimension>: [{text, href}]}
//   summaryTexts(definition, organisations, marks) -> {summary, r, countsText}
//   summaryView(definition, risks) -> {element, render(organisations, marks)}

import { MISSION_DIMENSION, summarise } from "./grid-rule.js";
import { readingText } from "./grid-texts.js";
import { h } from "./core/dom.js";
import { joinList, t } from "./core/words.js";

const COUNTS = ["convergence", "complementarity", "divergence", "unmarked"];

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

const countText = (counts, kind) => t(`grid.count_${kind}`, { n: counts[kind] });

export function summaryTexts(definition, organisations, marks) {
  const summary = summarise(definition, organisations, marks);
  const r = readingText(summary.reading);
  const countsText = COUNTS.map((kind) => countText(summary.counts, kind)).join(" · ");
  return { summary, r, countsText };
}

// The most serious divergence, mission and values: marked by the users, or
// shown by opposed ratings while the dimension is not marked yet.
function seriousParts(definition, mission, risks) {
  const identite = definition.sections.find((s) => s.id === MISSION_DIMENSION);
  const dimension = identite ? identite.title : t("grid.identity");
  const parts =
    mission.source === "mark"
      ? [h("h4", { id: "mu-grid-serious-title", text: t("grid.serious_mark_title") }), h("p", { text: t("grid.serious_mark", { dimension }) })]
      : [
          h("h4", { id: "mu-grid-serious-title", text: t("grid.serious_ratings_title") }),
          h("p", { text: t("grid.serious_ratings", { strong: joinList(mission.strong, true), weak: joinList(mission.weak, true), dimension }) }),
        ];
  if ((risks[MISSION_DIMENSION] || []).length) parts.push(h("p", {}, t("grid.risks_to_read"), riskLinks(risks[MISSION_DIMENSION])));
  return parts;
}

function divergenceItem(definition, id, risks) {
  const section = definition.sections.find((s) => s.id === id);
  const linked = risks[id] || [];
  return h(
    "li",
    { "data-dimension": id },
    h("a", { href: `#mu-grid-${id}`, text: section.title }),
    id === MISSION_DIMENSION ? t("grid.divergence_in_peril") : "",
    linked.length ? [t("grid.divergence_risks"), riskLinks(linked)] : "",
  );
}

export function summaryView(definition, risks) {
  const reading = h("p", { class: "mu-grid__reading" });
  const counts = h("ul", { class: "mu-grid__counts" });
  const serious = h("div", { class: "mu-grid__serious", hidden: true });
  const divergenceList = h("ul", { class: "mu-grid__divergences" });
  const noDivergence = h("p", { text: t("grid.no_divergence") });
  let last = "";

  function render(organisations, marks) {
    const { summary, r } = summaryTexts(definition, organisations, marks);
    const signature = JSON.stringify([summary, organisations.map((o) => o.name)]);
    if (signature === last) return;
    last = signature;
    reading.className = `mu-grid__reading mu-grid__reading--${r.level}`;
    reading.dataset.code = summary.reading.code;
    reading.replaceChildren(h("strong", { text: t("grid.potential", { level: r.title }) }), " ", r.text);
    counts.replaceChildren(...COUNTS.map((kind) => h("li", { "data-count": kind, text: countText(summary.counts, kind) })));
    serious.hidden = !summary.mission.source;
    if (summary.mission.source) serious.replaceChildren(...seriousParts(definition, summary.mission, risks));
    divergenceList.replaceChildren(...summary.divergences.map((id) => divergenceItem(definition, id, risks)));
    noDivergence.hidden = summary.divergences.length > 0;
  }

  const element = h(
    "section",
    { class: "mu-grid__summary", id: "mu-grid-summary", "aria-labelledby": "mu-grid-summary-title" },
    h("h3", { id: "mu-grid-summary-title", text: t("grid.summary_title") }),
    h("div", { role: "status", class: "mu-grid__live" }, reading, counts),
    serious,
    h("h4", { text: t("grid.divergences_title") }),
    noDivergence,
    divergenceList,
  );
  return { element, render };
}
