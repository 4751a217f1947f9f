// Mutuus: the diagnostic grid's French texts (pure, no DOM): the reading of
// the pooling potential and the suggestion under each dimension, from the
// codes that grid-rule.js returns. Tested in Node (tests/js/grid-texts.test.mjs).
//
// API:
//   MARK_HELP: {<mark>: what it means}
//   listNames(names) -> "« A », « B » et « C »"
//   readingText(reading) -> {level, title, text}
//   suggestionText(suggestion, organisationCount) -> sentence
//   describeGrid({organisations, marks}) -> "2 organisations, 1 dimension marquée"

import { MARKS, MISSION_QUESTION } from "./grid-rule.js";
import { plural } from "./dossier-dom.js";

export const MARK_HELP = {
  convergence: "vous allez dans le même sens : synergies possibles",
  complementarity: "des différences qui peuvent vous enrichir, à discuter",
  divergence: "un obstacle ou un défi important",
  "": "vous n'avez pas encore tranché",
};


export function listNames(names) {
  const quoted = names.map((n) => `« ${n} »`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} et ${quoted[quoted.length - 1]}`;
}

export function readingText(reading) {
  switch (reading.code) {
    case "need_portraits":
      return { level: "none", title: "pas encore de lecture", text: "Importez au moins deux portraits." };
    case "low_mission":
      return { level: "low", title: "faible", text: "Faible tant que la divergence sur la mission et les valeurs n'est pas levée." };
    case "check_values":
      return {
        level: "clarify",
        title: "à clarifier",
        text: "Comparez d'abord vos missions et vos valeurs : vos notes disent si chacune les a écrites et partagées en interne, pas si elles se rejoignent.",
      };
    case "low_many":
      return {
        level: "low",
        title: "faible",
        text: `${plural(reading.divergences, "dimension est", "dimensions sont")} en divergence : levez ces obstacles avant d'aller plus loin.`,
      };
    case "need_marks":
      return { level: "none", title: "pas encore de lecture", text: "Marquez au moins une dimension." };
    case "high":
      return {
        level: "high",
        title: "élevé",
        text: `Aucune divergence et ${plural(reading.favourable, "dimension", "dimensions")} en convergence ou en complémentarité.`,
      };
    case "clarify_divergence":
      return {
        level: "clarify",
        title: "à clarifier",
        text: `${plural(reading.divergences, "divergence", "divergences")} à discuter avant de modéliser la mutualisation.`,
      };
    default:
      return {
        level: "clarify",
        title: "à clarifier",
        text: `Aucune divergence, mais ${plural(reading.favourable, "dimension", "dimensions")} seulement en convergence ou en complémentarité (il en faut au moins trois).`,
      };
  }
}

export function suggestionText(suggestion, organisationCount) {
  if (organisationCount < 2) return "Importez au moins deux portraits pour obtenir une suggestion.";
  const details = (items) =>
    items.map((o) => `${o.label} (force : ${o.strong.join(", ")} ; faiblesse : ${o.weak.join(", ")})`).join(" ; ");
  switch (suggestion.kind) {
    case "not_enough":
      return "Pas de suggestion : aucune caractéristique n'est notée par au moins deux organisations.";
    case "values_check": {
      const mission = suggestion.opposed.find((o) => o.id === MISSION_QUESTION);
      return `À vérifier : la mission et les valeurs sont une force pour ${listNames(mission.strong)} et une faiblesse pour ${listNames(mission.weak)}. Cette note dit si chacune a écrit et partagé ses valeurs, pas si vous avez les mêmes : lisez-les ensemble avant de marquer cette dimension.`;
    }
    case "complementarity":
      return `Complémentarité probable : l'une est forte là où l'autre est faible. ${details(suggestion.opposed)}.`;
    case "convergence":
      return suggestion.compared > 1
        ? `Convergence probable : les ${suggestion.compared} caractéristiques notées par plusieurs organisations le sont de la même façon.`
        : "Convergence probable : la seule caractéristique notée par plusieurs organisations l'est de la même façon.";
    default:
      return "Complémentarité possible : des écarts, mais aucune caractéristique n'est une force pour l'une et une faiblesse pour l'autre. À discuter.";
  }
}

// "2 organisations, 1 dimension marquée": what a grid holds.
export function describeGrid(s) {
  const marked = Object.values(s.marks).filter((m) => MARKS.includes(m.mark)).length;
  return `${plural(s.organisations.length, "organisation", "organisations")}, ${plural(marked, "dimension marquée", "dimensions marquées")}`;
}
