// The engine's agreements lane, for every tool that asks Python something
// other than a calculation (the agreements generator, the chooser).
//
// In the worker (calculator-worker.js): {type: "agreement", id, action, args}
// → {agreement: id, json} | {agreement: id, error}. One listener serves every
// caller: each call gets its own id and its own promise.

import { calculatorWorker } from "./calculator.js";

let nextId = 1;
const pending = new Map();
let listening = null;

// The worker, started if it was not, with this module listening to it.
export function engine() {
  const worker = calculatorWorker();
  if (listening !== worker) {
    // addEventListener, never onmessage: the calculators' client owns that.
    worker.addEventListener("message", (event) => {
      const data = event.data || {};
      if (typeof data.agreement !== "string") return;
      const done = pending.get(data.agreement);
      if (done) {
        pending.delete(data.agreement);
        done(data);
      }
    });
    listening = worker;
  }
  return worker;
}

// agreements.bridge.<action>(...args), as {json} or {error} (a French sentence).
export function call(action, args) {
  return new Promise((resolve) => {
    const id = `engine-${nextId++}`;
    pending.set(id, resolve);
    engine().postMessage({ type: "agreement", id, action, args });
  });
}
