// Mutuus: answers kept in the browser (localStorage), never sent anywhere.
//
// API (plain ES module, no DOM, safe to import from any page module):
//
//   siteRoot() -> string
//       Pathname of the site root, from Material's `__md_scope`
//       (e.g. "/" or "/mutuus/"); "/" when the page has no `__md_scope`.
//   questionnaireKey(id, version) -> "mutuus:<root>:<id>:v<version>"
//   organisationKey() -> "mutuus:<root>:organisation"  (last name used)
//
//   loadRecord(id, version) -> {organisation, answers, updated_at} | null
//       The stored answers of one questionnaire, or null when there are none,
//       when storage is unreadable, or when the stored value is not an object.
//       `answers` is always an object ({} if missing); nothing is validated
//       against the definition here (see answers.js `sanitizeAnswers`).
//   saveRecord(id, version, {organisation, answers}) -> Result
//       Stores {organisation, answers, updated_at: now (ISO 8601)}.
//   clearRecord(id, version) -> Result
//   loadOrganisation() -> string   ("" when none)
//   saveOrganisation(name) -> Result
//   storedKeys() -> string[]   every "mutuus:<root>:" key of this site (sorted)
//   keyPrefix() -> "mutuus:<root>:"
//   partnersKey() -> "mutuus:<root>:partners:v1"   partners' files (Mon dossier)
//
//   eraseKeys(keys) -> string[]   the keys that could not be removed
//       "Tout effacer de cet appareil": sets the marker erasingKey(), removes
//       the keys, then the marker. Other open tabs hear the marker (storage
//       event) before the removals, and drop what they show instead of
//       writing it back at the next change.
//   onErasedElsewhere(element, callback)
//       Calls callback() when another tab erases everything (the marker, or
//       localStorage.clear()); stops listening once element has left the page.
//
//   readJSON(key) -> {ok: true, value, damaged?} | {ok: false, error}
//       A stored value that is not JSON is never dropped: its text is copied
//       aside under "<key>:damaged:<timestamp>" and `damaged` names that key,
//       so the page can tell the user (DAMAGED_MESSAGE) before it writes again.
//   takeSetAside() -> string[]   keys set aside since the last call (then forgotten)
//   writeJSON(key, value) -> Result
//   removeKey(key) -> Result
//
//   Result = {ok: true} | {ok: false, error: "quota" | "security" | "unavailable" | "other",
//                         message: <French sentence for the user>}
//
// Every function catches the exceptions that localStorage throws
// (QuotaExceededError when full, SecurityError when cookies/storage are
// blocked, or no localStorage at all) and reports them instead of throwing.

const PREFIX = "mutuus";

export const STORAGE_MESSAGES = {
  quota:
    "Le stockage de votre navigateur est plein : vos réponses ne sont pas enregistrées sur cet appareil.",
  security:
    "Votre navigateur bloque l'enregistrement local (navigation privée ou réglage de confidentialité) : vos réponses ne sont pas enregistrées sur cet appareil.",
  unavailable:
    "Votre navigateur ne permet pas d'enregistrer des données sur cet appareil : vos réponses ne sont pas enregistrées.",
  other:
    "Vos réponses n'ont pas pu être enregistrées sur cet appareil.",
};

export const DAMAGED_MESSAGE =
  "Des données gardées sur cet appareil étaient abîmées et n'ont pas pu être relues. Elles sont mises de côté (rien n'est écrasé) ; « Tout effacer de cet appareil » dans « Mon dossier » les supprime.";

export function siteRoot() {
  try {
    const scope = globalThis.__md_scope;
    if (scope) {
      return new URL(String(scope), globalThis.location.href).pathname;
    }
  } catch (_) {
    // fall through
  }
  return "/";
}

export function questionnaireKey(id, version) {
  return `${PREFIX}:${siteRoot()}:${id}:v${version}`;
}

export function organisationKey() {
  return `${PREFIX}:${siteRoot()}:organisation`;
}

export function keyPrefix() {
  return `${PREFIX}:${siteRoot()}:`;
}

export function partnersKey() {
  return `${keyPrefix()}partners:v1`;
}

function classify(error) {
  if (!error) return "other";
  const name = error.name || "";
  if (
    name === "QuotaExceededError" ||
    name === "NS_ERROR_DOM_QUOTA_REACHED" ||
    error.code === 22 ||
    error.code === 1014
  ) {
    return "quota";
  }
  if (name === "SecurityError") return "security";
  if (error instanceof TypeError || error instanceof ReferenceError) return "unavailable";
  return "other";
}

function failure(error) {
  const kind = classify(error);
  return { ok: false, error: kind, message: STORAGE_MESSAGES[kind] };
}

function store() {
  // Reading `localStorage` itself throws a SecurityError when it is blocked.
  const s = globalThis.localStorage;
  if (!s) {
    const error = new TypeError("localStorage is not available");
    throw error;
  }
  return s;
}

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
    console.warn(`Mutuus : donnée abîmée mise de côté sous ${aside}`);
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

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function loadRecord(id, version) {
  const result = readJSON(questionnaireKey(id, version));
  if (!result.ok || !isPlainObject(result.value)) return null;
  const value = result.value;
  return {
    organisation: typeof value.organisation === "string" ? value.organisation : "",
    answers: isPlainObject(value.answers) ? value.answers : {},
    updated_at: typeof value.updated_at === "string" ? value.updated_at : null,
  };
}

export function saveRecord(id, version, record) {
  return writeJSON(questionnaireKey(id, version), {
    organisation: typeof record.organisation === "string" ? record.organisation : "",
    answers: isPlainObject(record.answers) ? record.answers : {},
    updated_at: new Date().toISOString(),
  });
}

export function clearRecord(id, version) {
  return removeKey(questionnaireKey(id, version));
}

export function loadOrganisation() {
  const result = readJSON(organisationKey());
  return result.ok && typeof result.value === "string" ? result.value : "";
}

export function saveOrganisation(name) {
  return writeJSON(organisationKey(), String(name ?? ""));
}

export function storedKeys() {
  const prefix = keyPrefix();
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

// ------------------------------------------------------------ erasing everything

export function erasingKey() {
  return `${keyPrefix()}erasing`;
}

export function eraseKeys(keys) {
  writeJSON(erasingKey(), new Date().toISOString());
  const failed = keys.filter((key) => !removeKey(key).ok);
  removeKey(erasingKey());
  return failed;
}

export function onErasedElsewhere(element, callback) {
  const listener = (event) => {
    if (!element.isConnected) {
      globalThis.removeEventListener("storage", listener);
      return;
    }
    if (event.key === null || (event.key === erasingKey() && event.newValue !== null)) callback();
  };
  globalThis.addEventListener("storage", listener);
}
