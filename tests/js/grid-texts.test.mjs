// Node unit tests for the grid's rule and its French texts.
import { test } from "node:test";
import assert from "node:assert/strict";

import { summarise, suggestDimension } from "../../docs/assets/javascripts/grid-rule.js";
import { readingText, suggestionText } from "../../docs/assets/javascripts/grid-texts.js";
import { joinList } from "../../docs/assets/javascripts/core/words.js";

const DEF = { sections: [
  { id: "identite", questions: [{ id: "mission_valeurs", label: "Mission, vision et valeurs" }] },
  { id: "gouvernance", questions: [{ id: "ca", label: "CA" }] },
] };
const org = (name, value) => ({ name, answers: { mission_valeurs: { value } } });

test("opposed values ratings ask to compare, they do not conclude a divergence", () => {
  const orgs = [org("A", "strength"), org("B", "weakness")];
  // Identite not marked, ratings opposed -> rule 2b.
  assert.equal(summarise(DEF, orgs, {}).reading.code, "check_values");
  assert.equal(readingText({ code: "check_values" }).title, "à clarifier");
  // Marked divergence by the people themselves -> rule 2, low.
  assert.equal(summarise(DEF, orgs, { identite: { mark: "divergence" } }).reading.code, "low_mission");
  const hint = suggestDimension(DEF.sections[0], orgs);
  assert.equal(hint.kind, "values_check");
  assert.match(suggestionText(hint, 2), /^À vérifier : la mission et les valeurs sont une force pour « A » et une faiblesse pour « B »\. Cette note dit si chacune a écrit et partagé ses valeurs, pas si vous avez les mêmes/);
});

test("quoted lists and plural readings", () => {
  assert.equal(joinList(["A", "B", "C"], true), "« A », « B » et « C »");
  assert.equal(readingText({ code: "low_many", divergences: 3 }).text, "3 dimensions sont en divergence : levez ces obstacles avant d'aller plus loin.");
});

test("describeGrid counts organisations and marked dimensions only", async () => {
  const { describeGrid } = await import("../../docs/assets/javascripts/grid-texts.js");
  const grid = { organisations: [{ name: "A" }, { name: "B" }], marks: { identite: { mark: "divergence" }, gouvernance: { mark: "", note: "x" } } };
  assert.equal(describeGrid(grid), "2 organisations, 1 dimension marquée");
});
