// Blocks (Python's blocks/ package) as a .docx file, with the docx library
// the site self-hosts (assets/vendor/docx/docx.mjs, copied at build time).
//
//   import { docxBlob } from "./core/blocks-docx.js";
//   const blob = await docxBlob(blocks, { title, language: "fr-CA", pageSize: { width, height } });
//
// Heading 1 is the document's title, heading 2 its "Titre 1", and so on. A
// link keeps its address written after the paragraph: paper cannot follow it.
// A table marked `sign` has borders and rows tall enough to sign in.

export const BLANK = "________";
const SIGN_ROW = 1134; // twentieths of a point: 2 cm to sign in

function runsOf(text, docx, { bold = false, italics = false } = {}) {
  const { TextRun, ExternalHyperlink } = docx;
  const runs = typeof text === "string" ? [{ text }] : text;
  const out = [];
  const links = [];
  for (const run of runs) {
    if (run.blank) {
      out.push(new TextRun({ text: BLANK, bold, italics }));
      continue;
    }
    const options = { text: run.text, bold: bold || Boolean(run.strong), italics: italics || Boolean(run.em) };
    if (run.href) {
      out.push(new ExternalHyperlink({ link: run.href, children: [new TextRun({ ...options, style: "Hyperlink" })] }));
      links.push(run.href);
    } else {
      out.push(new TextRun(options));
    }
  }
  if (links.length) out.push(new TextRun({ text: ` : ${links.join(" ; ")}`, bold, italics }));
  return out;
}

function paragraph(text, docx, options = {}, style = {}) {
  return new docx.Paragraph({ ...options, children: runsOf(text, docx, style) });
}

function heading(block, docx) {
  const { HeadingLevel } = docx;
  const level = block.level === 1 ? HeadingLevel.TITLE : HeadingLevel[`HEADING_${Math.min(block.level - 1, 6)}`];
  return paragraph(block.text, docx, { heading: level });
}

function table(block, docx) {
  const { Table, TableRow, TableCell, WidthType, BorderStyle, HeightRule } = docx;
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = block.sign ? { top: line, bottom: line, left: line, right: line } : undefined;
  const cell = (text, bold) => new TableCell({ borders, children: [paragraph(text, docx, {}, { bold })] });
  const rows = [new TableRow({ tableHeader: true, children: block.head.map((text) => cell(text, true)) })];
  for (const cells of block.rows) {
    const height = block.sign ? { height: { value: SIGN_ROW, rule: HeightRule.ATLEAST } } : {};
    rows.push(new TableRow({ ...height, children: cells.map((text) => cell(text, false)) }));
  }
  const out = block.caption ? [paragraph(block.caption, docx, {}, { italics: true })] : [];
  out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  return out;
}

function label(text) {
  return typeof text === "string" ? [{ text }] : text;
}

// One block as the docx library's paragraphs and tables.
export function docxParts(block, docx) {
  switch (block.type) {
    case "heading":
      return [heading(block, docx)];
    case "paragraph":
      return [paragraph(block.text, docx)];
    case "list":
      return block.items.map((item, index) =>
        block.ordered
          ? paragraph([{ text: `${index + 1}. ` }, ...label(item)], docx)
          : paragraph(item, docx, { bullet: { level: 0 } }),
      );
    case "table":
      return table(block, docx);
    case "blank":
      return [paragraph([...label(block.label), { text: ` : ${BLANK}${BLANK}` }], docx)];
    case "figure":
      return [paragraph(block.caption, docx, {}, { italics: true })];
    case "note": {
      const title = block.title ? [paragraph(block.title, docx, {}, { bold: true })] : [];
      return [...title, paragraph(block.text, docx, {}, { italics: true })];
    }
    case "section":
      return docxChildren(block.blocks, docx);
    default:
      throw new Error(`blocks-docx: unknown block type ${block.type}`);
  }
}

export function docxChildren(blocks, docx) {
  return blocks.flatMap((block) => docxParts(block, docx));
}

export async function loadDocx() {
  return import(new URL("../../vendor/docx/docx.mjs", import.meta.url).href);
}

// The whole document: its title (file properties), language and page size
// (twentieths of a point: Letter in Québec, A4 elsewhere, as Python says).
export function docxDocument(blocks, { title, language, pageSize }, docx) {
  return new docx.Document({
    title,
    creator: "Mutuus",
    lastModifiedBy: "Mutuus",
    styles: { default: { document: { run: { language: { value: language } } } } },
    sections: [{ properties: { page: { size: pageSize } }, children: docxChildren(blocks, docx) }],
  });
}

export async function docxBlob(blocks, options) {
  const docx = await loadDocx();
  return docx.Packer.toBlob(docxDocument(blocks, options, docx));
}
