// Mutuus: the one way a tool module mounts on a page.
//
// mount(selector, start): calls start(element) once for every element that
// matches `selector` on each page Material shows. Material's `document$`
// replays the current page to a late subscriber and emits again after every
// instant navigation; without Material (a plain page), it runs once the DOM
// is ready. An element is marked data-mu-mounted="1" so it never mounts twice.
// If start() throws, the element says so in French and the error goes to the
// console as an error (a bug is never hidden as a user mistake).

export function mount(selector, start) {
  const run = () => {
    for (const el of document.querySelectorAll(selector)) {
      if (el.dataset.muMounted === "1") continue;
      el.dataset.muMounted = "1";
      try {
        start(el);
      } catch (error) {
        const note = document.createElement("p");
        note.setAttribute("role", "alert");
        note.textContent = "Cet outil n'a pas pu démarrer. Rechargez la page ; si le problème continue, signalez-le.";
        el.before(note);
        console.error("Mutuus : outil non démarré", error);
      }
    }
  };
  const doc$ = globalThis.document$;
  if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}
