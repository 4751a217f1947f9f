// Mutuus: the one way a tool module mounts on a page.
//
// mount(selector, start): calls start(element) once for every element that
// matches `selector` on each page Material shows. Material's `document$`
// replays the current page to a late subscriber and emits again after every
// instant navigation; without Material (a plain page), it runs once the DOM
// is ready. If start() throws, the element says so and the error goes to
// the console (a bug is never hidden as a user mistake).
//
// claim(element) -> true the first time, false after: the one "mounted"
// flag (data-mu-mounted="1"), for a module that finds its element itself.
// isMounted(element) -> whether it was claimed.
// takeTypedEarly(element) -> the fields inside it the reader has typed in
// so far (noted by the page's head, overrides/main.html), each given once: a
// tool calls it when it writes what it restores, and keeps what they hold.

import { t } from "./words.js";

export function isMounted(el) {
  return el.dataset.muMounted === "1";
}

export function claim(el) {
  if (isMounted(el)) return false;
  el.dataset.muMounted = "1";
  return true;
}

export function takeTypedEarly(el) {
  const typed = globalThis.muTypedEarly;
  if (!typed || typeof typed.has !== "function") return [];
  const fields = [...el.querySelectorAll("input, textarea, select")].filter((field) => typed.has(field));
  for (const field of fields) typed.delete(field);
  return fields;
}

export function onEveryPage(run) {
  const doc$ = globalThis.document$;
  if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}

export function mount(selector, start) {
  onEveryPage(() => {
    for (const el of document.querySelectorAll(selector)) {
      if (!claim(el)) continue;
      try {
        start(el);
      } catch (error) {
        const note = document.createElement("p");
        note.setAttribute("role", "alert");
        note.textContent = t("core.tool_failed");
        el.before(note);
        console.error("Mutuus: a tool did not start", error);
      }
    }
  });
}
