// Mutuus: the one confirmation box (Mon dossier, the grid, any tool).
//
// confirmBox(prefix) -> {box, ask(options), close()}
//   prefix: "mu-dossier" or "mu-grid" (classes <prefix>__confirm, ids <prefix>-confirm-title)
//   ask({title, lines?, confirmLabel, onConfirm, onCancel, back, instead?}):
//     shows the question, focuses its title; on either button, closes, runs
//     the callback and gives focus back to `back`, the control that opened it.
//     instead = {label, onClick, back?}: another way, offered first and as the
//     main button; the confirmation is then a plain one.

import { h } from "./dom.js";
import { t } from "./words.js";

export function confirmBox(prefix) {
  const box = h("div", { class: `${prefix}__confirm`, hidden: true });
  const close = () => {
    box.hidden = true;
    box.replaceChildren();
  };
  const ask = ({ title, lines = [], confirmLabel, onConfirm, onCancel = () => {}, back, instead = null }) => {
    const titleId = `${prefix}-confirm-title`;
    const heading = h("p", { class: `${prefix}__confirm-title`, id: titleId, tabindex: "-1", text: title });
    const main = instead ? h("button", { type: "button", class: "md-button md-button--primary", text: instead.label }) : null;
    const yes = h("button", { type: "button", class: instead ? "md-button" : "md-button md-button--primary", text: confirmLabel });
    const no = h("button", { type: "button", class: "md-button", text: t("core.cancel") });
    const answer = (run, to = back) => () => {
      close();
      run();
      if (to && to.isConnected) to.focus();
    };
    if (main) main.addEventListener("click", answer(instead.onClick, instead.back || back));
    yes.addEventListener("click", answer(onConfirm));
    no.addEventListener("click", answer(onCancel));
    box.replaceChildren(
      h(
        "div",
        { role: "group", "aria-labelledby": titleId },
        heading,
        lines.length ? h("ul", {}, lines.map((line) => h("li", { text: line }))) : null,
        h("div", { class: `${prefix}__buttons` }, main, yes, no),
      ),
    );
    box.hidden = false;
    heading.focus();
  };
  return { box, ask, close };
}
