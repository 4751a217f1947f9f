// The panel of the page « Hors ligne » (offline.js keeps it up to date):
// where this device stands, which tools work here without a connection
// (the guide's; the engine's: calculators, agreements), the room taken, the
// engine's download, and the buttons to keep or remove the offline copy.

import { h } from "./core/dom.js";
import { megabytes } from "./core/megabytes.js";
import { t } from "./core/words.js";

// Where the tools that need the engine stand, for each state of the device.
const ENGINE_TOOLS = { ready: "tool_ready", engine: "tool_storing" };

// Material's .md-button sets `display`, which would override `hidden`.
function show(element, visible) {
  element.hidden = !visible;
  element.style.display = visible ? "" : "none";
}

function toolsList(status) {
  const guideReady = ["guide", "engine", "ready"].includes(status);
  if (!guideReady) return [];
  const engineKey = ENGINE_TOOLS[status] || "tool_not_kept";
  const items = [
    h("li", { "data-ready": "true", text: t("offline.tool_ready", { tools: t("offline.tools_guide") }) }),
    h("li", { "data-ready": String(status === "ready"), text: t(`offline.${engineKey}`, { tools: t("offline.tools_engine") }) }),
  ];
  if (engineKey === "tool_not_kept") items.push(h("li", { text: t("offline.engine_next_time") }));
  return items;
}

// status: see offline.js; facts: assets/offline.json (or null); supported: a service worker can be used here.
export function renderPanel(panel, status, detail, { facts, supported, onMake, onRemove }) {
  if (!panel.dataset.muMounted) mountPanel(panel, onMake, onRemove);
  panel.querySelector(".mu-offline-status").textContent = t(`offline.status_${status}`) + (detail ? ` ${detail}` : "");
  const items = toolsList(status);
  const tools = panel.querySelector(".mu-offline-tools");
  tools.querySelector("ul").replaceChildren(...items);
  tools.hidden = items.length === 0;
  show(panel.querySelector(".mu-offline-make"), ["disabled", "guide", "error"].includes(status) && supported);
  show(panel.querySelector(".mu-offline-remove"), ["guide", "ready", "engine", "error"].includes(status));
  if (facts) {
    // On the device: the engine's files, and its snapshot unpacked (offline-sw.js).
    const room = facts.engine.room || facts.engine.bytes;
    panel.querySelector(".mu-offline-sizes").textContent = t(room > facts.engine.bytes ? "offline.sizes_unpacked" : "offline.sizes", {
      guide: megabytes(facts.precache.bytes),
      engine: megabytes(room),
      download: megabytes(facts.engine.bytes),
    });
  }
  if (status !== "engine") panel.querySelector(".mu-offline-progress").hidden = true;
}

// The engine's download on request: done and total bytes.
export function showProgress(panel, done, total) {
  const box = panel.querySelector(".mu-offline-progress");
  box.hidden = false;
  const bar = box.querySelector("progress");
  bar.max = total;
  bar.value = done;
  box.querySelector(".mu-offline-count").textContent = t("offline.progress_count", {
    done: megabytes(done),
    total: megabytes(total),
  });
}

function mountPanel(panel, onMake, onRemove) {
  panel.dataset.muMounted = "1";
  const progress = h(
    "p",
    { class: "mu-offline-progress", hidden: true },
    h("label", { for: "mu-offline-progress-bar", text: t("offline.progress_label") }),
    " ",
    h("progress", { id: "mu-offline-progress-bar" }),
    " ",
    h("span", { class: "mu-offline-count" }),
  );
  const make = h("button", { type: "button", class: "md-button md-button--primary mu-offline-make", text: t("offline.make") });
  const remove = h("button", { type: "button", class: "md-button mu-offline-remove", text: t("offline.remove") });
  panel.replaceChildren(
    h("p", { class: "mu-offline-status", role: "status" }),
    h("div", { class: "mu-offline-tools", hidden: true }, h("p", { text: t("offline.tools_title") }), h("ul")),
    h("p", { class: "mu-offline-sizes" }),
    progress,
    h("p", {}, make, " ", remove),
  );
  make.addEventListener("click", () => onMake(make));
  remove.addEventListener("click", () => onRemove(remove));
}
