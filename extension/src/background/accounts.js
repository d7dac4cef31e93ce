// The accounts NoTrain has seen, per service: the e-mail address each objection form carried when the user sent
// it (with the time of the last send), and what the user changed on the full page (a name, a removal). Kept in
// storage.local; the accounts of kept confirmations come from the host and are joined in by shared/coverage.js.
import { accountOf, sameAccount } from "../shared/account.js";
import { serviceLinks } from "../shared/services.js";
import { formPlatforms } from "../shared/platforms.js";

export const ACCOUNTS_KEY = "accounts";
const MAX_ACCOUNTS = 50;
const MAX_NAME = 80;
// Meta's services, and the platforms whose objection form NoTrain fills (LinkedIn).
const SERVICES = new Set([
  ...serviceLinks().map((link) => link.id),
  ...formPlatforms().map((platform) => platform.name),
]);

/** @typedef {import("../shared/coverage.js").SeenAccount & { reminded_at?: string }} Entry */

export class Accounts {
  /** @param {object} storage storage.local-like  @param {() => number} now the clock, in milliseconds */
  constructor(storage, now = () => Date.now()) {
    this.storage = storage;
    this.now = now;
  }

  /** @returns {Promise<Entry[]>} */
  async list() {
    const stored = (await this.storage.get(ACCOUNTS_KEY))[ACCOUNTS_KEY];
    return Array.isArray(stored) ? stored : [];
  }

  /** The user sent an objection form with this account: it is waiting for Meta's answer from now (again). */
  async noteSent({ service, account, sentAt }) {
    const clean = accountOf(account);
    if (!clean || !SERVICES.has(service) || !Number.isFinite(sentAt)) return null;
    return this.change(service, clean, (entry) => {
      const { removed, reminded_at, ...kept } = entry ?? { service, account: clean };
      return { ...kept, sent_at: new Date(sentAt).toISOString() };
    });
  }

  /**
   * Meta's answer for this account says it covers the same Accounts Centre: the coverage lines of the Centre's
   * other services say so (shared/coverage.js). `at` is when the answer was seen.
   */
  async noteAccountsCentre({ service, account, at }) {
    const clean = accountOf(account);
    if (!clean || !SERVICES.has(service) || Number.isNaN(Date.parse(at))) return null;
    return this.change(service, clean, (entry) => ({
      ...(entry ?? { service, account: clean }),
      centre_at: new Date(at).toISOString(),
    }));
  }

  /** The user's own name for an account ("Work"); an empty name removes it. */
  async rename({ service, account }, name) {
    const clean = typeof name === "string" ? name.trim().slice(0, MAX_NAME) : "";
    return this.change(service, accountOf(account), (entry) => {
      const { name: old, ...kept } = entry ?? { service, account: accountOf(account) };
      return clean ? { ...kept, name: clean } : kept;
    });
  }

  /** Hidden from now on, even when a kept confirmation names it; a new send brings it back. */
  async remove({ service, account }) {
    return this.change(service, accountOf(account), () => ({ service, account: accountOf(account), removed: true }));
  }

  /** The follow-up reminder for this waiting account was shown: once per send. */
  async markReminded({ service, account }) {
    return this.change(
      service,
      accountOf(account),
      (entry) => entry && { ...entry, reminded_at: new Date(this.now()).toISOString() },
    );
  }

  async change(service, account, update) {
    if (!account || !SERVICES.has(service)) throw new Error("No such account");
    const entries = await this.list();
    const index = entries.findIndex((e) => e.service === service && sameAccount(e.account, account));
    const next = update(index >= 0 ? entries[index] : null);
    if (!next) return null;
    if (index >= 0) entries.splice(index, 1);
    // The newest first; the oldest are forgotten beyond MAX_ACCOUNTS (a hostile page cannot fill the storage).
    await this.storage.set({ [ACCOUNTS_KEY]: [next, ...entries].slice(0, MAX_ACCOUNTS) });
    return next;
  }
}
