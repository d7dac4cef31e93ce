// Platforms beyond Meta: the AI-training setting on each fixture page of tests/fixtures/platforms is read as
// platforms.json says, and turned off only by an explicit call (the user's click), with a change that did not
// stick said plainly.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { platforms } from "../../../extension/rules/platforms/index.js";
import { readSetting, readSettings, settingRuleFor, turnOff } from "../../../extension/src/engine/setting.js";
import { root } from "./helpers/fixtures.js";

const dir = join(root, "tests", "fixtures", "platforms");
const manifest = JSON.parse(readFileSync(join(dir, "platforms.json"), "utf8"));
const toggleLike = readFileSync(join(dir, "toggle-like.js"), "utf8");

function load({ file, url }) {
  const dom = new JSDOM(readFileSync(join(dir, file), "utf8"), {
    url,
    runScripts: "outside-only",
    pretendToBeVisual: true,
  });
  dom.window.eval(toggleLike);
  return dom.window.document;
}

const visible = (reading) =>
  reading && Object.fromEntries(Object.entries(reading).filter(([key]) => key !== "control"));
const pick = (reading, expect) => expect && Object.fromEntries(Object.keys(expect).map((key) => [key, reading?.[key]]));

describe("platform settings on the fixture pages", () => {
  for (const page of manifest.pages) {
    it(`should read ${page.file} at ${page.url}${page.about ? ` (${page.about})` : ""}`, () => {
      const reading = readSetting(platforms, load(page), page.url, page.setting);
      if (page.expect === null) assert.equal(reading, null);
      else assert.deepEqual(pick(visible(reading), page.expect), page.expect);
    });
  }

  for (const page of manifest.pages.filter((p) => p.turnOff)) {
    it(`should turn off ${page.file} on request and say whether it stuck`, async () => {
      const document = load(page);
      const reading = readSetting(platforms, document, page.url, page.setting);
      assert.ok(reading);
      const outcome = await turnOff(platforms, document, page.url, reading, { holdMs: 300 });
      assert.deepEqual(outcome, page.turnOff);
      const others = (readSettings(platforms, document, page.url) ?? []).filter((r) => r.setting !== reading.setting);
      assert.deepEqual(
        others.map((r) => r.state),
        (readSettings(platforms, load(page), page.url) ?? [])
          .filter((r) => r.setting !== reading.setting)
          .map((r) => r.state),
        "the page's other settings are not touched",
      );
    });
  }

  it("should prove every setting rule by a fixture page", () => {
    const proven = new Set(
      manifest.pages
        .filter((p) => p.expect?.platform)
        .map((p) => settingRuleFor(platforms, p.url, p.setting)?.setting.name),
    );
    for (const platform of platforms) {
      for (const setting of platform.settings) assert.ok(proven.has(setting.name), `${platform.name}/${setting.name}`);
    }
  });

  it('should touch nothing when the setting already says "not used", when the page changed, or when asked to read only', async () => {
    for (const page of manifest.pages.filter((p) => p.expect && (p.expect.refused || p.expect.usedForAi === false))) {
      const document = load(page);
      const before = document.body.innerHTML;
      const outcome = await turnOff(
        platforms,
        document,
        page.url,
        readSetting(platforms, document, page.url, page.setting),
      );
      assert.equal(document.body.innerHTML, before, page.file);
      assert.equal(outcome.held, !page.expect.refused, page.file);
    }
    const page = manifest.pages.find((p) => p.turnOff);
    const document = load(page);
    readSetting(platforms, document, page.url);
    assert.equal(readSetting(platforms, document, page.url)?.state, "on", "reading never clicks");
  });

  it("should read every setting a page shows, in the rule's order, leaving out an optional one the page does not show", () => {
    const byName = (file) => {
      const page = manifest.pages.find((p) => p.file === file);
      return Object.fromEntries(
        readSettings(platforms, load(page), page.url).map((r) => [r.setting, r.refused ?? r.state]),
      );
    };
    assert.deepEqual(byName("copilot-on.html"), { "model-training-on-text": "on", "model-training-on-voice": "on" });
    assert.deepEqual(byName("copilot-off-nl.html"), {
      "model-training-on-text": "off",
      "model-training-on-voice": "on",
    });
    assert.deepEqual(byName("copilot-text-only-de.html"), { "model-training-on-text": "on" });
    assert.deepEqual(
      byName("copilot-changed.html"),
      { "model-training-on-text": "control_not_found" },
      "a required one is refused",
    );
    assert.equal(readSettings(platforms, load(manifest.pages[0]), "https://example.org/"), null);
  });

  it("should know a setting page only on the platform's own https hosts", () => {
    assert.equal(
      settingRuleFor(
        platforms,
        "https://www.linkedin.com.evil.example/mypreferences/d/settings/data-for-ai-improvement",
      ),
      null,
    );
    assert.equal(
      settingRuleFor(platforms, "http://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"),
      null,
    );
    assert.equal(
      settingRuleFor(platforms, "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement-x"),
      null,
    );
  });
});
