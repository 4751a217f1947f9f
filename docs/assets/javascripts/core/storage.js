// Mutuus: what the site keeps in this browser (localStorage), never sent anywhere.
//
// Keys: every key is built by storageKey(kind, ...ids), "mutuus:<root>:<rest>":
//   storageKey("questionnaire", id, version) -> "mutuus:<root>:<id>:v<version>"
//   storageKey("organisation") (last name used), ("partners"), ("grid"),
//   ("calculator", id), ("agreement", modelId), ("board", "author"),
//   ("offline"), ("probe"), ("erasing")
//   storagePrefix(kind?) -> the start of every key of that kind ("mutuus:<root>:calculator:"),
//       or of every key of the site without a kind.
//   kindOfKey(rest) -> kind   rest = the key without storagePrefix()
//   siteRoot() -> pathname of the site root, from Material's `__md_scope` ("/" without it).
//
// Reading and writing (each catches what localStorage throws: QuotaExceededError
// when full, SecurityError when blocked, no localStorage at all):
//   readJSON(key) -> {ok: true, value, damaged?} | {ok: false, error, message}
//       A stored value that is not JSON is never dropped: its text is copied
//       aside under "<key>:damaged:<timestamp>" and `damaged` names that key,
//       so the page can tell the user (DAMAGED_MESSAGE) before it writes again.
//   takeSetAside() -> string[]   keys set aside since the last call (then forgotten)
//   writeJSON(key, value), removeKey(key) -> Result
//   Result = {ok: true} | {ok: false, error: "quota" | "security" | "unavailable" | "other",
//                         message: <the sentence for the user>}
//   storedKeys() -> every key of this site (sorted)
//
// A questionnaire's answers:
//   loadRecord(id, version) -> {organisation, answers, updated_at} | null
//       `answers` is always an object; nothing is checked against the
//       definition here (answers.js `sanitizeAnswers` does).
//   saveRecord(id, version, {organisation, answers}) -> Result   (updated_at: now)
//   clearRecord(id, version) -> Result
//   loadOrganisation() -> string ("" when none), saveOrganisation(name) -> Result
//
// Erasing everything ("Tout effacer de cet appareil"):
//   eraseKeys(keys) -> the keys that could not be removed. Sets the marker
//       storageKey("erasing") first: other open tabs hear it (storage event)
//       and drop what they show instead of writing it back.
//   onErasedElsewhere(element, callback): callback() when another tab erases
//       everything; stops listening once element has left the page.

import { isPlainObject } from "./dom.js";
import { t } from "./words.js";

const PREFIX = "mutuus";

// kind -> the rest of its key, and the start shared by all keys of the kind.
const KEYS = {
  questionnaire: { rest: (id, version) => `${id}:v${version}` },
  organisation: { rest: () => "organisation" },
  partners: { rest: () => "partners:v1", starts: "partners:" },
  grid: { rest: () => "grille:v1", starts: "grille:" },
  calculator: { rest: (id) => `calculator:${id}`, starts: "calculator:" },
  agreement: { rest: (id) => `agreement:${id}`, starts: "agreement:" },
  board: { rest: (name) => `board:${name}:v1`, starts: "board:" },
  offline: { rest: () => "offline" },
  // Short-lived markers: counted as "other" if ever found.
  probe: { rest: () => "probe", marker: true },
  erasing: { rest: () => "erasing", marker: true },
};

export function siteRoot() {
  try {
    const scope = globalThis.__md_scope;
    if (scope) return new URL(String(scope), globalThis.location.href).pathname;
  } catch (_) {
    // fall through
  }
  return "/";
}

function entry(kind) {
  const found = KEYS[kind];
  if (!found) throw new Error(`Mutuus: no such storage kind: ${kind}`);
  return found;
}

export function storageKey(kind, ...ids) {
  return `${storagePrefix()}${entry(kind).rest(...ids)}`;
}

export function storagePrefix(kind) {
  const root = `${PREFIX}:${siteRoot()}:`;
  return kind === undefined ? root : root + (entry(kind).starts ?? entry(kind).rest());
}

