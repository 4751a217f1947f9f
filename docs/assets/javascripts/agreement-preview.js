// The generator's preview: what is missing, warnings, and the agreement
// itself, drawn from Python's blocks (core/blocks-dom.js).

import { blockNodes } from "./core/blocks-dom.js";
import { t } from "./core/words.js";

function el(tag, attributes = {}, content = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (content !== null) node.textContent = content;
  return node;
}

// Python refused the draft: its sentences in the alert, the preview emptied.
export function showRefusal(view, errors, alert) {
  view.root.dataset.state = "error";
  alert(errors.map((e) => e.message).join(" "));
  view.missingBox.replaceChildren();
  view.documentBox.replaceChildren();
}

// The assembled agreement (agreements.assemble's result) in the preview.
// otherCountry: the draft follows another country's law than the reader's.
export function showAgreement(view, result, otherCountry) {
  view.root.dataset.state = result.missing.length ? "incomplete" : "complete";
  if (result.missing.length) {
    const list = el("ul");
    for (const item of result.missing) list.append(el("li", {}, item.label));
    view.missingBox.replaceChildren(el("p", {}, t("agreements.missing")), list);
  } else {
    view.missingBox.replaceChildren(el("p", {}, t("agreements.complete")));
  }
  if (otherCountry) view.missingBox.append(el("p", { class: "mu-ag-warning mu-ag-other-country" }, result.other_country));
  for (const warning of result.warnings) view.missingBox.append(el("p", { class: "mu-ag-warning" }, warning));
  // The page's own title is an <h2>: the agreement's title is an <h3>, its articles <h4>.
  view.documentBox.replaceChildren(blockNodes(result.blocks, { shift: 2 }));
  view.root.dispatchEvent(new CustomEvent("mu-agreement:rendered"));
}
