// The background's message routing, wired with the real queue, tab state, confirmations and
// profile cache, and a fake host, badge and screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRouter } from "../../../extension/src/background/router.js";
import { createRoutes } from "../../../extension/src/background/routes.js";
import { PendingQueue } from "../../../extension/src/background/pending-queue.js";
import { TabState, memoryStorage } from "../../../extension/src/background/tab-state.js";
import { ProfileCache } from "../../../extension/src/background/profile-cache.js";
import { Confirmations, buildSaveParams, makeCapture } from "../../../extension/src/background/confirmations.js";
import { HostError } from "../../../extension/src/background/host-errors.js";
import { Accounts } from "../../../extension/src/background/accounts.js";
import { SentForms } from "../../../extension/src/background/sent-forms.js";

const identity = {
  extensionId: "abcdefghijklmnopabcdefghijklmnop",
  extensionOrigin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop/",
};
const PAGE = { id: identity.extensionId, url: `${identity.extensionOrigin}options.html` };
const FORM_URL = "https://www.facebook.com/help/contact/712876720715583";
const CONTENT = {
  id: identity.extensionId,
  url: FORM_URL,
  tab: { id: 5, windowId: 1, active: true, url: FORM_URL },
  frameId: 0,
};
const WEB = { id: identity.extensionId, url: "https://example.org/", tab: { id: 6 }, frameId: 0 };

// A host whose availability a test switches.
function fakeHost() {
  const host = {
    up: true,
    /** @type {[string, any][]} */
    calls: [],
    /** @type {Record<string, any>[]} */
    saved: [],
    profile: { email: "ana@example.be", country: "BE", language: "fr" },
    async call(method, params) {
      host.calls.push([method, params]);
      if (!host.up) throw new HostError("host-missing", "Specified native messaging host not found.");
      if (method === "hello") return { name: "notrain-host", version: "0.1.0", protocol: 1 };
      if (method === "profile.get") return { profile: host.profile };
      if (method === "profile.set") {
        if (!params.profile.email?.includes("@"))
          throw new HostError("host-error", "Not an e-mail address", { code: 1001, data: { field: "email" } });
        host.profile = params.profile;
        return { profile: params.profile };
      }
      if (method === "confirmation.save") {
        const index = host.saved.findIndex((s) => s.text === params.text);
        if (index >= 0) return { id: index + 1, sha256: "d".repeat(64), duplicate: true };
        host.saved.push(params);
        return { id: host.saved.length, sha256: "d".repeat(64), duplicate: false };
      }
      if (method === "confirmation.list") return { items: [], total: 0, next_offset: null };
      throw new HostError("host-error", "unknown", { code: -32601 });
    },
  };
  return host;
}

function setup({ screenshot = "data:image/jpeg;base64,/9j/AA==" } = {}) {
  const host = fakeHost();
  const local = memoryStorage();
  const badgeCalls = [];
  const badge = {
    showTab: async (tabId, status) => badgeCalls.push(["tab", tabId, status]),
    setPending: async (count) => badgeCalls.push(["pending", count]),
  };
  const queue = new PendingQueue(local);
  const tabState = new TabState(memoryStorage());
  const confirmations = new Confirmations({
    host,
    queue,
    capture: async () => screenshot,
    onQueueChanged: (remaining) => badge.setPending(remaining),
  });
  const profiles = new ProfileCache({ host, storage: local });
  const route = createRouter(createRoutes({ host, tabState, badge, profiles, confirmations, queue }), identity);
  return { host, route, badgeCalls, queue, tabState };
}

const seen = (text = "We've reviewed your request and will honor your objection.") => ({
  type: "confirmation-seen",
  confirmation: {
    service: "facebook",
    kind: "inbox",
    url: FORM_URL,
    text,
    captured_at: "2025-05-27T10:00:00Z",
    account: "Ana",
    language: "en",
    form: { email: "ana@example.be" },
  },
});

