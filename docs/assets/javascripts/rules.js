// Mutuus: the rules Python writes into the page (pure, no DOM).
//
// macros/questionnaire_rules.py renders `rules` into each form's JSON
// (definition.rules) and into the catalog ({questionnaires, rules}): steps
// and their labels, answer vocabularies, length limits, the progress
// sentence and the locale for dates. This module only applies them.
//
// API:
//   progressText(rules, answered, total) -> "3 questions sur 12 répondues"
//   stepLabel(rules, stepId) -> "3. Diagnostic" (the id itself when unknown)
//   stepOrder(rules) -> ["impulsion", …]
//   dateLocale(rules) -> "fr-CA" (from extra.network.locale)

export function progressText(rules, answered, total) {
  const template = answered > 1 ? rules.progress.many : rules.progress.one;
  return template.replace("{answered}", String(answered)).replace("{total}", String(total));
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
