// Scenario 1 in Firefox ESR: the objection form in en, fr, nl and de is filled as soon as it is recognised, React
// holds the values, and nothing is sent until the user presses Meta's send button. In Dutch the user presses Undo:
// the page holds again what it held before, and "Fill now" fills it again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withFirefox } from "../support/harness.js";
import { messages } from "../support/locale.js";
import { field } from "../support/user.js";

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

const fields = () => ({
  email:
    /** @type {HTMLInputElement | null} */ (document.querySelector("input[type=email], input[type=text]"))
      ?.defaultValue ?? null,
  marked: document.querySelectorAll(".notrain-filled").length,
  held: [
    .../** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (
      document.querySelectorAll("input:not([type=radio]):not([type=checkbox]):not([type=search]), textarea")
    ),
  ].map((node) => ({ tag: node.tagName.toLowerCase(), shown: node.value, state: window.fixtureState?.(node) ?? null })),
});

test(
  "Firefox: the objection form is filled on load in en, fr, nl and de, undone on request, and sent only by the user",
  { timeout: 300_000 },
  async (t) => {
    await withFirefox("forms-languages", {}, async ({ site, browser, screenshot }) => {
      const en = messages("en", "firefox");
      for (const form of FORMS) site.route(form.url, form.file);

      for (const form of FORMS) {
        await t.test(form.language, async () => {
          const sentBefore = site.submissions().length;
          const page = await browser.newTab(form.url);
          await browser.waitForTabState(page, (s) => s.page_kind === "objection_form" && s.language === form.language);
          const before = await browser.evaluate(page, fields); // before.email: what Meta itself put in the page

          // Filled at once, without a click.
          let state = await browser.waitForTabState(page, (s) => s.status === "filled");
          assert.ok(
            state.filled.some((f) => f.field === "reason"),
            `the reason is among the filled fields: ${JSON.stringify(state.filled)}`,
          );
          assert.equal(site.submissions().length, sentBefore, "auto-fill sent nothing");

          if (form.language === "nl") {
            const popup = await browser.clickToolbarIcon(page);
            await browser.click(popup, '[data-testid="undo-fill"]');
            await browser.waitForTabState(page, (s) => s.status !== "filled" && s.filled.length === 0);
            const restored = await browser.evaluate(page, fields);
            assert.deepEqual(
              restored.held.find((f) => f.tag === "textarea"),
              { tag: "textarea", shown: "", state: "" },
              "the text box is empty again",
            );
            assert.deepEqual(
              restored.held.find((f) => f.tag === "input"),
              { tag: "input", shown: before.email, state: before.email },
            );
            assert.equal(restored.marked, 0, "no field is marked after Undo");
            await browser.click(popup, '[data-testid="fill-now"]');
            const status = await browser.waitFor(
              popup,
              (busy) => {
                const text = /** @type {Element} */ (document.querySelector('[data-testid="fill-status"]')).textContent;
                return text && text !== busy ? text : null;
              },
              [en.text("popup_filling")],
              15_000,
            );
            state = await browser.waitForTabState(page, (s) => s.status === "filled");
            assert.equal(status, en.count("popup_fill_done", state.filled.length));
            await screenshot(popup, `${form.language}-popup-after-fill`);
            await browser.closeTab(popup);
          }

          const expectedEmail = before.email || PROFILE.email;
          const now = await browser.evaluate(page, fields);
          assert.deepEqual(
            now.held.find((f) => f.tag === "textarea"),
            { tag: "textarea", shown: PROFILE.objection_text, state: PROFILE.objection_text },
          );
          assert.deepEqual(
            now.held.find((f) => f.tag === "input"),
            { tag: "input", shown: expectedEmail, state: expectedEmail },
          );
          assert.ok(now.marked >= 1, "the filled fields are marked");
          await browser.settled(page);
          assert.equal(site.submissions().length, sentBefore, "filling sent nothing");
          await screenshot(page, `${form.language}-form-filled`);

          await browser.activate(page);
          await browser.click(page, "form button[type=submit]");
          const sent = (await site.waitForSubmissions(sentBefore + 1)).at(-1);
          assert.equal(sent.trusted, true, "the form was sent by the user's click");
          assert.equal(field(sent, "textarea").state, PROFILE.objection_text);
          assert.equal(field(sent, "input").state, expectedEmail);
          if (sent.accepted !== null) assert.equal(sent.accepted, true, "the page accepted the form");
          const radios = sent.fields.filter((f) => f.type === "radio");
          if (radios.length)
            assert.deepEqual(
              radios.map((f) => f.checked),
              [true, false],
              'the gate question is answered "yes"',
            );
          await browser.closeTab(page);
        });
      }
    });
  },
);
