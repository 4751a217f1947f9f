// What a tool says of the engine it needs, in one status line of its own:
//
//   showEngineState(line, { ready: "…", buttons: [button, …] }) -> stop()
//
// starting: "Le moteur de calcul démarre…", then, during a long first
//   download, the share received, said at each tenth (polite, never chatty);
// ready: options.ready (nothing by default);
// failed, not-kept: the engine's own sentence (offline and not kept: what
//   to do next time). The buttons that need the engine then say why they do
//   nothing: aria-disabled, described by the line, and a click repeats the
//   reason there instead of acting.
// line should be a role="status" element; it gets an id if it has none.

import { followEngine, startEngine } from "./engine.js";
import { megabytes } from "./megabytes.js";
import { t } from "./words.js";

// A first download shorter than this says nothing but "démarre…".
const QUIET_MS = 1000;
let ids = 0;

function progressText(loaded, total) {
  const percent = Math.min(100, 10 * Math.floor((10 * loaded) / total));
  return t("engine.downloading", { percent, loaded: megabytes(loaded), total: megabytes(total) });
}

// (state) -> the sentence for a long first download, changed only at each
// tenth (a screen reader hears it ten times at most), or "" when there is none.
export function progressSayer() {
  const since = performance.now();
  let tenth = -1;
  let text = "";
  return (state) => {
    if (state.name !== "starting" || !state.total || performance.now() - since <= QUIET_MS) return (text = "");
    const now = Math.floor((10 * state.loaded) / state.total);
    if (now !== tenth) {
      tenth = now;
      text = progressText(state.loaded, state.total);
    }
    return text;
  };
}

function holdButtons(line, buttons, reason) {
  for (const button of buttons) {
    if (reason) {
      button.setAttribute("aria-disabled", "true");
      button.setAttribute("aria-describedby", line.id);
      button.dataset.muEngineWaits = "1";
    } else if (button.dataset.muEngineWaits) {
      button.removeAttribute("aria-disabled");
      button.removeAttribute("aria-describedby");
      delete button.dataset.muEngineWaits;
    }
  }
}

export function showEngineState(line, { ready = "", buttons = [] } = {}) {
  if (!line.id) line.id = `mu-engine-state-${++ids}`;
  if (!line.hasAttribute("role")) line.setAttribute("role", "status");
  const progress = progressSayer();
  let said = "";
  let reason = "";
  const say = (text) => {
    if (text !== said) line.textContent = said = text;
  };
  const onClick = (event) => {
    if (!reason) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    said = "";
    say(t("engine.button_waits", { reason }));
  };
  for (const button of buttons) button.addEventListener("click", onClick, { capture: true });
  const stop = followEngine((state) => {
    line.dataset.engine = state.name;
    reason = state.name === "failed" || state.name === "not-kept" ? state.message : "";
    holdButtons(line, buttons, reason);
    if (reason) return say(reason);
    if (state.name === "ready") return say(ready);
    say(progress(state) || t("engine.starting"));
  });
  startEngine();
  return () => {
    stop();
    for (const button of buttons) button.removeEventListener("click", onClick, { capture: true });
  };
}
