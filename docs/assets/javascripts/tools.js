// Tools loader. Loaded on every page (mkdocs.yml); imports a tool's module
// only when the page holds that tool, so a guide page downloads none of them.
// Each tool module mounts itself through Material's document$, which replays
// the current page to a late subscriber and then every instant navigation.

const TOOLS = [
  ["form.mu-questionnaire", () => import("./questionnaire-form.js")],
  [".mu-dossier", () => import("./dossier-page.js")],
  [".mu-grid", () => import("./grid-page.js")],
  [".mu-board", () => import("./board.js")],
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

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(loadToolsOnPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", loadToolsOnPage, { once: true });
} else {
  loadToolsOnPage();
}
