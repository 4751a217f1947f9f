// Mutuus: the small DOM helpers every tool module shares.
//
//   h(tag, attrs, ...children) -> Element
//       attrs: plain attributes (setAttribute), except `text` (textContent),
//       `on<event>` functions (addEventListener) and boolean/undefined values
//       (true -> empty attribute, false/null/undefined -> left out).
//       children: Nodes, strings (always text nodes), arrays, null (skipped).
//   isPlainObject(value) -> true for a JSON object ({}), not an array or null.
//   readFileText(file, maxBytes) -> Promise<string>; rejects with Error("too_big").
//
// Nothing here writes HTML from strings: user text is always a text node.

export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") {
      el.textContent = String(value);
    } else if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function readFileText(file, maxBytes) {
  if (file.size > maxBytes) return Promise.reject(new Error("too_big"));
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error || new Error("read"));
    reader.readAsText(file);
  });
}
