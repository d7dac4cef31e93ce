// A page of the extension in jsdom with a fake browser API: messages to the background go to a
// test's handler table, i18n reads the real _locales of the chosen language.
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { setApi } from "../../../extension/src/shared/browser-api.js";
import { EXTENSION } from "./build-support.js";

export const EXTENSION_ORIGIN = "chrome-extension://hlkehipeijabomfkoomegalkblciopck/";

export function messagesFor(lang) {
  return JSON.parse(readFileSync(path.join(EXTENSION, "_locales", lang, "messages.json"), "utf8"));
}

// getMessage as the browsers do it: $1..$9 replaced by the substitutions, "" for unknown keys.
export function fakeI18n(lang) {
  const messages = messagesFor(lang);
  return {
    getMessage: (/** @type {string} */ key, /** @type {string | string[]} */ substitutions = []) => {
      const entry = messages[key];
      if (!entry) return "";
      const subs = /** @type {string[]} */ ([]).concat(substitutions);
      return entry.message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? "");
    },
    getUILanguage: () => lang,
  };
}

// page: "popup" | "options"; background: {type → (message) → answer}; tabs: {sendMessage, query};
// scripting: {executeScript} (absent unless given, as without the permission).
/**
 * @param {"popup" | "options"} page
 * @param {{ lang?: string, background?: Record<string, Function>, tabs?: object, scripting?: object, search?: string,
 *   hash?: string, stored?: Record<string, unknown> }} [options]
 */
export function openPage(
  page,
  { lang = "en", background = {}, tabs = {}, scripting, search = "", hash = "", stored = {} } = {},
) {
  const html = readFileSync(path.join(EXTENSION, "src", page, `${page}.html`), "utf8").replace(
    /<script[^>]*><\/script>/g,
    "",
  ); // the test runs the module itself
  const dom = new JSDOM(html, { url: `${EXTENSION_ORIGIN}${page}.html${search}${hash}` });
  const { window } = dom;
  const sent = [];
  const api = {
    i18n: fakeI18n(lang),
    runtime: {
      id: "hlkehipeijabomfkoomegalkblciopck",
      getURL: (p) => EXTENSION_ORIGIN + p,
      async sendMessage(message) {
        sent.push(structuredClone(message));
        const handler = background[message.type];
        if (!handler) return { error: { kind: "unknown-message", message: message.type } };
        return handler(message);
      },
    },
    tabs: {
      query: async () => [{ id: 1 }],
      sendMessage: async () => {
        throw new Error("no receiver");
      },
      ...tabs,
    },
    storage: { local: fakeStorage(stored) },
    scripting,
  };
  setApi(api);
  // Browser globals the pages' entry modules use.
  globalThis.document = window.document;
  globalThis.location = window.location;
  const objectUrls = [];
  URL.createObjectURL = (blob) => {
    objectUrls.push(blob);
    return `blob:${EXTENSION_ORIGIN}${objectUrls.length}`;
  };
  URL.revokeObjectURL = () => {};
  // jsdom has <dialog> but not its modal methods.
  const dialog = window.HTMLDialogElement?.prototype;
  if (dialog && !dialog.showModal) {
    dialog.showModal = /** @this {HTMLDialogElement} */ function showModal() {
      this.open = true;
    };
    dialog.close = /** @this {HTMLDialogElement} */ function close(/** @type {string | undefined} */ value) {
      if (value !== undefined) this.returnValue = value;
      this.open = false;
      this.dispatchEvent(new window.Event("close"));
    };
  }
  return { window, document: window.document, sent, api, objectUrls };
}

// storage.local as the pages use it: get a key, set values; `values` is what it holds (for assertions).
function fakeStorage(values) {
  return {
    values,
    async get(key) {
      return key in values ? { [key]: structuredClone(values[key]) } : {};
    },
    async set(entries) {
      Object.assign(values, structuredClone(entries));
    },
  };
}

export async function settle(window, condition, timeoutMs = 2000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("the page did not get ready in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
