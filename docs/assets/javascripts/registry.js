// Mutuus: the registry of what the site keeps in this browser (pure, no DOM).
//
// Every key Mutuus writes starts with "mutuus:<root>:" (storage.js). What
// follows tells its kind; "Tout effacer de cet appareil" (Mon dossier)
// erases every key of the prefix and names the kinds it removed, including
// kinds that later tools add (calculator results, agreement drafts, board).
//
// API:
//   KINDS: [{kind, one, many}] in the order they are named to the user
//   kindOfKey(rest) -> kind   rest = the key without "mutuus:<root>:"
//   tally(keys, prefix) -> [{kind, count}]   only kinds present, in KINDS order
//   describeTally(list) -> "3 questionnaires, 1 grille de diagnostic" ("" if empty)

export const KINDS = [
  { kind: "questionnaire", one: "questionnaire", many: "questionnaires" },
  { kind: "organisation", one: "nom d'organisation", many: "noms d'organisation" },
  { kind: "partners", one: "liste de fichiers de partenaires", many: "listes de fichiers de partenaires" },
  { kind: "grid", one: "grille de diagnostic", many: "grilles de diagnostic" },
  { kind: "calculator", one: "résultat de calculateur", many: "résultats de calculateurs" },
  { kind: "agreement", one: "brouillon de convention", many: "brouillons de conventions" },
  { kind: "board", one: "donnée du tableau du réseau", many: "données du tableau du réseau" },
  { kind: "offline", one: "choix du site hors ligne", many: "choix du site hors ligne" },
  { kind: "damaged", one: "donnée abîmée mise de côté", many: "données abîmées mises de côté" },
  { kind: "other", one: "autre donnée de Mutuus", many: "autres données de Mutuus" },
];

const PREFIXED = [
  ["calculator:", "calculator"],
  ["agreement:", "agreement"],
  ["board:", "board"],
  ["partners:", "partners"],
  ["grille:", "grid"],
];

export function kindOfKey(rest) {
  const text = String(rest || "");
  if (text.includes(":damaged:")) return "damaged";
  if (text === "organisation") return "organisation";
  if (text === "offline") return "offline"; // offline.js: the site was removed from this device
  for (const [start, kind] of PREFIXED) if (text.startsWith(start)) return kind;
  if (/^[a-z0-9_-]+:v\d+$/.test(text)) return "questionnaire";
  return "other";
}

export function tally(keys, prefix) {
  const counts = new Map();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const kind = kindOfKey(key.slice(prefix.length));
    counts.set(kind, (counts.get(kind) || 0) + 1);
  }
  return KINDS.filter((k) => counts.has(k.kind)).map((k) => ({ kind: k.kind, count: counts.get(k.kind) }));
}

export function describeTally(list) {
  const words = list.map(({ kind, count }) => {
    const k = KINDS.find((item) => item.kind === kind);
    return `${count} ${count > 1 ? k.many : k.one}`;
  });
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} et ${words[words.length - 1]}`;
}
