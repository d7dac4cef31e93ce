// Messages from web pages cannot reach the host. The real router and route table, wired to real
// queue, tab state, profile cache and confirmations; only the host is a recorder. Every message type
// the background knows is tried from every kind of hostile sender: none may cause a host call or
// store anything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRouter } from "../../../extension/src/background/router.js";
import { createRoutes } from "../../../extension/src/background/routes.js";
import { PendingQueue } from "../../../extension/src/background/pending-queue.js";
import { TabState, memoryStorage } from "../../../extension/src/background/tab-state.js";
import { ProfileCache } from "../../../extension/src/background/profile-cache.js";
import { Confirmations } from "../../../extension/src/background/confirmations.js";
import { SentForms } from "../../../extension/src/background/sent-forms.js";
import { AnswersToConfirm } from "../../../extension/src/background/answers-to-confirm.js";
import { Accounts } from "../../../extension/src/background/accounts.js";
import { PlatformAccess } from "../../../extension/src/background/platform-access.js";
import { PlatformSettings } from "../../../extension/src/background/platform-settings.js";

const identity = {
  extensionId: "hlkehipeijabomfkoomegalkblciopck",
  extensionOrigin: "chrome-extension://hlkehipeijabomfkoomegalkblciopck/",
};
const FORM_URL = "https://www.facebook.com/help/contact/712876720715583";
const tab = (url, extra = {}) => ({
  id: identity.extensionId,
  url,
  tab: { id: 9, windowId: 1, url },
  frameId: 0,
  ...extra,
});

const HOSTILE_SENDERS = {
  "a web page": tab("https://example.org/objection"),
  // A platform's page, even with the platform enabled: its content script answers requests, it never asks (least of
  // all to turn a setting off, which only the user's click in the popup does).
  "a platform's setting page": tab("https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"),
  "a copy of LinkedIn's objection form elsewhere": tab("https://linkedin-help.example.org/help/linkedin/ask/TS-DPRO"),
  "a look-alike domain": tab("https://facebook.com.example.org/help/contact/712876720715583"),
  "a punycode look-alike": tab("https://xn--facebok-y0a.com/"),
  "Meta over http": tab("http://www.facebook.com/help/contact/712876720715583"),
  "a frame inside a Meta page": tab(FORM_URL, { frameId: 4 }),
  "a Meta URL with credentials": tab("https://attacker@www.facebook.com/"),
  "a data: URL": tab("data:text/html,<script>1</script>"),
  "a file: URL": tab("file:///home/user/page.html"),
  "another extension": tab(FORM_URL, { id: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }),
  "another extension's page": {
    id: identity.extensionId,
    url: "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/options.html",
  },
  "a Firefox add-on page that is not ours": { id: identity.extensionId, url: "moz-extension://0000-1111/options.html" },
  "a Meta URL without a tab": { id: identity.extensionId, url: FORM_URL },
  "no sender id": { url: `${identity.extensionOrigin}options.html` },
  "no sender at all": undefined,
};

function recordingHost() {
  const calls = [];
  return {
    calls,
    async call(method) {
      calls.push(method);
      return method === "profile.get" ? { profile: {} } : { ok: true, id: 1, sha256: "0".repeat(64), duplicate: false };
    },
  };
}

function background() {
  const host = recordingHost();
  const local = memoryStorage();
  const queue = new PendingQueue(local);
  const tabState = new TabState(memoryStorage());
  const badge = { showTab: async () => {}, setPending: async () => {} };
  const confirmations = new Confirmations({ host, queue, capture: async () => null, onQueueChanged: async () => {} });
  const profiles = new ProfileCache({ host, storage: local });
  const tabs = {
    get: async (tabId) => ({ id: tabId, windowId: 1, active: true, url: FORM_URL }),
    sendMessage: async () => ({}),
  };
  const sentForms = new SentForms(memoryStorage());
  const answers = new AnswersToConfirm({ storage: local, host });
  const accounts = new Accounts(local);
  const scripting = {
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => {},
    unregisterContentScripts: async () => {},
    executeScript: async () => [],
  };
  const platformAccess = new PlatformAccess({ permissions: { contains: async () => true }, scripting });
  const platformSettings = new PlatformSettings({
    tabs,
    scripting,
    confirmations,
    enabled: async () => true,
    capture: async () => null,
  });
  const routes = createRoutes({
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
  });
  return { host, queue, tabState, accounts, routes, route: createRouter(routes, identity) };
}

