// Write the site's service worker with Workbox, after the site generator.
//
//   node offline/service-worker.mjs <site dir>
//
// What it writes into the built site:
// - sw.js: Workbox's generateSW output. It precaches every guide page and
//   small asset, each with a revision taken from its content (MD5), so a
//   deploy that changes one file changes the worker, the browser installs the
//   new set beside the old one, and pages keep being served from one
//   consistent set until the reader accepts the reload (no skipWaiting).
// - assets/javascripts/offline-config.js: `self.MUTUUS_OFFLINE = {...}`,
//   read by offline-sw.js inside the worker (the name of the engine's cache).
// - assets/offline.json: the same facts for the page (docs/assets/javascripts/
//   offline.js): the engine files to fetch for offline use, with their sizes.
//
// The Pyodide runtime, the calculators wheel and the memory snapshot (about
// 18 MB, 9 MB over the wire)
// are NOT precached: a reader who opens two guide pages should not download
// them. offline-sw.js keeps them in a cache named by their content hash, filled
// on the first calculator visit or when the reader asks on the page "Hors ligne".
//
// The worker never runs under `mkdocs serve` (the step is skipped there).

import { createHash } from "node:crypto";
import { readFile, readdir, stat, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { generateSW, getManifest } from "workbox-build";

// Files fetched on demand only (engine), relative to the site root.
// snapshots/: the Pyodide memory snapshot (sitebuild/snapshot.py), when built;
// stdlib/: the standard library trimmed to what the engine imports, when built.
const ENGINE_DIRS = [
  "assets/pyodide/runtime/",
  "assets/pyodide/wheels/",
  "assets/pyodide/snapshots/",
  "assets/pyodide/stdlib/",
];
// Pyodide's full standard library: the engine's fallback only, when the
// trimmed one is there (never stored for offline use then: 2.4 MB).
const FULL_STDLIB = "assets/pyodide/runtime/python_stdlib.zip";
const CONFIG_JS = "assets/javascripts/offline-config.js";
const OFFLINE_JSON = "assets/offline.json";

async function walk(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

async function engineFiles(siteDir) {
  const files = [];
  let trimmed = false;
  try {
    trimmed = (await readdir(path.join(siteDir, "assets/pyodide/stdlib"))).length > 0;
  } catch {
    // no trimmed standard library: the full one is the engine's
  }
  for (const dir of ENGINE_DIRS) {
    let names = [];
    try {
      names = await walk(path.join(siteDir, dir));
    } catch {
      continue; // a site built without the calculators
    }
    for (const name of names.sort()) {
      const rel = dir + name;
      if (trimmed && rel === FULL_STDLIB) continue;
      const data = await readFile(path.join(siteDir, rel));
      files.push({ url: rel, bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
    }
  }
  return files;
}

// Material ships the search stemmers of some 30 languages (wordcut.js alone
// is 680 kB); its search worker loads only those of the site's languages.
async function unusedLunrFiles(siteDir) {
  let langs = [];
  try {
    const index = JSON.parse(await readFile(path.join(siteDir, "search/search_index.json"), "utf8"));
    langs = [].concat(index.config.lang || []);
  } catch {
    return [];
  }
  const keep = new Set(["lunr.stemmer.support.min.js", ...langs.map((l) => `lunr.${l}.min.js`)]);
  if (langs.length > 1) keep.add("lunr.multi.min.js");
  if (langs.includes("ja")) keep.add("tinyseg.js");
  if (langs.includes("th")) keep.add("wordcut.js");
  let names = [];
  try {
    names = await walk(path.join(siteDir, "assets/javascripts/lunr"));
  } catch {
    return [];
  }
  return names.filter((n) => !keep.has(path.basename(n))).map((n) => `assets/javascripts/lunr/${n}`);
}

export async function buildServiceWorker(siteDir) {
  const engine = await engineFiles(siteDir);
  // The engine cache is named by the content of every engine file: a new
  // Pyodide or a new wheel gets a new cache, the old one is dropped on activation.
  const version = createHash("sha256")
    .update(engine.map((f) => `${f.url} ${f.sha256}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const facts = {
    engine: { version, files: engine.map(({ url, bytes }) => ({ url, bytes })) },
  };
  await mkdir(path.join(siteDir, path.dirname(CONFIG_JS)), { recursive: true });
  await writeFile(
    path.join(siteDir, CONFIG_JS),
    "// Written by offline/service-worker.mjs at build time.\n" +
      `self.MUTUUS_OFFLINE = ${JSON.stringify({ engineVersion: version, engineDirs: ENGINE_DIRS })};\n`,
  );

  const globs = {
    globDirectory: siteDir,
    globPatterns: ["**/*"],
    globIgnores: [
      ...ENGINE_DIRS.map((d) => `${d}**`),
      "sw.js",
      "workbox-*.js",
      "**/*.map",
      "**/*.gz",
      ...(await unusedLunrFiles(siteDir)),
    ],
    // Material's bundles carry a content hash in their names already.
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(?:js|css)$/,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  };
  // First the sizes (for the page "Hors ligne"), then the worker, whose
  // precache list includes offline.json itself.
  await writeFile(path.join(siteDir, OFFLINE_JSON), "{}\n");
  const manifest = await getManifest(globs);
  facts.precache = { files: manifest.count, bytes: manifest.size };
  facts.engine.bytes = engine.reduce((sum, f) => sum + f.bytes, 0);
  await writeFile(path.join(siteDir, OFFLINE_JSON), JSON.stringify(facts, null, 1) + "\n");
  const options = {
    ...globs,
    swDest: path.join(siteDir, "sw.js"),
    // On calculator pages the search worker is `search-lazy.js?worker=…`.
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
  const { warnings } = await generateSW(options);
  for (const warning of warnings) console.warn(`service-worker: ${warning}`);
  return facts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const siteDir = process.argv[2];
  if (!siteDir) {
    console.error("Usage : node offline/service-worker.mjs <dossier du site construit>");
    process.exit(2);
  }
  try {
    await stat(path.join(siteDir, "index.html"));
  } catch {
    console.error(`service-worker : ${siteDir}/index.html est introuvable ; construisez le site d'abord.`);
    process.exit(1);
  }
  try {
    const facts = await buildServiceWorker(siteDir);
    console.log(
      `service-worker : ${facts.precache.files} fichiers mis en cache d'avance ` +
        `(${facts.precache.bytes} octets) ; moteur de calcul à la demande : ` +
        `${facts.engine.files.length} fichiers (${facts.engine.bytes} octets).`,
    );
  } catch (error) {
    console.error(`service-worker : la génération a échoué : ${error && error.message ? error.message : error}`);
    process.exit(1);
  }
}
