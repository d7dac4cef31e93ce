// Scenario 5: the host is not registered. The popup says what is wrong and how to fix it, the confirmation
// waits in the extension's queue; once the user registers the host (`notrain-host install`) the queue is
// delivered and nothing is lost.
import assert from "node:assert/strict";
import { test } from "node:test";
import { withChromium } from "../support/harness.js";
import { registerHost, storedConfirmation, storedConfirmations } from "../support/host.js";
import { messages } from "../support/locale.js";
import { fillFromPopup } from "../support/user.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";

test(
  "without the host the confirmation waits in the queue and is delivered once the host is installed",
  { timeout: 150_000 },
  async () => {
    await withChromium("host-missing-queue", { register: false }, async ({ sandbox, site, browser, screenshot }) => {
      const en = messages("en");
      site.route(FORM, "facebook-2025-en.html");
      const page = await browser.newPage(FORM);
      await browser.waitForTabState(page, (s) => s.page_kind === "objection_form");

      // The popup explains the problem and its fix.
      const { popup } = await fillFromPopup(browser, page);
      const hostStatus = popup.locator('[data-testid="host-status"]');
      assert.equal(await hostStatus.getAttribute("data-state"), "host-missing");
      const said = await hostStatus.textContent();
      assert.ok(said.includes(en.text("host_not_working")), said);
      assert.ok(said.includes(en.text("fix_host_missing")), said);
      assert.match(await hostStatus.locator("code").first().textContent(), /notrain-host install/);
      await screenshot(popup, "popup-host-missing");
      await popup.close();

      // The user sends; Meta confirms; the confirmation cannot be stored yet.
      await page.bringToFront();
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByText("Thanks for your request").waitFor();
      await browser.waitForTabState(page, (s) => s.status === "confirmed");
      const waiting = await browser.openPopupFor(await browser.tabIdOf(page));
      const pending = waiting.locator('[data-testid="pending-status"]');
      assert.equal(await pending.getAttribute("data-count"), "1");
      assert.equal(await pending.textContent(), en.count("pending_count", 1));
      await screenshot(waiting, "popup-one-waiting");
      await waiting.close();
      // The full page shows what waits, and why.
      const full = await browser.newPage(browser.extensionUrl("options.html#pending"));
      await full.waitForSelector('body[data-ready="true"]');
      assert.equal(await full.locator('[data-testid="pending-list"] li').count(), 1);
      assert.equal(await full.locator('[data-testid="pending-summary"]').textContent(), en.count("pending_count", 1));
      await screenshot(full, "full-page-one-waiting");
      await full.close();
      assert.deepEqual(storedConfirmations(sandbox), [], "nothing reached the database yet");

      // The user registers the host, as the popup said, and opens the popup again: the queue is delivered.
      registerHost(sandbox, "chromium");
      await page.bringToFront();
      const fixed = await browser.openPopupFor(await browser.tabIdOf(page));
      assert.equal(await fixed.locator('[data-testid="host-status"]').getAttribute("data-state"), "ok");
      assert.equal(await fixed.locator('[data-testid="pending-status"]').getAttribute("data-count"), "0");
      assert.equal(
        await fixed.locator('[data-testid="pending-status"]').isHidden(),
        true,
        "nothing waits: nothing said",
      );
      assert.deepEqual(
        await fixed
          .locator('#coverage-list li[data-service="facebook"][data-account]')
          .evaluateAll((rows) => rows.map((r) => r.dataset.state)),
        ["confirmed"],
        "the delivered confirmation covers the account",
      );
      await screenshot(fixed, "popup-delivered");

      const stored = storedConfirmations(sandbox);
      assert.equal(stored.length, 1, "exactly one record: nothing lost, nothing doubled");
      const record = storedConfirmation(sandbox, stored[0].id);
      assert.equal(record.kind, "page");
      assert.match(record.text, /We will honour your objection/);
      assert.equal(record.has_screenshot, true, "the screenshot taken while queued is delivered too");
      assert.ok(typeof record.form?.reason === "string" && record.form.reason.length > 0, "the submitted text is kept");
      assert.ok(new Date(record.captured_at) < new Date(record.saved_at), "captured when Meta showed it, saved later");
    });
  },
);
