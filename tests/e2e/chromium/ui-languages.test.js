// Scenario 7: the popup and the full page in the user's interface language (French and Dutch here, set with
// --lang and LANGUAGE as a user's system would), every text taken from the extension's own locale files.
// The screenshots are kept as artifacts for people to look at.
import assert from "node:assert/strict";
import { test } from "node:test";
import { withChromium } from "../support/harness.js";
import { callHost } from "../support/host-rpc.js";
import { messages } from "../support/locale.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";

for (const lang of ["fr", "nl"]) {
  test(`popup and full page in ${lang}`, { timeout: 120_000 }, async () => {
    await withChromium(`ui-${lang}`, { lang }, async ({ sandbox, site, browser, screenshot }) => {
      const text = messages(lang).text;
      site.route(FORM, "facebook-2025-en.html");
      const page = await browser.newPage(FORM);
      await browser.waitForTabState(page, (s) => s.page_kind === "objection_form");

      const popup = await browser.clickToolbarIcon(page);
      assert.equal(
        await popup.evaluate(() => chrome.i18n.getUILanguage()),
        lang,
        "the browser runs in the chosen language",
      );
      assert.equal(await popup.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await popup.locator("#page-heading").textContent(), text("popup_this_page"));
      assert.equal(
        await popup.locator('[data-testid="page-summary"]').textContent(),
        text("kind_objection_form", ["Facebook"]),
      );
      assert.equal(await popup.locator('[data-testid="fill-now"]').textContent(), text("popup_fill_now"));
      assert.equal(await popup.locator('[data-testid="open-full-page"]').textContent(), text("popup_open_full_page"));
      const { version } = await callHost(sandbox, "hello");
      assert.equal(await popup.locator('[data-testid="host-status"]').textContent(), text("host_ok_short", [version]));
      await screenshot(popup, `popup-${lang}`);
      await popup.close();

      const full = await browser.newPage(browser.extensionUrl("options.html"));
      await full.waitForSelector('body[data-ready="true"]');
      assert.equal(await full.locator("#profile-heading").textContent(), text("profile_heading"));
      assert.equal(await full.locator("#confirmations-heading").textContent(), text("confirmations_heading"));
      assert.equal(
        await full.locator('[data-testid="confirmations-status"]').textContent(),
        text("confirmations_none"),
      );
      assert.equal(await full.locator("#profile-save").textContent(), text("profile_save"));
      await screenshot(full, `full-page-${lang}`);
    });
  });
}
