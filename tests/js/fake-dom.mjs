// A tiny fake document for Node (no DOM): enough for core/blocks-dom.js,
// and an `html` getter that writes markup as blocks/html.py does (text
// escaped, attributes in the order they were set).

export class FakeNode {
  constructor(tag, text = "") {
    this.tag = tag;
    this.attributes = {};
    this.children = [];
    this.text = text;
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  append(...nodes) {
    for (const node of nodes) this.children.push(typeof node === "string" ? new FakeNode("#text", node) : node);
  }
  set textContent(value) {
    this.children = [new FakeNode("#text", value)];
  }
  // Markup as blocks/html.py writes it, with text escaped, to compare both.
  get html() {
    if (this.tag === "#text") return this.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const inner = this.children.map((c) => c.html).join("");
    if (this.tag === "#fragment") return inner;
    const attrs = Object.entries(this.attributes).map(([k, v]) => ` ${k}="${v}"`).join("");
    return `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}

export const fakeDocument = {
  createElement: (tag) => new FakeNode(tag),
  createTextNode: (text) => new FakeNode("#text", text),
  createDocumentFragment: () => new FakeNode("#fragment"),
};
