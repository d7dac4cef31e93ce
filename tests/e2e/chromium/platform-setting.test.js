// Scenario: a platform beyond Meta, in the real browser with the real host, from the user's grant to its removal.
// The user enables LinkedIn on the full page: a real permissions.request on that click, which Chromium grants without
// its prompt (headless Chromium cannot show one) because the user allowed LinkedIn's sites for NoTrain in the
// browser's own extension settings first; NoTrain's script for LinkedIn is registered. LinkedIn's settings page (a
// fixture served at its real address) with "Use my data for training content creation AI models" on: the popup says
// the data trains AI; on the user's click NoTrain turns off that switch only, waits for LinkedIn to save, and the
// host keeps a `setting` record with the label and the states before and after. Quora and Copilot are enabled the
// same way: a switch Quora puts back is said plainly and the attempt kept too; Copilot's two switches (text, voice)
// are turned off by one click and each kept; a changed Copilot layout, where the switch cannot be told apart, is
// refused: nothing is clicked. Then the user disables LinkedIn on the full page: the grant is removed, the script unregistered, a
// fresh load of the page is not read, and the evidence stays.
import assert from "node:assert/strict";
import { test } from "node:test";
import { withChromium } from "../support/harness.js";
import { storedConfirmation, storedConfirmations, waitForStored } from "../support/host.js";
import { messages } from "../support/locale.js";
import { LINKEDIN, platformAccess, platformOrigins, platformScriptAnswers } from "../support/platform-access.js";

const SETTINGS = LINKEDIN.settings;
const PLATFORM_PAGE = LINKEDIN.page;
const QUORA = "https://www.quora.com/settings/privacy";
const COPILOT = "https://copilot.microsoft.com/";

