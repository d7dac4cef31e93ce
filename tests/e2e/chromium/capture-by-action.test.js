// Scenario: a confirmation is kept because of what the user did, not because of its wording. After the user's own
// send, Meta's answer in a wording no rule contains is kept (and the popup asks the user about it); a form left
// unsent, followed by a move (history.pushState) to a post quoting Meta's confirmation, keeps nothing; a link-shim
// page is neither a form nor a confirmation.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { storedConfirmation, storedConfirmations, waitForStored } from "../support/host.js";

const FORM_DE = "https://de-de.facebook.com/help/contact/712876720715583";
const FORM_EN = "https://www.facebook.com/help/contact/712876720715583";
const SHIM = `https://l.facebook.com/l.php?u=${encodeURIComponent(FORM_EN)}&h=AT0`;
const QUOTE =
  'My friend got this: "We will honour your objection. This means your request will be applied going forward."';

test(
  "kept after the user sent the form whatever its wording; nothing from a quote or a link shim",
  { timeout: 150_000 },
  async (t) => {
    await withChromium("capture-by-action", {}, async ({ sandbox, site, browser, screenshot }) => {
      site.route(FORM_DE, "facebook-2025-de-unknown-answer.html");
      site.route(FORM_EN, "facebook-2025-en.html");
      site.route(SHIM, "facebook-support-inbox-other-en.html");

      await t.test("an answer in a wording no rule contains, after the user sent the form", async () => {
        const page = await browser.newPage(FORM_DE);
        await browser.waitForTabState(page, (s) => s.status === "filled");
        const popup = await browser.clickToolbarIcon(page); // the click that allows the screenshot
        await popup.close();
        await page.bringToFront();
        await page.getByRole("button", { name: "Senden" }).click();
        await page.getByText("Prima, das hat geklappt").waitFor();
        const [saved] = await waitForStored(sandbox, 1);
        const record = storedConfirmation(sandbox, saved.id);
        assert.equal(record.kind, "page");
        assert.equal(record.verdict, "unknown");
        assert.ok(Date.parse(record.sent_at) <= Date.parse(record.captured_at), "sent before Meta answered");
        assert.match(record.text, /Prima, das hat geklappt/);
        assert.equal(record.account, PROFILE.email);
        const asked = await browser.openPopupFor(await browser.tabIdOf(page));
        assert.equal(
          await asked.locator('[data-testid="answers-section"]').isVisible(),
          true,
          "the popup asks about it",
        );
        assert.match(await asked.locator('[data-testid="answers-list"]').textContent(), /Prima, das hat geklappt/);
        await screenshot(asked, "popup-asks-about-unknown-answer");
        await asked.close();
        await page.close();
      });

      await t.test(
        "a form left unsent, then a post quoting the confirmation on the next route: nothing kept",
        async () => {
          const before = storedConfirmations(sandbox).length;
          const page = await browser.newPage(FORM_EN);
          await browser.waitForTabState(page, (s) => s.status === "filled");
          // The single-page app moves on without a send: a new route, a post that quotes Meta's answer.
          await page.evaluate((quote) => {
            history.pushState({}, "", "/groups/123/posts/456");
            const main = /** @type {Element} */ (document.querySelector('[role="main"]'));
            const post = document.createElement("div");
            post.textContent = quote;
            main.replaceChildren(post);
          }, QUOTE);
          await browser.waitForTabState(page, (s) => s.page_kind !== "objection_form");
          const state = await browser.settled(page);
          assert.notEqual(state?.status, "confirmed");
          assert.equal(storedConfirmations(sandbox).length, before, "the quote was not kept");
          await page.close();
        },
      );

      await t.test("a link-shim page: neither a form nor a confirmation", async () => {
        const before = storedConfirmations(sandbox).length;
        const page = await browser.newPage(SHIM);
        const state = await browser.waitForTabState(page, () => true);
        assert.equal(state.page_kind, "other_meta");
        await browser.settled(page);
        assert.equal(await page.locator(".notrain-filled").count(), 0);
        assert.equal(storedConfirmations(sandbox).length, before);
        await page.close();
      });
    });
  },
);
