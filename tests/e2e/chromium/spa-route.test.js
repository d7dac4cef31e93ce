// Scenario 3: the Privacy Center links to the objection form and Meta moves there as a single-page app
// (history.pushState, no document load). NoTrain must notice the new page and fill it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { field, fillFromPopup } from "../support/user.js";

const PRIVACY_CENTER = "https://www.facebook.com/privacy/genai/";
const FORM = "https://www.facebook.com/help/contact/712876720715583";

test("Privacy Center → objection form without reload: recognised and filled", { timeout: 120_000 }, async () => {
  await withChromium("spa-route", {}, async ({ site, browser, screenshot }) => {
    site.route(PRIVACY_CENTER, "facebook-privacy-genai-en.html", { spa: true });
    site.route(FORM, "facebook-2025-en.html");
    const page = await browser.newPage(PRIVACY_CENTER);
    await browser.waitForTabState(page, (s) => s.page_kind === "privacy_center");
    await page.evaluate(() => {
      window.sameDocument = true;
    });
    const documentLoads = () =>
      site.requests().filter((r) => r.method === "GET" && !r.path.startsWith("/__e2e/")).length;
    const loadsBefore = documentLoads();

    await page.getByRole("link", { name: "Submit an objection request" }).click();
    await page.waitForURL(FORM);
    await page.locator("textarea").waitFor();
    assert.equal(await page.evaluate(() => window.sameDocument), true, "the same document: no reload");
    assert.equal(documentLoads(), loadsBefore, "no page was loaded from the site");

    await browser.waitForTabState(page, (s) => s.page_kind === "objection_form");
    const { popup } = await fillFromPopup(browser, page);
    await browser.waitForTabState(page, (s) => s.status === "filled");
    await popup.close();
    assert.equal(await page.locator("textarea").inputValue(), PROFILE.objection_text);
    await screenshot(page, "form-filled-after-route");

    await page.getByRole("button", { name: "Send" }).click();
    const [sent] = await site.waitForSubmissions(1);
    assert.equal(field(sent, "textarea").state, PROFILE.objection_text, "React holds the text on the routed page");
    assert.equal(sent.url, FORM);
  });
});
