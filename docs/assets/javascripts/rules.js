// Mutuus: the rules Python writes into the page (pure, no DOM).
//
// macros/questionnaire_rules.py renders `rules` into each form's JSON
// (definition.rules) and into the catalog ({questionnaires, rules}): steps
// and their labels, answer vocabularies, length limits and the locale for
// dates. This module only applies them; the progress sentence is the
// catalog's (questionnaires.progress).
//
// API:
//   progressText(rules, answered, total) -> "3 questions sur 12 répondues"
//   stepLabel(rules, stepId) -> "3. Diagnostic" (the id itself when unknown)
//   stepOrder(rules) -> ["impulsion", …]
//   dateLocale(rules) -> "fr-CA" (from extra.network.locale)

import { t } from "./core/words.js";

export function progressText(rules, answered, total) {
  return t("questionnaires.progress", { n: answered, total });
}

export function stepLabel(rules, stepId) {
  const step = (rules.steps || []).find((s) => s.id === stepId);
  return step ? step.label : String(stepId || "");
}

export function stepOrder(rules) {
  return (rules.steps || []).map((s) => s.id);
}

export function dateLocale(rules) {
  return rules && typeof rules.locale === "string" ? rules.locale : undefined;
}