// A plausible message of each type, as a page would forge it.
const confirmation = {
  service: "facebook",
  kind: "inbox",
  url: FORM_URL,
  text: "Forged confirmation",
  captured_at: "2025-05-27T10:00:00Z",
};
const MESSAGES = {
  "page-state": {
    state: { service: "facebook", page_kind: "objection_form", status: "form-ready", filled: [], notes: [] },
  },
  "confirmation-seen": { confirmation },
  "get-profile": {},
  "get-tab-state": { tabId: 9 },
  "host-status": {},
  "host-call": { method: "confirmation.delete", params: { id: 1 } },
  "profile-set": { profile: { email: "attacker@example.org" } },
  "capture-tab": { tabId: 9 },
  "pending-list": {},
  "pending-retry": {},
  "form-sent": { sent: { sent_at: 1, url: FORM_URL, values: {}, detection: {} } },
  "take-sent-form": {},
  "open-options": {},
  "answers-to-confirm": {},
  "answer-confirmed": { id: 1, isMetaAnswer: false },
  "accounts-list": {},
  "email-answer-saved": {
    service: "facebook",
    account: "victim@example.org",
    text: "the same Accounts Centre",
    captured_at: "2025-05-30T15:45:10Z",
  },
  "account-rename": { service: "facebook", account: "victim@example.org", name: "x" },
  "account-remove": { service: "facebook", account: "victim@example.org" },
  "lookalike-seen": { tabId: 9 },
  "platforms-list": {},
  "platforms-sync": {},
  "platforms-recheck-days": { days: 30 },
  "setting-read": { tabId: 9 },
  "setting-turn-off": { tabId: 9 },
};

test("the message list covers every route the background has", () => {
  assert.deepEqual(Object.keys(background().routes).sort(), Object.keys(MESSAGES).sort());
});

for (const [who, sender] of Object.entries(HOSTILE_SENDERS)) {
  test(`${who}: every message is refused and nothing reaches the host`, async () => {
    const { host, queue, tabState, accounts, route } = background();
    for (const [type, body] of Object.entries(MESSAGES)) {
      const answer = await route({ type, ...body }, sender);
      assert.equal(answer?.error?.kind, "refused", `${type} from ${who}: ${JSON.stringify(answer)}`);
    }
    assert.deepEqual(host.calls, []);
    assert.deepEqual(await accounts.list(), []);
    assert.equal(await queue.count(), 0);
    assert.equal(await tabState.get(9), null);
  });
}

for (const url of [FORM_URL, "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"]) {
  test(`our content script on an objection form (${new URL(url).hostname}) reaches only what it needs: its profile and its confirmation`, async () => {
    const { host, routes, route } = background();
    const content = tab(url);
    for (const [type, body] of Object.entries(MESSAGES)) {
      const answer = await route({ type, ...body }, content);
      if (!routes[type].from.includes("content")) assert.equal(answer?.error?.kind, "refused", type);
    }
    assert.deepEqual([...new Set(host.calls)].sort(), ["confirmation.save", "profile.get"]);
  });
}

test("the extension's own pages may call only the listed host methods", async () => {
  const { host, route } = background();
  const page = { id: identity.extensionId, url: `${identity.extensionOrigin}options.html` };
  for (const method of ["profile.set", "shutdown", "__proto__", "constructor", "toString"]) {
    const answer = await route({ type: "host-call", method, params: {} }, page);
    assert.equal(answer?.error?.kind, "refused", method);
  }
  assert.deepEqual(host.calls, []);
});
