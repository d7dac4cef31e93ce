// Scenario: "am I covered?" in the real browser with the real host. Two accounts on Facebook — one the form carried
// when the user sent it (Meta's answer kept), one sent 31 days ago and never answered (put in the extension's
// storage with that date: the follow-up clock runs on the data's own dates) — then the popup's status lines, the
// full page's complaint and the opt-in notification, and a copy of Meta's form on another site, warned about in the
// popup and on the badge. axe-core finds no violation on any of these screens, light and dark.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations } from "../support/axe.js";
import { withChromium } from "../support/harness.js";
import { storedConfirmation, waitForStored } from "../support/host.js";
import { messages } from "../support/locale.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";
const LOOKALIKE = "https://facebook-help-privacy.example/help/contact/712876720715583";
const OLD = "old.address@example.org";
const DAY = 24 * 60 * 60 * 1000;

test("two accounts, one waiting past 30 days, and a look-alike warned about", { timeout: 150_000 }, async () => {
  await withChromium("status-first", {}, async ({ sandbox, site, browser, screenshot }) => {
    const en = messages("en");
    site.route(FORM, "facebook-2025-en.html");
    site.route(LOOKALIKE, "facebook-2025-en.html");
    await browser.inExtension((entry) => chrome.storage.local.set({ accounts: [entry] }), {
      service: "facebook",
      account: OLD,
      sent_at: new Date(Date.now() - 31.5 * DAY).toISOString(),
    }); // half a day's margin: the day count never depends on the test's own speed

    // The user sends the form NoTrain filled on load; Meta's answer is kept with the account the form carried.
    const page = await browser.newPage(FORM);
    await browser.waitForTabState(page, (s) => s.status === "filled");
    await page.locator("form button[type=submit]").click();
    const [kept] = await waitForStored(sandbox, 1);
    const account = storedConfirmation(sandbox, kept.id).account;
    await browser.waitForTabState(page, (s) => s.status === "confirmed");

    const popup = await browser.clickToolbarIcon(page);
    await popup.setViewportSize({ width: 420, height: 600 });
    const rows = await popup
      .locator("#coverage-list li[data-account]")
      .evaluateAll((items) => items.map((li) => [li.dataset.service, li.dataset.account, li.dataset.state]));
    // Meta's answer says it covers the same Accounts Centre: Instagram says so (it may still need its own objection).
    assert.deepEqual(rows, [
      ["facebook", account, "confirmed"],
      ["facebook", OLD, "waiting"],
      ["instagram", "", "centre"],
    ]);
    assert.match(
      await popup.locator(`li[data-account="${OLD}"] .state`).textContent(),
      /^Sent .*, no answer after 31 days$/,
    );
    assert.equal(
      await popup.locator('[data-testid="object-on"]').textContent(),
      en.text("popup_form_link", ["Instagram"]),
      "the one next step",
    );
    assert.ok(await popup.evaluate(() => document.documentElement.scrollHeight <= 600), "no scrolling in 600 px");
    assert.deepEqual(await axeViolations(popup), []);
    await screenshot(popup, "popup-two-accounts");
    await popup.close();

    // The full page: both accounts, the complaint for the unanswered one, and the notification once opted in.
    const full = await browser.newPage(`${browser.extensionUrl("options.html")}#objections`);
    await full.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(
      await full.locator("#objections-body tr[data-account]").evaluateAll((trs) => trs.map((tr) => tr.dataset.account)),
      [account, OLD, "", ""],
    );
    const complaint = full.locator(`#complaints article[data-account="${OLD}"]`);
    assert.match(await complaint.locator("textarea").inputValue(), /Complaint under Article 77 GDPR/);
    assert.deepEqual(await axeViolations(full), []);
    await full.locator('[data-testid="follow-up-switch"]').check();
    const notified = await waitFor(() => browser.inExtension(() => chrome.notifications.getAll()));
    assert.deepEqual(Object.keys(notified), [`notrain-follow-up:facebook:${OLD}`]);
    await screenshot(full, "full-page-complaint");
    await full.close();

    // Another site's copy of the form: the red warning in the popup and on the toolbar badge; nothing filled.
    const copy = await browser.newPage(LOOKALIKE);
    const warned = await browser.clickToolbarIcon(copy);
    assert.equal(await warned.locator('[data-testid="lookalike-warning"]').isVisible(), true);
    assert.equal(
      await warned.locator('[data-testid="lookalike-warning"]').textContent(),
      en.text("lookalike_warning", ["Meta"]),
    );
    const tabId = await browser.tabIdOf(copy);
    assert.equal(await browser.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId), "!");
    assert.deepEqual(await axeViolations(warned), []);
    await screenshot(warned, "popup-lookalike");
    assert.equal(await copy.locator(".notrain-filled").count(), 0);
    assert.deepEqual(
      site.submissions().filter((s) => new URL(s.url).hostname !== "www.facebook.com"),
      [],
    );
  });
});

async function waitFor(probe, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value && Object.keys(value).length) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
