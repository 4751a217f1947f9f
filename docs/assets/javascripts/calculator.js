// Calculator pages: mount point. Imported by tools.js on the first page that
// holds a calculator form (a guide page never downloads it); it starts the
// engine (core/engine.js) and imports the client (calculator-app.js).
// Mounted through Material's document$ so it survives instant navigation.

import { startEngine } from "./core/engine.js";
import { t } from "./core/words.js";

const FORMS = "form.mu-calculator[data-command]";

function mountCalculators() {
  const forms = document.querySelectorAll(FORMS);
  if (forms.length === 0) return;
  import("./calculator-app.js").then(
    (app) => app.mount(forms),
    (error) => {
      console.warn("calculator.js:", error);
      for (const form of forms) {
        const status = form.querySelector(".mu-calc-engine");
        if (status) status.textContent = t(navigator.onLine === false ? "engine.not_kept" : "engine.tool_not_loaded");
      }
    },
  );
}

function start() {
  if (document.querySelector(FORMS)) startEngine();
  if (typeof document$ !== "undefined") {
    document$.subscribe(mountCalculators);
  } else {
    mountCalculators();
  }
}

// Imported once the page is parsed (by tools.js), with Material's document$ there.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
