// The background as the browser starts it: main.js wired to a fake `chrome` (storage, a native
// host that can be missing, alarms, tabs, action), driven through its listeners.
import { test } from "node:test";
import assert from "node:assert/strict";
import { memoryStorage } from "../../../extension/src/background/tab-state.js";
import { FakePort, tick } from "./fakes.js";

const ORIGIN = "chrome-extension://hlkehipeijabomfkoomegalkblciopck/";
const FORM_URL = "https://www.facebook.com/help/contact/712876720715583";

function event() {
  const listeners = [];
  return { addListener: (fn) => listeners.push(fn), fire: (...args) => listeners.map((fn) => fn(...args)), listeners };
}

// A native host that answers like notrain-host, or is missing.
/** @type {{ installed: boolean, saved: Record<string, unknown>[] }} */
const host = { installed: false, saved: [] };
function connectNative() {
  const port = new FakePort();
  const post = port.postMessage.bind(port);
  port.postMessage = (message) => {
    post(message);
    setImmediate(() => {
      if (!host.installed) {
        chrome.runtime.lastError = { message: "Specified native messaging host not found." };
        port.close();
        chrome.runtime.lastError = undefined;
        return;
      }
      const result =
        message.method === "confirmation.save"
          ? (host.saved.push(message.params), { id: host.saved.length, sha256: "e".repeat(64), duplicate: false })
          : message.method === "profile.get"
            ? { profile: { email: "a@b.example" } }
            : { pong: true };
      port.reply({ jsonrpc: "2.0", id: message.id, result });
    });
  };
  return port;
}

const badge = { global: null, tabs: new Map() };
const alarms = new Map();
const chrome = {
  runtime: {
    id: "hlkehipeijabomfkoomegalkblciopck",
    getURL: (p) => ORIGIN + p,
    connectNative,
    lastError: /** @type {{ message: string } | undefined} */ (undefined),
    onMessage: event(),
    onStartup: event(),
    onInstalled: event(),
  },
  storage: { local: memoryStorage(), session: memoryStorage(), onChanged: event() },
  alarms: {
    create: async (name, info) => alarms.set(name, info),
    clear: async (name) => alarms.delete(name),
    onAlarm: event(),
  },
  tabs: {
    onRemoved: event(),
    onUpdated: event(),
    get: async (id) => ({ id, windowId: 1, active: true }),
    captureVisibleTab: async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    },
  },
  action: {
    setBadgeText: async ({ tabId, text }) =>
      tabId === undefined ? (badge.global = text) : badge.tabs.set(tabId, text),
    setBadgeBackgroundColor: async () => {},
    setTitle: async () => {},
  },
  i18n: { getMessage: (key) => key, getUILanguage: () => "en" },
  // LinkedIn was enabled in an earlier session: its origins are granted, its script not registered yet.
  permissions: {
    granted: new Set(["https://www.linkedin.com/*", "https://linkedin.com/*"]),
    onAdded: event(),
    onRemoved: event(),
    contains: async ({ origins }) => origins.every((origin) => chrome.permissions.granted.has(origin)),
  },
  scripting: {
    registered: new Map(),
    getRegisteredContentScripts: async () => [...chrome.scripting.registered.values()],
    registerContentScripts: async (list) =>
      list.forEach((script) => chrome.scripting.registered.set(script.id, script)),
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => chrome.scripting.registered.delete(id)),
  },
};
// The fake has only what main.js uses, not the whole `chrome` API that the global's type describes: its own type
// (inferred above) is what this file checks against.
globalThis.chrome = /** @type {any} */ (chrome);
// The host client's idle and answer timers must not keep the test process alive.
const realSetTimeout = globalThis.setTimeout;
// The global's type joins the DOM's setTimeout (a number) and Node's (a Timeout); this is Node's, as the test runs in Node.
globalThis.setTimeout = /** @type {typeof setTimeout} */ ((fn, ms, ...args) => realSetTimeout(fn, ms, ...args).unref());
await import("../../../extension/src/background/main.js");

// Sends a message the way the browser delivers it and waits for sendResponse.
function send(message, sender) {
  return new Promise((resolve) => {
    const [keepOpen] = chrome.runtime.onMessage.fire(message, sender, resolve);
    assert.equal(keepOpen, true, "the listener keeps the channel open for its async answer");
  });
}
const content = { id: chrome.runtime.id, url: FORM_URL, tab: { id: 4, windowId: 1, active: true }, frameId: 0 };
const page = { id: chrome.runtime.id, url: `${ORIGIN}popup.html` };
const until = async (condition) => {
  for (let i = 0; i < 200 && !condition(); i++) await tick();
};

test("every listener is registered when the background starts", () => {
  for (const e of [
    chrome.runtime.onMessage,
    chrome.runtime.onStartup,
    chrome.runtime.onInstalled,
    chrome.alarms.onAlarm,
    chrome.tabs.onRemoved,
    chrome.tabs.onUpdated,
  ])
    assert.equal(e.listeners.length, 1);
});

test("page-state sets the tab's badge; a new document load forgets the state", async () => {
  assert.deepEqual(
    await send(
      { type: "page-state", state: { service: "facebook", page_kind: "objection_form", status: "filled" } },
      content,
    ),
    { ok: true },
  );
  assert.equal(badge.tabs.get(4), "✎");
  assert.equal((await send({ type: "get-tab-state", tabId: 4 }, page)).state.status, "filled");
  chrome.tabs.onUpdated.fire(4, { status: "loading" });
  await until(() => false);
  assert.equal((await send({ type: "get-tab-state", tabId: 4 }, page)).state, null);
});

test("without the host a confirmation is queued (no screenshot grant), an alarm retries, and it is delivered once the host is installed", async () => {
  const answer = await send(
    {
      type: "confirmation-seen",
      confirmation: {
        service: "facebook",
        kind: "page",
        url: FORM_URL,
        text: "We will honour your objection.",
        captured_at: "2025-05-27T10:00:00Z",
      },
    },
    content,
  );
  assert.equal(answer.status, "queued");
  assert.match(answer.error, /not found/);
  assert.equal(badge.global, "1");
  assert.ok(alarms.has("notrain-pending-retry"));
  const status = await send({ type: "host-status" }, page);
  assert.equal(status.error.fix_key, "fix_host_missing");

  host.installed = true;
  chrome.alarms.onAlarm.fire({ name: "notrain-pending-retry" });
  await until(() => host.saved.length === 1 && badge.global === "");
  assert.equal(host.saved[0].text, "We will honour your objection.");
  assert.equal("screenshot" in host.saved[0], false);
  assert.equal(badge.global, "");
  assert.equal(alarms.has("notrain-pending-retry"), false);
});

test("a web page's message is refused", async () => {
  const answer = await send(
    { type: "get-profile" },
    { id: chrome.runtime.id, url: "https://example.org/", tab: { id: 9 }, frameId: 0 },
  );
  assert.equal(answer.error.kind, "refused");
});

test("the background compares the platforms' scripts with the grants when it starts, and follows a revoke", async () => {
  for (let i = 0; i < 10 && chrome.scripting.registered.size === 0; i++) await tick();
  assert.deepEqual(
    [...chrome.scripting.registered.keys()],
    ["notrain-platform-linkedin", "notrain-platform-linkedin.form"],
  );
  chrome.permissions.granted.clear(); // the user took LinkedIn back in the browser's extension settings
  chrome.permissions.onRemoved.fire({ origins: ["https://www.linkedin.com/*"] });
  for (let i = 0; i < 10 && chrome.scripting.registered.size > 0; i++) await tick();
  assert.equal(chrome.scripting.registered.size, 0);
});
