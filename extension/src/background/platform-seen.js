// When NoTrain last read each platform's AI setting, and what it said: the full page shows it, and offers to look
// again once that is older than the user's interval (90 days unless they chose another). Kept in storage.local.
import { DEFAULT_RECHECK_DAYS, RECHECK_DAYS } from "../shared/platform-recheck.js";

export const PLATFORM_SEEN_KEY = "platform-seen";
export const RECHECK_DAYS_KEY = "platform-recheck-days";

export class PlatformSeen {
  /** @param {object} storage storage.local-like  @param {() => Date} now */
  constructor(storage, now = () => new Date()) {
    this.storage = storage;
    this.now = now;
  }

  /** @returns {Promise<Record<string, { trainsAi: boolean, at: string }>>} */
  async all() {
    const stored = (await this.storage.get(PLATFORM_SEEN_KEY))[PLATFORM_SEEN_KEY];
    return stored && typeof stored === "object" ? stored : {};
  }

  /** The setting of `name` was read now: it does (or does not) let the platform train AI on the user's data. */
  async note(name, trainsAi) {
    const seen = await this.all();
    seen[name] = { trainsAi: Boolean(trainsAi), at: this.now().toISOString() };
    await this.storage.set({ [PLATFORM_SEEN_KEY]: seen });
  }

  /** The user's interval between checks, in days. */
  async recheckDays() {
    const days = (await this.storage.get(RECHECK_DAYS_KEY))[RECHECK_DAYS_KEY];
    return RECHECK_DAYS.includes(days) ? days : DEFAULT_RECHECK_DAYS;
  }

  async setRecheckDays(days) {
    if (!RECHECK_DAYS.includes(days)) throw new Error("Not an interval NoTrain offers");
    await this.storage.set({ [RECHECK_DAYS_KEY]: days });
  }
}
