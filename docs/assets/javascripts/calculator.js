// Calculator pages: mount point. Imported by tools.js on the first page that
// holds a calculator form (a guide page never downloads it); it makes sure
// the engine (calculator-worker.js) is booting and imports the client
// (calculator-app.js).
// Mounted through Material's document$ so it survives instant navigation.

const FORMS = "form.mu-calculator[data-command]";

let worker = null;

function recordBootStatus(target) {
  // Kept on the worker so the client, imported a moment later, cannot miss it.
  target.addEventListener("message", (event) => {
    // Only the boot status: replies ({type: "present", …}) must not replace it.
    const type = event.data && event.data.type;
    if (type === "ready" || type === "failed") target.muBootStatus = event.data;
  });
}

// The one engine of the visit, reused across instant navigations;
// calculator-app.js imports this module (same URL, same instance). Started
// here, after Material's script has run, not from an inline script in <head>:
// on two cores the two competed and the page's longest task grew past 200 ms
// (sitebuild/calculators_runtime.py has the figures). It is also left on
// window.__muCalculatorWorker, where the tests and bench/run.py read its status.
export function calculatorWorker() {
  if (worker === null) {
    worker = new Worker(new URL("./calculator-worker.js", import.meta.url), { type: "module" });
    recordBootStatus(worker);
    window.__muCalculatorWorker = worker;
  }
  return worker;
}

// {type: "ready"} or {type: "failed", message} once the engine has said so.
export function engineBootStatus() {
  return (worker && worker.muBootStatus) || null;
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

function start() {
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
}

// Imported once the page is parsed (by tools.js), with Material's document$ there.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
