// The rules as Python renders them into the page (macros/questionnaire_rules.py),
// handed to answers.js as each tool does when it mounts: no second copy here.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import { useRules } from "../../docs/assets/javascripts/answers.js";

const python = existsSync(".venv/bin/python") ? ".venv/bin/python" : "python3";
export const RULES = JSON.parse(
  execFileSync(python, ["-c", "import json; from macros.questionnaire_rules import browser_rules; print(json.dumps(browser_rules()))"], { encoding: "utf8" }),
);
useRules(RULES);

// The portrait's definition as the catalog gives it to the grid (the browser's view of questionnaires/portrait.yml).
export const PORTRAIT = JSON.parse(
  execFileSync(
    python,
    [
      "-c",
      "import json; from pathlib import Path; from macros.questionnaire_loader import load_questionnaire; " +
        "from macros.questionnaire_render import definition_json; " +
        "print(json.dumps(definition_json(load_questionnaire(Path('questionnaires/portrait.yml'), docs_dir=Path('docs'), root=Path('.')))))",
    ],
    { encoding: "utf8" },
  ),
);
