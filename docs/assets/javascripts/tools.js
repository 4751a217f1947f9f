// Tools loader: the one script every page loads (mkdocs.yml). It imports a
// tool's module only when the page holds that tool, so a guide page downloads
// none of them, and it imports offline.js (the service worker) once the page
// has loaded and the browser is idle, so that storing the site for offline
// use never competes with the page the reader opened.
// Each tool module mounts itself through Material's document$, which replays
// the current page to a late subscriber and then every instant navigation;
// this loader runs on each of them too, so a tool page reached by instant
// navigation gets its module then.

// The header's light/dark switch, on every page (palette.js says why it is
// not Material's).
import "./palette.js";

const TOOLS = [
  ["form.mu-questionnaire", () => import("./questionnaire-form.js")],
  [".mu-dossier", () => import("./dossier-page.js")],
  [".mu-grid", () => import("./grid-page.js")],
  [".mu-board", () => import("./board.js")],
  // Calculators: calculator.js adopts the engine the <head> script started
  // (sitebuild/calculators_runtime.py) and imports calculator-app.js.
  ["form.mu-calculator[data-command]", () => import("./calculator.js")],
  // The statement page's usage-log import and partners' sheets; the logbook's print button.
  [".mu-usage-log, .mu-statement-docs, .mu-logbook", () => import("./usage-log.js")],
  // Agreements generator (imports agreement-app.js).
  ["div.mu-agreement", () => import("./agreement.js")],
  ["div.mu-chooser", () => import("./chooser.js")], // which agreement? (the formalisation rule)
];

const loaded = new Set();
let pending = 0;

// While a tool is being imported, <html data-mu-tools-pending> says so (the
// browser tests wait for it to go before they look at the page).
function track(promise) {
  pending += 1;
  document.documentElement.dataset.muToolsPending = String(pending);
  return promise.finally(() => {
    pending -= 1;
    if (pending === 0) delete document.documentElement.dataset.muToolsPending;
  });
}

function loadToolsOnPage() {
  for (const [selector, load] of TOOLS) {
    if (loaded.has(selector) || !document.querySelector(selector)) continue;
    loaded.add(selector);
    track(load()).catch((error) => {
      loaded.delete(selector);
      console.warn("tools.js:", error);
      for (const el of document.querySelectorAll(selector)) {
        const note = document.createElement("p");
        note.setAttribute("role", "alert");
        note.textContent = "Cet outil n'a pas pu être chargé. Rechargez la page.";
        el.before(note);
      }
    });
  }
}

// After the load event, then at the browser's first idle moment (at most
// 3 s later; a browser without requestIdleCallback waits 1 s).
function afterLoadAndIdle(start) {
  const idle = () => {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 1000);
  };
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(loadToolsOnPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", loadToolsOnPage, { once: true });
} else {
  loadToolsOnPage();
}

afterLoadAndIdle(() => {
  import("./offline.js").catch((error) => console.warn("tools.js: offline.js", error));
});
