// Calculator pages: mount point. Loaded on every page (mkdocs.yml), so it
// does nothing, and loads nothing, unless the page holds a calculator form;
// then it imports the client (calculator-app.js), which starts the engine.
// Mounted through Material's document$ so it survives instant navigation.

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
        if (status) status.textContent = "Le calculateur n'a pas pu être chargé. Rechargez la page.";
      }
    },
  );
}

if (typeof document$ !== "undefined") {
  document$.subscribe(mountCalculators);
} else {
  mountCalculators();
}
