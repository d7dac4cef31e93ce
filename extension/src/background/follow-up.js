// The follow-up clock. Meta must answer within a month (GDPR art. 12(3)): once a day, a form the user sent more
// than 30 days ago with no confirmation kept is overdue, and when the user opted in (the full page's switch) a
// browser notification says so, once per send. With the same opt-in, a confirmation kept before a change Meta
// announced (rules/announcements.json) is recalled at most once a week until a newer one is kept. The clock is
// injected (`now`): tests decide what day it is.
import { CONFIRMATIONS_READ, coverage } from "../shared/coverage.js";
import { serviceLabel } from "../shared/services.js";
import { sameAccount } from "../shared/account.js";
import { t, tn } from "../shared/i18n.js";
import { formatDay } from "../shared/format.js";
import { FOLLOW_UP_KEY, followUpEnabled } from "../shared/follow-up-setting.js";

export { FOLLOW_UP_KEY };

const keyOf = (line) => `${line.service}:${line.account ?? ""}:${line.recheck?.id ?? ""}`;
export const FOLLOW_UP_ALARM = "notrain-follow-up";
const CHECK_MINUTES = 24 * 60;
export const NOTIFICATION_PREFIX = "notrain-follow-up:";
const RECHECK_PREFIX = "notrain-recheck:";
const RECHECK_KEY = "notrain-recheck-reminded"; // line key → when it was last recalled
const RECHECK_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

export class FollowUp {
  /**
   * @param {object} options
   * @param {import("./accounts.js").Accounts} options.accounts
   * @param {{ call: (method: string, params?: object) => Promise<any> }} options.host
   * @param {import("../shared/browser-api.js").StorageArea} options.storage  storage.local: the opt-in and when each re-check was recalled
   * @param {import("../shared/browser-api.js").Notifications} [options.notifications]  absent where the browser has none
   * @param {import("../shared/browser-api.js").Alarms} options.alarms
   * @param {() => number} [options.now]
   * @param {import("../shared/coverage.js").Announcement[]} [options.announcements]  rules/announcements.json's list
   *   unless a test gives another
   */
  constructor({ accounts, host, storage, notifications, alarms, now = () => Date.now(), announcements }) {
    this.accounts = accounts;
    this.host = host;
    this.storage = storage;
    this.notifications = notifications;
    this.alarms = alarms;
    this.now = now;
    this.announcements = announcements;
  }

  /** The daily check; the first one a minute after the browser starts. */
  async schedule() {
    await this.alarms.create(FOLLOW_UP_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_MINUTES });
  }

  async enabled() {
    return followUpEnabled(await this.storage.get(FOLLOW_UP_KEY));
  }

  /** Notifies about each overdue account not reminded since its last send; returns the lines it notified about. */
  async check() {
    if (!this.notifications || !(await this.enabled())) return [];
    const seen = await this.accounts.list();
    let kept;
    try {
      kept = (await this.host.call("confirmation.list", { limit: CONFIRMATIONS_READ })).items;
    } catch {
      return []; // whether Meta answered is unknown without the host: better silent than wrong
    }
    const reminded = (line) =>
      seen.some((e) => e.service === line.service && sameAccount(e.account, line.account) && e.reminded_at);
    const lines = coverage({ accounts: seen, confirmations: kept, now: this.now(), announcements: this.announcements });
    const due = lines.filter((line) => line.overdue && !reminded(line));
    for (const line of due) {
      await this.notifications.create(`${NOTIFICATION_PREFIX}${line.service}:${line.account}`, {
        type: "basic",
        iconUrl: "icons/icon-128.png",
        title: t("follow_up_title"),
        message: tn("follow_up_message", line.days, [serviceLabel(line.service), line.account]),
      });
      await this.accounts.markReminded(line);
    }
    return [...due, ...(await this.recallRechecks(lines))];
  }

  // Lines confirmed before an announced change, recalled at most once a week each.
  /** @param {import("../shared/coverage.js").CoverageLine[]} lines */
  async recallRechecks(lines) {
    const notifications = this.notifications;
    if (!notifications) return [];
    const reminded = (await this.storage.get(RECHECK_KEY))[RECHECK_KEY] ?? {};
    const due = lines.filter((line) => line.recheck && !(this.now() - (reminded[keyOf(line)] ?? 0) < RECHECK_EVERY_MS));
    for (const line of due) {
      if (!line.recheck) continue; // kept by the filter above
      await notifications.create(`${RECHECK_PREFIX}${keyOf(line)}`, {
        type: "basic",
        iconUrl: "icons/icon-128.png",
        title: t("recheck_title"),
        message: t("recheck_message", [serviceLabel(line.service), line.account ?? "", formatDay(line.recheck.date)]),
      });
      reminded[keyOf(line)] = this.now();
    }
    if (due.length) await this.storage.set({ [RECHECK_KEY]: reminded });
    return due;
  }
}
