// Scenario 6: NoTrain acts on Meta's objection pages only. On a look-alike domain serving a copy of the form,
// and on Meta pages that are not the objection form (another contact form, the feed quoting Meta's reply,
// an unrelated Support Inbox message), nothing is filled, nothing is sent and nothing is stored — even when
// "fill now" is asked for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { withChromium } from "../support/harness.js";
import { storedConfirmations } from "../support/host.js";

const LOOKALIKES = [
  "https://facebook-help-privacy.example/help/contact/712876720715583",
  "https://www.facebook.com.help-privacy.example/help/contact/712876720715583",
];
const UNRELATED = [
  { url: "https://www.facebook.com/help/contact/1234567890123", file: "facebook-unrelated-contact.html" },
  { url: "https://www.facebook.com/", file: "facebook-feed-quote.html" },
  { url: "https://www.facebook.com/support/", file: "facebook-support-inbox-other-en.html" },
  { url: "https://www.instagram.com/", file: "instagram-home.html" },
];

async function assertUntouched(page) {
  assert.equal(await page.locator(".notrain-filled").count(), 0, "no field is marked as filled");
  for (const box of await page.locator("textarea").all())
    assert.equal(await box.inputValue(), "", "text boxes stay empty");
}

test(
  "look-alike domains and unrelated Meta pages: nothing filled, nothing sent, nothing stored",
  { timeout: 150_000 },
  async (t) => {
    await withChromium("nothing-elsewhere", {}, async ({ sandbox, site, browser, screenshot }) => {
      for (const url of LOOKALIKES) site.route(url, "facebook-2025-en.html");
      for (const { url, file } of UNRELATED) site.route(url, file);

      for (const url of LOOKALIKES) {
        await t.test(`look-alike ${new URL(url).hostname}`, async () => {
          const page = await browser.newPage(url);
          const popup = await browser.clickToolbarIcon(page);
          assert.equal(
            await popup.locator('[data-testid="page-summary"]').getAttribute("data-kind"),
            "none",
            "not a Meta page",
          );
          assert.equal(await popup.locator('[data-testid="fill-now"]').isHidden(), true, 'no "Fill now"');
          await screenshot(popup, `popup-${new URL(url).hostname}`);
          await popup.close();
          assert.equal(await page.locator("notrain-notice").count(), 0, "no NoTrain notice on the page");
          await assertUntouched(page);
          assert.equal(await browser.tabState(page), null, "the extension knows nothing of this tab");
          await page.close();
        });
      }

      for (const { url, file } of UNRELATED) {
        await t.test(`${file} at ${url}`, async () => {
          const page = await browser.newPage(url);
          const state = await browser.waitForTabState(page, () => true);
          assert.ok(
            !["objection_form", "third_party_form", "confirmation", "inbox_reply"].includes(state.page_kind),
            JSON.stringify(state),
          );
          const popup = await browser.clickToolbarIcon(page);
          assert.equal(await popup.locator('[data-testid="fill-now"]').isHidden(), true, 'no "Fill now"');
          await popup.close();
          // Even a direct "fill-now" (as from a stale popup) fills nothing here.
          const tabId = await browser.tabIdOf(page);
          const answer = await browser.inExtension((id) => chrome.tabs.sendMessage(id, { type: "fill-now" }), tabId);
          assert.equal(answer.ok, false);
          await browser.settled(page);
          await assertUntouched(page);
          await page.close();
        });
      }

      await t.test("a name the test site does not stand in for resolves nowhere", async () => {
        const page = await browser.newPage();
        await assert.rejects(page.goto("https://www.example.org/"), /ERR_NAME_NOT_RESOLVED/);
        await page.close();
      });

      assert.deepEqual(site.submissions(), [], "no page sent anything");
      assert.deepEqual(storedConfirmations(sandbox), [], "nothing stored");
    });
  },
);
