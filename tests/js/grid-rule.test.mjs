// Node unit tests for grid-rule.js: small hand-made cases at the edges of each
// rule written on outils/grille-diagnostic.md ("Comment la page lit le
// potentiel"). Moved from tests/e2e/test_grid.py (test_rule_hand_worked_cases),
// which loaded the page only to import this DOM-free module; the browser test
// test_three_portraits_side_by_side_marks_and_reading keeps the wiring.
import { test } from "node:test";
import assert from "node:assert/strict";

import { summarise, suggestDimension } from "../../docs/assets/javascripts/grid-rule.js";

const DEF = { sections: [
  { id: "identite", questions: [{ id: "mission_valeurs" }, { id: "historique" }] },
  { id: "gouvernance", questions: [{ id: "membres" }] },
  { id: "locaux_equipements", questions: [{ id: "locaux" }] },
  { id: "services", questions: [{ id: "offre" }] },
  { id: "communication", questions: [{ id: "interne" }] },
  { id: "gestion_administration", questions: [{ id: "assurances" }] },
] };
const org = (name, answers) => ({ name, answers });
const mission = (name, value) => org(name, { mission_valeurs: { value } });
const SAME = [mission("A", "strength"), mission("B", "strength")];
const OPPOSED = [mission("A", "strength"), mission("B", "weakness")];
const marks = (pairs) => Object.fromEntries(pairs.map(([k, v]) => [k, { mark: v, note: "" }]));
const code = (orgs, m) => summarise(DEF, orgs, m).reading.code;

// [case, organisations, marks, expected reading code, the rule that decides]
const CASES = [
  ["one_portrait", [SAME[0]], {}, "need_portraits"], // rule 1
  ["nothing_marked", SAME, {}, "need_marks"], // same missions, no mark: rule 4
  // 0 divergence, 3 favourable: rule 5 (boundary)
  ["exactly_three_favourable", SAME, marks([["gouvernance", "convergence"], ["services", "complementarity"], ["communication", "convergence"]]), "high"],
  // 0 divergence, 2 favourable: rule 7
  ["two_favourable", SAME, marks([["gouvernance", "convergence"], ["services", "complementarity"]]), "clarify_few"],
  // 2 divergences even with 3 favourable: rule 6
  ["two_divergences", SAME, marks([["gouvernance", "divergence"], ["services", "divergence"], ["communication", "convergence"], ["locaux_equipements", "convergence"], ["identite", "convergence"]]), "clarify_divergence"],
  ["three_divergences", SAME, marks([["gouvernance", "divergence"], ["services", "divergence"], ["communication", "divergence"]]), "low_many"], // rule 3
  // rule 2b beats 3 convergences
  ["mission_ratings_unmarked", OPPOSED, marks([["gouvernance", "convergence"], ["services", "convergence"], ["communication", "convergence"]]), "check_values"],
  // identite marked complementarity overrides the opposed ratings; with
  // services and communication convergence: 3 favourable, 0 divergence -> rule 5.
  ["mission_ratings_but_marked", OPPOSED, marks([["identite", "complementarity"], ["services", "convergence"], ["communication", "convergence"]]), "high"],
  // strength vs neutral is no opposition
  ["neutral_vs_strength_mission", [mission("A", "strength"), mission("B", "neutral")], {}, "need_marks"],
];

for (const [name, orgs, m, expected] of CASES) {
  test(`reading: ${name} -> ${expected}`, () => {
    assert.equal(code(orgs, m), expected, name);
  });
}

test("unknown_mark_ignored: an unknown mark counts as not marked (6 unmarked)", () => {
  assert.equal(summarise(DEF, SAME, { gouvernance: { mark: "peut-être" } }).counts.unmarked, 6);
});

test("hint_na_not_compared: \"not_applicable\" is never compared", () => {
  assert.equal(suggestDimension(DEF.sections[0], [mission("A", "strength"), mission("B", "not_applicable")]).kind, "not_enough");
});
