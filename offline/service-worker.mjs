// The Workbox part of the site's service worker, made once per Workbox
// version and options (issue 27).
//
//   node offline/service-worker.mjs --template <out.js>
//
// writes sw.js as Workbox's generateSW makes it (workbox-build 7.4.1,
// pinned in package.json: its runtime bundled and minified into the file,
// rollup and terser) for a precache list of ONE placeholder entry, replaced
// by the marker PRECACHE_MARKER. offline/service_worker.py (the build step)
// keeps it in .sitebuild/service-worker/ and, at each build, puts in the
// marker's place the list of the site's files with a revision taken from
// their content (MD5, as Workbox's own), so the 5 to 7 seconds of bundling
// are spent once, not at every build. The options below are the worker's
// behaviour:
//
// - it precaches every guide page and small asset, each with a revision
//   taken from its content, so a deploy that changes one file changes the
//   worker, the browser installs the new set beside the old one, and pages
//   keep being served from one consistent set until the reader accepts the
//   reload (no skipWaiting);
// - it imports assets/javascripts/offline-config.js (`self.MUTUUS_OFFLINE`,
//   the name of the engine's cache, written by the build step) and
//   assets/javascripts/offline-sw.js (the engine's cache).
//
// The Pyodide runtime, the calculators wheel, the trimmed standard library
// and the memory snapshot (about 16 MB, 8 MB over the wire) are NOT
// precached: a reader who opens two guide pages should not download them.
// offline-sw.js keeps them in a cache named by their content hash, filled on
// the first calculator visit or when the reader asks on the page "Hors ligne".
//
// The worker never runs under `make serve` (the step is skipped there).

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import process from "node:process";
import { generateSW } from "workbox-build";

export const CONFIG_JS = "assets/javascripts/offline-config.js";
export const PRECACHE_MARKER = "self.__MUTUUS_PRECACHE__";
const PLACEHOLDER = "__mutuus_precache_placeholder__";

export const OPTIONS = {
  // On calculator pages the search worker is `search-mutuus.js?worker=…`.
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^worker$/],
  directoryIndex: "index.html",
  importScripts: [CONFIG_JS, "assets/javascripts/offline-sw.js"],
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: process.env.MUTUUS_SW_MODE || "production",
  skipWaiting: false, // the page's banner asks (message SKIP_WAITING)
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  navigationPreload: false,
};

export async function buildTemplate(out) {
  const empty = await mkdtemp(path.join(os.tmpdir(), "mutuus-sw-"));
  try {
    const swDest = path.join(empty, "sw.js");
    const { warnings } = await generateSW({
      ...OPTIONS,
      globDirectory: empty,
      globPatterns: [],
      additionalManifestEntries: [{ url: PLACEHOLDER, revision: PLACEHOLDER }],
      swDest,
    });
    for (const warning of warnings) console.warn(`service-worker: ${warning}`);
    const text = await readFile(swDest, "utf8");
    const entry = new RegExp(`\\[\\{url:"${PLACEHOLDER}",revision:"${PLACEHOLDER}"\\}\\]`, "g");
    const found = text.match(entry) || [];
    if (found.length !== 1) {
      throw new Error(`la liste de Workbox n'a pas la forme attendue (${found.length} emplacement(s) trouvé(s))`);
    }
    await writeFile(out, text.replace(entry, PRECACHE_MARKER));
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [flag, out] = process.argv.slice(2);
  if (flag !== "--template" || !out) {
    console.error(
      "Usage : node offline/service-worker.mjs --template <sortie.js>\n" +
        "(le service worker d'un site construit : python -m offline.service_worker <dossier du site>)",
    );
    process.exit(2);
  }
  try {
    await buildTemplate(out);
  } catch (error) {
    console.error(`service-worker : la génération a échoué : ${error && error.message ? error.message : error}`);
    process.exit(1);
  }
}
