// Reads {blocks, shift} as JSON on stdin, prints what core/blocks-dom.js
// builds from them, as markup (tests/js/fake-dom.mjs).
import { readFileSync } from "node:fs";
import { blockNodes } from "../../docs/assets/javascripts/core/blocks-dom.js";
import { fakeDocument } from "../js/fake-dom.mjs";

const { blocks, shift } = JSON.parse(readFileSync(0, "utf-8"));
process.stdout.write(blockNodes(blocks, { shift }, fakeDocument).html);
