// Calculator pages: mount point. Loaded on every page (mkdocs.yml), so it
// does nothing, and loads nothing, unless the page holds a calculator form;
// then it starts the engine (calculator-worker.js) at once, so Pyodide boots
// while the page finishes loading, and imports the client (calculator-app.js).
// Mounted through Material's document$ so it survives instant navigation.

const FORMS = "form.mu-calculator[data-command]";

let worker = null;
let bootStatus = null; // {type: "ready"} or {type: "failed", message} once known

// The one engine of the visit, created on first need and reused across
// instant navigations. calculator-app.js imports this module (same URL, same
// instance) to talk to it.
export function calculatorWorker() {
  if (worker === null) {
    worker = new Worker(new URL("./calculator-worker.js", import.meta.url), { type: "module" });
    // Recorded here so the client, imported a moment later, cannot miss it.
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type) bootStatus = event.data;
    });
  }
  return worker;
}

export function engineBootStatus() {
  return bootStatus;
}

function mountCalculators() {
  const forms = document.querySelectorAll(FORMS);
  if (forms.length === 0) return;
  import("./calculator-app.js").then(
    (app) => app.mount(forms),
    (error) => {
      console.warn("calculator.js:", error);
      for (const form of forms) {
        const status = form.querySelector(".mu-calc-engine");
        if (status) status.textContent = "Le calculateur n'a pas pu être chargé. Rechargez la page.";
      }
    },
  );
}

if (document.querySelector(FORMS)) {
  try {
    calculatorWorker();
  } catch (error) {
    // calculator-app.js reports it in French when it mounts.
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(mountCalculators);
} else {
  mountCalculators();
}
