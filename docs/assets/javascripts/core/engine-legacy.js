// The worker's former messages, translated to the door and back, while the
// tools move to core/engine.js. To be removed with the last caller:
//   {type: "present" | "form" | "usage-log" | "statement-documents", id, …}
//     → {type, id, ok: true, result: JSON text} | {type, id, ok: false, error: {kind, message}}
//   {type: "agreement", id, action, args: [JSON texts]}
//     → {agreement: id, json} | {agreement: id, error}

import { t } from "./words.js";

const CALCULATOR = {
  present: ({ command, payload, currency, locale }) => [command, "present", { values: payload, currency, locale }],
  form: ({ command, text }) => [command, "form", { text }],
  "usage-log": ({ bytes, partners, period, fileName, locale }) => ["statement", "usage-log", { bytes, partners, period, fileName, locale }],
  "statement-documents": ({ input, log, currency, locale }) => ["statement", "documents", { input, log, currency, locale }],
};

function parsed(text, fallback) {
  try {
    return JSON.parse(text);
  } catch (_) {
    return fallback;
  }
}

const AGREEMENT = {
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

// {request: the door's request, old: the message} for an old message, else null.
export function legacyRequest(message) {
  if (message.type === "agreement") {
    const build = AGREEMENT[message.action];
    const payload = build ? build(message.args || []) : {};
    return { old: message, request: { id: message.id, tool: "agreements", action: message.action, payload } };
  }
  const type = message.type === undefined && message.tool === undefined ? "present" : message.type;
  const build = CALCULATOR[type];
  if (!build) return message.type === undefined ? null : { old: message, request: { id: message.id, tool: "", action: type } };
  const [tool, action, payload] = build(message);
  return { old: { ...message, type }, request: { id: message.id, tool, action, payload } };
}

// The door's reply in the old shape.
export function legacyReply({ old }, reply) {
  const engineDown = !reply.ok && reply.errors.some((e) => e.kind === "engine" || e.kind === "internal");
  const body = reply.ok ? reply.data : { errors: reply.errors.map(({ kind, ...rest }) => rest), ...(reply.data || {}) };
  if (old.type === "agreement") {
    if (!engineDown) return { agreement: old.id, json: JSON.stringify(body) };
    const error = reply.errors[0];
    return { agreement: old.id, error: error.kind === "internal" ? t("engine.internal") : error.message };
  }
  if (!engineDown) return { type: old.type, id: old.id, ok: true, result: JSON.stringify(body) };
  const error = reply.errors[0];
  const message = error.kind === "internal" ? t("engine.calculator_internal") : error.message;
  return { type: old.type, id: old.id, ok: false, error: { kind: error.kind, message } };
}
