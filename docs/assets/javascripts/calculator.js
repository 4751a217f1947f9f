// Calculator pages: mount point. Imported by tools.js on the first page that
// holds a calculator form (a guide page never downloads it); it starts the
// engine (core/engine.js) and imports the client (calculator-app.js).
// Mounted through Material's document$ so it survives instant navigation.

import { engineState, engineWorker, followEngine, startEngine } from "./core/engine.js";
import { progressSayer } from "./core/engine-status.js";
import { t } from "./core/words.js";

const FORMS = "form.mu-calculator[data-command]";

// The engine's worker, for the modules not yet on core/engine.js's call().
export function calculatorWorker() {
  return engineWorker();
}

// {type: "ready"} or {type: "failed", message} once the engine has said so.
export function engineBootStatus() {
  const { name, kind, message } = engineState();
  if (name === "ready") return { type: "ready" };
  if (name === "failed" || name === "not-kept") return { type: "failed", kind, message };
  return null;
}

// A long first download: its share, every 10 %, in a polite status line
// under the form's engine line (which says "démarre…", then "Prêt").
function showProgress(form) {
  const engineLine = form.querySelector(".mu-calc-engine");
  if (!engineLine || form.querySelector(".mu-calc-progress")) return;
  const line = document.createElement("p");
  line.className = "mu-calc-progress";
  line.setAttribute("role", "status");
  engineLine.after(line);
  line.style.margin = "0"; // empty: no room taken
  const progress = progressSayer();
  let stop = null;
  stop = followEngine((state) => {
    if (!line.isConnected) return stop && stop();
    const text = progress(state);
    if (line.textContent === text) return;
    line.textContent = text;
    line.style.margin = text ? "" : "0";
  });
}

function mountCalculators() {
  const forms = document.querySelectorAll(FORMS);
  if (forms.length === 0) return;
  forms.forEach(showProgress);
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
