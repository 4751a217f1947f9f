// Mutuus: the one slug() of the browser modules (pure, no DOM): a safe
// file-name part from an organisation's name, e.g. "Atelier Bois & Cie" ->
// "atelier-bois-cie"; accents folded (NFD), at most 40 characters;
// "sans-nom" when nothing is left. (Anchors and page slugs come from the
// build, never from here.)

export function slug(text) {
  const s = String(text || "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "sans-nom";
}
