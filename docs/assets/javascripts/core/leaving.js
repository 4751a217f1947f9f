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
//   Material (overrides/main.html) keeps the page and puts its address back, then
//   asks; leave() goes where the reader was going, by an ordinary navigation
//   that the beforeunload question lets through (the reader has chosen).

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
  window.muLeaveGuards?.add(() => {
    if (!losing() || location.pathname + location.search === here) return false;
    const away = location.href;
    history.pushState(null, "", here);
    const leave = () => {
      letGo = true;
      location.replace(away);
    };
    if (ask) ask(message, leave);
    else if (window.confirm(message)) leave();
    return true;
  });
}
