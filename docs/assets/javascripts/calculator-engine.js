// The calculators' engine as calculator-app.js asks it: one worker for the
// whole visit (calculator.js starts it), one request at a time per caller.
//
// engine.state: idle | loading | ready | failed (engine.message says why);
// onEngineChange(listener) follows it; send(message) resolves with the
// worker's reply {ok, result | error} (calculator-worker.js).

import { calculatorWorker, engineBootStatus } from "./calculator.js";
import { t } from "./core/words.js";

export const engine = {
  worker: null,
  state: "idle",
  message: "",
  nextId: 1,
  pending: new Map(),
  listeners: new Set(),
};

function setEngineState(state, message) {
  engine.state = state;
  engine.message = message;
  for (const listener of engine.listeners) listener();
}

function onReply(event) {
  const data = event.data || {};
  if (data.type === "ready") return setEngineState("ready", "");
  if (data.type === "failed") return setEngineState("failed", data.message);
  const resolve = engine.pending.get(data.id);
  if (resolve) {
    engine.pending.delete(data.id);
    resolve(data);
  }
}

export function startEngine() {
  if (engine.worker) return;
  engine.state = "loading";
  try {
    engine.worker = calculatorWorker();
  } catch (error) {
    setEngineState("failed", t("calculators.engine_unsupported"));
    return;
  }
  const known = engineBootStatus();
  if (known && known.type === "ready") engine.state = "ready";
  if (known && known.type === "failed") setEngineState("failed", known.message);
  engine.worker.onmessage = onReply;
  engine.worker.onerror = (event) => {
    event.preventDefault();
    setEngineState("failed", t("calculators.engine_unloaded"));
    for (const resolve of engine.pending.values()) resolve({ ok: false, error: { message: engine.message } });
    engine.pending.clear();
  };
}

// Called at every change of state until it returns false (its form is gone).
export function onEngineChange(listener) {
  const wrapped = () => {
    if (listener() === false) engine.listeners.delete(wrapped);
  };
  engine.listeners.add(wrapped);
  wrapped();
}

// One request to the worker: resolves with {ok, result | error}.
export function send(message) {
  startEngine();
  return new Promise((resolve) => {
    if (engine.state === "failed") return resolve({ ok: false, error: { message: engine.message } });
    const id = engine.nextId++;
    engine.pending.set(id, resolve);
    engine.worker.postMessage({ ...message, id });
  });
}

// The answer to the form's values as typed: {ok, result: present_form's JSON} | {ok: false, error}.
export function present(command, payload, { currency, locale }) {
  return send({ type: "present", command, payload, currency, locale });
}

// The form's flat values, numbers written the French way, from the CLI's JSON
// (a file's text or a JSON object); Python refuses what this form cannot take.
// Resolves with {values} or {error: French reason}.
export async function formValues(command, text) {
  const reply = await send({ type: "form", command, text });
  if (!reply.ok) return { error: reply.error.message };
  const answer = JSON.parse(reply.result);
  return answer.errors ? { error: answer.errors[0].message } : { values: answer.values };
}
