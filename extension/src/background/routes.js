// The dispatch table: message type → who may send it and the handler.
// "content" = our content script on a Meta page; "page" = the popup and the full page.
import { sanitizeState } from "./tab-state.js";
import { toPlainError } from "./host-errors.js";
import { t } from "../shared/i18n.js";
import { errorMessage } from "../shared/error-message.js";
import { accountOf } from "../shared/account.js";
import { formPlatformOfUrl } from "../shared/platforms.js";

// Host methods the extension's pages may call directly. confirmation.save is there for the
// e-mail import; profile.set goes through "profile-set" so that the cache follows; confirmation.export and
// evidence.pack prepare a file that download.chunk reads.
const PAGE_HOST_METHODS = new Set([
  "hello",
  "ping",
  "profile.get",
  "confirmation.list",
  "confirmation.get",
  "confirmation.screenshot",
  "confirmation.delete",
  "confirmation.save",
  "evidence.receipt",
  "evidence.verify",
  "confirmation.export",
  "evidence.pack",
  "download.chunk",
]);

/**
 * @param {Record<string, any> & { openOptions?: () => Promise<unknown>, afterRetry?: (remaining: number) => Promise<unknown> }} parts
 *   the background's parts (main.js), each a class of this folder
 */
export function createRoutes({
  host,
  tabState,
  badge,
  profiles,
  confirmations,
  queue,
  tabs,
  sentForms,
  answers,
  accounts,
  platformAccess,
  platformSettings,
  platformSeen,
  openOptions = async () => {},
  afterRetry = async () => {},
}) {
  const asAnswer = async (work) => {
    try {
      return { result: await work() };
    } catch (error) {
      return { error: toPlainError(error) };
    }
  };

  return {
    // ---- from content scripts in Meta tabs ----
    "page-state": {
      from: ["content"],
      async handle(message, { sender }) {
        const state = sanitizeState(message.state);
        if (!state) return { ok: false };
        await tabState.set(sender.tab.id, state);
        await badge.showTab(sender.tab.id, state.status);
        return { ok: true };
      },
    },
    "confirmation-seen": {
      from: ["content"],
      async handle(message, { sender }) {
        try {
          return await confirmations.record(message.confirmation, sender);
        } catch (error) {
          return { status: "refused", error: String(errorMessage(error) || error) };
        }
      },
    },

    "form-sent": {
      from: ["content"],
      async handle(message, { sender }) {
        const sent = await sentForms.remember(sender.tab.id, message.sent);
        // An objection sent with an account: that account now waits for the answer. On a platform's objection form
        // the service is the platform of the tab's real address.
        if (sent?.detection.page_kind === "objection_form") {
          const service = formPlatformOfUrl(sender.url)?.name ?? sent.detection.service;
          await accounts.noteSent({ service, account: sent.values.email, sentAt: sent.sent_at });
        }
        return { ok: true };
      },
    },
    "take-sent-form": {
      from: ["content"],
      async handle(message, { sender }) {
        return { sent: await sentForms.take(sender.tab.id, sender.url) };
      },
    },
    "open-options": {
      from: ["content"],
      async handle() {
        await openOptions();
        return { ok: true };
      },
    },

    // ---- from content scripts and the extension's pages ----
    "get-profile": {
      from: ["content", "page"],
      handle: () => profiles.get(),
    },

    // ---- from the extension's own pages only ----
    "get-tab-state": {
      from: ["page"],
      async handle(message) {
        return { state: Number.isInteger(message.tabId) ? await tabState.get(message.tabId) : null };
      },
    },
    "host-status": {
      from: ["page"],
      async handle() {
        try {
          const hello = await host.call("hello");
          // The host answers again (installed since, say): a profile saved without it reaches it now.
          await profiles.deliverWaiting().catch(() => null);
          return { ok: true, hello };
        } catch (error) {
          return { ok: false, error: toPlainError(error) };
        }
      },
    },
    "host-call": {
      from: ["page"],
      async handle(message) {
        if (!PAGE_HOST_METHODS.has(message.method)) {
          return { error: { kind: "refused", message: `Method ${String(message.method)} is not available here` } };
        }
        const params = message.params && typeof message.params === "object" ? message.params : {};
        return asAnswer(() => host.call(message.method, params));
      },
    },
    "profile-set": {
      from: ["page"],
      handle: (message) => asAnswer(() => profiles.set(message.profile)),
    },
    "capture-tab": {
      from: ["page"],
      async handle(message) {
        if (!Number.isInteger(message.tabId)) return { status: "refused", error: "No tab" };
        try {
          // NoTrain's own notice and outlines are no part of the evidence: the content script hides them first.
          await hideMarks(tabs, message.tabId);
          const tab = await tabs.get(message.tabId);
          const state = await tabState.get(message.tabId);
          const text = t("manual_capture_text", [
            tab.url ?? "",
            new Date().toISOString(),
            state?.page_kind ?? "other_meta",
          ]);
          return await confirmations.recordScreenshot(tab, { service: state?.service, text });
        } catch (error) {
          return { status: "refused", error: String(errorMessage(error) || error) };
        }
      },
    },
    // The popup found a copy of Meta's form in this tab (another site): the badge warns there until it navigates.
    "lookalike-seen": {
      from: ["page"],
      async handle(message) {
        if (!Number.isInteger(message.tabId)) return { ok: false };
        await badge.showTab(message.tabId, "lookalike");
        return { ok: true };
      },
    },
    // Answers kept in a wording NoTrain did not know: the user says whether each is Meta's answer.
    "answers-to-confirm": {
      from: ["page"],
      async handle() {
        return { items: await answers.list() };
      },
    },
    "answer-confirmed": {
      from: ["page"],
      async handle(message) {
        return asAnswer(() => answers.settle(message.id, message.isMetaAnswer === true));
      },
    },
    // The accounts seen (forms sent, and the user's names and removals), for the coverage lines.
    "accounts-list": {
      from: ["page"],
      async handle() {
        return { items: await accounts.list() };
      },
    },
    // An e-mail the user imported and saved on the full page (kept by the host already): Meta's answer may cover the
    // account's Accounts Centre.
    "email-answer-saved": {
      from: ["page"],
      handle: (message) =>
        asAnswer(() =>
          confirmations.noteAnswer({
            service: message.service,
            account: accountOf(message.account),
            text: typeof message.text === "string" ? message.text : "",
            captured_at: message.captured_at,
          }),
        ),
    },
    "account-rename": {
      from: ["page"],
      handle: (message) => asAnswer(() => accounts.rename(message, message.name)),
    },
    "account-remove": {
      from: ["page"],
      handle: (message) => asAnswer(() => accounts.remove(message)),
    },
    // Platforms beyond Meta: which are enabled (full page), and the AI-training setting in a tab (popup). Turning it
    // off is the user's click in the popup, and only that.
    "platforms-list": {
      from: ["page"],
      async handle() {
        const seen = await platformSeen.all();
        const items = (await platformAccess.list()).map((item) => ({ ...item, seen: seen[item.name] ?? null }));
        return { items, recheckDays: await platformSeen.recheckDays() };
      },
    },
    "platforms-recheck-days": {
      from: ["page"],
      handle: (message) => asAnswer(() => platformSeen.setRecheckDays(message.days)),
    },
    "platforms-sync": {
      from: ["page"],
      handle: () => asAnswer(() => platformAccess.sync()),
    },
    "setting-read": {
      from: ["page"],
      async handle(message) {
        return { setting: await platformSettings.read(message.tabId) };
      },
    },
    "setting-turn-off": {
      from: ["page"],
      async handle(message) {
        try {
          return await platformSettings.turnOff(message.tabId);
        } catch (error) {
          return { status: "refused", error: String(errorMessage(error) || error) };
        }
      },
    },
    "pending-list": {
      from: ["page"],
      async handle() {
        return { items: await queue.list() };
      },
    },
    "pending-retry": {
      from: ["page"],
      async handle() {
        await queue.unreject();
        const outcome = await confirmations.deliver();
        await afterRetry(outcome.remaining);
        return {
          delivered: outcome.delivered.size,
          remaining: outcome.remaining,
          error: outcome.stopped ? toPlainError(outcome.stopped) : null,
        };
      },
    },
  };
}

// Asks the tab's content script to hide NoTrain's notice and outlines; a tab without one has none to hide.
async function hideMarks(tabs, tabId) {
  try {
    await tabs.sendMessage(tabId, { type: "hide-marks" });
  } catch {
    // no content script in that tab
  }
}
