// Mutuus: the one slug() of the browser modules (pure, no DOM): a safe
// file-name part from a name, e.g. "Atelier Bois & Cie" -> "atelier-bois-cie".
// The rule of macros/network_entry.py (the board's entry files): letters
// folded (accents dropped, œ -> oe), at most 60 characters cut between two
// words, the fallback word when nothing is left. (Anchors and page slugs
// come from the build, never from here.)

import { t } from "./core/words.js";

const LIGATURES = { "\u0153": "oe", "\u00e6": "ae", "\u00df": "ss" };
const MAX = 60;

export function slug(text, fallback = t("core.unnamed_file")) {
  const folded = String(text ?? "")
    .toLowerCase()
    .replace(/[\u0153\u00e6\u00df]/g, (c) => LIGATURES[c])
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
  let out = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (out.length > MAX) {
    const cut = out.slice(0, MAX + 1).lastIndexOf("-");
    out = out.slice(0, cut > 0 ? cut : MAX).replace(/^-+|-+$/g, "");
  }
  return out || fallback;
}
