// Mutuus: the diagnostic grid's sentences (pure, no DOM): the reading of the
// pooling potential and the suggestion under each dimension, from the codes
// grid-rule.js returns; the words are the catalog's (words/grid.py).
// Tested in Node (tests/js/grid-texts.test.mjs).
//
// API:
//   markLabel(mark), markHelp(mark): the name of a mark ("" = not decided) and what it means
//   readingText(reading) -> {level, title, text}
//   suggestionText(suggestion, organisationCount) -> sentence
//   describeGrid({organisations, marks}) -> "2 organisations, 1 dimension marquée"

import { MARKS, MISSION_QUESTION } from "./grid-rule.js";
import { joinList, t } from "./core/words.js";

export function markLabel(mark) {
  return t(`grid.mark_${mark || "none"}`);
}

export function markHelp(mark) {
  return t(`grid.mark_help_${mark || "none"}`);
}

// Reading code -> [level, the count that picks the plural (if any)].
const READINGS = {
  need_portraits: ["none"],
  low_mission: ["low"],
  check_values: ["clarify"],
  low_many: ["low", "divergences"],
  need_marks: ["none"],
  high: ["high", "favourable"],
  clarify_divergence: ["clarify", "divergences"],
  clarify_few: ["clarify", "favourable"],
};

export function readingText(reading) {
  const code = Object.hasOwn(READINGS, reading.code) ? reading.code : "clarify_few";
  const [level, count] = READINGS[code];
  return {
    level,
    title: t(`grid.level_${level}`),
    text: t(`grid.reading_${code}`, count ? { n: reading[count] } : {}),
  };
}

export function suggestionText(suggestion, organisationCount) {
  if (organisationCount < 2) return t("grid.suggestion_need_portraits");
  switch (suggestion.kind) {
    case "not_enough":
      return t("grid.suggestion_not_enough");
    case "values_check": {
      const mission = suggestion.opposed.find((o) => o.id === MISSION_QUESTION);
      return t("grid.suggestion_values_check", { strong: joinList(mission.strong, true), weak: joinList(mission.weak, true) });
    }
    case "complementarity": {
      const details = suggestion.opposed
        .map((o) => t("grid.suggestion_opposed", { label: o.label, strong: o.strong.join(", "), weak: o.weak.join(", ") }))
        .join(" ; ");
      return t("grid.suggestion_complementarity", { details });
    }
    case "convergence":
      return t("grid.suggestion_convergence", { n: suggestion.compared });
    default:
      return t("grid.suggestion_difference");
  }
}

// "2 organisations, 1 dimension marquée": what a grid holds.
export function describeGrid(s) {
  const marked = Object.values(s.marks).filter((m) => MARKS.includes(m.mark)).length;
  return t("grid.holds", {
    organisations: t("grid.organisations", { n: s.organisations.length }),
    dimensions: t("grid.dimensions_marked", { n: marked }),
  });
}
