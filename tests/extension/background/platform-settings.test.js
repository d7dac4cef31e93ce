// A platform's AI-training setting through the background: read in a tab for the popup, and turned off only when the
// popup asks (the user's click), with the evidence kept as kind "setting". The tab's address, the platform and the
// setting come from the browser and the rules; what the page's content script reports is cleaned.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PlatformSettings,
  buildSettingParams,
  sanitizeReading,
} from "../../../extension/src/background/platform-settings.js";
import { settingRuleFor } from "../../../extension/src/engine/setting.js";
import { platforms } from "../../../extension/rules/platforms/index.js";
import { setApi } from "../../../extension/src/shared/browser-api.js";
import { fakeI18n } from "../ui/ui-harness.js";

const SETTING_URL = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
const LABEL = "Use my data for training content creation AI models";
const NOW = new Date("2026-11-20T09:15:00Z");

function setup({
  url = SETTING_URL,
  enabled = true,
  answers = {},
  noScriptYet = false,
  screenshot = "data:image/jpeg;base64,/9j/",
} = {}) {
  setApi({ i18n: fakeI18n("en") });
  const sent = [];
  const injected = [];
  const stored = [];
  let scriptThere = !noScriptYet;
  const tabs = {
    get: async (id) => ({ id, url, active: true, windowId: 1 }),
    async sendMessage(tabId, message) {
      if (!scriptThere) throw new Error("Could not establish connection. Receiving end does not exist.");
      sent.push(message.type);
      return structuredClone(answers[message.type]);
    },
  };
  const scripting = {
    executeScript: async (details) => {
      injected.push(details);
      scriptThere = true;
    },
  };
  const confirmations = {
    store: async (params) => {
      stored.push(params);
      return { status: "saved", id: 7 };
    },
  };
  const noted = [];
  const settings = new PlatformSettings({
    tabs,
    scripting,
    confirmations,
    enabled: async () => enabled,
    capture: async () => screenshot,
    now: () => NOW,
    seen: { note: async (name, trainsAi) => noted.push([name, trainsAi]) },
  });
  return { settings, sent, injected, stored, noted };
}

const on = {
  platform: "linkedin",
  setting: "data-for-generative-ai-improvement",
  label: LABEL,
  language: "en",
  state: "on",
  usedForAi: true,
};

test("on the setting's page the popup gets the platform's state as the engine read it", async () => {
  const { settings, sent, noted } = setup({ answers: { "setting-read": { readings: [on] } } });
  const read = await settings.read(3);
  assert.deepEqual(noted, [["linkedin", true]], "when it was seen, for the full page");
  assert.deepEqual(read, {
    platform: "linkedin",
    label: "LinkedIn",
    page: SETTING_URL,
    enabled: true,
    onSettingPage: true,
    reading: { label: LABEL, state: "on", language: "en", usedForAi: true },
  });
  assert.deepEqual(sent, ["setting-read"], "reading only reads");
});

test("no platform, a platform not enabled, or another page of it: nothing is asked of the page", async () => {
  for (const url of [
    "https://example.org/",
    "https://www.linkedin.com.evil.example/mypreferences/d/settings/data-for-ai-improvement",
    "http://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
    "https://user@www.linkedin.com/",
  ]) {
    assert.equal(await setup({ url }).settings.read(3), null, url);
  }
  const notEnabled = setup({ enabled: false });
  assert.equal((await notEnabled.settings.read(3))?.enabled, false);
  assert.deepEqual(notEnabled.sent, []);
  assert.deepEqual(await notEnabled.settings.turnOff(3), {
    status: "refused",
    error: "Not a setting page NoTrain may use",
  });
  const feed = setup({ url: "https://www.linkedin.com/feed/" });
  assert.equal((await feed.settings.read(3))?.onSettingPage, false);
  assert.deepEqual(feed.sent, []);
});

test("the user's click: switched off, read again, kept as kind 'setting' with the tab's address and a screenshot", async () => {
  const { settings, stored, noted } = setup({
    answers: {
      "setting-turn-off": { results: [{ reading: on, outcome: { before: "on", after: "off", held: true } }] },
    },
  });
  const outcome = await settings.turnOff(3);
  assert.deepEqual(noted, [["linkedin", false]], "off and held: no longer trains AI");
  assert.deepEqual(outcome, { status: "held", after: "off", saved: { status: "saved", id: 7 } });
  assert.equal(stored.length, 1);
  const [params] = stored;
  assert.equal(params.service, "linkedin");
  assert.equal(params.kind, "setting");
  assert.equal(params.url, SETTING_URL);
  assert.equal(params.captured_at, NOW.toISOString());
  assert.deepEqual(params.form, {
    setting: "data-for-generative-ai-improvement",
    label: LABEL,
    before: "on",
    after: "off",
    held: true,
  });
  assert.equal(params.screenshot, "data:image/jpeg;base64,/9j/");
  assert.match(params.text, /LinkedIn/);
});

test("a change the platform did not keep is kept as such and said so", async () => {
  const { settings, stored } = setup({
    answers: { "setting-turn-off": { results: [{ reading: on, outcome: { before: "on", after: "on", held: true } }] } },
  });
  const outcome = await settings.turnOff(3);
  assert.equal(outcome.status, "not-held", "held is read from the rule's meaning, not taken from the page");
  assert.equal(stored[0].form.held, false);
  assert.equal(stored[0].form.after, "on");
});

