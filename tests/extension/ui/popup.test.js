// The popup: what the page is, "fill now", the forms, the host's state, waiting and latest
// confirmations — in the browser's language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settle, fakeI18n } from "./ui-harness.js";
import { describePage } from "../../../extension/src/popup/page-summary.js";
import { serviceLinks } from "../../../extension/src/shared/services.js";

const FORM_STATE = { service: "facebook", page_kind: "objection_form", form_id: "712876720715583", variant: "2025",
  language: "fr", status: "form-ready", filled: [], notes: ["email_prefilled_by_meta"] };
const hostUp = { "host-status": () => ({ ok: true, hello: { version: "0.1.0" } }) };
let run = 0;

// Each test imports a fresh copy of the entry module, which runs start() against the current page.
async function startPopup(page) {
  await import(`../../../extension/src/popup/popup.js?run=${++run}`);
  await settle(page.window, () => page.document.body.dataset.ready === "true");
  return page.document;
}

test("on Meta's form: says what the page is in French, fills on request and reports the count", async () => {
  const tabMessages = [];
  const page = openPage("popup", {
    lang: "fr",
    search: "?tab=42",
    background: {
      ...hostUp,
      "pending-list": () => ({ items: [] }),
      "host-call": (m) => (m.method === "confirmation.list"
        ? { result: { items: [{ id: 7, service: "facebook", captured_at: "2025-05-27T10:00:00Z" }], total: 1, next_offset: null } }
        : { error: { message: "unexpected" } }),
    },
    tabs: {
      async sendMessage(tabId, message) {
        tabMessages.push([tabId, message.type]);
        if (message.type === "get-page-state") return { state: FORM_STATE };
        return { ok: true, state: { ...FORM_STATE, status: "filled", filled: [{ field: "email", label: "E-mail" }, { field: "reason", label: "Raison" }] } };
      },
    },
  });
  const doc = await startPopup(page);
  const i18n = fakeI18n("fr");
  assert.equal(doc.documentElement.lang, "fr");
  assert.equal(doc.getElementById("page-summary").textContent, i18n.getMessage("kind_objection_form", ["Facebook"]));
  assert.equal(doc.getElementById("page-next").textContent, i18n.getMessage("next_objection_form"));
  assert.deepEqual([...doc.querySelectorAll("#page-notes li")].map((li) => li.dataset.note), ["email_prefilled_by_meta"]);
  assert.equal(doc.querySelector("[data-testid=fill-now]").hidden, false);
  assert.match(doc.getElementById("host-status").textContent, /0\.1\.0/);
  assert.equal(doc.getElementById("pending-status").dataset.count, "0");
  assert.equal(doc.querySelector("#latest-list li").dataset.id, "7");
  assert.equal(doc.querySelector("#latest-list a").getAttribute("href"), "options.html#confirmation-7");

  doc.getElementById("fill-now").click();
  await settle(page.window, () => doc.getElementById("fill-status").textContent === i18n.getMessage("popup_fill_done_other", ["2"]));
  assert.deepEqual(tabMessages, [[42, "get-page-state"], [42, "fill-now"]]);
  assert.equal(doc.getElementById("page-next").textContent, i18n.getMessage("next_form_filled"));
});

test("on a page without our content script: not a Meta page, no fill button, form links offered", async () => {
  const page = openPage("popup", {
    background: { ...hostUp, "get-tab-state": () => ({ state: null }), "pending-list": () => ({ items: [] }),
      "host-call": () => ({ result: { items: [], total: 0, next_offset: null } }) },
  });
  const doc = await startPopup(page);
  assert.equal(doc.getElementById("page-summary").dataset.kind, "none");
  assert.equal(doc.getElementById("page-summary").textContent, fakeI18n("en").getMessage("page_not_meta"));
  assert.equal(doc.getElementById("fill-now").hidden, true);
  const links = [...doc.querySelectorAll("#service-links a")].map((a) => a.href);
  const expected = serviceLinks().flatMap((s) => [s.objectionForm, s.privacyCenter]).filter(Boolean);
  assert.deepEqual(links, expected);
  for (const a of doc.querySelectorAll("#service-links a")) assert.equal(a.rel, "noopener noreferrer");
});

