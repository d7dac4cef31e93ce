// Interface strings come only from _locales via getMessage, so every visible text is translated.
// Elements say which message they show:
//   data-i18n="key"                      → textContent
//   data-i18n-attr="aria-label:key;placeholder:other_key" → attributes
import { getApi } from "./browser-api.js";

export function t(key, substitutions) {
  const text = getApi()?.i18n?.getMessage(key, substitutions);
  // A missing key shows itself rather than an empty space, so a gap is noticed in testing.
  return text || key;
}

/**
 * A message that counts something, in the plural form the interface language uses for `count` (Intl.PluralRules:
 * French says "1 champ", "0 champ"; English "0 fields"): the key `${key}_${form}`, else `${key}_other`.
 */
export function tn(key, count, more = []) {
  const substitutions = [String(count), ...more];
  const form = new Intl.PluralRules(uiLanguage()).select(count);
  const api = getApi()?.i18n;
  return api?.getMessage(`${key}_${form}`, substitutions) || api?.getMessage(`${key}_other`, substitutions) || key;
}

export function uiLanguage() {
  return getApi()?.i18n?.getUILanguage?.() || "en";
}

export function applyI18n(root) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(";")) {
      const [attribute, key] = pair.split(":").map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
  const doc = root.ownerDocument ?? root;
  if (doc.documentElement) doc.documentElement.lang = uiLanguage();
}

// Keys referenced by markup, for the completeness test.
export function referencedKeys(root) {
  const keys = new Set();
  for (const element of root.querySelectorAll("[data-i18n]")) keys.add(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(";")) {
      const key = pair.split(":")[1]?.trim();
      if (key) keys.add(key);
    }
  }
  return keys;
}
