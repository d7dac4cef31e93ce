// The page state each tab's content script last reported, kept in storage.session so that it
// survives the service worker being stopped (but not a browser restart, when tabs reload anyway).
import { SERVICE_ORDER } from "../shared/services.js";
import { formPlatforms } from "../shared/platforms.js";

const PREFIX = "tab:";
export const STATUSES = Object.freeze(["recognised", "form-ready", "filled", "confirmed"]);
const PAGE_KINDS = new Set([
  "objection_form",
  "code_step",
  "third_party_form",
  "privacy_center",
  "accounts_center",
  "settings",
  "ai_terms",
  "confirmation",
  "inbox_reply",
  "other_meta",
]);
// Meta's services, "meta" for its pages that belong to no single one of them, and the platforms with a form.
const SERVICES = new Set([...SERVICE_ORDER, "meta", ...formPlatforms().map((platform) => platform.name)]);

const shortText = (value, max = 200) => (typeof value === "string" && value ? value.slice(0, max) : null);

// Keeps only the contract's fields with sane values: a content script lives next to a hostile page.
export function sanitizeState(state) {
  if (!state || typeof state !== "object") return null;
  const status = STATUSES.includes(state.status) ? state.status : "recognised";
  return {
    service: SERVICES.has(state.service) ? state.service : "meta",
    page_kind: PAGE_KINDS.has(state.page_kind) ? state.page_kind : "other_meta",
    form_id: shortText(state.form_id, 40),
    variant: shortText(state.variant, 40),
    language: shortText(state.language, 35),
    status,
    filled: (Array.isArray(state.filled) ? state.filled : []).slice(0, 20).map((entry) => ({
      field: shortText(entry?.field, 60) ?? "",
      label: shortText(entry?.label, 200) ?? "",
    })),
    notes: (Array.isArray(state.notes) ? state.notes : [])
      .filter((key) => typeof key === "string" && /^[A-Za-z0-9_]{1,80}$/.test(key))
      .slice(0, 10),
  };
}

export class TabState {
  constructor(storage) {
    this.storage = storage; // storage.session-like, or an in-memory stand-in
  }

  async set(tabId, state) {
    await this.storage.set({ [PREFIX + tabId]: state });
  }

  async get(tabId) {
    const key = PREFIX + tabId;
    return (await this.storage.get(key))[key] ?? null;
  }

  async forget(tabId) {
    await this.storage.remove(PREFIX + tabId);
  }
}

// storage.session exists from Chromium 102 and Firefox 115; a Map keeps the same shape otherwise.
export function memoryStorage() {
  const map = new Map();
  return {
    async get(key) {
      if (key === null) return Object.fromEntries(map);
      const keys = [].concat(key);
      return Object.fromEntries(keys.filter((k) => map.has(k)).map((k) => [k, structuredClone(map.get(k))]));
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) map.set(k, structuredClone(v));
    },
    async remove(key) {
      for (const k of [].concat(key)) map.delete(k);
    },
  };
}