test("page-state from a Meta tab is kept per tab and sets that tab's badge", async () => {
  const { route, badgeCalls, tabState } = setup();
  const state = {
    service: "facebook",
    page_kind: "objection_form",
    form_id: "712876720715583",
    variant: "2025",
    language: "fr",
    status: "form-ready",
    filled: [],
    notes: ["email_prefilled_by_meta"],
  };
  assert.deepEqual(await route({ type: "page-state", state }, CONTENT), { ok: true });
  assert.deepEqual(await tabState.get(5), state);
  assert.deepEqual(badgeCalls, [["tab", 5, "form-ready"]]);
  assert.deepEqual(await route({ type: "get-tab-state", tabId: 5 }, PAGE), { state });
});

test("page-state values outside the contract are cleaned up", async () => {
  const { route, tabState } = setup();
  await route(
    {
      type: "page-state",
      state: {
        service: "evil",
        page_kind: "<img>",
        status: "hacked",
        notes: ["ok_key", "<b>not a key</b>"],
        filled: [{ field: "email", label: "x".repeat(500) }],
      },
    },
    CONTENT,
  );
  const state = await tabState.get(5);
  assert.equal(state.service, "meta");
  assert.equal(state.page_kind, "other_meta");
  assert.equal(state.status, "recognised");
  assert.deepEqual(state.notes, ["ok_key"]);
  assert.equal(state.filled[0].label.length, 200);
});

test("a web page is refused everything, and a content script may not use page-only messages", async () => {
  const { route, host } = setup();
  for (const type of ["page-state", "get-profile", "confirmation-seen", "host-call", "pending-retry"]) {
    const answer = await route({ type, method: "confirmation.delete", params: { id: 1 } }, WEB);
    assert.equal(answer.error.kind, "refused", type);
  }
  for (const type of ["host-call", "get-tab-state", "profile-set", "pending-list", "pending-retry", "host-status"]) {
    const answer = await route({ type, method: "confirmation.delete", params: { id: 1 } }, CONTENT);
    assert.equal(answer.error.kind, "refused", type);
  }
  assert.deepEqual(host.calls, [], "nothing reached the host");
});

test("unknown and malformed messages get an error, not an exception", async () => {
  const { route } = setup();
  assert.equal((await route({ type: "nope" }, PAGE)).error.kind, "unknown-message");
  assert.equal((await route({ type: "toString" }, PAGE)).error.kind, "unknown-message");
  assert.equal((await route(null, PAGE)).error.kind, "unknown-message");
  assert.equal((await route("page-state", PAGE)).error.kind, "unknown-message");
});

test("confirmation-seen with the host up: saved with the screenshot, then duplicate", async () => {
  const { route, host, queue } = setup();
  const first = await route(seen(), CONTENT);
  assert.equal(first.status, "saved");
  assert.equal(first.id, 1);
  assert.equal(host.saved[0].screenshot, "data:image/jpeg;base64,/9j/AA==");
  assert.equal(host.saved[0].kind, "inbox");
  assert.deepEqual(host.saved[0].form, { email: "ana@example.be" });
  assert.equal((await route(seen(), CONTENT)).status, "duplicate");
  assert.equal(await queue.count(), 0);
});

test("confirmation-seen with the host down is queued, then delivered in order by retry", async () => {
  const { route, host, badgeCalls } = setup();
  host.up = false;
  const first = await route(seen("first confirmation"), CONTENT);
  const second = await route(seen("second confirmation"), CONTENT);
  assert.equal(first.status, "queued");
  assert.match(first.error, /not found/);
  assert.equal(second.status, "queued");
  assert.deepEqual(badgeCalls.filter(([kind]) => kind === "pending").at(-1), ["pending", 2]);
  const pending = await route({ type: "pending-list" }, PAGE);
  assert.equal(pending.items.length, 2);

  host.up = true;
  const retry = await route({ type: "pending-retry" }, PAGE);
  assert.deepEqual({ delivered: retry.delivered, remaining: retry.remaining }, { delivered: 2, remaining: 0 });
  assert.deepEqual(
    host.saved.map((s) => s.text),
    ["first confirmation", "second confirmation"],
  );
  assert.deepEqual(badgeCalls.at(-1), ["pending", 0]);
});

