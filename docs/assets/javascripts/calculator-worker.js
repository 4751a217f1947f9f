// Calculator engine: Pyodide and the calculators wheel, in a module Web Worker.
//
// Everything comes from the site itself: the Pyodide runtime copied by
// hooks/calculators_runtime.py into assets/pyodide/runtime/, and the wheel
// named by assets/pyodide/calculators.json ({url, sha256}). The wheel is
// refused if its SHA-256 differs from the manifest. No micropip, no
// loadPackage, no CDN.
//
// Messages in:  {id, command, payload, currency, locale}
// Messages out: {type: "ready"} | {type: "failed", message}
//               {id, json}  (the JSON string returned by calculators.bridge.present)
//               {id, error} (a French message: the engine could not answer)

import { loadPyodide } from "../pyodide/runtime/pyodide.mjs";

const PYODIDE_BASE = new URL("../pyodide/", import.meta.url);

class EngineError extends Error {}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function fetchOk(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new EngineError(
      "Le moteur de calcul n'a pas pu être téléchargé. Vérifiez votre connexion, puis rechargez la page.",
    );
  }
  if (!response.ok) {
    throw new EngineError(
      `Le moteur de calcul est introuvable sur ce site (erreur ${response.status}). ` +
        "Signalez-le aux responsables du site.",
    );
  }
  return response;
}

async function fetchWheel() {
  const manifestUrl = new URL("calculators.json", PYODIDE_BASE);
  const manifest = await (await fetchOk(manifestUrl, { cache: "no-cache" })).json();
  if (!manifest.url || !/^[0-9a-f]{64}$/.test(manifest.sha256 || "")) {
    throw new EngineError(
      "Le moteur de calcul n'a pas été construit avec ce site. Signalez-le aux responsables du site.",
    );
  }
  const url = new URL(manifest.url, manifestUrl);
  const bytes = await (await fetchOk(url)).arrayBuffer();
  // Without crypto.subtle (a page served over plain http), Python checks the hash.
  const digest = globalThis.crypto && crypto.subtle ? hex(await crypto.subtle.digest("SHA-256", bytes)) : null;
  if (digest !== null && digest !== manifest.sha256) {
    throw integrityError();
  }
  return { bytes, sha256: manifest.sha256, checked: digest !== null };
}

function integrityError() {
  return new EngineError(
    "Le moteur de calcul reçu ne correspond pas à celui publié avec ce site (empreinte SHA-256 différente) : " +
      "il a été refusé. Rechargez la page ; si le message revient, signalez-le aux responsables du site.",
  );
}

async function boot() {
  const [pyodide, wheel] = await Promise.all([
    loadPyodide({ indexURL: new URL("runtime/", PYODIDE_BASE).href }),
    fetchWheel(),
  ]);
  const data = new Uint8Array(wheel.bytes);
  if (!wheel.checked) {
    pyodide.globals.set("_mu_wheel", data);
    const digest = pyodide.runPython("import hashlib; hashlib.sha256(_mu_wheel.to_py()).hexdigest()");
    pyodide.globals.delete("_mu_wheel");
    if (digest !== wheel.sha256) throw integrityError();
  }
  // sys.path names site-packages; `sysconfig` would cost an import at every boot.
  const sitePackages = pyodide.runPython(
    "import sys; next(p for p in sys.path if p.endswith('site-packages'))",
  );
  pyodide.unpackArchive(data, "wheel", { extractDir: sitePackages });
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  const bridge = pyodide.pyimport("calculators.bridge");
  agreementPyodide = pyodide; // lane agreements: see the "agreement" message at the end
  return bridge.present;
}

const ready = boot();

ready.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "failed", message: frenchMessage(error) }),
);

function frenchMessage(error) {
  if (error instanceof EngineError) return error.message;
  console.warn("calculator-worker:", error);
  return (
    "Le moteur de calcul n'a pas pu démarrer dans ce navigateur. " +
    "Essayez avec une version récente de Firefox, Chrome, Edge ou Safari."
  );
}

self.onmessage = async (event) => {
  if (event.data && event.data.type === "agreement") return agreementMessage(event.data); // lane agreements
  const { id, command, payload, currency, locale } = event.data || {};
  let present;
  try {
    present = await ready;
  } catch (error) {
    self.postMessage({ id, error: frenchMessage(error) });
    return;
  }
  try {
    const json = present(command, JSON.stringify(payload), currency || "$", locale || "fr_CA");
    self.postMessage({ id, json });
  } catch (error) {
    console.warn("calculator-worker:", error);
    self.postMessage({ id, error: "Le calcul a échoué de façon inattendue. Vérifiez les valeurs saisies." });
  }
};

// ---- Agreements (lane agreements, issue 9) ---------------------------------
// In:  {type: "agreement", id, action: "render" | "prefill", args: [strings]}
//      render: agreements.bridge.render(model_json, territory, draft_json)
//      prefill: agreements.bridge.prefill(fields_json, sources_json, currency, locale)
// Out: {agreement: id, json} | {agreement: id, error}  (no `type`: not a boot status)
let agreementPyodide = null;

async function agreementMessage({ id, action, args }) {
  try {
    await ready;
  } catch (error) {
    self.postMessage({ agreement: id, error: frenchMessage(error) });
    return;
  }
  try {
    if (action !== "render" && action !== "prefill") throw new Error(`unknown agreement action ${action}`);
    const bridge = agreementPyodide.pyimport("agreements.bridge");
    self.postMessage({ agreement: id, json: bridge[action](...args) });
  } catch (error) {
    console.error("calculator-worker (agreement):", error);
    self.postMessage({ agreement: id, error: "L'assemblage de la convention a échoué (erreur du programme). Signalez-le aux responsables du site." });
  }
}
