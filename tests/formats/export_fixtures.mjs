// Writes tests/formats/fixtures/{answers,dossier,grid}-v1.json with the site's own
// export code (answers.js, grid-files.js), the real questionnaires and fixed dates:
// the files today's site writes (format version 1), which every later version
// must still open. Run from the repository root: node tests/formats/export_fixtures.mjs
// The files are committed; run this again only to add a case, never to follow a
// change of format (an old file is what it is).
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";

import { PORTRAIT } from "../js/python-rules.mjs"; // also hands Python's rules to answers.js
import { buildDossier, buildExport, exportJSON } from "../../docs/assets/javascripts/answers.js";
import { buildGrid } from "../../docs/assets/javascripts/grid-files.js";

const python = existsSync(".venv/bin/python") ? ".venv/bin/python" : "python3";
const pythonJSON = (code) => JSON.parse(execFileSync(python, ["-c", code], { encoding: "utf8" }));
const definition = (id) =>
  pythonJSON(
    "import json; from pathlib import Path; from macros.questionnaire_loader import load_questionnaire; " +
      "from macros.questionnaire_render import definition_json; " +
      `print(json.dumps(definition_json(load_questionnaire(Path('questionnaires/${id}.yml'), root=Path('.')))))`,
  );
const IMPULSION = definition("impulsion");
const REFLEXION = definition("reflexion");
const OUT = "tests/formats/fixtures";
const write = (name, text) => writeFileSync(`${OUT}/${name}`, text);

// One questionnaire's answers: "Exporter JSON" on the Réflexion page.
write(
  "answers-v1.json",
  exportJSON(
    REFLEXION,
    {
      organisation: "OBNL Le Pont (Québec)",
      answers: {
        portrait_organisation: { value: "done" },
        portrait_partenaires: { value: "not_yet" },
        perimetre_reflexion: { value: "un_volet" },
        volet_concerne: { value: "Les locaux et la paie.\nÀ revoir en janvier." },
        connaissance_partenaires: { value: "weakness", note: "On se connaît peu." },
        temps_disponible: { value: "", note: "À demander au conseil." },
      },
    },
    new Date("2026-11-25T17:00:00.000Z"),
  ),
);

// "Exporter mon dossier": two questionnaires, a calculator's last result and an
// agreement's draft, as their pages store them (calculator-app.js keepResult,
// agreement-app.js save).
const usageCost = pythonJSON(
  "import json; from calculators.bridge import present; " +
    "print(present('usage-cost', json.dumps({'use': {'units': '50', 'hours': '5'}, 'consumables': {'cost_per_unit': '0,05'}, 'admin_fee': 5})))",
);
const organisation = "Association Les Ateliers partagés";
const dossier = {
  ...buildDossier(
    organisation,
    [
      buildExport(
        IMPULSION,
        {
          organisation,
          answers: {
            definir_besoin: { value: "done" },
            pourquoi_mutualiser: { value: "Partager un local et un véhicule." },
            objet_envisage: { value: "espaces_equipements" },
            collaborations_passees: { value: "strength", note: "Deux projets menés ensemble." },
          },
        },
        new Date("2026-11-20T09:30:00.000Z"),
      ),
      buildExport(REFLEXION, { organisation, answers: { portrait_organisation: { value: "not_applicable" } } }, new Date("2026-11-21T10:00:00.000Z")),
    ],
    new Date("2026-11-25T17:00:00.000Z"),
  ),
  calculators: { "usage-cost": { input: usageCost.input, result: usageCost.result, updated_at: "2026-11-22T08:00:00.000Z" } },
  agreements: {
    materiel: {
      model: "materiel",
      territory: "FR",
      partners: [
        { name: organisation, legal_form: "association loi 1901", address: "", identifier: "", representative: "", authority: "" },
        { name: "Recyclerie du Nord", legal_form: "", address: "", identifier: "", representative: "", authority: "" },
      ],
      values: {},
      options: {},
      updated_at: "2026-11-23T16:45:00.000Z",
    },
  },
};
write("dossier-v1.json", `${JSON.stringify(dossier, null, 2)}\n`);

// "Enregistrer la grille": three portraits (two with the same name, told apart
// when opened) and two dimensions read.
const grid = buildGrid(
  PORTRAIT,
  {
    organisations: [
      { name: "ASBL Les Marolles", answers: { mission_valeurs: { value: "strength", note: "Charte signée" }, locaux: { value: "weakness" } }, exported_at: "2026-11-20T14:00:00.000Z" },
      { name: "Recyclerie du Nord", answers: { mission_valeurs: { value: "neutral" }, historique: { value: "", note: "À compléter" } }, exported_at: "" },
      { name: "recyclerie du nord", answers: {} },
    ],
    marks: { identite: { mark: "convergence", note: "À discuter en janvier." }, locaux_equipements: { mark: "divergence", note: "" }, services: { mark: "", note: "" } },
  },
  new Date("2026-11-25T17:00:00.000Z"),
);
write("grid-v1.json", `${JSON.stringify(grid, null, 2)}\n`);
