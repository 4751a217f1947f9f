// Material's search worker, started a few seconds late. Calculator pages only
// (sitebuild/calculators_runtime.py points Material's config here on them).
//
// Why: on those pages Pyodide boots in its own worker as the page opens, and
// Material builds its search index at the same moment. On two cores the two
// compete: measured with `make bench`, the first calculator result came
// 1.28 times the bare Pyodide boot with search starting at once, and about
// 1.13 without it. Here the index is built once the engine has had its head
// start, or at once if the reader searches first.
//
// A classic worker, as Material creates it, in Material's workers/ folder
// because Material's worker finds its language files at "../lunr" from where
// it runs. Query: ?worker=<file name of Material's worker>.

const REAL_WORKER = new URL(
  new URL(self.location.href).searchParams.get("worker"),
  self.location.href,
).href;
const DELAY_MS = 2500; // the bare Pyodide boot takes about 1.7 s here
const SETUP = 0; // Material's SearchMessageType.SETUP: the index to build.

const held = [];
let started = false;

function start() {
  if (started) return;
  started = true;
  self.removeEventListener("message", hold);
  importScripts(REAL_WORKER); // registers Material's own message listener
  for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
  held.length = 0;
}

function hold(event) {
  held.push(event.data);
  // Anything but the index (a query) means the reader is searching: start now.
  if (!event.data || event.data.type !== SETUP) start();
}

self.addEventListener("message", hold);
setTimeout(start, DELAY_MS);