test(
  "three platforms enabled by the user's grant: LinkedIn's switch turned off and kept, Quora's put back and said, Copilot's two turned off, a changed layout refused; LinkedIn then disabled",
  { timeout: 150_000 },
  async () => {
    await withChromium("platform-setting", {}, async ({ sandbox, site, browser, screenshot }) => {
      const en = messages("en");
      site.route(SETTINGS, "../platforms/linkedin-on.html", PLATFORM_PAGE);
      await browser.allowSitesInExtensionSettings(LINKEDIN.origins);
      assert.deepEqual(
        await platformAccess(browser, LINKEDIN.origins),
        { granted: false, registered: [] },
        "allowing the sites grants nothing by itself",
      );

      // The user's click on "NoTrain on LinkedIn": the request is granted and the script registered.
      const full = await browser.newPage(`${browser.extensionUrl("options.html")}#platforms`);
      await full.waitForSelector('body[data-ready="true"]');
      const platformsStatus = full.locator('[data-testid="platforms-status"]');
      await full.locator("#platform-linkedin").click();
      await platformsStatus.filter({ hasText: en.text("platform_enabled", ["LinkedIn"]) }).waitFor();
      assert.deepEqual(await platformAccess(browser, LINKEDIN.origins), {
        granted: true,
        registered: [...LINKEDIN.scripts],
      });

      const page = await browser.newPage(SETTINGS);
      assert.equal(
        await platformScriptAnswers(browser, page),
        true,
        "the registered script runs on the platform's page",
      );
      const aiSwitch = page.locator('[aria-labelledby="ember42"]');
      const otherSwitch = page.locator('[aria-labelledby="ember43"]');

      const popup = await browser.clickToolbarIcon(page);
      const section = popup.locator('[data-testid="setting-section"]');
      await section.waitFor({ state: "visible" });
      assert.match(
        await popup.locator('[data-testid="setting-summary"]').textContent(),
        /^LinkedIn: your data trains AI/,
      );
      assert.equal(await aiSwitch.getAttribute("aria-checked"), "true", "nothing happens before the click");
      await screenshot(popup, "popup-linkedin-on");
      await popup.locator('[data-testid="setting-turn-off"]').click();

      const [kept] = await waitForStored(sandbox, 1, 20_000);
      const record = storedConfirmation(sandbox, kept.id);
      assert.equal(record.service, "linkedin");
      assert.equal(record.kind, "setting");
      assert.equal(record.url, SETTINGS);
      assert.equal(record.form.label, "Use my data for training content creation AI models");
      assert.equal(record.form.before, "on");
      assert.equal(record.form.after, "off");
      assert.equal(record.form.held, true);
      assert.equal(await aiSwitch.getAttribute("aria-checked"), "false");
      assert.equal(await otherSwitch.getAttribute("aria-checked"), "true", "no other control is touched");
      assert.match(await popup.locator('[data-testid="setting-status"]').textContent(), /^Switched off and read again/);
      await screenshot(page, "linkedin-turned-off");
      await popup.close();

      // Two more platforms enabled the same way: Quora and Microsoft Copilot.
      for (const [name, label] of [
        ["quora", "Quora"],
        ["microsoft-copilot", "Microsoft Copilot"],
      ]) {
        await browser.allowSitesInExtensionSettings(platformOrigins(name));
        await full.bringToFront();
        await full.locator(`#platform-${name}`).click();
        await platformsStatus.filter({ hasText: en.text("platform_enabled", [label]) }).waitFor();
      }

      // Quora saves, then puts its switch back: said plainly, and the attempt kept too (held: false).
      site.route(QUORA, "../platforms/quora-not-sticking.html", PLATFORM_PAGE);
      const quora = await browser.newPage(QUORA);
      const again = await browser.clickToolbarIcon(quora);
      await again.locator('[data-testid="setting-turn-off"]').click();
      await again
        .locator('[data-testid="setting-status"]')
        .filter({ hasText: /did not keep the change/ })
        .waitFor();
      const [latest] = await waitForStored(sandbox, 2, 20_000);
      const attempt = storedConfirmation(sandbox, latest.id);
      assert.deepEqual(
        [attempt.service, attempt.form.before, attempt.form.after, attempt.form.held],
        ["quora", "on", "on", false],
      );
      await screenshot(again, "popup-quora-not-held");
      await again.close();

      // Copilot's privacy dialog holds two switches, text and voice: the one click turns off both, each kept.
      site.route(COPILOT, "../platforms/copilot-on.html", PLATFORM_PAGE);
      const copilot = await browser.newPage(COPILOT);
      const both = await browser.clickToolbarIcon(copilot);
      await both.locator('[data-testid="setting-turn-off"]').click();
      await both
        .locator('[data-testid="setting-status"]')
        .filter({ hasText: /^Switched off and read again/ })
        .waitFor();
      const copilotKept = (await waitForStored(sandbox, 4, 20_000))
        .map((item) => storedConfirmation(sandbox, item.id))
        .filter((item) => item.service === "microsoft-copilot");
      assert.deepEqual(
        copilotKept.map((item) => [item.form.setting, item.form.before, item.form.after, item.form.held]).sort(),
        [
          ["model-training-on-text", "on", "off", true],
          ["model-training-on-voice", "on", "off", true],
        ],
      );
      assert.deepEqual(
        await copilot.locator('input[role="switch"]').evaluateAll((inputs) => inputs.map((i) => i.checked)),
        [false, false],
      );
      await both.close();

      // A layout NoTrain's rule does not recognise: the popup offers nothing to click, and nothing is stored.
      site.route(COPILOT, "../platforms/copilot-changed.html", PLATFORM_PAGE);
      await copilot.reload();
      const changed = await browser.clickToolbarIcon(copilot);
      assert.equal(await changed.locator('[data-testid="setting-turn-off"]').count(), 0);
      assert.match(
        await changed.locator('[data-testid="setting-section"]').textContent(),
        /looks different from what NoTrain knows/,
      );
      await screenshot(changed, "popup-copilot-changed");
      assert.equal(storedConfirmations(sandbox).length, 4);
      await changed.close();

      // The user disables LinkedIn on the full page: the grant goes, and with it the script.
      await full.bringToFront();
      await full.locator("#platform-linkedin").click();
      await platformsStatus.filter({ hasText: en.text("platform_disabled", ["LinkedIn"]) }).waitFor();
      assert.deepEqual(
        await platformAccess(browser, LINKEDIN.origins),
        { granted: false, registered: ["notrain-platform-quora", "notrain-platform-microsoft-copilot"] },
        "LinkedIn's scripts gone, the others kept",
      );

      // A fresh load of the setting's page: NoTrain's script is not there, the popup offers to enable LinkedIn, nothing read.
      site.route(SETTINGS, "../platforms/linkedin-on.html", PLATFORM_PAGE);
      await page.reload();
      assert.equal(await platformScriptAnswers(browser, page), false, "no NoTrain script on the page any more");
      const after = await browser.clickToolbarIcon(page);
      const offer = after.locator('[data-testid="setting-section"]');
      assert.equal(await offer.getAttribute("data-state"), "not-enabled");
      assert.equal(
        await offer.locator('[data-testid="setting-summary"]').textContent(),
        en.text("setting_not_enabled", ["LinkedIn"]),
      );
      assert.equal(await offer.locator('[data-testid="setting-turn-off"]').count(), 0);
      await screenshot(after, "popup-linkedin-not-enabled");
      assert.equal(storedConfirmations(sandbox).length, 4, "the evidence stays");
      assert.ok(storedConfirmation(sandbox, kept.id), "LinkedIn's record among it");
    });
  },
);
