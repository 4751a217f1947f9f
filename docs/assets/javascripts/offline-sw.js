// Runs INSIDE the service worker (sw.js imports it before Workbox's code).
// Not a page script: no DOM, no module syntax (importScripts).
//
// Workbox precaches the guide (pages, styles, scripts, search index). This
// file adds the one thing Workbox's precache should not do at once: the
// calculator engine (Pyodide runtime + calculators wheel + memory snapshot:
// 16 MB to download, 37 MB on the device with the snapshot unpacked). Its
// requests are answered cache-first from a cache named by the engine's content
// hash (self.MUTUUS_OFFLINE.engineVersion, written at build time), filled the
// first time the engine is fetched through this worker: on a calculator visit,
// or when the page "Hors ligne" asks for it. A new engine gets a new cache,
// and activation deletes the old one, so an old runtime never meets a new wheel.
//
// Cache names end with the registration scope: two copies of the site on one
// origin (two GitHub Pages project sites) never touch each other's caches.

(() => {
  const config = self.MUTUUS_OFFLINE || { engineVersion: "none", engineDirs: [], snapshot: null };
  const scope = new URL(self.registration.scope);
  const PREFIX = "mutuus-engine-";
  const SUFFIX = `-${scope.pathname}`;
  const ENGINE_CACHE = `${PREFIX}${config.engineVersion}${SUFFIX}`;

  function isEngine(url) {
    if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return false;
    const rel = url.pathname.slice(scope.pathname.length);
    return config.engineDirs.some((dir) => rel.startsWith(dir));
  }

  async function engineResponse(event, url) {
    const cache = await caches.open(ENGINE_CACHE);
    const key = url.origin + url.pathname;
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(event.request);
    if (response.status === 200 && response.type === "basic") {
      event.waitUntil(cache.put(key, response.clone()));
    }
    return response;
  }

  // The memory snapshot, unpacked once on this device (issue 27). The
  // engine's worker boots from that copy on every later visit; unpacking the
  // .gz there took its thread 0.1 s and more, before Pyodide could start
  // (core/engine-files.js, snapshotBytes). Done here instead, off the page's
  // and the engine's threads, once the .gz is stored, and only when the page
  // asks (offline.js, after a calculator's first result: never while the
  // engine starts, nor in `activate`, which holds back the page's requests):
  // the .gz checked against its SHA-256 and its unpacked size (the build's
  // figures, offline-config.js), then kept beside it, under its URL without
  // ".gz" (the rule of core/engine-files.js, unpackedURL).
  const SNAPSHOT = config.snapshot || null;
  const SNAPSHOT_GZ_HREF = SNAPSHOT ? new URL(SNAPSHOT.url, scope).href : null;
  let unpacking = Promise.resolve();

  // One at a time (each looks first whether the work is done).
  function keepUnpacked() {
    if (!SNAPSHOT || typeof DecompressionStream !== "function" || !(self.crypto && crypto.subtle)) return Promise.resolve();
    unpacking = unpacking.then(unpack).catch((error) => console.warn("sw: snapshot not unpacked", error));
    return unpacking;
  }

  async function unpack() {
    if (!(await caches.has(ENGINE_CACHE))) return; // nothing stored yet (caches.open would make it)
    const cache = await caches.open(ENGINE_CACHE);
    const unpackedHref = SNAPSHOT_GZ_HREF.replace(/\.gz$/, "");
    if (await cache.match(unpackedHref)) return;
    const stored = await cache.match(SNAPSHOT_GZ_HREF);
    if (!stored) return;
    const packed = await stored.arrayBuffer();
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", packed)), (b) =>
      b.toString(16).padStart(2, "0"),
    ).join("");
    if (digest !== SNAPSHOT.sha256) throw new Error("SHA-256 differs");
    const raw = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    if (raw.byteLength !== SNAPSHOT.bytes) throw new Error("wrong size");
    await cache.put(unpackedHref, new Response(raw, { headers: { "Content-Type": "application/octet-stream" } }));
  }

  // A worker script answered from a cache takes the cached response's URL as
  // its own location, which drops the query string; Material's search worker
  // on calculator pages (workers/search-lazy.js?worker=…) reads its query.
  // Answer such scripts with a new Response (no URL): the worker keeps the
  // URL it was started with.
  async function workerScript(event, url) {
    const precache = `workbox-precache-v2-${self.registration.scope}`;
    const hit = await caches
      .open(precache)
      .then((cache) => cache.match(url.origin + url.pathname, { ignoreSearch: true }));
    if (!hit) return fetch(event.request);
    return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
  }

  self.addEventListener("fetch", (event) => {
    if (event.request.method !== "GET") return;
    const url = new URL(event.request.url);
    if (isEngine(url)) {
      event.respondWith(engineResponse(event, url));
    } else if (event.request.destination === "worker" && url.search && url.origin === scope.origin) {
      event.respondWith(workerScript(event, url));
    }
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      caches.keys().then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX) && n !== ENGINE_CACHE)
            .map((n) => caches.delete(n)),
        ),
      ),
    );
  });

  // A calculator page asks the worker to store the engine files it has just
  // used (the HTTP cache answers): done here, off the page's thread, and
  // without a second request from the page.
  async function storeEngine(urls) {
    const cache = await caches.open(ENGINE_CACHE);
    for (const href of urls) {
      const url = new URL(href);
      if (!isEngine(url)) continue;
      const key = url.origin + url.pathname;
      if (await cache.match(key)) continue;
      const response = await fetch(key);
      if (response.status !== 200) throw new Error(`${key}: ${response.status}`);
      await cache.put(key, response);
    }
    await keepUnpacked();
  }

  self.addEventListener("message", (event) => {
    const data = event.data || {};
    const port = event.ports[0];
    if (data.type === "MUTUUS_ENGINE_CACHE" && port) {
      port.postMessage({ cache: ENGINE_CACHE });
    } else if (data.type === "MUTUUS_KEEP_UNPACKED") {
      // The engine stored already: its snapshot unpacked if it is not yet
      // (a copy dropped, a quota error, files stored by an older worker).
      event.waitUntil(keepUnpacked().then(() => port && port.postMessage({ ok: true })));
    } else if (data.type === "MUTUUS_STORE_ENGINE" && Array.isArray(data.urls)) {
      event.waitUntil(
        storeEngine(data.urls).then(
          () => port && port.postMessage({ ok: true }),
          (error) => port && port.postMessage({ ok: false, error: String(error) }),
        ),
      );
    }
  });
})();
