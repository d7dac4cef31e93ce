// The follow-up clock. Meta must answer within a month (GDPR art. 12(3)): once a day, a form the user sent more
// than 30 days ago with no confirmation kept is overdue, and when the user opted in (the full page's switch) a
// browser notification says so, once per send. The clock is injected (`now`): tests decide what day it is.
import { CONFIRMATIONS_READ, coverage } from "../shared/coverage.js";
import { serviceLabel } from "../shared/services.js";
import { sameAccount } from "../shared/account.js";
import { t, tn } from "../shared/i18n.js";
import { FOLLOW_UP_KEY, followUpEnabled } from "../shared/follow-up-setting.js";

export { FOLLOW_UP_KEY };
export const FOLLOW_UP_ALARM = "notrain-follow-up";
const CHECK_MINUTES = 24 * 60;
export const NOTIFICATION_PREFIX = "notrain-follow-up:";

export class FollowUp {
  constructor({ accounts, host, storage, notifications, alarms, now = () => Date.now() }) {
    Object.assign(this, { accounts, host, storage, notifications, alarms, now });
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
    const reminded = (line) => seen.some((e) => e.service === line.service && sameAccount(e.account, line.account) && e.reminded_at);
    const due = coverage({ accounts: seen, confirmations: kept, now: this.now() }).filter((line) => line.overdue && !reminded(line));
    for (const line of due) {
      await this.notifications.create(`${NOTIFICATION_PREFIX}${line.service}:${line.account}`, {
        type: "basic", iconUrl: "icons/icon-128.png", title: t("follow_up_title"),
        message: tn("follow_up_message", line.days, [serviceLabel(line.service), line.account]),
      });
      await this.accounts.markReminded(line);
    }
    return due;
  }
}
