// Offer a text as a file to download, without a server: a Blob behind a
// temporary link. Used by the questionnaires, the dossier, the grid and the
// calculators.

export function downloadText(fileName, text, mimeType) {
  const blob = new Blob([text], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after click() returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
