// The user's profile lives in the host; a copy in storage.local lets the form be filled even when the host is
// missing. A profile saved while the host cannot be reached is kept here as well, marked as waiting, and handed to
// the host as soon as it answers: nothing the user typed is lost.
import { unreachableOf } from "./host-errors.js";
const CACHE_KEY = "profile:cache";
const WAITING_KEY = "profile:waiting";
const FIELDS = ["email", "country", "language", "name", "objection_text"];

function onlyProfileFields(profile) {
  const out = {};
  for (const field of FIELDS) if (typeof profile?.[field] === "string" && profile[field]) out[field] = profile[field];
  return out;
}

export class ProfileCache {
  /**
   * @param {object} options
   * @param {{ call: (method: string, params?: object) => Promise<any> }} options.host
   * @param {import("../shared/browser-api.js").StorageArea} options.storage
   * @param {(waiting: boolean) => Promise<unknown>} [options.onWaitingChanged]
   */
  constructor({ host, storage, onWaitingChanged = async () => {} }) {
    this.host = host;
    this.storage = storage;
    this.onWaitingChanged = onWaitingChanged; // (waiting: boolean): keep a retry scheduled while one waits
  }

  async cached() {
    return (await this.storage.get(CACHE_KEY))[CACHE_KEY] ?? null;
  }

  async waiting() {
    return (await this.storage.get(WAITING_KEY))[WAITING_KEY] ?? null;
  }

  // → {profile, source: "host" | "waiting" | "cache" | "none"}. A waiting profile is handed to the host first;
  // while the host cannot take it, it is what the user saved last, so it is the one shown and filled in.
  async get() {
    const waiting = await this.waiting();
    if (waiting) {
      try {
        return { profile: await this.store(waiting), source: "host" };
      } catch {
        return { profile: waiting, source: "waiting" };
      }
    }
    try {
      const { profile } = await this.host.call("profile.get");
      const clean = onlyProfileFields(profile);
      await this.storage.set({ [CACHE_KEY]: clean });
      return { profile: clean, source: "host" };
    } catch {
      const cached = await this.cached();
      return cached ? { profile: cached, source: "cache" } : { profile: {}, source: "none" };
    }
  }

  // Saves through the host (which validates) and caches what the host kept: {profile, stored: "host"}. When the
  // host cannot be reached, keeps it in the browser until it can: {profile, stored: "browser"}. A refusal by the
  // host (an invalid field) propagates.
  async set(profile) {
    const clean = onlyProfileFields(profile);
    try {
      const kept = await this.store(clean);
      return { profile: kept, stored: "host" };
    } catch (error) {
      if (!unreachableOf(error)) throw error;
      await this.storage.set({ [WAITING_KEY]: clean, [CACHE_KEY]: clean });
      await this.onWaitingChanged(true);
      return { profile: clean, stored: "browser", error };
    }
  }

  // Hands a profile saved while the host was missing to the host. → true when one was delivered, null when none
  // waits; throws when the host still cannot take it.
  async deliverWaiting() {
    const waiting = await this.waiting();
    if (!waiting) return null;
    await this.store(waiting);
    return true;
  }

  async store(clean) {
    const result = await this.host.call("profile.set", { profile: clean });
    const kept = onlyProfileFields(result?.profile);
    await this.storage.set({ [CACHE_KEY]: kept });
    if (await this.waiting()) {
      await this.storage.remove(WAITING_KEY);
      await this.onWaitingChanged(false);
    }
    return kept;
  }
}
