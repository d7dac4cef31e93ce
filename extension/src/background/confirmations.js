// What happens when a content script reports a confirmation: add a screenshot of the tab, put it
// in the pending queue (written to storage before anything else can fail), then deliver the
// queue to the host in order. The answer says whether this one was saved or is still queued.
import { isMetaUrl } from "../shared/meta-domains.js";
import { SERVICE_ORDER } from "../shared/services.js";
import { formPlatformOfUrl, platformOfUrl } from "../shared/platforms.js";
import { accountOf } from "../shared/account.js";
import { mentionsAccountsCentre } from "../shared/accounts-centre.js";
import facts from "../shared/facts.json" with { type: "json" };

const SERVICES = new Set(SERVICE_ORDER);
const KINDS = new Set(["page", "inbox"]);
const VERDICTS = new Set(["honoured", "received", "unknown"]);
// The host's limit, from the facts both share.
const MAX_TEXT = facts.max_text_characters;

const text = (value, max) => (typeof value === "string" && value.trim() ? value.slice(0, max) : undefined);

// Builds confirmation.save params from the content script's report; the tab's real URL wins
// over a reported one that is not on Meta's origins. On a platform's objection form (LinkedIn's) the service is that
// platform, from the tab's real address, whatever the report says; its address must be on that platform.
export function buildSaveParams(confirmation, senderUrl) {
  if (!confirmation || typeof confirmation !== "object") throw new Error("No confirmation in the message");
  const body = text(confirmation.text, MAX_TEXT);
  if (!body) throw new Error("The confirmation has no text");
  const captured = new Date(confirmation.captured_at);
  const platform = formPlatformOfUrl(senderUrl);
  const params = {
    // Pages shared by all services ("meta") are stored under Facebook, the account they belong to.
    service: platform?.name ?? (SERVICES.has(confirmation.service) ? confirmation.service : "facebook"),
    kind: KINDS.has(confirmation.kind) ? confirmation.kind : "page",
    url: (platform ? platformOfUrl(confirmation.url) === platform : isMetaUrl(confirmation.url))
      ? confirmation.url
      : senderUrl,
    text: body,
    captured_at: Number.isNaN(captured.getTime()) ? new Date().toISOString() : captured.toISOString(),
  };
  // The host takes an e-mail address or a Meta username only: anything else is left out, never a reason to lose
  // the confirmation.
  const account = accountOf(confirmation.account) === confirmation.account ? confirmation.account : undefined;
  const language = text(confirmation.language, 35);
  if (account) params.account = account;
  if (language) params.language = language;
  if (VERDICTS.has(confirmation.verdict)) params.verdict = confirmation.verdict;
  const sent = new Date(confirmation.sent_at);
  if (params.kind === "page" && typeof confirmation.sent_at === "string" && !Number.isNaN(sent.getTime())) {
    params.sent_at = sent.toISOString();
  }
  if (confirmation.form && typeof confirmation.form === "object" && !Array.isArray(confirmation.form)) {
    params.form = Object.fromEntries(
      Object.entries(confirmation.form)
        .filter(([, value]) => typeof value === "string" || typeof value === "boolean")
        .slice(0, 30)
        .map(([key, value]) => [String(key).slice(0, 80), typeof value === "string" ? value.slice(0, 6000) : value]),
    );
  }
  return params;
}

export class Confirmations {
  /**
   * @param {object} options
   * @param {{ call: (method: string, params?: object) => Promise<any> }} options.host
   * @param {import("./pending-queue.js").PendingQueue} options.queue
   * @param {(tab: import("../shared/browser-api.js").Tab) => Promise<string | null>} options.capture
   * @param {(remaining: number) => Promise<unknown>} [options.onQueueChanged]
   * @param {(answer: { id: number, service: string, url: string, text: string, captured_at: string }) => Promise<unknown>} [options.onUnknownAnswer]
   * @param {(params: { service: string, account?: string, captured_at: string }) => Promise<unknown>} [options.onCentreAnswer]
   */
  constructor({
    host,
    queue,
    capture,
    onQueueChanged = async () => {},
    onUnknownAnswer = async () => {},
    onCentreAnswer = async () => {},
  }) {
    this.host = host;
    this.queue = queue;
    this.onUnknownAnswer = onUnknownAnswer; // (saved record) → the user is asked whether it is Meta's answer
    this.onCentreAnswer = onCentreAnswer; // (params) → Meta's answer covers the account's Accounts Centre
    this.capture = capture; // (tab) → data URL or null
    this.onQueueChanged = onQueueChanged;
    // Host answers by queue item id. Another flush (a second confirmation, a retry) may deliver
    // this item before our own flush runs, so the answer is looked up here, not only in our flush.
    this.answers = new Map();
  }

