// Agreements generator: mount point. Imported by tools.js on the first page
// that holds the generator (div.mu-agreement, written by the
// agreement_generator() macro). Mounted through Material's document$ so it
// survives instant navigation.

const ROOT = "div.mu-agreement";

function mountGenerators() {
  const roots = document.querySelectorAll(ROOT);
  if (roots.length === 0) return;
  import("./agreement-app.js").then(
    (app) => roots.forEach((root) => app.mount(root)),
    (error) => {
      console.error("agreement.js:", error);
      for (const root of roots) {
        const status = root.querySelector(".mu-ag-alert");
        if (status) status.textContent = "Le générateur n'a pas pu être chargé. Rechargez la page.";
      }
    },
  );
}

function start() {
  if (typeof document$ !== "undefined") {
    document$.subscribe(mountGenerators);
  } else {
    mountGenerators();
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
