// Scenario 1: Meta's objection form in English, French, Dutch and German. With a profile saved, NoTrain fills the
// form as soon as it is recognised (auto-fill, on by default), React really holds the values, and nothing is sent
// until the user presses Meta's send button (the test site records what the page sends). In French the user
// presses Undo: the page holds again exactly what it held before, and "Fill now" fills it again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { messages } from "../support/locale.js";
import { field, fillFromPopup, reactState } from "../support/user.js";

const FORMS = [
  {
    language: "en",
    url: "https://www.facebook.com/help/contact/712876720715583?ref=privacy_center",
    file: "facebook-2025-en.html",
  },
  {
    language: "fr",
    url: "https://fr-fr.facebook.com/help/contact/712876720715583?locale=fr_FR",
    file: "facebook-2025-fr.html",
  },
  {
    language: "nl",
    url: "https://nl-nl.facebook.com/help/contact/712876720715583?locale=nl_NL",
    file: "facebook-2025-nl.html",
  },
  {
    language: "de",
    url: "https://de-de.facebook.com/help/contact/712876720715583",
    file: "facebook-2025-de-gate.html",
  },
];

test(
  "the objection form is filled on load in en, fr, nl and de, undone on request, and sent only by the user",
  { timeout: 240_000 },
  async (t) => {
    await withChromium("forms-languages", {}, async ({ site, browser, screenshot }) => {
      for (const form of FORMS) site.route(form.url, form.file);

      for (const form of FORMS) {
        await t.test(form.language, async () => {
          const sentBefore = site.submissions().length;
          const page = await browser.newPage(form.url);
          await browser.waitForTabState(page, (s) => s.page_kind === "objection_form" && s.language === form.language);
          // What Meta put in the page itself (an address it knows), before NoTrain filled anything.
          const metaEmail = await page
            .locator("input[type=email], input[type=text]")
            .first()
            .evaluate((node) => node.defaultValue);

          // Filled at once, without a click.
          const state = await browser.waitForTabState(page, (s) => s.status === "filled");
          assert.ok(
            state.filled.some((f) => f.field === "reason"),
            `the reason is among the filled fields: ${JSON.stringify(state.filled)}`,
          );
          assert.equal(site.submissions().length, sentBefore, "auto-fill sent nothing");

          if (form.language === "fr") {
            // Undo from the popup puts back what the page held (React state included); "Fill now" fills again.
            const popup = await browser.clickToolbarIcon(page);
            await popup.locator('[data-testid="undo-fill"]').click();
            await browser.waitForTabState(page, (s) => s.status !== "filled" && s.filled.length === 0);
            const restored = await reactState(page);
            assert.deepEqual(
              restored.find((f) => f.tag === "textarea"),
              { tag: "textarea", shown: "", state: "" },
              "the text box is empty again",
            );
            assert.deepEqual(
              restored.find((f) => f.tag === "input"),
              { tag: "input", shown: metaEmail, state: metaEmail },
            );
            assert.equal(await page.locator(".notrain-filled").count(), 0, "no field is marked after Undo");
            await popup.close();
            await browser.settled(page);
            assert.equal(
              await page.locator("textarea").inputValue(),
              "",
              "nothing is filled again after Undo until the user asks",
            );
            const { popup: again, status } = await fillFromPopup(browser, page);
            const refilled = await browser.waitForTabState(page, (s) => s.status === "filled");
            assert.equal(status, messages("en").count("popup_fill_done", refilled.filled.length));
            await screenshot(again, `${form.language}-popup-after-fill`);
            await again.close();
          }

          // What the page and React hold now.
          const expectedEmail = metaEmail || PROFILE.email; // an address Meta pre-filled is kept
          const held = await reactState(page);
          const reason = held.find((f) => f.tag === "textarea");
          assert.deepEqual(reason, { tag: "textarea", shown: PROFILE.objection_text, state: PROFILE.objection_text });
          const email = held.find((f) => f.tag === "input");
          assert.deepEqual(email, { tag: "input", shown: expectedEmail, state: expectedEmail });
          assert.ok((await page.locator(".notrain-filled").count()) >= 1, "the filled fields are marked");

          await browser.settled(page); // the content script's check that React kept the values is done
          assert.equal(site.submissions().length, sentBefore, "filling sent nothing");
          await screenshot(page, `${form.language}-form-filled`);

          // The user reviews and presses Meta's send button.
          await page.locator("form button[type=submit]").click();
          const sent = (await site.waitForSubmissions(sentBefore + 1)).at(-1);
          assert.equal(sent.trusted, true, "the form was sent by the user's click");
          assert.equal(field(sent, "textarea").state, PROFILE.objection_text, "Meta receives the objection text");
          assert.equal(field(sent, "input").state, expectedEmail, "Meta receives the e-mail address");
          if (sent.accepted !== null) assert.equal(sent.accepted, true, "the page accepted the form");
          const radios = sent.fields.filter((f) => f.type === "radio");
          if (radios.length)
            assert.deepEqual(
              radios.map((f) => f.checked),
              [true, false],
              'the gate question is answered "yes"',
            );
          await page.close();
        });
      }
    });
  },
);