export function kindOfKey(rest) {
  const text = String(rest || "");
  if (text.includes(":damaged:")) return "damaged";
  for (const [kind, { rest: make, starts, marker }] of Object.entries(KEYS)) {
    if (marker) continue;
    // A kind without ids has one key; a kind with ids, every key that starts alike.
    if (starts ? text.startsWith(starts) : make.length === 0 && text === make()) return kind;
  }
  if (/^[a-z0-9_-]+:v\d+$/.test(text)) return "questionnaire";
  return "other";
}

// ------------------------------------------------------------ reading and writing

function classify(error) {
  if (!error) return "other";
  const name = error.name || "";
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22 || error.code === 1014) {
    return "quota";
  }
  if (name === "SecurityError") return "security";
  if (error instanceof TypeError || error instanceof ReferenceError) return "unavailable";
  return "other";
}

function failure(error) {
  const kind = classify(error);
  return { ok: false, error: kind, message: t(`storage.${kind}`) };
}

function store() {
  // Reading `localStorage` itself throws a SecurityError when it is blocked.
  const s = globalThis.localStorage;
  if (!s) throw new TypeError("localStorage is not available");
  return s;
}

export const DAMAGED_MESSAGE = t("storage.damaged");

// Keys set aside since the page last asked (takeSetAside), so any page
// module can tell the user once, whoever did the reading.
const setAside = [];

export function takeSetAside() {
  return setAside.splice(0, setAside.length);
}

export function readJSON(key) {
  let raw;
  try {
    raw = store().getItem(key);
  } catch (error) {
    return failure(error);
  }
  if (raw === null) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (_) {
    // A damaged value: keep its text aside under its own key, then let the
    // caller start afresh (it tells the user with DAMAGED_MESSAGE).
    const aside = `${key}:damaged:${new Date().toISOString()}`;
    try {
      const s = store();
      s.setItem(aside, raw);
      s.removeItem(key);
    } catch (error) {
      return failure(error);
    }
    console.warn(`Mutuus: a damaged stored value was set aside under ${aside}`);
    setAside.push(aside);
    return { ok: true, value: null, damaged: aside };
  }
}

export function writeJSON(key, value) {
  try {
    store().setItem(key, JSON.stringify(value));
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export function removeKey(key) {
  try {
    store().removeItem(key);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export function storedKeys() {
  const prefix = storagePrefix();
  const keys = [];
  try {
    const s = store();
    for (let i = 0; i < s.length; i += 1) {
      const key = s.key(i);
      if (key && key.startsWith(prefix)) keys.push(key);
    }
  } catch (_) {
    return [];
  }
  return keys.sort();
}

// ------------------------------------------------------------ a questionnaire's answers

export function loadRecord(id, version) {
  const result = readJSON(storageKey("questionnaire", id, version));
  if (!result.ok || !isPlainObject(result.value)) return null;
  const value = result.value;
  return {
    organisation: typeof value.organisation === "string" ? value.organisation : "",
    answers: isPlainObject(value.answers) ? value.answers : {},
    updated_at: typeof value.updated_at === "string" ? value.updated_at : null,
  };
}

export function saveRecord(id, version, record) {
  return writeJSON(storageKey("questionnaire", id, version), {
    organisation: typeof record.organisation === "string" ? record.organisation : "",
    answers: isPlainObject(record.answers) ? record.answers : {},
    updated_at: new Date().toISOString(),
  });
}

export function clearRecord(id, version) {
  return removeKey(storageKey("questionnaire", id, version));
}

export function loadOrganisation() {
  const result = readJSON(storageKey("organisation"));
  return result.ok && typeof result.value === "string" ? result.value : "";
}

export function saveOrganisation(name) {
  return writeJSON(storageKey("organisation"), String(name ?? ""));
}

// ------------------------------------------------------------ erasing everything

export function eraseKeys(keys) {
  writeJSON(storageKey("erasing"), new Date().toISOString());
  const failed = keys.filter((key) => !removeKey(key).ok);
  removeKey(storageKey("erasing"));
  return failed;
}

export function onErasedElsewhere(element, callback) {
  const listener = (event) => {
    if (!element.isConnected) {
      globalThis.removeEventListener("storage", listener);
      return;
    }
    if (event.key === null || (event.key === storageKey("erasing") && event.newValue !== null)) callback();
  };
  globalThis.addEventListener("storage", listener);
}
