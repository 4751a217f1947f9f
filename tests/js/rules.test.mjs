// Node unit tests for rules.js and slug.js (run: node --test tests/js/).
// The rules object is written here as macros/questionnaire_rules.py renders
// it (tests/macros/test_questionnaire_rules.py checks the Python side).
import { test } from "node:test";
import assert from "node:assert/strict";

import { dateLocale, progressText, stepLabel, stepOrder } from "../../docs/assets/javascripts/rules.js";
import { slug } from "../../docs/assets/javascripts/slug.js";

const RULES = {
  steps: [{ id: "impulsion", label: "1. Impulsion" }, { id: "diagnostic", label: "3. Diagnostic" }],
  locale: "fr-BE",
};

test("progressText: singular up to 1, plural from 2 (French, the catalog's questionnaires.progress)", () => {
  assert.equal(progressText(RULES, 0, 12), "0 question sur 12 répondue");
  assert.equal(progressText(RULES, 1, 12), "1 question sur 12 répondue");
  assert.equal(progressText(RULES, 2, 12), "2 questions sur 12 répondues");
});

test("steps and locale come from the rules", () => {
  assert.equal(stepLabel(RULES, "diagnostic"), "3. Diagnostic");
  assert.equal(stepLabel(RULES, "inconnue"), "inconnue");
  assert.deepEqual(stepOrder(RULES), ["impulsion", "diagnostic"]);
  assert.equal(dateLocale(RULES), "fr-BE");
});

test("slug: one version for every file name (macros/network_entry.py's rule)", () => {
  assert.equal(slug("Centre d'entraide Saint-Rémi"), "centre-d-entraide-saint-remi");
  assert.equal(slug("  Œuvre & Cie  "), "oeuvre-cie"); // the ligature written out, as the board's files do
  assert.equal(slug(""), "sans-nom");
  assert.equal(slug("", "annonce"), "annonce");
  // 60 characters at most, cut between two words: 13 words of 4 letters and a dash
  // are 64 characters; the cut keeps 12 of them (59 characters), no dash at the end.
  const long = slug("abcd ".repeat(13));
  assert.equal(long, Array(12).fill("abcd").join("-"));
  assert.equal(long.length, 59);
});