test("a new confirmation is delivered after the older waiting ones", async () => {
  const { route, host } = setup();
  host.up = false;
  await route(seen("older"), CONTENT);
  host.up = true;
  const answer = await route(seen("newer"), CONTENT);
  assert.equal(answer.status, "saved");
  assert.deepEqual(
    host.saved.map((s) => s.text),
    ["older", "newer"],
  );
});

test("a confirmation without text is refused with a reason and nothing is queued", async () => {
  const { route, queue } = setup();
  const answer = await route({ type: "confirmation-seen", confirmation: { service: "facebook", text: "  " } }, CONTENT);
  assert.equal(answer.status, "refused");
  assert.equal(await queue.count(), 0);
});

test("get-profile: from the host, then from the cache when the host is gone, else none", async () => {
  const { route, host } = setup();
  assert.deepEqual(await route({ type: "get-profile" }, PAGE), { profile: host.profile, source: "host" });
  host.up = false;
  assert.deepEqual(await route({ type: "get-profile" }, CONTENT), {
    profile: { email: "ana@example.be", country: "BE", language: "fr" },
    source: "cache",
  });
  const fresh = setup();
  fresh.host.up = false;
  assert.deepEqual(await fresh.route({ type: "get-profile" }, CONTENT), { profile: {}, source: "none" });
});

test("profile-set passes the host's field error through and keeps the cache unchanged", async () => {
  const { route, host } = setup();
  await route({ type: "get-profile" }, PAGE);
  const refused = await route({ type: "profile-set", profile: { email: "nope" } }, PAGE);
  assert.equal(refused.error.code, 1001);
  assert.deepEqual(refused.error.data, { field: "email" });
  assert.equal(refused.error.fix_key, "fix_host_error");
  host.up = false;
  assert.equal((await route({ type: "get-profile" }, PAGE)).profile.email, "ana@example.be");
});

test("host-call allows only the listed methods", async () => {
  const { route, host } = setup();
  assert.deepEqual(await route({ type: "host-call", method: "confirmation.list", params: { limit: 5 } }, PAGE), {
    result: { items: [], total: 0, next_offset: null },
  });
  assert.equal((await route({ type: "host-call", method: "profile.set", params: {} }, PAGE)).error.kind, "refused");
  assert.equal((await route({ type: "host-call", method: "__proto__" }, PAGE)).error.kind, "refused");
  host.up = false;
  const down = await route({ type: "host-status" }, PAGE);
  assert.equal(down.ok, false);
  assert.equal(down.error.fix_key, "fix_host_missing");
});

test("buildSaveParams keeps the contract's fields, bounds them, and prefers the tab's real URL", () => {
  const params = buildSaveParams(
    {
      service: "meta",
      kind: "weird",
      url: "https://evil.example/",
      text: "x".repeat(300_000),
      captured_at: "not a date",
      form: { email: "a@b.example", nested: { no: 1 }, agree: true },
      extra: "dropped",
    },
    FORM_URL,
  );
  assert.equal(params.service, "facebook");
  assert.equal(params.kind, "page");
  assert.equal(params.url, FORM_URL);
  assert.equal(params.text.length, 200_000);
  assert.ok(!Number.isNaN(Date.parse(params.captured_at)));
  assert.deepEqual(params.form, { email: "a@b.example", agree: true });
  assert.equal("extra" in params, false);
});

test("buildSaveParams keeps an account only when it is an e-mail address or a username, as the host requires", () => {
  const base = { service: "facebook", kind: "page", url: FORM_URL, text: "x", captured_at: "2025-05-27T10:00:00Z" };
  assert.equal(buildSaveParams({ ...base, account: "jan@example.be" }, FORM_URL).account, "jan@example.be");
  assert.equal(buildSaveParams({ ...base, account: "jan.peeters_1" }, FORM_URL).account, "jan.peeters_1");
  for (const account of ["Jan Peeters", "a\u001b]0;x\u0007@b.be", "x".repeat(400), 5]) {
    assert.equal("account" in buildSaveParams({ ...base, account }, FORM_URL), false, String(account));
  }
});

