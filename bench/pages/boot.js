// Bench only (never part of the site): boot Pyodide in a module worker and
// report the time from navigation start. ?runtime=<url of the runtime folder>
// &wheel=1 also loads the calculators wheel and computes the planer.
const params = new URLSearchParams(location.search);
const worker = new Worker(new URL("boot-worker.js", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  window.__bench = { ...event.data, ms: performance.now() };
  document.getElementById("out").textContent = JSON.stringify(window.__bench);
};
worker.postMessage({
  runtime: new URL(params.get("runtime") || "/assets/pyodide/runtime/", location.href).href,
  wheel: params.get("wheel") === "1",
  manifest: new URL("/assets/pyodide/calculators.json", location.href).href,
});
