// Mutuus: asking before a page whose browser keeps nothing is left.
//
// guardLeaving({ unsaved, message, ask })
//   unsaved(): true while leaving would lose what the reader typed (the
//     browser refused to keep it and the tool is still on the page).
//   message: the question asked on Back or Forward (the tool's words).
//   ask(message, leave): asks it in the page, and calls leave() if the
//     reader chooses to go; without it, the browser's own confirm() asks.
//   Installed once per tool on the page.
//
// While unsaved() is true:
// - closing or reloading the tab asks (the browser's beforeunload question);
// - a click on a link to another page of the site, which Material's instant
//   navigation would follow by swapping the page without unloading it, is
//   kept from Material (this listener runs first: on window, capture phase)
//   and becomes an ordinary navigation, which asks;
// - Back and Forward, once the address has moved: the guard heard before
//   Material (overrides/main.html) asks. The browser's confirm() asks at
//   once: OK lets Material go on, Cancel puts the page's address back. A
//   question in the page is asked once the address is back; leave() then
//   goes where the reader was going (nothing asks again).

export function guardLeaving({ unsaved, message, ask = null }) {
  let letGo = false;
  const losing = () => !letGo && unsaved();
  const here = location.pathname + location.search;
  window.addEventListener("beforeunload", (event) => {
    if (losing()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || !losing() || event.defaultPrevented) return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || (url.pathname === location.pathname && url.search === location.search)) return;
      event.stopPropagation();
    },
    true,
  );
  // This page's place in the history (Navigation API, Chromium): Back or
  // Forward asked about is undone by going back to it, and leaving goes on
  // by the same step, so the history stays as it was. Without that API, the
  // address is put back as a new entry, and leaving replaces it.
  const nav = window.navigation && window.navigation.currentEntry ? window.navigation : null;
  let ownIndex = nav ? nav.currentEntry.index : -1;
  nav?.addEventListener("currententrychange", () => {
    if (location.pathname + location.search === here) ownIndex = nav.currentEntry.index;
  });
  window.muLeaveGuards?.add(() => {
    if (!losing() || location.pathname + location.search === here) return false;
    // The browser's own question comes at once: leaving lets Material go on.
    if (!ask) {
      if (window.confirm(message)) {
        letGo = true;
        return false;
      }
    }
    const away = location.href;
    const step = nav && ownIndex >= 0 ? ownIndex - nav.currentEntry.index : 0;
    if (step !== 0) history.go(step);
    else history.pushState(null, "", here);
    if (ask) {
      ask(message, () => {
        letGo = true;
        if (step !== 0) history.go(-step);
        else location.replace(away);
      });
    }
    return true;
  });
}
