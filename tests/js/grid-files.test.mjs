// Node unit tests for grid-files.js: the rating words (Python's vocabulary,
// macros/questionnaire_rules.py, read through useRules) and what opening a
// saved grid refuses.
import { test } from "node:test";
import assert from "node:assert/strict";

import { PORTRAIT, RULES } from "./python-rules.mjs";
import {
  MAX_ORGANISATIONS,
  buildGrid,
  ratingText,
  ratingValue,
  validateGridObject,
} from "../../docs/assets/javascripts/grid-files.js";

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
    assert.equal(ratingText(answer), "Non renseigné");
  }
});

// ---------------------------------------------------------------- opening a saved grid
// validateGridObject: what "Ouvrir une grille" refuses, and why (French, from the module);
// the browser test keeps one refused file to check the page shows the message.
function portrait(organisation, answers = { mission_valeurs: { value: "strength" } }) {
  return {
    format: "mutuus-answers",
    format_version: 1,
    questionnaire: { id: "portrait", version: PORTRAIT.version, title: PORTRAIT.title },
    organisation,
    exported_at: "2026-11-20T14:00:00Z",
    answers,
  };
}

function grid(fields) {
  return { format: "mutuus-grid", format_version: 1, portraits: [portrait("Atelier du Plateau")], marks: {}, ...fields };
}

function refused(object, phrase) {
  const result = validateGridObject(object, PORTRAIT);
  assert.equal(result.ok, false, phrase);
  assert.ok(result.message.includes(phrase), `${result.message} ∌ ${phrase}`);
  assert.ok(result.message.endsWith("La grille actuelle n'a pas changé."), result.message);
}

test("a questionnaire's answers or a dossier is not a grid", () => {
  refused(portrait("Atelier"), "Ce fichier contient des réponses à un questionnaire, pas une grille");
  refused({ format: "mutuus-dossier", format_version: 1, questionnaires: [] }, "pas une grille");
  refused([1, 2], "n'est pas une grille de diagnostic Mutuus");
  refused({ format: "autre" }, "n'est pas une grille de diagnostic Mutuus");
});

test("format versions: newer is named, unknown is refused", () => {
  refused(grid({ format_version: 2 }), "version plus récente de Mutuus (format 2)");
  refused(grid({ format_version: "1" }), "version de format inconnue");
});

test("portraits: a list, at most MAX_ORGANISATIONS, each valid and named", () => {
  refused(grid({ portraits: {} }), "ne contient pas de liste de portraits");
  const many = Array.from({ length: MAX_ORGANISATIONS + 1 }, (_, i) => portrait(`Organisation ${i + 1}`));
  refused(grid({ portraits: many }), `plus de ${MAX_ORGANISATIONS} organisations`);
  refused(grid({ portraits: [portrait("A"), portrait("  ")] }), "Le portrait n° 2 n'a pas de nom d'organisation");
  refused(grid({ portraits: [portrait("A", { locaux: { value: "excellent" } })] }), "Portrait n° 1 :");
});

test("marks: known dimension, possible mark, valid note", () => {
  refused(grid({ marks: { budget: { mark: "divergence" } } }), "dimension inconnue (« budget »)");
  refused(grid({ marks: [] }), "Les marques de cette grille ne sont pas lisibles");
  refused(grid({ marks: { identite: { mark: "accord" } } }), "n'est pas une marque possible");
  refused(grid({ marks: { identite: { note: 3 } } }), "La note de la dimension");
});

test("a saved grid opens as it was saved; two same names stay two", () => {
  const state = {
    organisations: [
      { name: "Atelier du Plateau", answers: { mission_valeurs: { value: "strength", note: "Charte" } }, exported_at: "2026-11-20T14:00:00Z" },
      { name: "Recyclerie du Nord", answers: { locaux: { value: "weakness" } }, exported_at: "2026-11-21T14:00:00Z" },
    ],
    marks: { identite: { mark: "convergence", note: "À discuter" }, services: { mark: "", note: "" } },
  };
  const saved = JSON.parse(JSON.stringify(buildGrid(PORTRAIT, state, new Date("2026-11-25T10:00:00Z"))));
  const opened = validateGridObject(saved, PORTRAIT);
  assert.equal(opened.ok, true, opened.message);
  assert.deepEqual(opened.data.organisations.map((o) => o.name), ["Atelier du Plateau", "Recyclerie du Nord"]);
  assert.deepEqual(opened.data.marks, { identite: { mark: "convergence", note: "À discuter" } });
  const twins = validateGridObject(grid({ portraits: [portrait("Atelier"), portrait(" atelier ")] }), PORTRAIT);
  assert.deepEqual(twins.data.organisations.map((o) => o.name), ["Atelier", "atelier (2)"]);
});
