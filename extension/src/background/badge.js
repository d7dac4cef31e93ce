// The toolbar badge: per tab, how far the user got on a Meta page (or a warning on another site's copy of Meta's
// form); globally, whether confirmations are waiting for the host. A tab's own badge hides the global one on that
// tab, so the pending count is repeated in that tab's title.
import { t, tn } from "../shared/i18n.js";

export const BADGES = Object.freeze({
  recognised: { text: "•", color: "#5f6b7a", title: "badge_recognised" },
  "form-ready": { text: "!", color: "#b35c00", title: "badge_form_ready" },
  filled: { text: "✎", color: "#1a5fb4", title: "badge_filled" },
  confirmed: { text: "✓", color: "#1e7b34", title: "badge_confirmed" },
  // Not a status of Meta's pages: another site's copy of Meta's form, found when the user opened the popup there.
  lookalike: { text: "!", color: "#a51d2d", title: "badge_lookalike" },
});
const PENDING_COLOR = "#a51d2d";

export class Badge {
  constructor(action) {
    this.action = action; // chrome.action / browser.action
    this.pending = 0;
  }

  // Badge errors never fail the message that caused them (the tab may have closed meanwhile).
  async showTab(tabId, status) {
    const badge = BADGES[status] ?? BADGES.recognised;
    let title = `${t("ext_name")}: ${t(badge.title)}`;
    if (this.pending > 0) title += ` — ${tn("badge_pending", this.pending)}`;
    await settle([
      () => this.action.setBadgeText({ tabId, text: badge.text }),
      () => this.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      () => this.action.setTitle({ tabId, title }),
    ]);
  }

  async setPending(count) {
    this.pending = count;
    await settle([
      () => this.action.setBadgeText({ text: count > 0 ? String(count) : "" }),
      () => this.action.setBadgeBackgroundColor({ color: PENDING_COLOR }),
      () =>
        this.action.setTitle({ title: count > 0 ? `${t("ext_name")}: ${tn("badge_pending", count)}` : t("ext_name") }),
    ]);
  }
}

// Runs each call, catching synchronous throws (Chromium validates arguments synchronously) and
// rejections alike.
async function settle(calls) {
  await Promise.all(
    calls.map(async (call) => {
      try {
        await call();
      } catch {
        // nothing to do: the badge is a hint, not a record
      }
    }),
  );
}
