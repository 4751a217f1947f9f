// Blocks (Python's blocks/ package: views and documents as plain JSON) as
// DOM nodes, the same shape blocks/html.py writes at build time.
//
//   import { blockNodes } from "./core/blocks-dom.js";
//   container.replaceChildren(blockNodes(blocks, { shift: 2 }));  // heading 1 -> <h3>
//
// Every text is written with textContent; only a figure's svg, markup our
// own Python wrote, is parsed as markup.

export const BLANK = "________";

function element(doc, tag, block = {}, extraClass = "") {
  const node = doc.createElement(tag);
  const classes = [extraClass, block.class || ""].filter(Boolean).join(" ");
  if (block.id) node.setAttribute("id", block.id);
  if (classes) node.setAttribute("class", classes);
  return node;
}

function withText(doc, tag, text, attributes = {}) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  return node;
}

// A text (string or runs) appended to `parent`.
export function appendText(parent, text, doc = globalThis.document) {
  if (typeof text === "string") {
    parent.append(doc.createTextNode(text));
    return parent;
  }
  for (const run of text) {
    if (run.blank) {
      parent.append(withText(doc, "span", BLANK, { class: "mu-blank" }));
      if (run.label) parent.append(doc.createTextNode(" "), withText(doc, "span", `(${run.label})`, { class: "mu-hint" }));
      continue;
    }
    let node = run.class ? withText(doc, "span", run.text, { class: run.class }) : doc.createTextNode(run.text);
    for (const [flag, tag] of [["href", "a"], ["strong", "strong"], ["em", "em"]]) {
      if (!run[flag]) continue;
      const wrapper = doc.createElement(tag);
      if (flag === "href") wrapper.setAttribute("href", run.href);
      wrapper.append(node);
      node = wrapper;
    }
    parent.append(node);
  }
  return parent;
}

// A text's plain words (blanks as BLANK): a column's name, a box's label.
function plain(text) {
  return typeof text === "string" ? text : text.map((run) => (run.blank ? BLANK : run.text)).join("");
}

function table(doc, block) {
  const numeric = new Set(block.numeric || []);
  const node = element(doc, "table", block, block.sign ? "mu-sign" : "");
  if (block.caption) node.append(appendText(doc.createElement("caption"), block.caption, doc));
  // row_head: the first cell names its row; columns: each cell carries its column's name (a phone's cards).
  const row = (cells, tag) => {
    const tr = doc.createElement("tr");
    cells.forEach((text, index) => {
      const rowHead = tag === "td" && index === 0 && block.row_head;
      const cell = doc.createElement(rowHead ? "th" : tag);
      if (tag === "th" || rowHead) cell.setAttribute("scope", rowHead ? "row" : "col");
      if (numeric.has(index)) cell.setAttribute("class", "mu-num");
      if (tag === "td" && !rowHead && block.columns) cell.setAttribute("data-column", plain(block.head[index]));
      tr.append(appendText(cell, text, doc));
    });
    return tr;
  };
  const head = doc.createElement("thead");
  head.append(row(block.head, "th"));
  const body = doc.createElement("tbody");
  for (const cells of block.rows) body.append(row(cells, "td"));
  node.append(head, body);
  if (block.foot) {
    const foot = doc.createElement("tfoot");
    foot.append(row(block.foot, "td"));
    node.append(foot);
  }
  if (!block.scroll) return node;
  // A wide table scrolls in its own box, which the keyboard can reach.
  const box = withText(doc, "div", "", { class: "mu-table-scroll", role: "region", tabindex: "0" });
  box.setAttribute("aria-label", plain(block.caption || ""));
  box.append(node);
  return box;
}

function figure(doc, block) {
  const node = element(doc, "figure", block);
  if (block.label) node.setAttribute("aria-label", block.label);
  const template = doc.createElement("template");
  template.innerHTML = block.svg; // our own Python's SVG, never user text
  node.append(template.content);
  if (block.caption) node.append(appendText(doc.createElement("figcaption"), block.caption, doc));
  return node;
}

function note(doc, block) {
  const node = element(doc, "div", block, `admonition ${block.kind || "note"}`);
  if (block.title) node.append(appendText(element(doc, "p", {}, "admonition-title"), block.title, doc));
  node.append(appendText(doc.createElement("p"), block.text, doc));
  return node;
}

function section(doc, block, shift) {
  const node = element(doc, "section", block);
  const first = block.blocks.find((b) => b.type === "heading" && b.id);
  if (first) node.setAttribute("aria-labelledby", first.id);
  for (const child of block.blocks) node.append(blockNode(child, shift, doc));
  return node;
}

// One block as one DOM node.
export function blockNode(block, shift = 0, doc = globalThis.document) {
  switch (block.type) {
    case "heading":
      return appendText(element(doc, `h${Math.min(block.level + shift, 6)}`, block), block.text, doc);
    case "paragraph":
      return appendText(element(doc, "p", block), block.text, doc);
    case "list": {
      const node = element(doc, block.ordered ? "ol" : "ul", block);
      for (const item of block.items) node.append(appendText(doc.createElement("li"), item, doc));
      return node;
    }
    case "table":
      return table(doc, block);
    case "blank": {
      const node = appendText(element(doc, "p", block, "mu-blank-line"), block.label, doc);
      node.append(doc.createTextNode(" : "), withText(doc, "span", BLANK + BLANK, { class: "mu-blank" }));
      return node;
    }
    case "figure":
      return figure(doc, block);
    case "note":
      return note(doc, block);
    case "section":
      return section(doc, block, shift);
    default:
      throw new Error(`blocks-dom: unknown block type ${block.type}`);
  }
}

// A list of blocks as a fragment; `shift` lowers every heading.
export function blockNodes(blocks, { shift = 0 } = {}, doc = globalThis.document) {
  const fragment = doc.createDocumentFragment();
  for (const block of blocks) fragment.append(blockNode(block, shift, doc));
  return fragment;
}