test("on LinkedIn's objection form our content script reports like on Meta's, and its answer is kept under linkedin", async () => {
  const { route, host, tabState } = setup();
  const url = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
  const onForm = { id: identity.extensionId, url, tab: { id: 8, windowId: 1, active: true, url }, frameId: 0 };
  const state = {
    service: "linkedin",
    page_kind: "objection_form",
    form_id: null,
    variant: "linkedin",
    language: "fr",
    status: "filled",
    filled: [{ field: "reason", label: "Décrivez" }],
    notes: [],
  };
  assert.deepEqual(await route({ type: "page-state", state }, onForm), { ok: true });
  assert.deepEqual(await tabState.get(8), state);
  const confirmation = {
    service: "facebook",
    kind: "page",
    url: "https://www.facebook.com/",
    text: "Nous avons bien reçu votre demande.",
    captured_at: "2026-12-04T10:00:00Z",
    sent_at: "2026-12-04T09:59:00Z",
    verdict: "received",
    account: "ana@example.be",
    language: "fr",
  };
  assert.equal((await route({ type: "confirmation-seen", confirmation }, onForm)).status, "saved");
  const [saved] = host.saved;
  assert.deepEqual(
    [saved.service, saved.url, saved.kind, saved.verdict],
    ["linkedin", url, "page", "received"],
    "the service and the address are the tab's, not what the report claims",
  );
  // LinkedIn's other pages, where only the setting script runs, may send nothing; nor may a copy of the form elsewhere.
  for (const other of [
    "https://www.linkedin.com/feed/",
    "https://linkedin-help.example/help/linkedin/ask/TS-DPRO",
    `http://www.linkedin.com/help/linkedin/ask/TS-DPRO`,
  ]) {
    const sender = { ...onForm, url: other, tab: { ...onForm.tab, url: other } };
    assert.equal((await route({ type: "confirmation-seen", confirmation }, sender)).error.kind, "refused", other);
  }
  assert.equal(host.saved.length, 1);
  // A Meta tab cannot file its answer under LinkedIn.
  await route(
    { type: "confirmation-seen", confirmation: { ...confirmation, service: "linkedin", text: "Other." } },
    CONTENT,
  );
  assert.equal(host.saved[1].service, "facebook");
});

test("the screenshot is taken only while the reporting tab is the active one", async () => {
  const captured = [];
  const tabs = {
    active: true,
    async get(id) {
      return { id, windowId: 9, active: tabs.active };
    },
    async captureVisibleTab(windowId, options) {
      captured.push([windowId, options.format]);
      return "data:image/jpeg;base64,AA==";
    },
  };
  const capture = makeCapture(tabs);
  assert.equal(await capture({ id: 5 }), "data:image/jpeg;base64,AA==");
  tabs.active = false;
  assert.equal(await capture({ id: 5 }), null);
  assert.deepEqual(captured, [[9, "jpeg"]]);
});

test("a failed screenshot (no activeTab grant) still saves the confirmation", async () => {
  const host = fakeHost();
  const queue = new PendingQueue(memoryStorage());
  const confirmations = new Confirmations({
    host,
    queue,
    capture: async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    },
  });
  const answer = await confirmations.record(seen().confirmation, CONTENT);
  assert.equal(answer.status, "saved");
  assert.equal("screenshot" in host.saved[0], false);
});

test("the badge shows each status with its own text, colour and translated title, and survives a closed tab", async () => {
  const { Badge, BADGES } = await import("../../../extension/src/background/badge.js");
  const { setApi } = await import("../../../extension/src/shared/browser-api.js");
  setApi({
    i18n: { getMessage: (key, subs) => (key.startsWith("badge_pending_") ? `${subs[0]} waiting` : key.toUpperCase()) },
  });
  const calls = [];
  const action = {
    setBadgeText: async (d) => calls.push(["text", d]),
    setBadgeBackgroundColor: async (d) => calls.push(["color", d]),
    setTitle: (d) => {
      if (d.tabId === 99) throw new Error("No tab with id: 99");
      calls.push(["title", d]);
    },
  };
  const badge = new Badge(action);
  const texts = new Set(Object.values(BADGES).map((b) => b.text));
  assert.equal(texts.size, 4, "four distinguishable badges");
  await badge.setPending(2);
  await badge.showTab(5, "filled");
  assert.deepEqual(
    calls.slice(0, 3).map(([kind, d]) => [kind, d.text ?? d.color ?? d.title]),
    [
      ["text", "2"],
      ["color", "#a51d2d"],
      ["title", "EXT_NAME: 2 waiting"],
    ],
  );
  assert.deepEqual(
    calls.slice(3).map(([, d]) => d.tabId),
    [5, 5, 5],
  );
  assert.equal(calls[3][1].text, BADGES.filled.text);
  assert.equal(calls[5][1].title, "EXT_NAME: BADGE_FILLED — 2 waiting");
  await badge.showTab(99, "confirmed"); // must not throw
});

