// The engine as a calculator form asks it, through the one door (core/engine.js):
// tool = the calculator's id, actions "present" and "form" (engine/door.py).
//
// followCalculatorEngine(form) keeps the form's engine line and its
// data-engine (loading | ready | failed, which the tests and the bench wait
// on) in step with the engine.

import { call, engineState, followEngine, startEngine } from "./core/engine.js";
import { showEngineState } from "./core/engine-status.js";
import { t } from "./core/words.js";

export { startEngine };

// Python's answer to the form's values as typed: {ok: true, data: {result,
// view, input}} or {ok: false, errors: [{message, field?, kind}], data?}
// (kind "input": the values are refused, data.input is still there to export).
export function present(command, values, { currency, locale }) {
  return call(command, "present", { values, currency, locale });
}

// The form's flat values, numbers written the French way, from the CLI's JSON
// (a file's text or a JSON object); Python refuses what this form cannot take.
// Resolves with {values} or {error: the reason, in French}.
export async function formValues(command, text) {
  const reply = await call(command, "form", { text });
  return reply.ok ? { values: reply.data.values } : { error: reply.errors[0].message };
}

export function engineIsStarting() {
  const { name } = engineState();
  return name === "idle" || name === "starting";
}

function formState(name) {
  if (name === "ready") return "ready";
  return name === "failed" || name === "not-kept" ? "failed" : "loading";
}

// The form's engine line says the engine's state (core/engine-status.js: its
// start, a long first download's share, why it cannot answer), then that the
// results follow the form; the buttons that carry a figure wait for it.
export function followCalculatorEngine(form) {
  const line = form.querySelector(".mu-calc-engine");
  const buttons = Array.from(form.querySelectorAll("[data-action='carry']"));
  const stopLine = line ? showEngineState(line, { ready: t("calculators.ready"), buttons }) : () => {};
  let stop = null;
  stop = followEngine((state) => {
    if (!form.isConnected) {
      stopLine();
      if (stop) stop();
      return;
    }
    form.dataset.engine = formState(state.name);
  });
}
