// A form whose explanation box is a rich-text editor (contenteditable, as Meta's Lexical renders one), in Firefox
// ESR: the content script fills it on load through the browser's insertText command, the editor's own state holds
// the text, and after the user's send Meta's answer is stored with what the editor held.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withFirefox } from "../support/harness.js";
import { storedConfirmation, waitForStored } from "../support/host.js";

const FORM = "https://www.facebook.com/help/contact/712876720715583";

const editor = () => {
  const node = document.querySelector('[role="textbox"]');
  return { shown: node?.textContent ?? null, state: (node && window.fixtureState?.(node)) ?? null };
};

test(
  "Firefox: a rich-text editor is filled on load, holds the text in its own state, and is sent by the user",
  {
    timeout: 120_000,
  },
  async () => {
    await withFirefox("rich-editor", {}, async ({ sandbox, site, browser, screenshot }) => {
      site.route(FORM, "facebook-2025-fr-editor.html");
      const page = await browser.newTab(FORM);
      const state = await browser.waitForTabState(page, (s) => s.status === "filled");
      assert.ok(
        state.filled.some((f) => f.field === "reason"),
        JSON.stringify(state.filled),
      );
      assert.deepEqual(await browser.evaluate(page, editor), {
        shown: PROFILE.objection_text,
        state: PROFILE.objection_text,
      });
      await browser.settled(page);
      await screenshot(page, "editor-filled");

      await browser.activate(page);
      await browser.click(page, "[data-fixture-submit]");
      const [stored] = await waitForStored(sandbox, 1);
      const record = storedConfirmation(sandbox, stored.id);
      assert.deepEqual([record.kind, record.service, record.verdict], ["page", "facebook", "honoured"]);
      assert.equal(record.form.reason, PROFILE.objection_text, "what the editor held when sent");
    });
  },
);
