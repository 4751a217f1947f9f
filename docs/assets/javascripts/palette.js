// The light/dark switch of the header, in place of Material's palette
// component (overrides/partials/palette.html leaves out the attribute that
// mounts Material's).
//
// Why: on every page load, Material's component marks the whole page as
// "switching colours" and unmarks it, adds two <meta> tags and reads the
// header's computed style: four restyles of every element of the page, the
// largest part of the blocking time Lighthouse counts on a step page
// (bench/lighthouse.py; figures in the README). This module does nothing at
// load unless the system asks for the dark palette and the reader has chosen
// none.
//
// The reader's choice is stored as Material stores it (__md_set("__palette"),
// { index, color }): Material's inline script (partials/javascripts/
// palette.html) applies it before the first paint, and a choice made before
// this module existed is kept. Without a choice, the system's light or dark
// mode is followed, also when it changes while the page is open.

import { claim } from "./core/mount.js";

const FORM = "form[data-mu-palette]";

function colorsOf(input) {
  return {
    media: input.getAttribute("data-md-color-media"),
    scheme: input.getAttribute("data-md-color-scheme"),
    primary: input.getAttribute("data-md-color-primary"),
    accent: input.getAttribute("data-md-color-accent"),
  };
}

// Material's helpers (its inline script in <head>); storage may be refused.
function storedChoice(count) {
  try {
    const palette = typeof window.__md_get === "function" ? window.__md_get("__palette") : null;
    return palette && Number.isInteger(palette.index) && palette.index >= 0 && palette.index < count ? palette : null;
  } catch {
    return null;
  }
}

function storeChoice(palette) {
  if (typeof window.__md_set === "function") window.__md_set("__palette", palette);
}

// The palette the system asks for: the first whose media query matches.
function systemIndex(inputs) {
  const index = inputs.findIndex((input) => {
    const media = input.getAttribute("data-md-color-media");
    return media && window.matchMedia(media).matches;
  });
  return Math.max(0, index);
}

// The browser's own parts (scrollbars, the page behind) and the phone's
// address bar follow the palette. Reading computed styles forces a restyle:
// done after a switch (the page is restyled anyway) and at load only for a
// palette other than the first, which the page is built with.
function updateMeta() {
  const header = document.querySelector(".md-header") || document.body;
  const style = window.getComputedStyle(header);
  for (const [name, content] of [
    ["color-scheme", window.getComputedStyle(document.body).colorScheme],
    ["theme-color", style.backgroundColor],
  ]) {
    let meta = document.head.querySelector(`meta[name="${name}"][data-mu-palette]`);
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = name;
      meta.dataset.muPalette = "";
      document.head.append(meta);
    }
    if (meta.content !== content) meta.content = content;
  }
}

// Shows palette `index`: the body's colour attributes (only those that
// differ), the checked option, and the one label that offers the next palette.
// Returns whether the colours changed: the media query is copied as Material
// copies it, but no style reads it, so writing it alone (at every load, since
// the page is built without it) changes nothing and forces no restyle.
function show(inputs, index) {
  const body = document.body;
  let changed = false;
  for (const [key, value] of Object.entries(colorsOf(inputs[index]))) {
    if (value !== null && body.getAttribute(`data-md-color-${key}`) !== value) {
      body.setAttribute(`data-md-color-${key}`, value);
      if (key !== "media") changed = true;
    }
  }
  inputs.forEach((input, i) => {
    if (input.checked !== (i === index)) input.checked = i === index;
    const label = input.nextElementSibling;
    if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
  });
  return changed;
}

// A switch: no colour transitions while the whole page changes colour
// (Material's stylesheet honours this attribute), then the <meta> tags.
function switchTo(inputs, index) {
  document.body.setAttribute("data-md-color-switching", "");
  const changed = show(inputs, index);
  if (changed) updateMeta();
  setTimeout(() => document.body.removeAttribute("data-md-color-switching"));
}

export function mountPalette(form) {
  if (!form || !claim(form)) return;
  const inputs = Array.from(form.querySelectorAll("input[data-md-color-scheme]"));
  if (inputs.length === 0) return;

  const choice = storedChoice(inputs.length);
  const current = choice ? choice.index : systemIndex(inputs);
  // Material's inline script has applied a stored choice already; the
  // system's dark mode, when nothing is stored, is applied here. The <meta>
  // tags matter for a palette other than the page's own (the first one).
  if (show(inputs, current) || current !== 0) updateMeta();

  form.addEventListener("change", (event) => {
    const index = inputs.indexOf(event.target);
    if (index < 0) return;
    storeChoice({ index, color: colorsOf(inputs[index]) });
    switchTo(inputs, index);
  });
  // Enter on the focused option moves to the next palette, as with Material.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const index = inputs.indexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    const next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // No choice stored: follow the system when it changes.
  for (const input of inputs) {
    const media = input.getAttribute("data-md-color-media");
    if (!media) continue;
    window.matchMedia(media).addEventListener("change", (event) => {
      if (event.matches && !storedChoice(inputs.length)) switchTo(inputs, inputs.indexOf(input));
    });
  }
}

// tools.js imports this module statically (a dynamic import, one more round
// trip after it, kept Lighthouse's blocking time 100 ms higher on a step
// page): an error here must not stop tools.js, so none leaves this module.
try {
  mountPalette(document.querySelector(FORM));
} catch (error) {
  console.warn("palette.js:", error);
}
