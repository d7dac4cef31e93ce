// The platform content script answers the background's two requests and does nothing else: reading never clicks,
// the element never leaves the page's world, and "turn off" clicks the platform's control once, even when asked twice.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { startPlatform, SETTING_MSG } from "../../../extension/src/content/platform.js";
import { root } from "./helpers/fixtures.js";

const dir = join(root, "tests", "fixtures", "platforms");
const URL_ON = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";

function page(file, url = URL_ON) {
  const dom = new JSDOM(readFileSync(join(dir, file), "utf8"), {
    url,
    runScripts: "outside-only",
    pretendToBeVisual: true,
  });
  dom.window.eval(readFileSync(join(dir, "toggle-like.js"), "utf8"));
  const listeners = [];
  const api = { runtime: { onMessage: { addListener: (fn) => listeners.push(fn) } } };
  startPlatform({ api, document: dom.window.document, window: dom.window });
  const ask = (type) =>
    new Promise((resolve) => {
      const async = listeners[0]({ type }, {}, resolve);
      if (!async) resolve(undefined);
    });
  let clicks = 0;
  dom.window.document.addEventListener(
    "click",
    () => {
      clicks += 1;
    },
    true,
  );
  return { ask, clicks: () => clicks, document: dom.window.document };
}

test("reading answers plain values and clicks nothing", async () => {
  const { ask, clicks } = page("linkedin-on.html");
  const {
    readings: [reading, ...more],
  } = await ask(SETTING_MSG.read);
  assert.deepEqual(more, []);
  assert.deepEqual(reading, {
    platform: "linkedin",
    setting: "data-for-generative-ai-improvement",
    label: "Use my data for training content creation AI models",
    language: "en",
    state: "on",
    usedForAi: true,
    refused: null,
  });
  assert.equal(clicks(), 0);
});

test("turning off clicks once, even when asked twice while the platform saves", async () => {
  const { ask, clicks } = page("linkedin-on.html");
  const [first, second] = await Promise.all([ask(SETTING_MSG.turnOff), ask(SETTING_MSG.turnOff)]);
  assert.deepEqual(
    first.results.map((r) => r.outcome),
    [{ before: "on", after: "off", held: true }],
  );
  assert.deepEqual(second, first);
  assert.equal(clicks(), 1);
});

test("a changed layout is refused and nothing is clicked; other messages are not answered", async () => {
  const { ask, clicks } = page("linkedin-changed.html");
  const {
    results: [{ reading, outcome }],
  } = await ask(SETTING_MSG.turnOff);
  assert.equal(reading.refused, "control_not_found");
  assert.equal(outcome.held, false);
  assert.equal(clicks(), 0);
  assert.equal(await ask("fill-now"), undefined);
});

test("a page with two settings: both read, and the click turns off each one that is on, one click each", async () => {
  const { ask, clicks, document } = page("copilot-off-nl.html", "https://copilot.microsoft.com/");
  const { readings } = await ask(SETTING_MSG.read);
  assert.deepEqual(
    readings.map((r) => [r.setting, r.state, r.usedForAi]),
    [
      ["model-training-on-text", "off", false],
      ["model-training-on-voice", "on", true],
    ],
  );
  const { results } = await ask(SETTING_MSG.turnOff);
  assert.deepEqual(
    results.map((r) => [r.reading.setting, r.outcome]),
    [
      ["model-training-on-text", { before: "off", after: "off", held: true }],
      ["model-training-on-voice", { before: "on", after: "off", held: true }],
    ],
  );
  assert.equal(clicks(), 1, "the one that was off is left alone");
  assert.deepEqual(
    [...document.querySelectorAll("input")].map((i) => i.checked),
    [false, false],
  );
});

test("when one of the page's settings is refused, the click turns off none of them", async () => {
  const { ask, clicks, document } = page("copilot-on.html", "https://copilot.microsoft.com/");
  // A second control carrying the voice label: the page is not the one the rule knows.
  const twin = document.querySelector(".fui-Field:last-child").cloneNode(true);
  twin.querySelector("input").id = "fui-r9";
  twin.querySelector("label").htmlFor = "fui-r9";
  document.querySelector('[role="dialog"]').append(twin);
  const { results } = await ask(SETTING_MSG.turnOff);
  assert.deepEqual(
    results.map((r) => [r.reading.setting, r.reading.refused, r.outcome.held]),
    [
      ["model-training-on-text", null, false],
      ["model-training-on-voice", "several_controls", false],
    ],
  );
  assert.equal(clicks(), 0);
  assert.ok([...document.querySelectorAll("input")].every((i) => i.checked));
});
