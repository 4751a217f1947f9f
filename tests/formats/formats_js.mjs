// The browser modules' readers, fed one request per line on standard input
// (JSON), one reply per line: what the page would say of a file's text.
//   {"kind": "answers", "text", "definition"}  -> answers.js parseAnswersFile
//   {"kind": "dossier", "text", "definitions"} -> dossier-file.js readDossierJSON, then
//        answers.js validateDossierObject, then dossier-saved.js restoreSaved (dry run),
//        in the order of dossier-import.js
//   {"kind": "grid", "text", "definition"}     -> JSON.parse, then grid-files.js validateGridObject
// Reply: {ok: true, data} | {ok: false, message} | {error} (a bug in the harness).
// Run by tests/formats/test_same_as_js.py; Python's rules come from python-rules.mjs.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import readline from "node:readline";

import "../js/python-rules.mjs";
import { setWords, t } from "../../docs/assets/javascripts/core/words.js";
import { parseAnswersFile, validateDossierObject } from "../../docs/assets/javascripts/answers.js";
import { readDossierJSON } from "../../docs/assets/javascripts/dossier-file.js";
import { restoreSaved } from "../../docs/assets/javascripts/dossier-saved.js";
import { validateGridObject } from "../../docs/assets/javascripts/grid-files.js";

// The words catalog, as the page has it (core/catalog.js, built from words/).
const python = existsSync(".venv/bin/python") ? ".venv/bin/python" : "python3";
setWords(JSON.parse(execFileSync(python, ["-c", "import json; from words import catalog; print(json.dumps(catalog()))"], { encoding: "utf8" })));

function dossier(text, definitions) {
  const read = readDossierJSON(text);
  if (!read.ok) return read;
  const result = validateDossierObject(read.object, definitions);
  if (!result.ok) return result;
  const saved = restoreSaved(read.object, { dryRun: true });
  if (!saved.ok) return { ok: false, message: `${saved.message} ${t("formats.unchanged_answers")}` };
  const questionnaires = result.data.questionnaires.map(({ definition, ...rest }) => ({ id: definition.id, ...rest }));
  return { ok: true, data: { ...result.data, questionnaires }, lines: saved.lines };
}

const READERS = {
  answers: ({ text, definition }) => parseAnswersFile(text, definition),
  dossier: ({ text, definitions }) => dossier(text, definitions),
  grid: ({ text, definition }) => validateGridObject(JSON.parse(text.replace(/^\uFEFF/, "")), definition),
};

for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  let reply;
  try {
    const request = JSON.parse(line);
    reply = READERS[request.kind](request);
  } catch (error) {
    reply = { error: String((error && error.stack) || error) };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
