// Scenario 4 in Firefox ESR: the confirmation on the page (with its screenshot) and the Support Inbox reply
// are stored by the host, read back with its command line, and listed by the popup and the full page (axe-core finds
// no violation on either, light and dark).
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolationsFirefox } from "../support/axe.js";
import { PROFILE, withFirefox } from "../support/harness.js";
import { storedConfirmation, waitForStored } from "../support/host.js";
import { messages } from "../support/locale.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";
const INBOX = "https://www.facebook.com/support/?tab=your_reports";

test(
  "Firefox: confirmations on the page and in the Support Inbox are stored, with the screenshot, and listed",
  { timeout: 240_000 },
  async () => {
    await withFirefox("confirmation-stored", {}, async ({ sandbox, site, browser, screenshot }) => {
      const en = messages("en", "firefox");
      site.route(FORM, "facebook-2025-en.html");
      site.route(INBOX, "facebook-support-inbox-en.html");

      const page = await browser.newTab(FORM);
      await browser.waitForTabState(page, (s) => s.page_kind === "objection_form");
      await browser.settled(page); // auto-fill is done: the popup shows its outcome
      const popup = await browser.clickToolbarIcon(page);
      // Filled on load already, the popup offers Undo, not "Fill now"; it says what auto-fill did.
      if (
        await browser.evaluate(
          popup,
          () => !(/** @type {HTMLElement} */ (document.querySelector('[data-testid="fill-now"]')).hidden),
        )
      ) {
        await browser.click(popup, '[data-testid="fill-now"]');
      }
      await browser.waitFor(
        popup,
        (busy) => {
          const text = /** @type {Element} */ (document.querySelector('[data-testid="fill-status"]')).textContent;
          return text && text !== busy;
        },
        [en.text("popup_filling")],
        15_000,
      );
      await browser.closeTab(popup);
      await browser.activate(page);
      await browser.click(page, "form button[type=submit]");
      await browser.waitFor(page, () => document.body.textContent.includes("Thanks for your request"));
      await screenshot(page, "confirmation-on-page");

      const [onPage] = await waitForStored(sandbox, 1);
      assert.equal(onPage.kind, "page");
      assert.equal(onPage.service, "facebook");
      assert.equal(onPage.has_screenshot, true, "the screenshot of the confirmation is stored");
      const record = storedConfirmation(sandbox, onPage.id);
      assert.match(record.text, /We will honour your objection/);
      assert.equal(record.form?.reason, PROFILE.objection_text);
      assert.ok(record.screenshot_size > 1000, `a real picture (${record.screenshot_size} bytes)`);

      const inbox = await browser.newTab(INBOX);
      const stored = await waitForStored(sandbox, 2);
      const inInbox = stored.find((item) => item.id !== onPage.id);
      assert.equal(inInbox.kind, "inbox");
      assert.match(storedConfirmation(sandbox, inInbox.id).text, /will honor your objection/);
      await screenshot(inbox, "support-inbox");

      const list = await browser.openPopupFor(await browser.tabIdOf(inbox));
      const lines = await browser.evaluate(list, () =>
        [
          .../** @type {NodeListOf<HTMLElement>} */ (
            document.querySelectorAll('[data-testid="coverage-list"] li[data-service="facebook"][data-account]')
          ),
        ].map((li) => [li.dataset.account, li.dataset.state, li.querySelector("a.state")?.getAttribute("href")]),
      );
      assert.deepEqual(lines, [[record.account, "confirmed", `options.html#confirmation-${onPage.id}`]]);
      assert.deepEqual(await axeViolationsFirefox(browser, list), []);
      await screenshot(list, "popup-covered");

      const full = await browser.newTab(`${browser.extensionUrl("options.html")}#confirmation-${onPage.id}`);
      await browser.waitFor(full, () => document.body.dataset.ready === "true");
      const rows = await browser.evaluate(full, () =>
        [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("#confirmations-body tr[data-id]"))].map(
          (tr) => tr.dataset.id,
        ),
      );
      assert.deepEqual(
        rows,
        stored.map((item) => String(item.id)),
      );
      await browser.waitFor(
        full,
        () => /** @type {HTMLImageElement} */ (document.getElementById("detail-screenshot")).naturalWidth > 0,
      );
      assert.deepEqual(await axeViolationsFirefox(browser, full), []);
      await screenshot(full, "full-page-detail");
    });
  },
);
