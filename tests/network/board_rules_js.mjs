// Node side of tests/network/test_same_as_js.py: reads {catalog, cases} on
// stdin, answers what board-rules.js writes for each case, as JSON on stdout.
// Run with the words catalog loaded first (node --import catalog.mjs).
import { entryYAML, fileName } from "../../docs/assets/javascripts/board-rules.js";
import { slug } from "../../docs/assets/javascripts/slug.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { catalog, slugs, drafts } = JSON.parse(input);
process.stdout.write(JSON.stringify({
  slugs: slugs.map(([text, fallback]) => slug(text, fallback)),
  files: drafts.map(([draft]) => fileName(draft)),
  yaml: drafts.map(([draft, today]) => entryYAML(catalog, draft, new Date(`${today}T12:00:00Z`))),
}));
