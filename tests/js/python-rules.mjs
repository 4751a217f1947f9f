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
