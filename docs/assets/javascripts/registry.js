// Mutuus: what the site keeps in this browser, named for the reader (pure, no DOM).
//
// Every key Mutuus writes starts with storagePrefix() (core/storage.js, which
// also says the kind of a key). "Tout effacer de cet appareil" (Mon dossier)
// erases every key of the prefix and names the kinds it removed, including
// kinds that later tools add (calculator results, agreement drafts, board).
//
// API:
//   KINDS: the kinds, in the order they are named to the reader
//   kindOfKey(rest) -> kind   rest = the key without storagePrefix() (core/storage.js)
//   tally(keys, prefix) -> [{kind, count}]   only kinds present, in KINDS order
//   describeTally(list) -> "3 questionnaires, 1 grille de diagnostic" ("" if empty)

import { kindOfKey } from "./core/storage.js";
import { joinList, t } from "./core/words.js";

export { kindOfKey };

export const KINDS = ["questionnaire", "organisation", "partners", "grid", "calculator", "agreement", "board", "offline", "damaged", "other"];

export function tally(keys, prefix) {
  const counts = new Map();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const kind = kindOfKey(key.slice(prefix.length));
    counts.set(kind, (counts.get(kind) || 0) + 1);
  }
  return KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind) }));
}

export function describeTally(list) {
  return joinList(list.map(({ kind, count }) => t(`storage.kind_${kind}`, { n: count })));
}
