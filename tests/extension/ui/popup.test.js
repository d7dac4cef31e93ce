// The popup, status first: each service and account covered or not, this page and its one next step, the forms
// folded away, the host's state — in the browser's language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settle, fakeI18n } from "./ui-harness.js";
import { describePage, primaryStep } from "../../../extension/src/popup/page-summary.js";
import { serviceLinks } from "../../../extension/src/shared/services.js";
import { coverage } from "../../../extension/src/shared/coverage.js";

const FORM_STATE = {
  service: "facebook",
  page_kind: "objection_form",
  form_id: "712876720715583",
  variant: "2025",
  language: "fr",
  status: "form-ready",
  filled: [],
  notes: ["email_prefilled_by_meta"],
};
const FILLED = [
  { field: "email", label: "E-mail" },
  { field: "reason", label: "Raison" },
];
const DAY = 24 * 60 * 60 * 1000;
const hostUp = {
  "host-status": () => ({ ok: true, hello: { version: "0.1.0" } }),
  "pending-list": () => ({ items: [] }),
};
const noConfirmations = { "host-call": () => ({ result: { items: [], total: 0, next_offset: null } }) };
let run = 0;

// Each test imports a fresh copy of the entry module, which runs start() against the current page.
async function startPopup(page) {
  await import(`../../../extension/src/popup/popup.js?run=${++run}`);
  await settle(page.window, () => page.document.body.dataset.ready === "true");
  return page.document;
}

const lineTexts = (doc) =>
  [...doc.querySelectorAll("#coverage-list [data-state]")].map((row) => [
    row.dataset.service,
    row.dataset.account ?? "",
    row.dataset.state,
  ]);

test("on Meta's form: says what the page is in French, fills on request, then offers Undo instead", async () => {
  const tabMessages = [];
  const page = openPage("popup", {
    lang: "fr",
    search: "?tab=42",
    background: { ...hostUp, ...noConfirmations },
    tabs: {
      async sendMessage(tabId, message) {
        tabMessages.push([tabId, message.type]);
        if (message.type === "get-page-state") return { state: FORM_STATE };
        return { ok: true, state: { ...FORM_STATE, status: "filled", filled: FILLED } };
      },
    },
  });
  const doc = await startPopup(page);
  const i18n = fakeI18n("fr");
  assert.equal(doc.documentElement.lang, "fr");
  assert.equal(doc.getElementById("page-summary").textContent, i18n.getMessage("kind_objection_form", ["Facebook"]));
  assert.equal(doc.getElementById("page-next").textContent, i18n.getMessage("next_objection_form"));
  assert.deepEqual(
    [...doc.querySelectorAll("#page-notes li")].map((li) => li.dataset.note),
    ["email_prefilled_by_meta"],
  );
  assert.equal(doc.querySelector("[data-testid=fill-now]").hidden, false);
  assert.equal(doc.querySelector("[data-testid=object-on]").hidden, true, "one primary button only");
  assert.equal(doc.getElementById("undo-fill").hidden, true);
  assert.match(doc.getElementById("host-status").textContent, /0\.1\.0/);
  assert.equal(doc.getElementById("pending-status").dataset.count, "0");

  doc.getElementById("fill-now").click();
  await settle(
    page.window,
    () => doc.getElementById("fill-status").textContent === i18n.getMessage("popup_fill_done_other", ["2"]),
  );
  assert.deepEqual(tabMessages, [
    [42, "get-page-state"],
    [42, "fill-now"],
  ]);
  assert.equal(doc.getElementById("page-next").textContent, i18n.getMessage("next_form_filled"));
  assert.equal(doc.getElementById("fill-now").hidden, true, "filling again would change nothing");
  assert.equal(doc.getElementById("undo-fill").hidden, false);
});