test("host missing: plain-language fix with the command in <code>, and waiting items are retried on open", async () => {
  const pending = [{ id: "a", service: "facebook", captured_at: "2025-05-27T10:00:00Z" }];
  const page = openPage("popup", {
    lang: "nl",
    background: {
      "host-status": () => ({ ok: false, error: { kind: "host-missing", fix_key: "fix_host_missing", message: "Specified native messaging host not found." } }),
      "get-tab-state": () => ({ state: null }),
      "pending-list": () => ({ items: pending }),
      "pending-retry": () => ({ delivered: 0, remaining: 1 }),
      "host-call": () => ({ error: { kind: "host-missing", message: "not found", fix_key: "fix_host_missing" } }),
    },
  });
  const doc = await startPopup(page);
  const status = doc.getElementById("host-status");
  assert.equal(status.dataset.state, "host-missing");
  assert.equal(status.querySelector("code").textContent, "~/.local/bin/notrain-host install", "the command with its full path");
  assert.ok(page.sent.some((m) => m.type === "pending-retry"), "opening the popup retries");
  assert.equal(doc.getElementById("pending-status").dataset.count, "1");
  assert.equal(doc.getElementById("pending-status").textContent, fakeI18n("nl").getMessage("pending_count_one", ["1"]));
  assert.equal(doc.querySelector("#latest-list li").textContent, fakeI18n("nl").getMessage("latest_unavailable"));
});

test("page text from the host or the page is never parsed as HTML", async () => {
  const page = openPage("popup", {
    background: { ...hostUp, "pending-list": () => ({ items: [] }),
      "host-call": () => ({ result: { items: [{ id: "<img src=x onerror=alert(1)>", service: "<b>x</b>", captured_at: "x" }], total: 1, next_offset: null } }) },
    tabs: { sendMessage: async () => ({ state: { ...FORM_STATE, notes: ["<script>alert(1)</script>"] } }) },
  });
  const doc = await startPopup(page);
  assert.equal(doc.querySelectorAll("img, b, script").length, 0);
  assert.match(doc.querySelector("#latest-list a").textContent, /<b>x<\/b>/);
});

test("describePage: fill offered on forms until confirmed; next steps follow the status", () => {
  assert.deepEqual(describePage(null), { summaryKey: "page_not_meta", nextKey: "next_not_meta", canFill: false });
  assert.equal(describePage({ page_kind: "objection_form", status: "form-ready" }).canFill, true);
  assert.equal(describePage({ page_kind: "third_party_form", status: "filled" }).nextKey, "next_form_filled");
  assert.equal(describePage({ page_kind: "objection_form", status: "confirmed" }).canFill, false);
  assert.equal(describePage({ page_kind: "code_step", status: "form-ready" }).canFill, false, "never fill the e-mailed code");
  assert.equal(describePage({ page_kind: "privacy_center", status: "recognised" }).nextKey, "next_privacy_center");
});

test("serviceLinks shows only links on Meta's own https origins", () => {
  const links = serviceLinks({
    facebook: { label: "Facebook", objection_form: "https://www.facebook.com/help/contact/712876720715583", privacy_center: "http://www.facebook.com/privacy/genai" },
    instagram: { label: "Instagram", objection_form: "https://help.instagram.com.evil.example/contact/1" },
  });
  assert.deepEqual(links.map((l) => [l.id, l.objectionForm, l.privacyCenter]), [
    ["facebook", "https://www.facebook.com/help/contact/712876720715583", null],
    ["instagram", null, null],
  ]);
});

test("on a Meta page the popup offers a screenshot as proof and reports the outcome", async () => {
  const page = openPage("popup", {
    search: "?tab=8",
    background: { ...hostUp, "pending-list": () => ({ items: [] }), "host-call": () => ({ result: { items: [], total: 0, next_offset: null } }),
      "capture-tab": (m) => ({ status: m.tabId === 8 ? "queued" : "refused" }) },
    tabs: { sendMessage: async () => ({ state: { ...FORM_STATE, page_kind: "confirmation", status: "confirmed" } }) },
  });
  const doc = await startPopup(page);
  assert.equal(doc.getElementById("fill-now").hidden, true, "nothing to fill on a confirmation");
  assert.equal(doc.getElementById("capture-now").hidden, false);
  doc.getElementById("capture-now").click();
  await settle(page.window, () => doc.getElementById("capture-status").textContent === fakeI18n("en").getMessage("popup_capture_queued"));
  assert.deepEqual(page.sent.filter((m) => m.type === "capture-tab"), [{ type: "capture-tab", tabId: 8 }]);
});
