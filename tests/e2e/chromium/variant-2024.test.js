// Scenario 2: Meta's 2024 form — a country drop-down that renders its options late, a mandatory reason — filled on load,
// then the step where Meta e-mails a code: NoTrain says to enter it and never guesses it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PROFILE, withChromium } from "../support/harness.js";
import { storedConfirmations } from "../support/host.js";
import { messages } from "../support/locale.js";
import { field } from "../support/user.js";

const URL_2024 = "https://www.facebook.com/help/contact/6359191084165019";

test(
  "the 2024 form: country chosen in the drop-down, reason filled, then the e-mailed code step",
  { timeout: 120_000 },
  async () => {
    await withChromium("variant-2024", {}, async ({ sandbox, site, browser, screenshot }) => {
      site.route(URL_2024, "facebook-2024-en.html");
      const page = await browser.newPage(URL_2024);
      await browser.waitForTabState(page, (s) => s.page_kind === "objection_form" && s.variant === "2024");
      const box = page.getByRole("combobox");
      const placeholder = "Select a country"; // what the fixture's drop-down shows before a choice

      // Filled on load, the late drop-down included.
      const state = await browser.waitForTabState(page, (s) => s.status === "filled" && s.filled.length === 3);
      assert.deepEqual(state.filled.map((f) => f.field).sort(), ["country", "email", "reason"]);

      // The drop-down shows the user's country (Belgium for BE) and React holds the option's value.
      const shown = (await box.textContent()).trim();
      assert.notEqual(shown, placeholder.trim(), "the drop-down no longer shows its placeholder");
      assert.match(shown, /Belgi/);
      await screenshot(page, "form-filled");
      await browser.settled(page);
      assert.equal(site.submissions().length, 0, "filling sent nothing");

      await page.getByRole("button", { name: "Send" }).click();
      const [sent] = await site.waitForSubmissions(1);
      assert.equal(sent.accepted, true, "every mandatory field held a value: Meta accepted the form");
      const country = sent.fields.find((f) => f.tag === "div" && f.type === null);
      assert.equal(country.shown, shown);
      assert.ok(country.state, "React holds a country value");
      assert.equal(field(sent, "input").state, PROFILE.email);
      assert.equal(field(sent, "textarea").state, PROFILE.objection_text);

      // The same document now asks for the code Meta e-mailed.
      const code = await browser.waitForTabState(page, (s) => s.page_kind === "code_step");
      assert.ok(
        code.notes.includes("enter_code_from_email"),
        `the code step is explained: ${JSON.stringify(code.notes)}`,
      );
      const codeStep = await browser.openPopupFor(await browser.tabIdOf(page));
      const en = messages("en");
      assert.ok(
        (await codeStep.locator('[data-testid="page-notes"] li[data-note="enter_code_from_email"]').count()) === 1,
      );
      assert.equal(
        await codeStep.locator('[data-note="enter_code_from_email"]').textContent(),
        en.text("enter_code_from_email"),
      );
      assert.equal(
        await codeStep.locator('[data-testid="fill-now"]').isHidden(),
        true,
        "nothing to fill on the code step",
      );
      await screenshot(codeStep, "popup-code-step");
      await codeStep.close();
      assert.equal(
        await page.locator('input[autocomplete="one-time-code"]').inputValue(),
        "",
        "the code is left to the user",
      );
      assert.deepEqual(storedConfirmations(sandbox), [], "a code step is not a confirmation");
    });
  },
);