test("two confirmations reported at once are both answered 'saved', whichever flush delivered them", async () => {
  const { route, host } = setup();
  const [first, second] = await Promise.all([route(seen("one"), CONTENT), route(seen("two"), CONTENT)]);
  assert.deepEqual([first.status, second.status], ["saved", "saved"]);
  assert.deepEqual([first.id, second.id], [1, 2]);
  assert.deepEqual(
    host.saved.map((s) => s.text),
    ["one", "two"],
  );
});

test("capture-tab (from the popup) stores a screenshot of a visible Meta tab as a manual record, nothing else", async () => {
  const host = fakeHost();
  const queue = new PendingQueue(memoryStorage());
  const tabState = new TabState(memoryStorage());
  const openTabs = {
    5: { id: 5, windowId: 1, active: true, url: "https://www.facebook.com/help/contact/712876720715583" },
    6: { id: 6, windowId: 1, active: true, url: "https://example.org/" },
    7: { id: 7, windowId: 1, active: false, url: "https://www.instagram.com/" },
  };
  const tabs = {
    get: async (id) => openTabs[id],
    captureVisibleTab: async () => "data:image/jpeg;base64,/9j/AA==",
  };
  const confirmations = new Confirmations({ host, queue, capture: makeCapture(tabs) });
  const badge = { showTab: async () => {}, setPending: async () => {} };
  const route = createRouter(
    createRoutes({
      host,
      tabState,
      badge,
      confirmations,
      queue,
      tabs,
      profiles: new ProfileCache({ host, storage: memoryStorage() }),
    }),
    identity,
  );
  await tabState.set(5, { service: "facebook", page_kind: "confirmation", status: "confirmed" });

  const saved = await route({ type: "capture-tab", tabId: 5 }, PAGE);
  assert.equal(saved.status, "saved");
  assert.deepEqual(
    [host.saved[0].kind, host.saved[0].service, host.saved[0].url, host.saved[0].screenshot],
    ["manual", "facebook", openTabs[5].url, "data:image/jpeg;base64,/9j/AA=="],
  );
  assert.ok(host.saved[0].text.length > 0);
  assert.equal((await route({ type: "capture-tab", tabId: 6 }, PAGE)).status, "refused", "not a Meta page");
  assert.equal((await route({ type: "capture-tab", tabId: 7 }, PAGE)).status, "refused", "not the visible tab");
  assert.equal((await route({ type: "capture-tab", tabId: 5 }, CONTENT)).error.kind, "refused", "pages only");
  assert.equal(host.saved.length, 1);
});

