// The popup on a platform beyond Meta: the AI-training setting's state from the engine, "switch it off" as the one
// primary button, the platform's control operated only on that click, and a change that did not stick said plainly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settle } from "./ui-harness.js";
import { describeSetting } from "../../../extension/src/popup/setting-view.js";

const hostUp = {
  "host-status": () => ({ ok: true, hello: { version: "0.1.0" } }),
  "pending-list": () => ({ items: [] }),
  "host-call": () => ({ result: { items: [], total: 0, next_offset: null } }),
  "get-tab-state": () => ({ state: null }),
};
const PAGE = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
const base = { platform: "linkedin", label: "LinkedIn", page: PAGE, enabled: true, onSettingPage: true };
const ON = {
  ...base,
  reading: { label: "Use my data for training content creation AI models", state: "on", usedForAi: true },
};
const OFF = { ...base, reading: { ...ON.reading, state: "off", usedForAi: false } };
let run = 0;

async function popupWith(background, lang = "en") {
  const page = openPage("popup", {
    lang,
    search: "?tab=5",
    background: { ...hostUp, ...background },
    scripting: {
      executeScript: async () => {
        throw new Error("the look-alike check must not run on a platform");
      },
    },
  });
  await import(`../../../extension/src/popup/popup.js?setting=${++run}`);
  await settle(page.window, () => page.document.body.dataset.ready === "true");
  return page;
}

const section = (doc) => doc.getElementById("setting-section");
const clickTurnOff = async (page) => {
  page.document.querySelector("[data-testid=setting-turn-off]").click();
  await settle(page.window, () => section(page.document).dataset.outcome !== undefined);
};

test("LinkedIn's switch on: 'your data trains AI — switch it off', and nothing is operated before the click", async () => {
  const page = await popupWith({ "setting-read": () => ({ setting: ON }) });
  const doc = page.document;
  assert.equal(section(doc).hidden, false);
  assert.equal(
    doc.querySelector("[data-testid=setting-summary]").textContent,
    "LinkedIn: your data trains AI — switch it off",
  );
  assert.equal(doc.getElementById("page-summary").hidden, true, "not 'this is not one of Meta's pages'");
  assert.equal(doc.querySelectorAll("main .primary:not([hidden])").length, 1);
  assert.equal(
    page.sent.some((m) => m.type === "setting-turn-off"),
    false,
  );
});

test("the click switches it off, and the popup says it was read again and kept", async () => {
  let current = ON;
  const page = await popupWith(
    {
      "setting-read": () => ({ setting: current }),
      "setting-turn-off": (message) => {
        assert.equal(message.tabId, 5);
        current = OFF;
        return { status: "held", after: "off", saved: { status: "saved", id: 4 } };
      },
    },
    "fr",
  );
  await clickTurnOff(page);
  const doc = page.document;
  assert.equal(section(doc).dataset.outcome, "held");
  assert.equal(section(doc).dataset.state, "not-used");
  assert.match(doc.querySelector("[data-testid=setting-status]").textContent, /^Désactivé et relu : LinkedIn/);
  assert.equal(doc.querySelector("[data-testid=setting-turn-off]"), null);
});

test("after the click, LinkedIn's line among the enabled platforms says what the setting says now", async () => {
  let seen = { at: "2026-12-01T10:00:00Z", trainsAi: true };
  const platformsList = () => ({
    items: [{ name: "linkedin", label: "LinkedIn", enabled: true, seen, page: PAGE, objectionForm: null }],
    recheckDays: 90,
  });
  const page = await popupWith({
    "setting-read": () => ({ setting: seen.trainsAi ? ON : OFF }),
    "platforms-list": platformsList,
    "setting-turn-off": () => {
      seen = { at: new Date().toISOString(), trainsAi: false };
      return { status: "held", after: "off", saved: { status: "saved", id: 4 } };
    },
  });
  const line = () => page.document.querySelector('#platforms-list li[data-platform="linkedin"]').textContent;
  await settle(page.window, () => page.document.querySelector('#platforms-list li[data-platform="linkedin"]'));
  assert.match(line(), /trains AI/);
  assert.doesNotMatch(line(), /does not train AI/);
  await clickTurnOff(page);
  await settle(page.window, () => /does not train AI/.test(line()));
});

test("a change LinkedIn did not keep is said plainly", async () => {
  const page = await popupWith({
    "setting-read": () => ({ setting: ON }),
    "setting-turn-off": () => ({ status: "not-held", after: "on", saved: { status: "saved", id: 5 } }),
  });
  await clickTurnOff(page);
  assert.match(
    page.document.querySelector("[data-testid=setting-status]").textContent,
    /^LinkedIn did not keep the change: the setting says "on" again/,
  );
});

// The status line was looked up again after the second reading; with no setting there, it was null and the click
// ended in a TypeError before the outcome was noted.
test("a tab that left the platform while the switch was operated: the setting is hidden, the outcome still noted", async () => {
  /** @type {typeof ON | null} */
  let current = ON;
  const page = await popupWith({
    "setting-read": () => ({ setting: current }),
    "setting-turn-off": () => {
      current = null;
      return { status: "held", after: "off", saved: { status: "saved", id: 6 } };
    },
  });
  await clickTurnOff(page);
  assert.equal(section(page.document).dataset.outcome, "held");
  assert.equal(section(page.document).hidden, true);
  assert.equal(page.document.querySelector("[data-testid=setting-status]"), null);
});

test("each case says one thing and offers at most one step", () => {
  assert.equal(describeSetting(null), null);
  assert.deepEqual(describeSetting({ ...base, enabled: false }), {
    summaryKey: "setting_not_enabled",
    state: "not-enabled",
    action: "enable",
  });
  assert.equal(describeSetting({ ...base, onSettingPage: false })?.action, "open");
  assert.equal(describeSetting({ ...base, reading: null })?.action, null);
  assert.deepEqual(describeSetting({ ...base, reading: { refused: "several_controls" } }), {
    summaryKey: "setting_refused",
    state: "refused",
    action: null,
  });
  assert.equal(describeSetting(ON)?.action, "turn-off");
  assert.equal(describeSetting(OFF)?.action, null);
});

test("a kept setting reads as what it was on the full page: its label, before and after, and whether it held", async () => {
  const { setApi } = await import("../../../extension/src/shared/browser-api.js");
  const { fakeI18n } = await import("./ui-harness.js");
  const { provenanceText } = await import("../../../extension/src/shared/provenance.js");
  const { serviceLabel } = await import("../../../extension/src/shared/services.js");
  setApi({ i18n: fakeI18n("en") });
  const form = { setting: "x", label: "Use my data", before: "on", after: "off", held: true };
  assert.equal(
    provenanceText({ kind: "setting", form }),
    'Setting "Use my data" switched off on your click: on before, off read again after',
  );
  assert.match(
    provenanceText({ kind: "setting", form: { ...form, after: "<b>", held: false } }),
    /did not keep the change: on before, \? read again/,
  );
  assert.equal(serviceLabel("linkedin"), "LinkedIn");
});
