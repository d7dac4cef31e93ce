// Scenario 5 in Firefox ESR (its native-messaging errors are worded differently from Chromium's): without
// the host the popup names the fix (axe-core finds no violation there, light and dark) and the confirmation waits;
// after `notrain-host install` it is delivered.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolationsFirefox } from "../support/axe.js";
import { withFirefox } from "../support/harness.js";
import { registerHost, storedConfirmation, storedConfirmations } from "../support/host.js";
import { messages } from "../support/locale.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";
const hostStatus = () => {
  const node = /** @type {HTMLElement} */ (document.querySelector('[data-testid="host-status"]'));
  return { state: node.dataset.state, text: node.textContent, code: node.querySelector("code")?.textContent ?? null };
};
const pendingStatus = () => {
  const node = /** @type {HTMLElement} */ (document.querySelector('[data-testid="pending-status"]'));
  return { count: node.dataset.count, text: node.textContent };
};

test(
  "Firefox: without the host the confirmation waits, and is delivered once the host is installed",
  { timeout: 240_000 },
  async () => {
    await withFirefox("host-missing-queue", { register: false }, async ({ sandbox, site, browser, screenshot }) => {
      const en = messages("en", "firefox");
      site.route(FORM, "facebook-2025-en.html");
      const page = await browser.newTab(FORM);
      await browser.waitForTabState(page, (s) => s.page_kind === "objection_form");

      await browser.settled(page); // auto-fill is done: the popup shows its outcome
      const popup = await browser.clickToolbarIcon(page);
      const broken = await browser.evaluate(popup, hostStatus);
      assert.equal(broken.state, "host-missing", JSON.stringify(broken));
      assert.ok(broken.text.includes(en.text("fix_host_missing")), broken.text);
      assert.match(broken.code, /notrain-host install/);
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
      assert.deepEqual(await axeViolationsFirefox(browser, popup), []);
      await screenshot(popup, "popup-host-missing");
      await browser.closeTab(popup);

      await browser.activate(page);
      await browser.click(page, "form button[type=submit]");
      await browser.waitForTabState(page, (s) => s.status === "confirmed");
      const waiting = await browser.openPopupFor(await browser.tabIdOf(page));
      assert.deepEqual(await browser.evaluate(waiting, pendingStatus), {
        count: "1",
        text: en.count("pending_count", 1),
      });
      await browser.closeTab(waiting);
      assert.deepEqual(storedConfirmations(sandbox), []);

      registerHost(sandbox, "firefox");
      const fixed = await browser.openPopupFor(await browser.tabIdOf(page));
      assert.equal((await browser.evaluate(fixed, hostStatus)).state, "ok");
      assert.deepEqual(
        await browser.evaluate(fixed, pendingStatus),
        { count: "0", text: "" },
        "nothing waits: nothing said",
      );
      await screenshot(fixed, "popup-delivered");

      const stored = storedConfirmations(sandbox);
      assert.equal(stored.length, 1, "exactly one record: nothing lost, nothing doubled");
      const record = storedConfirmation(sandbox, stored[0].id);
      assert.match(record.text, /We will honour your objection/);
      assert.equal(record.has_screenshot, true, "the screenshot taken while queued is delivered too");
    });
  },
);
