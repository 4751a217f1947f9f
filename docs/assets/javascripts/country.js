// Mutuus: the reader's country, one choice for the whole site.
//
// The choice is kept where Material keeps the law tabs' (its linked content
// tabs, stored with __md_set under "__tabs", the latest label first): choosing
// the "France" tab on a guide page and choosing France in a "Votre pays" menu
// are the same act. With no choice (or storage refused), the network's
// country (extra.network.country).
//
// What each country means (name, currency sign, locale) is Python's
// (macros/countries.py, calculators/money.py COUNTRY_MONEY), written into the
// page as data-countries on each "Votre pays" menu and tool; this module only
// reads it. The header's menu, on every page, needs only the names: they are
// the words catalog's (words/country.py, "country.name.<code>").
//
// API:
//   countriesOf(element) -> {default, countries: {QC: {name, currency, locale}, …}}
//   currentCountry(info) -> "QC" | "FR" | "BE"
//   setCountry(info, code): stores it, selects the page's law tabs, tells the page
//   onCountryChange(callback(code)): after a menu or a law tab changes it
//   mountCountryControl(p.mu-country): the "Votre pays" menu
//   mountHeaderCountry(div.mu-header-country): the header's menu (overrides/partials/country.html)

import { t, words } from "./core/words.js";

const EVENT = "mu:country";
const NAME_KEY = "country.name.";

export function countriesOf(element) {
  const holder = element && element.closest("[data-countries]") ? element.closest("[data-countries]") : element;
  return JSON.parse(holder.dataset.countries);
}

function storedTabs() {
  try {
    return typeof window.__md_get === "function" ? window.__md_get("__tabs") : null;
  } catch {
    return null; // storage blocked: the network's country
  }
}

function codeOf(info, label) {
  for (const [code, country] of Object.entries(info.countries)) if (country.name === label) return code;
  return "";
}

export function currentCountry(info) {
  const tabs = storedTabs();
  if (Array.isArray(tabs)) {
    for (const label of tabs) {
      const code = codeOf(info, label);
      if (code) return code;
    }
  }
  return info.default;
}

// The law tabs of this page (Material's tabbed sets) open on the country.
function selectTabs(name) {
  for (const label of document.querySelectorAll(".tabbed-set > .tabbed-labels > label")) {
    if (label.textContent.trim() !== name) continue;
    const input = document.getElementById(label.htmlFor);
    if (input && !input.checked) input.checked = true;
  }
}

export function setCountry(info, code) {
  const name = info.countries[code].name;
  try {
    if (typeof window.__md_set === "function") {
      const tabs = storedTabs();
      window.__md_set("__tabs", [name, ...(Array.isArray(tabs) ? tabs.filter((label) => label !== name) : [])]);
    }
  } catch {
    // storage refused: the choice holds for this page only
  }
  selectTabs(name);
  document.dispatchEvent(new CustomEvent(EVENT, { detail: { code } }));
}

export function onCountryChange(callback) {
  const listener = (event) => callback(event.detail.code);
  document.addEventListener(EVENT, listener);
  return () => document.removeEventListener(EVENT, listener);
}

// A law tab chosen by the reader: Material stores it (content.tabs.link); the
// page's menus and tools follow when it names a country.
let tabsWatched = false;
function watchTabs(info) {
  if (tabsWatched) return;
  tabsWatched = true;
  document.addEventListener("click", (event) => {
    const label = event.target instanceof Element ? event.target.closest(".tabbed-labels > label") : null;
    if (!label) return;
    const code = codeOf(info, label.textContent.trim());
    if (code) setTimeout(() => setCountry(info, code), 0); // after Material has stored its own order
  });
}

export function mountCountryControl(box) {
  const info = countriesOf(box);
  const select = box.querySelector("select");
  select.value = currentCountry(info);
  select.addEventListener("change", () => setCountry(info, select.value));
  const stop = onCountryChange((code) => {
    if (!select.isConnected) return stop();
    if (select.value !== code) select.value = code;
  });
  watchTabs(info);
}

// The countries of the words catalog, in its order; `code` the network's.
function catalogCountries(code) {
  const countries = {};
  for (const [key, name] of Object.entries(words())) {
    if (key.startsWith(NAME_KEY)) countries[key.slice(NAME_KEY.length)] = { name };
  }
  return { default: code in countries ? code : "", countries };
}

// The header's menu: built here (without JavaScript the slot stays hidden,
// since the choice does nothing then). Material keeps the header across
// instant navigation, so it is mounted once.
export function mountHeaderCountry(slot) {
  if (!slot || slot.dataset.muMounted) return;
  slot.dataset.muMounted = "true";
  const info = catalogCountries(slot.dataset.default);
  const id = "mu-header-country";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.className = "mu-header-country__label";
  label.textContent = t("country.header_label");
  const select = document.createElement("select");
  select.id = id;
  select.className = "mu-header-country__select";
  select.title = t("country.header_name");
  for (const [code, country] of Object.entries(info.countries)) select.add(new Option(country.name, code));
  select.value = currentCountry(info);
  select.addEventListener("change", () => setCountry(info, select.value));
  onCountryChange((code) => {
    if (select.value !== code) select.value = code;
  });
  slot.replaceChildren(label, select);
  slot.hidden = false;
  watchTabs(info);
}
