// Scenario (Firefox ESR): a platform beyond Meta from the user's grant to its removal, with the real host. The user
// enables LinkedIn on the full page: Firefox grants the optional host permission on that click (its pref
// extensions.webextOptionalPermissionPrompts = false grants without showing the prompt, which headless Firefox could
// not answer; the request still needs the user's click: without one Firefox refuses it). NoTrain's script for LinkedIn
// is registered and reads the setting; on the user's click in the popup the switch goes off and the host keeps the
// `setting` record. Then the user disables LinkedIn: the grant is removed, the script unregistered, a fresh load of
// the page is not read, and the evidence stays.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolationsFirefox } from "../support/axe.js";
import { withFirefox } from "../support/harness.js";
import { storedConfirmation, storedConfirmations, waitForStored } from "../support/host.js";
import { messages } from "../support/locale.js";
import { LINKEDIN, platformAccess, platformScriptAnswers } from "../support/platform-access.js";

const PREFS = { "extensions.webextOptionalPermissionPrompts": false };
const statusIs = (text) =>
  /** @type {Element} */ (document.querySelector('[data-testid="platforms-status"]')).textContent === text;
const ariaChecked = (labelledBy) =>
  /** @type {Element} */ (document.querySelector(`[aria-labelledby="${labelledBy}"]`)).getAttribute("aria-checked");

test(
  "Firefox: LinkedIn enabled by the user's grant, its switch turned off and kept, then disabled: no longer read, evidence kept",
  { timeout: 240_000 },
  async () => {
    await withFirefox("platform-setting", { prefs: PREFS }, async ({ sandbox, site, browser, screenshot }) => {
      const en = messages("en", "firefox");
      site.route(LINKEDIN.settings, "../platforms/linkedin-on.html", LINKEDIN.page);
      const full = await browser.newTab(`${browser.extensionUrl("options.html")}#platforms`);
      await browser.waitFor(full, () => document.body.dataset.ready === "true");
      assert.deepEqual(await platformAccess(browser, LINKEDIN.origins), { granted: false, registered: [] });

      // Asked without the user's click (a script, not an input), Firefox refuses: the pref skips the prompt, not the gesture.
      const unasked = await browser.evaluate(
        full,
        (origins) => globalThis.browser.permissions.request({ origins }).then(String, (e) => e.message),
        LINKEDIN.origins,
      );
      assert.match(unasked, /user input handler/);
      assert.equal((await platformAccess(browser, LINKEDIN.origins)).granted, false);

      // The user's click on "NoTrain on LinkedIn" (a real input action): granted, and the script registered.
      await browser.activate(full);
      await browser.click(full, "#platform-linkedin");
      await browser.waitFor(full, statusIs, [en.text("platform_enabled", ["LinkedIn"])]);
      assert.deepEqual(await platformAccess(browser, LINKEDIN.origins), {
        granted: true,
        registered: [...LINKEDIN.scripts],
      });
      assert.deepEqual(await axeViolationsFirefox(browser, full), []);
      await screenshot(full, "full-page-linkedin-enabled");

      // The setting's page is read; the user's click in the popup turns that switch off, and the host keeps the record.
      const page = await browser.newTab(LINKEDIN.settings);
      assert.equal(
        await platformScriptAnswers(browser, page),
        true,
        "the registered script runs on the platform's page",
      );
      const popup = await browser.clickToolbarIcon(page);
      const summary = await browser.waitFor(
        popup,
        () => document.querySelector('[data-testid="setting-summary"]')?.textContent,
      );
      assert.equal(summary, en.text("setting_used", ["LinkedIn"]));
      assert.equal(await browser.evaluate(page, ariaChecked, "ember42"), "true", "nothing happens before the click");
      assert.deepEqual(await axeViolationsFirefox(browser, popup), []);
      await screenshot(popup, "popup-linkedin-on");
      await browser.click(popup, '[data-testid="setting-turn-off"]');

      const [kept] = await waitForStored(sandbox, 1, 20_000);
      const record = storedConfirmation(sandbox, kept.id);
      assert.deepEqual([record.service, record.kind, record.url], ["linkedin", "setting", LINKEDIN.settings]);
      assert.deepEqual(
        [record.form.label, record.form.before, record.form.after, record.form.held],
        ["Use my data for training content creation AI models", "on", "off", true],
      );
      assert.equal(await browser.evaluate(page, ariaChecked, "ember42"), "false");
      assert.equal(await browser.evaluate(page, ariaChecked, "ember43"), "true", "no other control is touched");
      const said = await browser.waitFor(
        popup,
        () => /** @type {HTMLElement} */ (document.querySelector('[data-testid="setting-section"]')).dataset.outcome,
      );
      assert.equal(said, "held");
      await screenshot(popup, "popup-linkedin-turned-off");
      await browser.closeTab(popup);

      // The user disables LinkedIn on the full page: the grant goes, and with it the script.
      await browser.activate(full);
      await browser.click(full, "#platform-linkedin");
      await browser.waitFor(full, statusIs, [en.text("platform_disabled", ["LinkedIn"])]);
      assert.deepEqual(await platformAccess(browser, LINKEDIN.origins), { granted: false, registered: [] });
      await screenshot(full, "full-page-linkedin-disabled");

      // A fresh load of the setting's page: NoTrain's script is not there, the popup offers to enable LinkedIn, nothing read.
      await browser.navigate(page, LINKEDIN.settings);
      assert.equal(await platformScriptAnswers(browser, page), false, "no NoTrain script on the page any more");
      const after = await browser.clickToolbarIcon(page);
      const offer = await browser.waitFor(after, () => {
        const section = /** @type {HTMLElement} */ (document.querySelector('[data-testid="setting-section"]'));
        return (
          section.dataset.state && [
            section.dataset.state,
            /** @type {Element} */ (section.querySelector('[data-testid="setting-summary"]')).textContent,
            Boolean(section.querySelector('[data-testid="setting-enable"]')),
            Boolean(section.querySelector('[data-testid="setting-turn-off"]')),
          ]
        );
      });
      assert.deepEqual(offer, ["not-enabled", en.text("setting_not_enabled", ["LinkedIn"]), true, false]);
      assert.deepEqual(await axeViolationsFirefox(browser, after), []);
      await screenshot(after, "popup-linkedin-not-enabled");

      // The evidence stays in the host's database.
      assert.deepEqual(
        storedConfirmations(sandbox).map((item) => [item.id, item.kind]),
        [[kept.id, "setting"]],
      );
    });
  },
);
