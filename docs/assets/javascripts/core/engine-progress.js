// The engine's first download, measured in the worker: {type: "progress",
// loaded, total} in bytes, posted when the percentage changes. The total is
// the sum of the files this boot fetches, as the build listed them in
// assets/offline.json (the snapshot only when the boot takes it from the
// network). Bytes are counted as they come (core/engine-files.js); the two
// scripts Pyodide imports (not fetched) count once their Resource Timing entry is there.

import { bytesReceived, onBytes } from "./engine-files.js";

const FACTS = new URL("../../offline.json", import.meta.url);
const IMPORTED = ["/pyodide.mjs", "/pyodide.asm.js"];

// Bytes of the scripts Pyodide imported, once their timing entry is there.
function importedBytes(files) {
  let bytes = 0;
  for (const end of IMPORTED) {
    if (!performance.getEntriesByType("resource").some((entry) => entry.name.endsWith(end))) continue;
    const file = files.find((f) => f.url.endsWith(end));
    bytes += file ? file.bytes : 0;
  }
  return bytes;
}

export function followDownload(post) {
  const state = { files: null, total: null, percent: -1, source: null };
  const send = () => {
    if (!state.total) return;
    const loaded = Math.min(state.total, bytesReceived() + importedBytes(state.files));
    const percent = Math.floor((100 * loaded) / state.total);
    if (percent === state.percent) return;
    state.percent = percent;
    post({ type: "progress", loaded, total: state.total });
  };
  // The total, once both the files' sizes and the boot's decision are known
  // (in either order: on a loaded machine or a distant link, the sizes may
  // come after the decision). An engine kept on this device (a repeat visit)
  // starts within a second or so, from files already here: no figures then,
  // the page says it starts.
  const setTotal = () => {
    const source = state.source;
    if (!state.files || !source || source.why === "kept") return;
    const snapshotFetched = Boolean(source.response);
    state.total = state.files
      .filter((file) => snapshotFetched || !file.url.endsWith(".snap.gz"))
      .reduce((sum, file) => sum + file.bytes, 0);
    send();
  };
  fetch(FACTS, { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : null))
    .then((facts) => {
      state.files = (facts && facts.engine && facts.engine.files) || null;
      setTotal();
    })
    .catch(() => {}); // no progress figures: the page says the engine is starting
  if (typeof PerformanceObserver === "function") new PerformanceObserver(send).observe({ type: "resource" });
  onBytes(send);
  // Called by boot() once it knows whether the snapshot comes from the network.
  return (found, source) => {
    state.source = source;
    setTotal();
  };
}
