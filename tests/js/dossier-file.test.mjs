// Node unit tests for reading a dossier file before import (dossier-file.js).
import { test } from "node:test";
import assert from "node:assert/strict";

import { UNCHANGED, readDossierJSON } from "../../docs/assets/javascripts/dossier-file.js";

test("one questionnaire's export is read as a dossier of one", () => {
  const one = { format: "mutuus-answers", format_version: 1, organisation: "A", exported_at: "2026-01-01T00:00:00Z", questionnaire: { id: "q" } };
  const read = readDossierJSON(`\uFEFF${JSON.stringify(one)}`);
  assert.equal(read.ok, true);
  assert.equal(read.object.format, "mutuus-dossier");
  assert.equal(read.object.organisation, "A");
  assert.deepEqual(read.object.questionnaires, [one]);
});

test("unreadable JSON, a grid, a newer format are refused and say nothing changed", () => {
  for (const [text, words] of [
    ["{", "pas un fichier JSON lisible"],
    [JSON.stringify({ format: "mutuus-grid" }), "grille de diagnostic"],
    [JSON.stringify({ format: "mutuus-dossier", format_version: 99 }), "format 99"],
  ]) {
    const read = readDossierJSON(text);
    assert.equal(read.ok, false);
    assert.ok(read.message.includes(words), read.message);
    assert.ok(read.message.endsWith(UNCHANGED));
  }
});

test("a dossier is passed on as it is, for validateDossierObject", () => {
  const dossier = { format: "mutuus-dossier", format_version: 1, questionnaires: [] };
  assert.deepEqual(readDossierJSON(JSON.stringify(dossier)), { ok: true, object: dossier });
});
