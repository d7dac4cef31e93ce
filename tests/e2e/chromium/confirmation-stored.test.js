// Scenario 4: Meta's confirmation — on the page after sending, and the reply in the Support Inbox — is
// stored by the host in its SQLite file (read back with `notrain-host list/show`), with the screenshot,
// and the popup and the full page list it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { hostReceipt, storedConfirmation, waitForStored } from "../support/host.js";
import { fillFromPopup } from "../support/user.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";
const INBOX = "https://www.facebook.com/support/?tab=your_reports";

test(
  "confirmations on the page and in the Support Inbox are stored, with the screenshot, and listed",
  { timeout: 150_000 },
  async () => {
    await withChromium("confirmation-stored", {}, async ({ sandbox, site, browser, screenshot }) => {
      site.route(FORM, "facebook-2025-en.html");
      site.route(INBOX, "facebook-support-inbox-en.html");

      // On the page: the user fills with NoTrain (opening the popup grants the screenshot) and sends.
      const page = await browser.newPage(`${FORM}?ref=privacy_center`);
      await browser.waitForTabState(page, (s) => s.page_kind === "objection_form");
      const { popup } = await fillFromPopup(browser, page);
      await popup.close();
      await page.bringToFront();
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByText("Thanks for your request").waitFor();
      await screenshot(page, "confirmation-on-page");
      const [onPage] = await waitForStored(sandbox, 1);
      assert.equal(onPage.service, "facebook");
      assert.equal(onPage.kind, "page");
      assert.equal(new URL(onPage.url).pathname, new URL(FORM).pathname);
      assert.equal(onPage.has_screenshot, true, "the screenshot of the confirmation is stored");
      const pageRecord = storedConfirmation(sandbox, onPage.id);
      assert.match(pageRecord.text, /We will honour your objection/);
      assert.equal(pageRecord.form?.reason, PROFILE.objection_text, "the submitted text is kept with the confirmation");
      assert.match(pageRecord.screenshot_mime, /^image\/(jpeg|png)$/);
      assert.ok(pageRecord.screenshot_size > 1000, `a real picture (${pageRecord.screenshot_size} bytes)`);
      const status = await browser.waitForTabState(page, (s) => s.status === "confirmed");
      assert.equal(status.page_kind, "confirmation");

      // In the Support Inbox: the reply is recognised and stored as soon as the page shows it.
      const inbox = await browser.newPage(INBOX);
      const stored = await waitForStored(sandbox, 2);
      const inInbox = stored.find((item) => item.id !== onPage.id);
      assert.equal(inInbox.kind, "inbox");
      assert.equal(inInbox.service, "facebook");
      assert.match(storedConfirmation(sandbox, inInbox.id).text, /will honor your objection/);
      await screenshot(inbox, "support-inbox");

      // Reporting the same confirmation again stores nothing new.
      await inbox.reload();
      await browser.waitForTabState(inbox, (s) => s.status === "confirmed");
      await browser.settled(inbox);
      assert.equal((await waitForStored(sandbox, 2)).length, 2, "a reload does not store a second copy");

      // The popup's status: Facebook objected and confirmed for the account the form carried, linked to the page's
      // confirmation (the inbox reply names no account, so it is not a line of its own).
      const list = await browser.openPopupFor(await browser.tabIdOf(inbox));
      const lines = await list
        .locator('[data-testid="coverage-list"] li[data-service="facebook"][data-account]')
        .evaluateAll((items) =>
          items.map((li) => [li.dataset.account, li.dataset.state, li.querySelector("a.state")?.getAttribute("href")]),
        );
      assert.deepEqual(lines, [
        [storedConfirmation(sandbox, onPage.id).account, "confirmed", `options.html#confirmation-${onPage.id}`],
      ]);
      await screenshot(list, "popup-covered");

      // The full page lists both and shows the stored screenshot.
      const full = await browser.newPage(`${browser.extensionUrl("options.html")}#confirmation-${onPage.id}`);
      await full.waitForSelector('body[data-ready="true"]');
      const rows = await full
        .locator("#confirmations-body tr[data-id]")
        .evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
      assert.deepEqual(
        rows,
        stored.map((item) => String(item.id)),
      );
      const image = full.locator("#detail-screenshot");
      await image.waitFor({ state: "visible" });
      await full.waitForFunction(
        () => /** @type {HTMLImageElement} */ (document.getElementById("detail-screenshot")).naturalWidth > 0,
      );
      assert.match(await full.locator("#detail-text").textContent(), /We will honour your objection/);
      await screenshot(full, "full-page-detail");

      // The receipt to keep elsewhere: the same chain head as the command line's.
      const receipt = await full.locator('[data-testid="receipt-text"]').textContent();
      assert.match(receipt, /Chain position: 2\n/);
      assert.ok(hostReceipt(sandbox).startsWith(receipt), `${receipt} is what notrain-host receipt prints`);
    });
  },
);
