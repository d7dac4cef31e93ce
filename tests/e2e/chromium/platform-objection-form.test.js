// Scenario: LinkedIn's objection form (EU/EEA, UK, Switzerland) in the real browser with the real host. The user
// enables LinkedIn on the full page (a real grant on that click), so the form engine's script is registered on the
// form's address. The form (a fixture served at its real address, in French) is
// filled on load with the user's e-mail address and name and an objection addressed to LinkedIn; the user presses
// Send; LinkedIn Help's "request received" page is kept by the host as an objection for service `linkedin`, with the
// values sent, and the popup shows LinkedIn's form among all forms and the objection beside LinkedIn's switch.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { storedConfirmation, waitForStored } from "../support/host.js";
import { reactState } from "../support/user.js";
import { messages } from "../support/locale.js";
import { LINKEDIN, platformAccess } from "../support/platform-access.js";

const FORM = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";

test(
  "LinkedIn's objection form filled on load, sent by the user, LinkedIn's answer kept by the host",
  { timeout: 150_000 },
  async () => {
    await withChromium("platform-objection-form", {}, async ({ sandbox, site, browser, screenshot }) => {
      site.route(FORM, "linkedin-objection-fr.html");
      // The user enables LinkedIn on the full page (a real grant on that click, as in platform-setting.test.js): the
      // form's script is registered with the setting's.
      await browser.allowSitesInExtensionSettings(LINKEDIN.origins);
      const full = await browser.newPage(`${browser.extensionUrl("options.html")}#platforms`);
      await full.waitForSelector('body[data-ready="true"]');
      await full.locator("#platform-linkedin").click();
      await full
        .locator('[data-testid="platforms-status"]')
        .filter({ hasText: messages("en").text("platform_enabled", ["LinkedIn"]) })
        .waitFor();
      assert.deepEqual(await platformAccess(browser, LINKEDIN.origins), {
        granted: true,
        registered: [...LINKEDIN.scripts],
      });

      const page = await browser.newPage(`${FORM}?lang=fr`);
      const filled = await browser.waitForTabState(page, (s) => s.status === "filled");
      assert.equal(filled.service, "linkedin");
      assert.deepEqual(
        filled.filled.map((f) => f.field),
        ["email", "name", "objectionType", "reason"],
      );
      const values = await reactState(page); // the help search box in the header, then the form's fields
      const [search, name, email, reason] = values;
      assert.deepEqual(
        [search.state, name.state, email.state],
        ["", PROFILE.name, PROFILE.email],
        "LinkedIn's page state holds what NoTrain filled, and nothing outside the form",
      );
      assert.match(reason.state, /^Je m'oppose, en vertu de l'article 21 .* LinkedIn/);
      assert.doesNotMatch(
        reason.state,
        /Meta/,
        "the objection is addressed to LinkedIn, not the profile's text for Meta",
      );
      await screenshot(page, "linkedin-form-filled");

      // The popup (opening it grants the screenshot of this tab): LinkedIn's form among all forms, nothing sent yet.
      const popup = await browser.clickToolbarIcon(page);
      const link = popup.locator('#service-links li[data-platform="linkedin"] a');
      await link.waitFor({ state: "attached" });
      assert.equal(await link.getAttribute("href"), FORM);
      assert.equal(await popup.locator('[data-testid="undo-fill"]').isVisible(), true);
      await screenshot(popup, "popup-linkedin-form");
      await popup.close();

      // The user sends: LinkedIn Help answers in the form's place, and the host keeps it.
      await page.bringToFront();
      await page.getByRole("button", { name: "Envoyer" }).click();
      await page.getByText("Nous avons bien reçu votre demande").waitFor();
      const [kept] = await waitForStored(sandbox, 1, 20_000);
      assert.deepEqual([kept.service, kept.kind], ["linkedin", "page"]);
      assert.equal(new URL(kept.url).pathname, "/help/linkedin/ask/TS-DPRO");
      const record = storedConfirmation(sandbox, kept.id);
      assert.match(record.text, /^Merci de nous avoir contactés\nNous avons bien reçu votre demande/);
      assert.equal(record.verdict, "received");
      assert.equal(record.account, PROFILE.email);
      assert.equal(record.form.reason, reason.state, "the text sent is kept with the answer");
      assert.equal(
        record.form.objectionType,
        "Utilisation de mes données personnelles pour entraîner des modèles d'IA",
      );
      assert.match(kept.sha256, /^[0-9a-f]{64}$/, "kept with its digest");
      assert.equal(kept.has_screenshot, true, "the popup granted the screenshot of the answer");
      await browser.waitForTabState(page, (s) => s.status === "confirmed");
      await screenshot(page, "linkedin-answer");

      // The popup's LinkedIn line: the objection sent, its answer kept.
      const after = await browser.clickToolbarIcon(page);
      const objection = after.locator('#platforms-list li[data-platform="linkedin"] li[data-objection]');
      await objection.waitFor();
      assert.deepEqual(
        [await objection.getAttribute("data-objection"), await objection.getAttribute("data-account")],
        ["confirmed", PROFILE.email],
      );
      await screenshot(after, "popup-linkedin-objection-kept");
    });
  },
);
