// The generator's files: Markdown (Python wrote it), .docx (from the same
// blocks, core/blocks-docx.js) and print (the preview, styled for paper).

import { docxBlob } from "./core/blocks-docx.js";
import { t } from "./core/words.js";

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// current() -> {result, name} for the agreement shown, result null when there is none.
export function wireExports(root, current, alert) {
  root.querySelector('[data-action="markdown"]').addEventListener("click", () => {
    const { result, name } = current();
    if (result) download(`${name}.md`, new Blob([result.markdown], { type: "text/markdown;charset=utf-8" }));
  });
  root.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
  root.querySelector('[data-action="docx"]').addEventListener("click", async () => {
    const { result, name } = current();
    if (!result) return;
    try {
      // The same document as the Markdown: the agreement, then what is left to check and fill in.
      const options = { title: result.title, language: result.language, pageSize: result.page_size };
      download(`${name}.docx`, await docxBlob([...result.blocks, ...result.checks], options));
    } catch (error) {
      console.error("agreement-exports (docx):", error);
      alert(t("agreements.docx_failed", { reason: error.message || String(error) }));
    }
  });
}
