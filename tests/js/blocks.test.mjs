// core/blocks-dom.js on a tiny fake document (Node has no DOM), and
// core/blocks-docx.js with the docx library the site self-hosts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { inflateRawSync } from "node:zlib";
import { blockNodes } from "../../docs/assets/javascripts/core/blocks-dom.js";
import { docxChildren, docxDocument } from "../../docs/assets/javascripts/core/blocks-docx.js";
import { fakeDocument } from "./fake-dom.mjs";

// One file of a zip (a .docx), read through the zip's central directory.
function unzip(buffer, wanted) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < buffer.readUInt16LE(end + 10); i += 1) {
    const [method, size, nameLength] = [buffer.readUInt16LE(at + 10), buffer.readUInt32LE(at + 20), buffer.readUInt16LE(at + 28)];
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString();
    const local = buffer.readUInt32LE(at + 42);
    if (name === wanted) {
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf-8");
    }
    at += 46 + skip;
  }
  throw new Error(`${wanted} not in the zip`);
}


const DOC = [
  { type: "heading", level: 1, text: "Convention", class: "mu-title" },
  { type: "paragraph", text: [{ text: "Entre " }, { text: "<b>A</b>", strong: true, class: "mu-ag-value" }, { text: " et " }, { blank: true, label: "nom" }] },
  { type: "list", ordered: false, items: [[{ text: "Code", href: "https://example.org/" }, { text: " (vérifié)" }]] },
  { type: "table", head: ["Partie", "Date"], rows: [[[{ blank: true }], ""]], sign: true, class: "mu-ag-signatures" },
  { type: "note", text: "À adapter." },
];

test("blocks become nodes, every text as text", () => {
  const html = blockNodes(DOC, { shift: 2 }, fakeDocument).html;
  assert.equal(
    html,
    '<h3 class="mu-title">Convention</h3>' +
      '<p>Entre <strong><span class="mu-ag-value">&lt;b&gt;A&lt;/b&gt;</span></strong> et <span class="mu-blank">________</span> <span class="mu-hint">(nom)</span></p>' +
      '<ul><li><a href="https://example.org/">Code</a> (vérifié)</li></ul>' +
      '<table class="mu-sign mu-ag-signatures"><thead><tr><th scope="col">Partie</th><th scope="col">Date</th></tr></thead>' +
      '<tbody><tr><td><span class="mu-blank">________</span></td><td></td></tr></tbody></table>' +
      '<div class="admonition note"><p>À adapter.</p></div>',
  );
});

test("blocks become a .docx: title, headings, a link's address written out, a table to sign", async () => {
  const docx = await import("../../node_modules/docx/dist/index.mjs");
  const blocks = [...DOC, { type: "heading", level: 2, text: "Article 1" }, { type: "list", ordered: true, items: ["A", "B"] }];
  const children = docxChildren(blocks, docx);
  // heading, paragraph, list item, table, note, heading, two numbered items
  assert.equal(children.length, 8);
  assert.ok(children[3] instanceof docx.Table);
  const document = docxDocument(blocks, { title: "Convention", language: "fr-CA", pageSize: { width: 12240, height: 15840 } }, docx);
  const buffer = await docx.Packer.toBuffer(document);
  assert.equal(buffer.subarray(0, 2).toString(), "PK"); // a zip, as a .docx is
  const xml = unzip(buffer, "word/document.xml") + unzip(buffer, "word/styles.xml") + unzip(buffer, "docProps/core.xml");
  for (const expected of ["Convention", "________", "(vérifié)", " : https://example.org/", "1. ", "fr-CA", 'w:w="12240"', "w:hRule=\"atLeast\""]) {
    assert.ok(xml.includes(expected), expected);
  }
});

test("a calculator's table: row heads, a foot, each cell's column, a box that scrolls (as blocks/html.py)", () => {
  const block = {
    type: "table", class: "mu-calc-table", caption: "Détail", head: ["Poste", "Montant"],
    rows: [["Consommables", "2,50 $"]], foot: ["Total", "2,50 $"], row_head: true, columns: true, scroll: true,
  };
  const html = blockNodes([block], {}, fakeDocument).html;
  assert.equal(
    html,
    '<div class="mu-table-scroll" role="region" tabindex="0" aria-label="Détail"><table class="mu-calc-table"><caption>Détail</caption>' +
      '<thead><tr><th scope="col">Poste</th><th scope="col">Montant</th></tr></thead>' +
      '<tbody><tr><th scope="row">Consommables</th><td data-column="Montant">2,50 $</td></tr></tbody>' +
      '<tfoot><tr><th scope="row">Total</th><td data-column="Montant">2,50 $</td></tr></tfoot></table></div>',
  );
});
