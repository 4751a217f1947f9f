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
//   once: OK lets Material go on, Cancel goes back to this page's history
//   entry. A question in the page is asked while the page's entry is being
//   gone back to; leave() then goes to the entry the reader was going to
//   (nothing asks again).
// A page is its path, as for Material: a hash, or the query a search result
// adds (?h=…), is the same page.

export function guardLeaving({ unsaved, message, ask = null }) {
  let letGo = false;
  const losing = () => !letGo && unsaved();
  const here = location.pathname;
  const hereAddress = location.pathname + location.search; // put back without the Navigation API
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
      if (url.origin !== location.origin || url.pathname === location.pathname) return;
      event.stopPropagation();
    },
    true,
  );
  // This page's history entry (Navigation API, Chromium): Back or Forward
  // asked about is undone by going back to it, and leaving goes to the entry
  // the reader was going to, so the history stays as it was. Entries are
  // named by key: a link followed meanwhile (« Il reste ») moves them.
  // Without that API, the address is put back as a new entry, and leaving
  // replaces it.
  const nav = window.navigation && window.navigation.currentEntry ? window.navigation : null;
  let ownKey = nav ? nav.currentEntry.key : null;
  nav?.addEventListener("currententrychange", () => {
    if (location.pathname === here) ownKey = nav.currentEntry.key;
  });
  window.muLeaveGuards?.add(() => {
    if (!losing() || location.pathname === here) return false;
    // The browser's own question comes at once: leaving lets Material go on.
    if (!ask && window.confirm(message)) {
      letGo = true;
      return false;
    }
    const away = location.href;
    const awayKey = nav ? nav.currentEntry.key : null;
    // (A Back pressed again meanwhile aborts this traversal: the guard runs again.)
    if (nav && ownKey) nav.traverseTo(ownKey).finished.catch(() => {});
    else history.pushState(null, "", hereAddress);
    if (ask) {
      ask(message, () => {
        letGo = true;
        if (nav && awayKey) nav.traverseTo(awayKey).finished.catch(() => location.assign(away));
        else location.replace(away);
      });
    }
    return true;
  });
}
