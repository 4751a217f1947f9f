// The former client of the agreements (agreement-app.js, chooser.js), kept
// while they move to core/engine.js: call(action, [JSON texts]) resolves
// with {json} (the bridge's answer as JSON text) or {error} (a sentence).

import { call as callDoor, startEngine } from "./core/engine.js";

function parsed(text, fallback) {
  try {
    return JSON.parse(text);
  } catch (_) {
    return fallback;
  }
}

const PAYLOADS = {
  render: ([model, territory, draft]) => ({ model: parsed(model, {}), territory, draft: parsed(draft, null) }),
  prefill: ([fields, sources, currency, locale, draft]) => ({
    fields: parsed(fields, []),
    sources: parsed(sources, {}),
    currency,
    locale,
    draft: parsed(draft || "{}", {}),
  }),
  recommend: ([situation]) => ({ situation: parsed(situation, null) }),
};

export function engine() {
  startEngine();
}

export async function call(action, args) {
  const reply = await callDoor("agreements", action, PAYLOADS[action](args));
  if (reply.ok) return { json: JSON.stringify(reply.data) };
  if (reply.errors.some((e) => e.kind === "input")) {
    return { json: JSON.stringify({ errors: reply.errors.map(({ kind, ...rest }) => rest), ...(reply.data || {}) }) };
  }
  return { error: reply.errors[0].message };
}
