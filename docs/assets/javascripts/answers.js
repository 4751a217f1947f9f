// Mutuus: a questionnaire's answers, the one door the tools import from.
//
// A "definition" is the object embedded in each form
// (<script type="application/json" class="mu-q-definition">) and in the
// catalog (#mu-q-catalog):
//   {id, version, title, step, page, rules?, sections: [{id, title, questions:
//     [{id, kind: "check"|"text"|"choice"|"rating", label, help?,
//       options?: [{value, label}], link?}]}]}
// An "answers" object maps a question id to {value, note?}:
//   check  -> value "done" | "not_yet" | "not_applicable"
//   rating -> value "strength" | "weakness" | "neutral" | "not_applicable", note optional
//             (a note typed before any rating is kept as {value: "", note}; it does
//             not count as answered)
//   choice -> value = one option's value
//   text   -> value = any string
// A "record" is {organisation, answers} (what core/storage.js keeps).
//
// answers-rules.js: Python's rules applied (vocabularies, limits, counts, dates);
// answers-export.js: JSON, Markdown, CSV, dossier and file names;
// answers-import.js: files read back, refused in formats/'s words.

export * from "./answers-rules.js";
export * from "./answers-export.js";
export * from "./answers-import.js";
export { downloadText } from "./download.js";