test("a form NoTrain filled on load: the auto-fill state and Undo, and the instruction said once", async () => {
  const page = openPage("popup", {
    search: "?tab=3",
    background: { ...hostUp, ...noConfirmations },
    // The content script's notes as it sends them after filling (autofill.js): its own "check, then send" among them.
    tabs: {
      sendMessage: async () => ({
        state: {
          ...FORM_STATE,
          language: "en",
          status: "filled",
          filled: FILLED,
          notes: ["email_prefilled_by_meta", "review_and_send"],
        },
      }),
    },
  });
  const doc = await startPopup(page);
  const en = fakeI18n("en");
  assert.equal(doc.getElementById("fill-status").textContent, en.getMessage("popup_autofilled_other", ["2"]));
  assert.equal(doc.getElementById("fill-now").hidden, true);
  assert.equal(doc.getElementById("object-on").hidden, true);
  assert.equal(doc.getElementById("undo-fill").hidden, false);
  const sendButton = doc.body.textContent.split("press Meta's send button").length - 1;
  assert.equal(sendButton, 1, "the instruction appears once");
  assert.equal(doc.body.textContent.split(/Check the filled fields/).length - 1, 1, "not again as a note");
  assert.deepEqual(
    [...doc.querySelectorAll("#page-notes li")].map((li) => li.dataset.note),
    ["email_prefilled_by_meta"],
  );
});

