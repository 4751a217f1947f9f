// Node unit tests for the grid's rating words (grid-files.js): they are
// Python's vocabulary (macros/questionnaire_rules.py), read through useRules.
import { test } from "node:test";
import assert from "node:assert/strict";

import { RULES } from "./python-rules.mjs";
import { UNRATED_LABEL, ratingText, ratingValue } from "../../docs/assets/javascripts/grid-files.js";

test("every rating reads Python's word", () => {
  for (const [value, word] of Object.entries(RULES.vocabularies.rating)) {
    assert.equal(ratingValue({ value }), value);
    assert.equal(ratingText({ value, note: "x" }), word);
  }
  assert.equal(ratingText({ value: "strength" }), "Force");
});

test("no rating, a note alone or an unknown value reads as unrated", () => {
  for (const answer of [undefined, null, {}, { value: "", note: "à voir" }, { value: "excellent" }, { value: "toString" }, { value: 3 }]) {
    assert.equal(ratingValue(answer), "");
    assert.equal(ratingText(answer), UNRATED_LABEL);
  }
});
