// Mutuus: the diagnostic grid's reading rules (pure functions, no DOM).
//
// The one implementation of the rules written on outils/grille-diagnostic.md.
// grid-texts.js turns the codes returned here into sentences (words/grid.py).
//
// API:
//   MARKS = ["convergence", "complementarity", "divergence"]
//   MISSION_QUESTION = "mission_valeurs", MISSION_DIMENSION = "identite"
//   ratingsOf(question, organisations) -> [{name, value}] (strength|weakness|neutral only)
//   suggestDimension(section, organisations) -> Suggestion
//       Suggestion = {kind, compared, opposed: [{id, label, strong: [names], weak: [names]}]}
//       kind: "not_enough" | "values_check" | "complementarity" | "convergence" | "difference"
//   missionSignal(definition, organisations) -> {opposed, strong: [names], weak: [names]}
//   summarise(definition, organisations, marks) -> Summary
//       Summary = {counts: {convergence, complementarity, divergence, unmarked},
//                  divergences: [dimension ids in portrait order],
//                  mission: {source: "mark" | "ratings" | null, strong, weak},
//                  reading: {code, divergences, favourable}}
//       reading.code: "need_portraits" | "low_mission" | "check_values" | "low_many" | "need_marks"
//                     | "high" | "clarify_divergence" | "clarify_few"
//
// `organisations` is a list of {name, answers: {<question id>: {value, note}}};
// `marks` maps a dimension id to {mark: "" | one of MARKS, note}.

export const MARKS = ["convergence", "complementarity", "divergence"];
export const MISSION_QUESTION = "mission_valeurs";
export const MISSION_DIMENSION = "identite";
const COMPARABLE = new Set(["strength", "weakness", "neutral"]);

function valueOf(organisation, questionId) {
  const answer = organisation.answers ? organisation.answers[questionId] : undefined;
  return answer && typeof answer.value === "string" ? answer.value : "";
}

export function ratingsOf(question, organisations) {
  const out = [];
  for (const organisation of organisations) {
    const value = valueOf(organisation, question.id);
    if (COMPARABLE.has(value)) out.push({ name: organisation.name, value });
  }
  return out;
}

function opposition(question, organisations) {
  const ratings = ratingsOf(question, organisations);
  const strong = ratings.filter((r) => r.value === "strength").map((r) => r.name);
  const weak = ratings.filter((r) => r.value === "weakness").map((r) => r.name);
  return { ratings, strong, weak, opposed: strong.length > 0 && weak.length > 0 };
}

// Suggestion for one dimension (the user decides; this is only a hint):
// 1. fewer than one characteristic rated by two organisations -> not_enough
// 2. identite: mission_valeurs rated strength by one and weakness by another -> values_check
//    (the rating says whether each has written and shared its values inside,
//    not whether the partners share the same values: read them together)
// 3. a characteristic rated strength by one and weakness by another -> complementarity
// 4. every compared characteristic rated the same by all who rated it -> convergence
// 5. otherwise (differences without opposition) -> difference
export function suggestDimension(section, organisations) {
  let compared = 0;
  let allSame = true;
  let missionOpposed = false;
  const opposed = [];
  for (const question of section.questions || []) {
    const o = opposition(question, organisations);
    if (o.ratings.length < 2) continue;
    compared += 1;
    if (new Set(o.ratings.map((r) => r.value)).size > 1) allSame = false;
    if (o.opposed) {
      opposed.push({ id: question.id, label: question.label, strong: o.strong, weak: o.weak });
      if (question.id === MISSION_QUESTION) missionOpposed = true;
    }
  }
  let kind;
  if (compared === 0) kind = "not_enough";
  else if (missionOpposed) kind = "values_check";
  else if (opposed.length > 0) kind = "complementarity";
  else if (allSame) kind = "convergence";
  else kind = "difference";
  return { kind, compared, opposed };
}

function findQuestion(definition, questionId) {
  for (const section of definition.sections || []) {
    for (const question of section.questions || []) {
      if (question.id === questionId) return question;
    }
  }
  return null;
}

export function missionSignal(definition, organisations) {
  const question = findQuestion(definition, MISSION_QUESTION);
  if (!question) return { opposed: false, strong: [], weak: [] };
  const o = opposition(question, organisations);
  return { opposed: o.opposed, strong: o.strong, weak: o.weak };
}

function markOf(marks, dimensionId) {
  const entry = marks ? marks[dimensionId] : undefined;
  return entry && MARKS.includes(entry.mark) ? entry.mark : "";
}

// The pooling potential, first matching rule wins:
// 1. fewer than two portraits                                  -> need_portraits
// 2. divergence on mission and values: identite marked divergence -> low_mission
// 2b. identite not marked and mission_valeurs rated strength by one
//    organisation and weakness by another: the ratings say how clearly each
//    has written and shared its values, not whether the partners share
//    them, so the page asks to compare them first            -> check_values
// 3. three divergences or more                                 -> low_many
// 4. no dimension marked                                       -> need_marks
// 5. no divergence and at least three dimensions marked
//    convergence or complementarity                            -> high
// 6. one or two divergences                                    -> clarify_divergence
// 7. otherwise (no divergence, fewer than three favourable)    -> clarify_few
export function summarise(definition, organisations, marks) {
  const sections = definition.sections || [];
  const counts = { convergence: 0, complementarity: 0, divergence: 0, unmarked: 0 };
  const divergences = [];
  for (const section of sections) {
    const mark = markOf(marks, section.id);
    if (mark) counts[mark] += 1;
    else counts.unmarked += 1;
    if (mark === "divergence") divergences.push(section.id);
  }
  const identiteMark = markOf(marks, MISSION_DIMENSION);
  const signal = missionSignal(definition, organisations);
  let missionSource = null;
  if (identiteMark === "divergence") missionSource = "mark";
  else if (identiteMark === "" && signal.opposed) missionSource = "ratings";
  const mission = { source: missionSource, strong: signal.strong, weak: signal.weak };

  const favourable = counts.convergence + counts.complementarity;
  const marked = counts.convergence + counts.complementarity + counts.divergence;
  let code;
  if (organisations.length < 2) code = "need_portraits";
  else if (missionSource === "mark") code = "low_mission";
  else if (missionSource === "ratings") code = "check_values";
  else if (counts.divergence >= 3) code = "low_many";
  else if (marked === 0) code = "need_marks";
  else if (counts.divergence === 0 && favourable >= 3) code = "high";
  else if (counts.divergence >= 1) code = "clarify_divergence";
  else code = "clarify_few";
  return {
    counts,
    divergences,
    mission,
    reading: { code, divergences: counts.divergence, favourable },
  };
}
