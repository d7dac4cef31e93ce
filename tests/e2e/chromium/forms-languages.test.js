// Scenario 1: Meta's objection form in English, French, Dutch and German. Nothing is filled or sent before
// the user asks; "Fill now" in the popup fills the fields and React really holds the values (the test site
// records what the page sends when the user presses Meta's send button).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROFILE, withChromium } from '../support/harness.js';
import { messages } from '../support/locale.js';
import { field, fillFromPopup, pause, reactState } from '../support/user.js';

const FORMS = [
  { language: 'en', url: 'https://www.facebook.com/help/contact/712876720715583?ref=privacy_center', file: 'facebook-2025-en.html' },
  { language: 'fr', url: 'https://fr-fr.facebook.com/help/contact/712876720715583?locale=fr_FR', file: 'facebook-2025-fr.html' },
  { language: 'nl', url: 'https://nl-nl.facebook.com/help/contact/712876720715583?locale=nl_NL', file: 'facebook-2025-nl.html' },
  { language: 'de', url: 'https://de-de.facebook.com/help/contact/712876720715583', file: 'facebook-2025-de-gate.html' },
];

test('the objection form is filled on request in en, fr, nl and de, and sent only by the user', { timeout: 240_000 }, async (t) => {
  await withChromium('forms-languages', {}, async ({ site, browser, screenshot }) => {
    for (const form of FORMS) site.route(form.url, form.file);

    for (const form of FORMS) {
      await t.test(form.language, async () => {
        const sentBefore = site.submissions().length;
        const page = await browser.newPage(form.url);
        await browser.waitForTabState(page, (s) => s.page_kind === 'objection_form' && s.language === form.language);
        const metaEmail = await page.locator('input[type=email], input[type=text]').first().inputValue();

        // Recognised, but nothing touched until the user asks.
        await pause(800);
        assert.equal(await page.locator('.notrain-filled').count(), 0, 'nothing is marked as filled before the user asks');
        assert.equal(await page.locator('textarea').inputValue(), '', 'the text box is still empty');
        assert.equal(site.submissions().length, sentBefore, 'nothing was sent');

        const { popup, status } = await fillFromPopup(browser, page);
        const state = await browser.waitForTabState(page, (s) => s.status === 'filled');
        assert.ok(state.filled.some((f) => f.field === 'reason'), `the reason is among the filled fields: ${JSON.stringify(state.filled)}`);
        assert.equal(status, messages('en').text('popup_fill_done', [String(state.filled.length)]));
        await screenshot(popup, `${form.language}-popup-after-fill`);
        await popup.close();

        // What the page and React hold now.
        const expectedEmail = metaEmail || PROFILE.email; // an address Meta pre-filled is kept
        const held = await reactState(page);
        const reason = held.find((f) => f.tag === 'textarea');
        assert.deepEqual(reason, { tag: 'textarea', shown: PROFILE.objection_text, state: PROFILE.objection_text });
        const email = held.find((f) => f.tag === 'input');
        assert.deepEqual(email, { tag: 'input', shown: expectedEmail, state: expectedEmail });
        assert.ok(await page.locator('.notrain-filled').count() >= 1, 'the filled fields are marked');

        await pause(1000); // longer than the content script's check that React kept the values
        assert.equal(site.submissions().length, sentBefore, 'filling sent nothing');
        await screenshot(page, `${form.language}-form-filled`);

        // The user reviews and presses Meta's send button.
        await page.locator('form button[type=submit]').click();
        const sent = (await site.waitForSubmissions(sentBefore + 1)).at(-1);
        assert.equal(sent.trusted, true, 'the form was sent by the user\'s click');
        assert.equal(field(sent, 'textarea').state, PROFILE.objection_text, 'Meta receives the objection text');
        assert.equal(field(sent, 'input').state, expectedEmail, 'Meta receives the e-mail address');
        if (sent.accepted !== null) assert.equal(sent.accepted, true, 'the page accepted the form');
        const radios = sent.fields.filter((f) => f.type === 'radio');
        if (radios.length) assert.deepEqual(radios.map((f) => f.checked), [true, false], 'the gate question is answered "yes"');
        await page.close();
      });
    }
  });
});