test("status first: two accounts on Facebook (one confirmed, one waiting), the rest not yet, one primary step", async () => {
  const sent = new Date(Date.now() - 3 * DAY).toISOString();
  const page = openPage("popup", {
    background: {
      ...hostUp,
      "get-tab-state": () => ({ state: null }),
      "accounts-list": () => ({
        items: [
          { service: "facebook", account: "ana@example.be", sent_at: sent },
          { service: "facebook", account: "work@example.be", name: "Work", sent_at: "2025-05-20T08:00:00Z" },
        ],
      }),
      "host-call": () => ({
        result: {
          items: [
            {
              id: 7,
              service: "facebook",
              kind: "page",
              account: "WORK@example.be",
              captured_at: "2025-05-20T08:01:00Z",
            },
            { id: 8, service: "facebook", kind: "inbox", account: null, captured_at: "2025-05-21T09:00:00Z" },
          ],
          total: 2,
          next_offset: null,
        },
      }),
    },
  });
  const doc = await startPopup(page);
  const en = fakeI18n("en");
  assert.deepEqual(
    lineTexts(doc),
    [
      ["facebook", "ana@example.be", "waiting"],
      ["facebook", "work@example.be", "confirmed"],
      ["instagram", "", "none"],
      ["whatsapp", "", "none"],
    ],
    "an inbox reply without an account is not a line of its own when the service's accounts are known",
  );
  const [waiting, confirmed] = doc.querySelectorAll("#coverage-list li[data-account]");
  assert.match(waiting.querySelector(".state").textContent, /^Sent .*, waiting for Meta's answer$/);
  assert.equal(confirmed.querySelector(".account").textContent, "Work", "the user's name for the account");
  assert.equal(confirmed.querySelector("a.state").getAttribute("href"), "options.html#confirmation-7");
  assert.equal(doc.querySelector("#coverage-list .not-yet").textContent, "Not yet: Instagram, WhatsApp");
  const facebook = doc.querySelector("#coverage-list li.service[data-service=facebook]");
  assert.equal(facebook.querySelector("strong").textContent, "Facebook");
  assert.equal(facebook.querySelector(".also").textContent, "with Messenger and Meta AI");
  const primary = doc.querySelectorAll("main .primary:not([hidden])");
  assert.equal(primary.length, 1, "one primary button");
  assert.equal(primary[0].textContent, en.getMessage("popup_form_link", ["Instagram"]));
  assert.equal(primary[0].getAttribute("href"), serviceLinks().find((s) => s.id === "instagram")?.objectionForm);
  assert.equal(doc.getElementById("forms-section").tagName, "DETAILS", "the form links are folded away");
  assert.equal(doc.getElementById("forms-section").open, false);
});

test("a form sent 40 days ago without a confirmation: overdue, in German with its plural form", async () => {
  const page = openPage("popup", {
    lang: "de",
    background: {
      ...hostUp,
      ...noConfirmations,
      "get-tab-state": () => ({ state: null }),
      "accounts-list": () => ({
        items: [{ service: "instagram", account: "ana_b", sent_at: new Date(Date.now() - 40.5 * DAY).toISOString() }],
      }),
    },
  });
  const doc = await startPopup(page);
  const line = doc.querySelector("#coverage-list li[data-service=instagram][data-account]");
  assert.equal(line.dataset.state, "waiting");
  assert.match(line.querySelector(".state").textContent, /^Gesendet am .*, nach 40 Tagen keine Antwort$/);
  assert.ok(line.querySelector(".state").classList.contains("bad"));
  assert.equal(doc.getElementById("object-on").dataset.service, "facebook", "Instagram is done: Facebook is next");
});

test("another site's copy of Meta's form: a red warning, and the badge is asked to warn too", async () => {
  const calls = [];
  const page = openPage("popup", {
    search: "?tab=9",
    background: {
      ...hostUp,
      ...noConfirmations,
      "get-tab-state": () => ({ state: null }),
      "lookalike-seen": () => ({ ok: true }),
    },
    scripting: {
      async executeScript(options) {
        calls.push(options);
        return options.files ? [{ result: undefined }] : [{ result: "meta" }];
      },
    },
  });
  const doc = await startPopup(page);
  assert.equal(doc.getElementById("lookalike").hidden, false);
  assert.equal(doc.getElementById("lookalike").getAttribute("role"), "alert");
  assert.equal(
    doc.getElementById("lookalike").textContent,
    "This page imitates Meta's objection form — do not enter your details here.",
  );
  assert.deepEqual(
    calls.map((c) => [c.target.tabId, c.files ?? "func"]),
    [
      [9, ["lookalike.js"]],
      [9, "func"],
    ],
  );
  assert.deepEqual(
    page.sent.filter((m) => m.type === "lookalike-seen"),
    [{ type: "lookalike-seen", tabId: 9 }],
  );
  assert.equal(doc.getElementById("page-summary").hidden, true, "the warning says what the page is, once");
});

test("an answer in unknown words: the popup asks about it, without the note or the 'done' that would repeat or pre-empt it", async () => {
  const page = openPage("popup", {
    search: "?tab=4",
    background: {
      ...hostUp,
      ...noConfirmations,
      "answers-to-confirm": () => ({
        items: [{ id: 3, service: "facebook", captured_at: "2026-03-01T10:00:00Z", text: "We got it." }],
      }),
    },
    tabs: {
      sendMessage: async () => ({
        state: { ...FORM_STATE, page_kind: "confirmation", status: "confirmed", notes: ["answer_unknown_wording"] },
      }),
    },
  });
  const doc = await startPopup(page);
  assert.equal(doc.getElementById("answers-section").hidden, false);
  assert.equal(doc.querySelector("#answers-list q").textContent, "We got it.");
  assert.equal(doc.querySelectorAll("#page-notes li").length, 0);
  assert.equal(doc.getElementById("page-next").textContent, "");
  assert.equal(
    doc.querySelectorAll("main .primary:not([hidden])").length,
    1,
    "the question's Yes is the one primary button",
  );
});

test("an answer in unknown words on LinkedIn's form: the question does not name Meta; on Facebook's it does", async () => {
  /** @type {[string, string, RegExp][]} service, expected heading, expected start of the intro */
  const cases = [
    ["linkedin", "Is this the answer to your objection?", /^The site showed this/],
    ["facebook", "Is this Meta's answer?", /^Meta showed this/],
  ];
  for (const [service, heading, intro] of cases) {
    const page = openPage("popup", {
      search: "?tab=4",
      background: {
        ...hostUp,
        ...noConfirmations,
        "answers-to-confirm": () => ({
          items: [{ id: 3, service, captured_at: "2026-03-01T10:00:00Z", text: "We got it." }],
        }),
      },
    });
    const doc = await startPopup(page);
    assert.equal(doc.getElementById("answers-heading").textContent, heading);
    assert.match(doc.getElementById("answers-intro").textContent, intro);
  }
});

test("a copy of LinkedIn's form: the warning names LinkedIn, in the user's language", async () => {
  for (const [lang, warning] of [
    ["en", "This page imitates LinkedIn's objection form — do not enter your details here."],
    ["fr", "Cette page imite le formulaire d'opposition de LinkedIn — n'y saisissez pas vos données."],
    ["de", "Diese Seite ahmt das Widerspruchsformular von LinkedIn nach — gib hier keine Daten ein."],
  ]) {
    const page = openPage("popup", {
      lang,
      background: { ...hostUp, ...noConfirmations, "get-tab-state": () => ({ state: null }) },
      scripting: { executeScript: async (o) => (o.files ? [{}] : [{ result: "linkedin" }]) },
    });
    const doc = await startPopup(page);
    assert.equal(doc.getElementById("lookalike").textContent, warning, lang);
  }
});

test("a site that is not a copy, a tab the popup may not script, or an answer that is no service: no warning", async () => {
  for (const executeScript of [
    async (o) => (o.files ? [{}] : [{ result: null }]),
    async (o) => (o.files ? [{}] : [{ result: true }]),
    async (o) => (o.files ? [{}] : [{ result: "<img src=x onerror=alert(1)>" }]),
    async () => {
      throw new Error("Cannot access contents of the page");
    },
  ]) {
    const page = openPage("popup", {
      background: { ...hostUp, ...noConfirmations, "get-tab-state": () => ({ state: null }) },
      scripting: { executeScript },
    });
    const doc = await startPopup(page);
    assert.equal(doc.getElementById("lookalike").hidden, true);
    assert.equal(
      page.sent.some((m) => m.type === "lookalike-seen"),
      false,
    );
  }
});

test("on a Meta page the engine already ran: the look-alike check is not injected", async () => {
  let injected = 0;
  const page = openPage("popup", {
    background: { ...hostUp, ...noConfirmations },
    tabs: { sendMessage: async () => ({ state: FORM_STATE }) },
    scripting: {
      executeScript: async () => {
        injected += 1;
        return [{ result: true }];
      },
    },
  });
  const doc = await startPopup(page);
  assert.equal(injected, 0);
  assert.equal(doc.getElementById("lookalike").hidden, true);
});

test("host missing: plain-language fix with the command in <code>, waiting items retried on open, coverage says what it lacks", async () => {
  const pending = [{ id: "a", service: "facebook", captured_at: "2025-05-27T10:00:00Z" }];
  const page = openPage("popup", {
    lang: "nl",
    background: {
      "host-status": () => ({
        ok: false,
        error: {
          kind: "host-missing",
          fix_key: "fix_host_missing",
          message: "Specified native messaging host not found.",
        },
      }),
      "get-tab-state": () => ({ state: null }),
      "pending-list": () => ({ items: pending }),
      "pending-retry": () => ({ delivered: 0, remaining: 1 }),
      "host-call": () => ({ error: { kind: "host-missing", message: "not found", fix_key: "fix_host_missing" } }),
    },
  });
  const doc = await startPopup(page);
  const status = doc.getElementById("host-status");
  assert.equal(status.dataset.state, "host-missing");
  assert.equal(
    status.querySelector("code").textContent,
    "~/.local/bin/notrain-host install",
    "the command with its full path",
  );
  assert.ok(
    page.sent.some((m) => m.type === "pending-retry"),
    "opening the popup retries",
  );
  assert.equal(doc.getElementById("pending-status").dataset.count, "1");
  assert.equal(doc.getElementById("pending-status").textContent, fakeI18n("nl").getMessage("pending_count_one", ["1"]));
  assert.equal(
    doc.querySelector("#coverage-list li[data-note]").textContent,
    fakeI18n("nl").getMessage("coverage_unavailable"),
  );
});

test("page text from the host or the page is never parsed as HTML", async () => {
  const page = openPage("popup", {
    background: {
      ...hostUp,
      "accounts-list": () => ({
        items: [{ service: "facebook", account: "<i>me</i>", name: "<u>n</u>", sent_at: "x" }],
      }),
      "host-call": () => ({
        result: {
          items: [{ id: "<img src=x onerror=alert(1)>", service: "facebook", account: "<b>x</b>", captured_at: "x" }],
          total: 1,
          next_offset: null,
        },
      }),
    },
    tabs: {
      sendMessage: async () => ({
        state: {
          ...FORM_STATE,
          status: "filled",
          filled: [{ field: "<em>", label: "<s>" }],
          notes: ["<script>alert(1)</script>"],
        },
      }),
    },
  });
  const doc = await startPopup(page);
  assert.equal(doc.querySelectorAll("main img, main b, main i, main u, main em, main s, script").length, 0);
  assert.ok([...doc.querySelectorAll("#coverage-list .account")].some((span) => span.textContent === "<b>x</b>"));
});

test("the page changes while the popup is open: its state follows, with no stale hint", async () => {
  const listeners = [];
  const page = openPage("popup", {
    search: "?tab=5",
    background: { ...hostUp, ...noConfirmations },
    tabs: { sendMessage: async () => ({ state: { ...FORM_STATE, status: "filled", filled: FILLED } }) },
  });
  page.api.storage.onChanged = { addListener: (listener) => listeners.push(listener) };
  const doc = await startPopup(page);
  assert.notEqual(doc.getElementById("fill-status").textContent, "");
  const answered = { ...FORM_STATE, page_kind: "confirmation", status: "confirmed", notes: [] };
  for (const listener of listeners) listener({ "tab:5": { newValue: answered } }, "session");
  assert.equal(doc.getElementById("page-next").textContent, fakeI18n("en").getMessage("next_confirmation"));
  assert.equal(doc.getElementById("fill-status").textContent, "", "no fill count under Meta's answer");
  assert.equal(doc.querySelectorAll("#page-notes li").length, 0);
  assert.equal(doc.getElementById("undo-fill").hidden, true);
});

test("describePage: fill offered on forms until filled or confirmed; next steps follow the status", () => {
  assert.deepEqual(describePage(null), {
    summaryKey: "page_not_meta",
    nextKey: "next_not_meta",
    canFill: false,
    canUndo: false,
    sameAsNext: [],
  });
  assert.equal(describePage({ page_kind: "objection_form", status: "form-ready" }).canFill, true);
  assert.deepEqual(describePage({ page_kind: "third_party_form", status: "filled" }), {
    summaryKey: "kind_third_party_form",
    nextKey: "next_form_filled",
    canFill: false,
    canUndo: true,
    sameAsNext: ["review_and_send"],
  });
  assert.equal(describePage({ page_kind: "objection_form", status: "confirmed" }).canFill, false);
  assert.equal(
    describePage({ page_kind: "code_step", status: "form-ready" }).canFill,
    false,
    "never fill the e-mailed code",
  );
  assert.equal(describePage({ page_kind: "privacy_center", status: "recognised" }).nextKey, "next_privacy_center");
});

test("primaryStep: fill on the form, nothing on the code step, else the page's service if it is open, else the next one", () => {
  const none = coverage({ now: 0 });
  const facebookDone = coverage({
    now: 0,
    confirmations: [{ id: 1, service: "facebook", account: "a@b.c", captured_at: "2025-01-01T00:00:00Z" }],
  });
  assert.deepEqual(primaryStep({ page_kind: "objection_form", status: "form-ready" }, none), { kind: "fill" });
  assert.equal(primaryStep({ page_kind: "objection_form", status: "filled" }, none), null);
  assert.equal(primaryStep({ page_kind: "code_step", status: "recognised" }, none), null);
  assert.deepEqual(
    primaryStep({ page_kind: "confirmation", status: "confirmed", service: "facebook" }, facebookDone),
    { kind: "object", service: "instagram" },
    "after Meta's answer, the next service",
  );
  assert.deepEqual(primaryStep(null, none), { kind: "object", service: "facebook" });
  assert.deepEqual(
    primaryStep({ page_kind: "privacy_center", service: "threads" }, none),
    { kind: "object", service: "instagram" },
    "Threads objects through Instagram",
  );
  assert.deepEqual(primaryStep({ page_kind: "privacy_center", service: "messenger" }, facebookDone), {
    kind: "object",
    service: "instagram",
  });
  const allDone = coverage({
    now: 0,
    confirmations: ["facebook", "instagram", "whatsapp"].map((service, id) => ({
      id,
      service,
      captured_at: "2025-01-01T00:00:00Z",
    })),
  });
  assert.equal(primaryStep(null, allDone), null, "every service covered: nothing left to do");
});

test("serviceLinks shows only links on Meta's own https origins", () => {
  const links = serviceLinks({
    facebook: {
      label: "Facebook",
      objection_form: "https://www.facebook.com/help/contact/712876720715583",
      privacy_center: "http://www.facebook.com/privacy/genai",
    },
    instagram: { label: "Instagram", objection_form: "https://help.instagram.com.evil.example/contact/1" },
  });
  assert.deepEqual(
    links.map((l) => [l.id, l.objectionForm, l.privacyCenter]),
    [
      ["facebook", "https://www.facebook.com/help/contact/712876720715583", null],
      ["instagram", null, null],
    ],
  );
});

test("on a Meta page the popup offers a screenshot as proof and reports the outcome", async () => {
  const page = openPage("popup", {
    search: "?tab=8",
    background: {
      ...hostUp,
      ...noConfirmations,
      "capture-tab": (m) => ({ status: m.tabId === 8 ? "queued" : "refused" }),
    },
    tabs: { sendMessage: async () => ({ state: { ...FORM_STATE, page_kind: "confirmation", status: "confirmed" } }) },
  });
  const doc = await startPopup(page);
  assert.equal(doc.getElementById("fill-now").hidden, true, "nothing to fill on a confirmation");
  assert.equal(doc.getElementById("capture-now").hidden, false);
  doc.getElementById("capture-now").click();
  await settle(
    page.window,
    () => doc.getElementById("capture-status").textContent === fakeI18n("en").getMessage("popup_capture_queued"),
  );
  assert.deepEqual(
    page.sent.filter((m) => m.type === "capture-tab"),
    [{ type: "capture-tab", tabId: 8 }],
  );
});

test("a confirmation delivered on opening: the coverage lines are read again and show it", async () => {
  let delivered = false;
  const page = openPage("popup", {
    background: {
      "host-status": () => ({ ok: true, hello: { version: "0.1.0" } }),
      "get-tab-state": () => ({ state: null }),
      "pending-list": () => ({ items: delivered ? [] : [{ id: "a" }] }),
      "pending-retry": () => {
        delivered = true;
        return { delivered: 1, remaining: 0 };
      },
      "accounts-list": () => ({ items: [{ service: "facebook", account: "a@b.c", sent_at: "2026-01-01T00:00:00Z" }] }),
      "host-call": () => ({
        result: {
          items: delivered
            ? [{ id: 1, service: "facebook", account: "a@b.c", captured_at: "2026-01-01T00:01:00Z" }]
            : [],
        },
      }),
    },
  });
  const doc = await startPopup(page);
  assert.deepEqual(lineTexts(doc)[0], ["facebook", "a@b.c", "confirmed"]);
});

test("the user's own Fill now message stands when the page then reports its new state", async () => {
  const listeners = [];
  const filledState = { ...FORM_STATE, status: "filled", filled: FILLED };
  const page = openPage("popup", {
    search: "?tab=6",
    background: { ...hostUp, ...noConfirmations },
    tabs: {
      sendMessage: async (_id, m) =>
        m.type === "get-page-state" ? { state: FORM_STATE } : { ok: true, state: filledState },
    },
  });
  page.api.storage.onChanged = { addListener: (listener) => listeners.push(listener) };
  const doc = await startPopup(page);
  doc.getElementById("fill-now").click();
  await settle(page.window, () => doc.getElementById("fill-status").textContent === "2 fields filled.");
  for (const listener of listeners) listener({ "tab:6": { newValue: filledState } }, "session");
  assert.equal(doc.getElementById("fill-status").textContent, "2 fields filled.");
});

test("coverage in the popup: a service covered through the Accounts Centre has its own line, not among the 'not yet'", async () => {
  const { renderCoverage } = await import("../../../extension/src/popup/coverage-view.js");
  const page = openPage("popup", { lang: "en" });
  const list = page.document.createElement("ul");
  const at = "2026-02-20T10:00:00Z";
  renderCoverage(
    list,
    coverage({
      now: Date.parse("2026-03-01T12:00:00Z"),
      accounts: [{ service: "facebook", account: "ana@example.be", centre_at: at }],
      confirmations: [{ id: 1, service: "facebook", account: "ana@example.be", captured_at: at }],
    }),
  );
  const instagram = list.querySelector('li[data-service="instagram"][data-state="centre"]');
  assert.ok(instagram, list.innerHTML);
  assert.match(instagram.textContent, /same Accounts Centre as ana@example.be/);
  assert.doesNotMatch(list.querySelector(".not-yet").textContent, /Instagram/);
  assert.match(list.querySelector(".not-yet").textContent, /WhatsApp/);
});

test("the popup lists the platforms the user enabled, when each was last seen, and links the one due for a look", async () => {
  const { renderPlatforms } = await import("../../../extension/src/popup/coverage-view.js");
  const page = openPage("popup", { lang: "en" });
  const list = page.document.createElement("ul");
  renderPlatforms(
    list,
    [
      {
        name: "linkedin",
        label: "LinkedIn",
        enabled: true,
        seen: { trainsAi: false, at: "2026-05-20T10:00:00Z" },
        page: "https://www.linkedin.com/x",
      },
      {
        name: "quora",
        label: "Quora",
        enabled: true,
        seen: { trainsAi: true, at: "2025-01-01T10:00:00Z" },
        page: "https://www.quora.com/settings/privacy",
      },
      { name: "x", label: "X", enabled: false, seen: null, page: "https://x.com/settings/grok_settings" },
    ],
    { days: 90, now: new Date("2026-06-01T12:00:00Z") },
  );
  assert.deepEqual(
    [...list.children].map((li) => [li.dataset.platform, li.dataset.due]),
    [
      ["linkedin", "false"],
      ["quora", "true"],
    ],
  );
  assert.match(list.children[0].textContent, /does not train AI/);
  assert.equal(list.children[1].querySelector("a").getAttribute("href"), "https://www.quora.com/settings/privacy");
  assert.equal(list.hidden, false);
  renderPlatforms(list, [], { days: 90 });
  assert.equal(list.hidden, true, "nothing enabled: nothing shown");
});

test("on LinkedIn's objection form: the page said without naming Meta; LinkedIn's form among all forms and its objection beside its switch", async () => {
  const state = {
    service: "linkedin",
    page_kind: "objection_form",
    form_id: null,
    variant: "linkedin",
    language: "fr",
    status: "filled",
    filled: FILLED,
    notes: [],
  };
  const form = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
  const linkedin = {
    name: "linkedin",
    label: "LinkedIn",
    enabled: true,
    seen: null,
    page: "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
    objectionForm: form,
  };
  const page = openPage("popup", {
    lang: "fr",
    search: "?tab=42",
    background: {
      ...hostUp,
      "accounts-list": () => ({
        items: [{ service: "linkedin", account: "ana@example.be", sent_at: new Date(Date.now() - DAY).toISOString() }],
      }),
      "platforms-list": () => ({
        items: [
          linkedin,
          {
            name: "quora",
            label: "Quora",
            enabled: false,
            page: "https://www.quora.com/settings/privacy",
            objectionForm: null,
          },
        ],
        recheckDays: 90,
      }),
      // A setting's record for LinkedIn is no answer to the objection.
      "host-call": () => ({
        result: {
          items: [{ id: 3, service: "linkedin", kind: "setting", account: null, captured_at: "2026-12-01T10:00:00Z" }],
          total: 1,
        },
      }),
    },
    tabs: {
      async sendMessage() {
        return { state };
      },
    },
  });
  const doc = await startPopup(page);
  const i18n = fakeI18n("fr");
  assert.equal(doc.getElementById("page-summary").textContent, i18n.getMessage("kind_objection_form", ["LinkedIn"]));
  assert.equal(doc.getElementById("page-next").textContent, i18n.getMessage("next_form_filled_platform"));
  assert.doesNotMatch(doc.getElementById("page-next").textContent, /Meta/);
  await settle(page.window, () => doc.querySelector('#service-links li[data-platform="linkedin"]'));
  const link = doc.querySelector('#service-links li[data-platform="linkedin"] a');
  assert.equal(link.getAttribute("href"), form);
  assert.equal(link.textContent, i18n.getMessage("popup_form_link", ["LinkedIn"]));
  assert.equal(doc.querySelectorAll("#service-links li[data-platform]").length, 1, "only the enabled platform's form");
  const objection = doc.querySelector('#platforms-list li[data-platform="linkedin"] li[data-objection]');
  assert.deepEqual([objection.dataset.objection, objection.dataset.account], ["waiting", "ana@example.be"]);
  assert.match(objection.textContent, /Opposition envoyée le/);
});