test("a refused or already-off page keeps nothing", async () => {
  const refused = setup({
    answers: {
      "setting-turn-off": {
        results: [
          {
            reading: { platform: "linkedin", setting: on.setting, refused: "control_not_found" },
            outcome: { before: null },
          },
        ],
      },
    },
  });
  assert.equal((await refused.settings.turnOff(3)).status, "refused");
  assert.deepEqual(refused.stored, []);
  const off = { ...on, state: "off", usedForAi: false };
  const already = setup({
    answers: {
      "setting-turn-off": { results: [{ reading: off, outcome: { before: "off", after: "off", held: true } }] },
    },
  });
  assert.equal((await already.settings.turnOff(3)).status, "already");
  assert.deepEqual(already.stored, []);
});

test("a tab opened before the platform was enabled gets the platform script once, then answers", async () => {
  const { settings, injected, sent } = setup({ noScriptYet: true, answers: { "setting-read": { readings: [on] } } });
  assert.equal((await settings.read(3))?.reading?.state, "on");
  assert.deepEqual(injected, [{ target: { tabId: 3 }, files: ["platform.js"] }]);
  assert.deepEqual(sent, ["setting-read"]);
});

test("what a page reports is cleaned: known states and refusals, short labels, never made-up keys", () => {
  assert.equal(sanitizeReading({ state: "maybe" }), null);
  assert.deepEqual(sanitizeReading({ refused: "several_controls", state: "on" }), { refused: "several_controls" });
  assert.equal(sanitizeReading({ state: "on", label: "x".repeat(5000) })?.label?.length, 300);
  const rule = settingRuleFor(platforms, SETTING_URL);
  assert.ok(rule);
  assert.throws(() =>
    buildSettingParams(rule, SETTING_URL, { reading: { state: "on" }, outcome: { before: "on" } }, NOW),
  );
  const params = buildSettingParams(
    rule,
    SETTING_URL,
    { reading: { ...on, extra: "<img>" }, outcome: { before: "on", after: "sideways" } },
    NOW,
  );
  assert.deepEqual(Object.keys(params.form).sort(), ["after", "before", "held", "label", "setting"]);
  assert.equal(params.form.after, "");
  assert.equal(params.form.held, false);
});

const COPILOT_URL = "https://copilot.microsoft.com/";
const copilot = (setting, state, label) => ({
  platform: "microsoft-copilot",
  setting,
  label,
  language: "en",
  state,
  usedForAi: state === "on",
});
const TEXT = copilot("model-training-on-text", "on", "Model training on text");
const VOICE = copilot("model-training-on-voice", "on", "Model training on voice");

test("a page with two settings: the popup is told it trains AI while one does; each one turned off is kept", async () => {
  const offText = { ...TEXT, state: "off", usedForAi: false };
  const reading = setup({ url: COPILOT_URL, answers: { "setting-read": { readings: [offText, VOICE] } } });
  assert.deepEqual((await reading.settings.read(3))?.reading, {
    label: "Model training on voice",
    state: "on",
    language: "en",
    usedForAi: true,
  });

  const both = setup({
    url: COPILOT_URL,
    answers: {
      "setting-turn-off": {
        results: [
          { reading: TEXT, outcome: { before: "on", after: "off", held: true } },
          { reading: VOICE, outcome: { before: "on", after: "on", held: false } },
        ],
      },
    },
  });
  const outcome = await both.settings.turnOff(3);
  assert.deepEqual(
    both.stored.map((p) => [p.form.setting, p.form.before, p.form.after, p.form.held]),
    [
      ["model-training-on-text", "on", "off", true],
      ["model-training-on-voice", "on", "on", false],
    ],
  );
  assert.ok(both.stored.every((p) => p.screenshot && p.url === COPILOT_URL && p.service === "microsoft-copilot"));
  assert.deepEqual(
    outcome,
    { status: "not-held", after: "on", saved: { status: "saved", id: 7 } },
    "the one not kept is said",
  );
  assert.deepEqual(both.noted, [["microsoft-copilot", true]], "one still trains AI");
});

test("a page's report names only the page's own settings, each once; one refused setting refuses the page", async () => {
  const forged = setup({
    url: COPILOT_URL,
    answers: {
      "setting-read": {
        readings: [{ ...TEXT, setting: "data-for-generative-ai-improvement" }, TEXT, { ...TEXT, state: "off" }],
      },
    },
  });
  assert.deepEqual(
    (await forged.settings.read(3))?.reading,
    { label: "Model training on text", state: "on", language: "en", usedForAi: true },
    "another platform's setting and a second report of the same one are dropped",
  );
  const refused = setup({
    url: COPILOT_URL,
    answers: { "setting-read": { readings: [TEXT, { ...VOICE, refused: "several_controls" }] } },
  });
  assert.deepEqual((await refused.settings.read(3))?.reading, { refused: "several_controls" });
  const noAnswer = setup({ url: COPILOT_URL, answers: { "setting-read": { readings: "nonsense" } } });
  assert.equal((await noAnswer.settings.read(3))?.reading, null);
});
