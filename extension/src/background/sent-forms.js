// The user's last send of a form, per tab, for a few seconds: when the send makes Meta load a new page, the
// content script of that page asks whether a send led there, and goes on waiting for Meta's answer. Kept in
// storage.session (it outlives a stopped service worker, not the browser) and handed out once.
import { NAVIGATION_GRACE_MS } from "../shared/send-timing.js";

const PREFIX = "sent:";
const MAX_VALUE = 6000;
const DETECTION_KEYS = ["service", "page_kind", "language", "form_id"];

const shortText = (value, max) => (typeof value === "string" ? value.slice(0, max) : undefined);

// Only the contract's fields, with sane values: the content script lives next to a hostile page.
function sanitize(sent) {
  if (!sent || typeof sent !== "object" || !Number.isFinite(sent.sent_at) || typeof sent.url !== "string") return null;
  const values = {};
  for (const [key, value] of Object.entries(sent.values ?? {}).slice(0, 10)) {
    if (/^[A-Za-z]{1,40}$/.test(key) && typeof value === "string") values[key] = value.slice(0, MAX_VALUE);
  }
  const detection = {};
  for (const key of DETECTION_KEYS) {
    const value = shortText(sent.detection?.[key], 60);
    if (value) detection[key] = value;
  }
  return { sent_at: sent.sent_at, url: sent.url.slice(0, 8192), values, detection };
}

export class SentForms {
  constructor(storage, now = () => Date.now()) {
    this.storage = storage; // storage.session-like
    this.now = now;
  }

  /** Keeps the send for the page it leads to; returns what was kept (the contract's fields only), or null. */
  async remember(tabId, sent) {
    const clean = sanitize(sent);
    if (clean) await this.storage.set({ [PREFIX + tabId]: { ...clean, remembered_at: this.now() } });
    return clean;
  }

  // The send made in this tab, if it was made a moment ago on the same site; then forgotten.
  async take(tabId, url) {
    const key = PREFIX + tabId;
    const sent = (await this.storage.get(key))[key];
    if (!sent) return null;
    await this.storage.remove(key);
    const recent = this.now() - sent.remembered_at <= NAVIGATION_GRACE_MS;
    return recent && sameOrigin(sent.url, url) ? sent : null;
  }
}

function sameOrigin(a, b) {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
