// Material's search worker, wrapped. Every page's config points here
// (sitebuild/search.py); query: ?worker=<file name of Material's worker>
// and &delay=<ms>.
//
// 1. Accents and plural endings are optional. Readers type "evaluation",
//    "vehicule", "raboteuses" or "groupements" and must find "évaluation",
//    "véhicule", "raboteuse", "groupement". Material matches each typed word
//    as a prefix (search as you type), which skips lunr's stemmer. So:
//    - the index: when Material loads the French language file, a step that
//      drops accents (NFD, then no combining marks) is added to lunr's
//      pipelines, so "véhicule" is indexed as "vehicule";
//    - the query: accents are dropped the same way, and a final "s" or "x"
//      is taken off words of four letters or more ("raboteuses" becomes the
//      prefix "raboteuse", which finds "raboteuse" and "raboteuses").
//    tests/e2e/test_search.py types the four words above.
//
// 2. The index is built a few seconds late, once the page has started, or at
//    once if the reader searches first. Built at once, it takes a core while
//    Material starts (and Pyodide boots, on calculator pages): on two cores
//    the first calculator result came at 1.28 times the bare Pyodide boot
//    instead of about 1.13, and step 3's blocking time was half as long
//    again (figures in sitebuild/search.py).
//
// A classic worker, as Material creates it, in Material's workers/ folder
// because Material's worker finds its language files at "../lunr" from here.

const params = new URL(self.location.href).searchParams;
const REAL_WORKER = new URL(params.get("worker"), self.location.href).href;
const DELAY_MS = Number(params.get("delay")) || 0;
const SETUP = 0; // Material's SearchMessageType.SETUP: the index to build.
const QUERY = 2; // Material's SearchMessageType.QUERY: what the reader typed.

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

// "Raboteuses évaluées" -> "Raboteuse evaluee"
function looseQuery(query) {
  return fold(query).replace(/(\p{L}{3,})[sx](?=$|[^\p{L}])/gu, "$1");
}

// Drop accents from a token: "évaluation" -> "evaluation".
function foldAccents(token) {
  return token.update((text) => fold(text));
}

// Material's worker loads lunr.fr.min.js with importScripts right before it
// builds the index; wrap lunr.fr as soon as it exists.
const realImportScripts = self.importScripts.bind(self);
self.importScripts = (...urls) => {
  realImportScripts(...urls);
  const lunr = self.lunr;
  if (!lunr || !lunr.fr || lunr.fr.muFolded) return;
  lunr.Pipeline.registerFunction(foldAccents, "muFoldAccents");
  const french = lunr.fr;
  const wrapped = function (...args) {
    french.apply(this, args);
    for (const pipeline of [this.pipeline, this.searchPipeline]) {
      if (!pipeline) continue;
      try {
        pipeline.before(french.stemmer, foldAccents);
      } catch (error) {
        pipeline.add(foldAccents); // no stemmer in this pipeline: fold last
      }
    }
  };
  Object.assign(wrapped, french, { muFolded: true });
  lunr.fr = wrapped;
};

// Registered before Material's own listener, so Material reads the loose query.
self.addEventListener("message", (event) => {
  const message = event.data;
  if (message && message.type === QUERY && typeof message.data === "string" && !message.muLoose) {
    message.data = looseQuery(message.data);
    message.muLoose = true;
  }
});

const held = [];
let started = false;

function start() {
  if (started) return;
  started = true;
  self.removeEventListener("message", hold);
  realImportScripts(REAL_WORKER); // registers Material's own message listener
  for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
  held.length = 0;
}

function hold(event) {
  held.push(event.data);
  // Anything but the index (a query) means the reader is searching: start now.
  if (!event.data || event.data.type !== SETUP) start();
}

if (DELAY_MS > 0) {
  self.addEventListener("message", hold);
  setTimeout(start, DELAY_MS);
} else {
  start();
}