test("a send of the objection form notes its account; the pages list, rename and remove accounts; others may not", async () => {
  const host = fakeHost();
  const accounts = new Accounts(memoryStorage());
  const badgeCalls = [];
  const badge = { showTab: async (tabId, status) => badgeCalls.push([tabId, status]), setPending: async () => {} };
  const route = createRouter(
    createRoutes({
      host,
      tabState: new TabState(memoryStorage()),
      badge,
      queue: null,
      confirmations: null,
      profiles: null,
      sentForms: new SentForms(memoryStorage()),
      accounts,
    }),
    identity,
  );
  const sent = (pageKind, email) => ({
    type: "form-sent",
    sent: {
      sent_at: Date.parse("2026-02-01T10:00:00Z"),
      url: FORM_URL,
      values: { email, reason: "Non." },
      detection: { service: "facebook", page_kind: pageKind },
    },
  });

  assert.deepEqual(await route(sent("objection_form", "ana@example.be"), CONTENT), { ok: true });
  await route(sent("third_party_form", "other@example.be"), CONTENT);
  await route(sent("code_step", undefined), CONTENT);
  assert.deepEqual(
    (await route({ type: "accounts-list" }, PAGE)).items,
    [{ service: "facebook", account: "ana@example.be", sent_at: "2026-02-01T10:00:00.000Z" }],
    "objections only",
  );
  assert.equal(
    (await route({ type: "accounts-list" }, CONTENT)).error.kind,
    "refused",
    "the page's neighbour may not read them",
  );

  await route({ type: "account-rename", service: "facebook", account: "ana@example.be", name: "Private" }, PAGE);
  assert.equal((await route({ type: "accounts-list" }, PAGE)).items[0].name, "Private");
  assert.equal(
    (await route({ type: "account-remove", service: "facebook", account: "ana@example.be" }, CONTENT)).error.kind,
    "refused",
  );
  await route({ type: "account-remove", service: "facebook", account: "ana@example.be" }, PAGE);
  assert.equal((await route({ type: "accounts-list" }, PAGE)).items[0].removed, true);

  assert.deepEqual(await route({ type: "lookalike-seen", tabId: 6 }, PAGE), { ok: true });
  assert.equal((await route({ type: "lookalike-seen", tabId: 6 }, WEB)).error.kind, "refused");
  assert.deepEqual(badgeCalls, [[6, "lookalike"]]);
});

test("an answer naming the Accounts Centre is noted for its account; one that does not, or an unknown wording, is not", async () => {
  const noted = [];
  const confirmations = new Confirmations({
    host: fakeHost(),
    queue: new PendingQueue(memoryStorage()),
    capture: async () => null,
    onCentreAnswer: async (params) => noted.push([params.service, params.account]),
  });
  await confirmations.record(
    seen("We will also honour your objection for any other accounts in the same Accounts Centre.").confirmation,
    CONTENT,
  );
  await confirmations.record(seen("We will honour your objection.").confirmation, CONTENT);
  const unknown = seen("Something about the Accounts Centre").confirmation;
  await confirmations.record(
    { ...unknown, kind: "page", verdict: "unknown", sent_at: "2025-05-27T09:59:00Z" },
    CONTENT,
  );
  assert.equal(noted.length, 1);
  assert.equal(noted[0][0], "facebook");
});

test("an imported e-mail tied to an account marks the Accounts Centre when Meta's answer names it, in the user's language", async () => {
  const accounts = new Accounts(memoryStorage());
  const confirmations = new Confirmations({
    host: fakeHost(),
    queue: new PendingQueue(memoryStorage()),
    capture: async () => null,
    onCentreAnswer: ({ service, account, captured_at: at }) => accounts.noteAccountsCentre({ service, account, at }),
  });
  const route = createRouter(
    createRoutes({
      host: fakeHost(),
      tabState: new TabState(memoryStorage()),
      badge: null,
      queue: null,
      confirmations,
      profiles: null,
      sentForms: null,
      accounts,
    }),
    identity,
  );
  const saved = (account, text) => ({
    type: "email-answer-saved",
    service: "facebook",
    account,
    text,
    captured_at: "2025-05-30T15:45:10Z",
  });

  assert.deepEqual(
    await route(saved("", "… au même Espace Comptes que ce compte."), PAGE),
    { result: false },
    "no account, no mark",
  );
  assert.deepEqual(await route(saved("camille@example.fr", "Nous accéderons à votre demande."), PAGE), {
    result: false,
  });
  assert.equal(
    (await route(saved("camille@example.fr", "… au même Espace Comptes …"), CONTENT)).error.kind,
    "refused",
    "only NoTrain's own pages say what was imported",
  );
  assert.deepEqual(await accounts.list(), []);

  assert.deepEqual(
    await route(saved(" camille@example.fr ", "… ajoutés au même Espace Comptes que ce compte."), PAGE),
    { result: true },
  );
  assert.deepEqual(await accounts.list(), [
    { service: "facebook", account: "camille@example.fr", centre_at: "2025-05-30T15:45:10.000Z" },
  ]);
});