  async record(confirmation, sender) {
    const params = buildSaveParams(confirmation, sender.url);
    const screenshot = await this.capture(sender.tab).catch(() => null);
    if (screenshot) params.screenshot = screenshot;
    const outcome = await this.store(params);
    if (params.verdict !== "unknown") await this.noteAnswer(params);
    if (params.verdict === "unknown" && outcome.status === "saved") {
      await this.onUnknownAnswer({
        id: outcome.id,
        service: params.service,
        url: params.url,
        text: params.text.slice(0, 500),
        captured_at: params.captured_at,
      });
    }
    return outcome;
  }

  /**
   * Meta's answer for an account, kept (a page, or an e-mail the user imported and tied to an account): when it says
   * it covers the same Accounts Centre, the Centre's other services are marked. Returns whether they were.
   * @param {{ service: string, account?: string, text?: unknown, captured_at: string }} answer
   */
  async noteAnswer({ service, account, text, captured_at: at }) {
    if (!account || typeof text !== "string" || !mentionsAccountsCentre(text)) return false;
    await this.onCentreAnswer({ service, account, captured_at: at });
    return true;
  }

  // The user asked, from the popup, for a screenshot of a Meta tab as evidence (the popup's
  // opening granted activeTab). Stored as kind "manual" with a sentence saying what it is.
  async recordScreenshot(tab, { service, text: description }) {
    if (!tab?.url || !isMetaUrl(tab.url)) throw new Error("Only Meta's pages are captured");
    const screenshot = await this.capture(tab);
    if (!screenshot) throw new Error("This tab is not the visible one");
    return this.store({
      service: SERVICES.has(service) ? service : "facebook",
      kind: "manual",
      url: tab.url,
      text: description,
      captured_at: new Date().toISOString(),
      screenshot,
    });
  }

  async store(params) {
    const itemId = await this.queue.enqueue(params);
    const outcome = await this.deliver();
    const result = this.answers.get(itemId);
    this.answers.delete(itemId);
    if (result) {
      return { status: result.duplicate ? "duplicate" : "saved", id: result.id, sha256: result.sha256 };
    }
    const reason = outcome.stopped ?? (await this.queue.list()).find((item) => item.id === itemId)?.rejected;
    return { status: "queued", error: reason ? String(reason.message) : undefined };
  }

  // Delivers every pending confirmation it can, oldest first.
  async deliver() {
    const outcome = await this.queue.flush((params) => this.host.call("confirmation.save", params));
    for (const [id, result] of outcome.delivered) this.answers.set(id, result);
    // Answers for items nobody waits for (delivered by a retry) are not kept for long.
    while (this.answers.size > 200) this.answers.delete(this.answers.keys().next().value);
    await this.onQueueChanged(outcome.remaining);
    return outcome;
  }
}

// Screenshot of the tab that reported the confirmation. captureVisibleTab shows whatever tab is
// active in that window, so it is taken only while the reporting tab is the active one; anything
// else would store a picture of another page as evidence.
//
// Permission: Chromium's captureVisibleTab needs <all_urls> or an activeTab grant
// (PermissionsData::CanCaptureVisiblePage); host permissions for Meta's domains are not enough,
// and an activeTab grant needs a user gesture (toolbar click, popup). Firefox needs the same since
// version 126. We do not ask for <all_urls>: the user opens the popup / clicks "fill now" on the
// form, which grants activeTab for that tab, and Meta's confirmation appears in the same document.
// When no grant exists the confirmation is saved without a screenshot — its text is the evidence.
export function makeCapture(tabs) {
  return async function capture(tab) {
    if (!tab || !Number.isInteger(tab.id)) return null;
    const current = await tabs.get(tab.id);
    if (!current?.active) return null;
    return tabs.captureVisibleTab(current.windowId, { format: "jpeg", quality: 85 });
  };
}
