// Node unit tests for reading a dossier file before import (dossier-file.js),
// then checking it against the catalog's definitions (answers.js).
import { test } from "node:test";
import assert from "node:assert/strict";

import { PORTRAIT } from "./python-rules.mjs";
import { validateDossierObject } from "../../docs/assets/javascripts/answers.js";
import { readDossierJSON } from "../../docs/assets/javascripts/dossier-file.js";

const UNCHANGED = "Vos réponses actuelles n'ont pas changé.";

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

test("what \"Importer un dossier\" refuses once read, and why", () => {
  const good = { format: "mutuus-dossier", format_version: 1, organisation: "X", exported_at: "2026-11-22T10:00:00Z", questionnaires: [] };
  const portrait = {
    format: "mutuus-answers",
    format_version: 1,
    questionnaire: { id: "portrait", version: PORTRAIT.version, title: PORTRAIT.title },
    organisation: "X",
    exported_at: "2026-11-22T10:00:00Z",
    answers: { locaux: { value: "strength" } },
  };
  const within = (fields) => ({ ...good, questionnaires: [{ ...portrait, ...fields }] });
  for (const [object, words] of [
    [[1, 2, 3], "n'est pas un dossier Mutuus"],
    [within({ questionnaire: { id: "budget", version: 1 } }), "questionnaire inconnu (« budget »)"],
    [within({ answers: { locaux: { value: "super" } } }), "n'est pas une réponse possible (« super »)"],
    [within({ questionnaire: { id: "portrait", version: 9, title: "Portrait" } }), "version plus récente de ce questionnaire (version 9"],
  ]) {
    const read = readDossierJSON(JSON.stringify(object));
    const result = read.ok ? validateDossierObject(read.object, { portrait: PORTRAIT }) : read;
    assert.equal(result.ok, false, words);
    assert.ok(result.message.includes(words), result.message);
    assert.ok(result.message.endsWith(UNCHANGED), result.message);
  }
  const accepted = validateDossierObject(within({}), { portrait: PORTRAIT });
  assert.equal(accepted.ok, true, accepted.message);
  assert.deepEqual(accepted.data.questionnaires[0].answers, { locaux: { value: "strength" } });
});
