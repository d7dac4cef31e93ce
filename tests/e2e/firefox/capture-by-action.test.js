// Scenario (Firefox ESR): a confirmation is kept because of what the user did. After the user's own send, Meta's
// answer in a wording no rule contains is kept as an unknown answer; a form left unsent, then a move by
// history.pushState to a post quoting Meta's confirmation, keeps nothing; a link-shim page is neither a form nor a
// confirmation; a copy of Meta's form on another site gets nothing and is warned about in the popup and on the badge.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolationsFirefox } from "../support/axe.js";
import { PROFILE, withFirefox } from "../support/harness.js";
import { storedConfirmation, storedConfirmations, waitForStored } from "../support/host.js";
import { messages } from "../support/locale.js";

const FORM_DE = "https://de-de.facebook.com/help/contact/712876720715583";
const FORM_EN = "https://www.facebook.com/help/contact/712876720715583";
const SHIM = `https://l.facebook.com/l.php?u=${encodeURIComponent(FORM_EN)}&h=AT0`;
const LOOKALIKE = "https://facebook-help-privacy.example/help/contact/712876720715583";
const QUOTE =
  'My friend got this: "We will honour your objection. This means your request will be applied going forward."';

test(
  "Firefox: kept after the user sent the form whatever its wording; nothing from a quote, a link shim or a look-alike",
  { timeout: 240_000 },
  async (t) => {
    await withFirefox("capture-by-action", {}, async ({ sandbox, site, browser, screenshot }) => {
      site.route(FORM_DE, "facebook-2025-de-unknown-answer.html");
      site.route(FORM_EN, "facebook-2025-en.html");
      site.route(SHIM, "facebook-support-inbox-other-en.html");
      site.route(LOOKALIKE, "facebook-2025-en.html");

      await t.test("an answer in a wording no rule contains, after the user sent the form", async () => {
        const page = await browser.newTab(FORM_DE);
        await browser.waitForTabState(page, (s) => s.status === "filled");
        await browser.activate(page);
        await browser.click(page, "form button[type=submit]");
        await browser.waitFor(page, () => document.body.textContent.includes("Prima, das hat geklappt"));
        const [saved] = await waitForStored(sandbox, 1);
        const record = storedConfirmation(sandbox, saved.id);
        assert.equal(record.kind, "page");
        assert.equal(record.verdict, "unknown");
        assert.match(record.text, /Prima, das hat geklappt/);
        assert.equal(record.account, PROFILE.email);
        await screenshot(page, "unknown-answer-kept");
        await browser.closeTab(page);
      });

      await t.test(
        "a form left unsent, then a post quoting the confirmation on the next route: nothing kept",
        async () => {
          const before = storedConfirmations(sandbox).length;
          const page = await browser.newTab(FORM_EN);
          await browser.waitForTabState(page, (s) => s.status === "filled");
          await browser.evaluate(
            page,
            (quote) => {
              history.pushState({}, "", "/groups/123/posts/456");
              const post = document.createElement("div");
              post.textContent = quote;
              /** @type {Element} */ (document.querySelector('[role="main"]')).replaceChildren(post);
              return true;
            },
            QUOTE,
          );
          await browser.waitForTabState(page, (s) => s.page_kind !== "objection_form");
          const state = await browser.settled(page);
          assert.notEqual(state?.status, "confirmed");
          assert.equal(storedConfirmations(sandbox).length, before, "the quote was not kept");
          await browser.closeTab(page);
        },
      );

      await t.test("a link-shim page: neither a form nor a confirmation", async () => {
        const before = storedConfirmations(sandbox).length;
        const page = await browser.newTab(SHIM);
        const state = await browser.waitForTabState(page, () => true);
        assert.equal(state.page_kind, "other_meta");
        await browser.settled(page);
        assert.equal(await browser.evaluate(page, () => document.querySelectorAll(".notrain-filled").length), 0);
        assert.equal(storedConfirmations(sandbox).length, before);
        await browser.closeTab(page);
      });

      await t.test(
        "a copy of Meta's form on another site: warned about in the popup and on the badge, nothing filled or sent",
        async () => {
          const before = storedConfirmations(sandbox).length;
          const copy = await browser.newTab(LOOKALIKE);
          const warned = await browser.clickToolbarIcon(copy);
          const warning = await browser.evaluate(warned, () => {
            const node = /** @type {Element} */ (document.querySelector('[data-testid="lookalike-warning"]'));
            return { shown: node.checkVisibility(), text: node.textContent };
          });
          assert.deepEqual(warning, {
            shown: true,
            text: messages("en", "firefox").text("lookalike_warning", ["Meta"]),
          });
          const tabId = await browser.tabIdOf(copy);
          assert.equal(
            await browser.inExtension((id) => globalThis.browser.action.getBadgeText({ tabId: id }), tabId),
            "!",
          );
          assert.deepEqual(await axeViolationsFirefox(browser, warned), []);
          await screenshot(warned, "popup-lookalike");
          assert.equal(await browser.evaluate(copy, () => document.querySelectorAll(".notrain-filled").length), 0);
          assert.deepEqual(
            site.submissions().filter((s) => s.host === new URL(LOOKALIKE).hostname),
            [],
            "nothing sent from the copy",
          );
          assert.equal(storedConfirmations(sandbox).length, before);
        },
      );
    });
  },
);
