// Scenario: a new user loads the extension before the host is installed and saves a profile on the full page.
// Nothing is lost: the profile is kept in the browser (the page says so once, beside the profile, and the host's
// problem once, at the top), the objection form is filled from it, and once the user installs the host the
// profile reaches it without a restart of the browser.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { registerHost } from "../support/host.js";
import { callHost } from "../support/host-rpc.js";
import { messages } from "../support/locale.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";

test(
  "a profile saved while the host is missing is kept, used, and reaches the host once it is installed",
  { timeout: 150_000 },
  async () => {
    await withChromium(
      "profile-host-missing",
      { register: false, profile: null },
      async ({ sandbox, site, browser, screenshot }) => {
        const en = messages("en");
        site.route(FORM, "facebook-2025-nl.html");
        const full = await browser.newPage(browser.extensionUrl("options.html"));
        await full.waitForSelector('body[data-ready="true"]');
        assert.equal(await full.locator('[data-testid="host-status"]').getAttribute("data-state"), "host-missing");
        await full.locator("#profile-email").fill(PROFILE.email);
        await full.locator("#profile-country").selectOption(PROFILE.country);
        await full.locator('#profile-form button[type="submit"]').click();
        await full.locator("#profile-status", { hasText: en.text("profile_waiting") }).waitFor();
        const page = await full.locator("body").textContent();
        assert.equal(page.split(en.text("fix_host_missing")).length - 1, 1, "the fix is said once on the full page");
        await screenshot(full, "full-page-profile-waiting");

        // The form is filled from the profile kept in the browser.
        const form = await browser.newPage(FORM);
        await browser.waitForTabState(form, (s) => s.status === "filled");
        assert.equal(await form.locator("input[type=email]").inputValue(), PROFILE.email);

        // The user installs the host; opening the full page again hands the profile over. No browser restart.
        registerHost(sandbox, "chromium");
        await full.reload();
        await full.waitForSelector('body[data-ready="true"]');
        assert.equal(await full.locator('[data-testid="host-status"]').getAttribute("data-state"), "ok");
        const { profile } = await callHost(sandbox, "profile.get");
        assert.equal(profile.email, PROFILE.email);
        assert.equal(profile.country, PROFILE.country);
        assert.equal(await full.locator("#profile-email").inputValue(), PROFILE.email);
        await screenshot(full, "full-page-profile-delivered");
      },
    );
  },
);
