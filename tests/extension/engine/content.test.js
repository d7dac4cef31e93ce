// The content script as the browser runs it: bundled by esbuild into one IIFE, in a fixture page, talking to a
// fake extension API that answers like the background.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { build } from 'esbuild';
import { loadPage, manifest, root, tick } from './helpers/fixtures.js';

const bundle = (await build({
  entryPoints: [join(root, 'extension', 'src', 'content', 'content.js')],
  bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022', logLevel: 'silent',
})).outputFiles[0].text;

const SETTLE = 450;
// Waits until `test()` holds (the script looks after its own delay, longer on a busy machine), or fails.
async function eventually(test, what, timeout = 5000) {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeout) assert.fail(`never happened: ${what}`);
    await tick(25);
  }
}
const plain = (value) => JSON.parse(JSON.stringify(value)); // objects from the page's realm, compared as data
const opened = []; // the script looks at most 300 ms after a change (no requestIdleCallback in jsdom)

// A page with the bundled content script and a fake `chrome` API in it; `sent` collects its messages.
function withContentScript(file, url, { profile = manifest.profile, navigation = false } = {}) {
  const page = loadPage(file, url);
  if (navigation) page.window.navigation = new page.window.EventTarget(); // the Navigation API, as in Chromium
  const sent = [];
  let listener = null;
  page.window.chrome = {
    runtime: {
      id: 'test',
      sendMessage: async (message) => {
        sent.push(structuredClone(message));
        return message.type === 'get-profile' ? { profile, source: 'host' } : { ok: true };
      },
      onMessage: { addListener: (fn) => { listener = fn; } },
    },
    i18n: { getMessage: (key, subs) => (subs ? `${key}:${subs.join(',')}` : key) },
  };
  page.window.eval(bundle);
  opened.push(page);
  const ask = (message) => new Promise((resolve) => {
    assert.equal(listener(message, {}, (answer) => resolve(plain(answer))), true, 'answers asynchronously');
  });
  const ofType = (type) => sent.filter((m) => m.type === type);
  return { ...page, sent, ask, ofType };
}

describe('the content script', () => {
  after(() => opened.forEach((page) => page.close()));

  it('should report a recognised form and answer get-page-state', async () => {
    const page = withContentScript('facebook-2025-en.html', 'https://www.facebook.com/help/contact/712876720715583');
    await tick(20);
    const [first] = page.ofType('page-state');
    assert.deepEqual(first.state, {
      service: 'facebook', page_kind: 'objection_form', form_id: '712876720715583', variant: '2025', language: 'en',
      status: 'form-ready', filled: [], notes: [],
    });
    assert.deepEqual((await page.ask({ type: 'get-page-state' })).state, first.state);
  });

  it('should fill on fill-now with the profile from the background, outline the fields and show a notice', async () => {
    const page = withContentScript('facebook-2025-nl.html', 'https://www.facebook.com/help/contact/712876720715583?locale=nl_NL');
    await tick(20);
    const answer = await page.ask({ type: 'fill-now' });
    assert.equal(answer.ok, true);
    assert.equal(answer.state.status, 'filled');
    assert.deepEqual(answer.state.filled.map((f) => f.field), ['email', 'reason']);
    assert.match(answer.state.filled[0].label, /e-mailadres/);
    assert.ok(answer.state.notes.includes('review_and_send'));
    assert.equal(page.ofType('get-profile').length, 1);
    assert.equal(page.document.querySelectorAll('.notrain-filled').length, 2);
    const notice = page.document.querySelector('notrain-notice');
    assert.ok(notice, 'an in-page notice');
    assert.equal(notice.shadowRoot, null, 'its shadow root is closed to the page');
    assert.equal(page.window.fixtureState(page.document.querySelector('textarea')).length > 50, true);
    assert.deepEqual(page.ofType('page-state').at(-1).state, answer.state);
  });

  it('should answer fill-now on a page that is not a form without touching it', async () => {
    const page = withContentScript('facebook-privacy-genai-en.html', 'https://www.facebook.com/privacy/genai/');
    await tick(20);
    const answer = await page.ask({ type: 'fill-now' });
    assert.deepEqual([answer.ok, answer.state.page_kind], [false, 'privacy_center']);
    assert.equal(page.ofType('get-profile').length, 0);
  });

  it('should send one confirmation, with the values filled before, once the user pressed Send', async () => {
    const page = withContentScript('instagram-2025-it.html', 'https://help.instagram.com/contact/767264225370182');
    await eventually(() => page.ofType('page-state').at(-1)?.state.status === 'form-ready', 'the late form was seen');
    await page.ask({ type: 'fill-now' });
    page.document.querySelector('[data-fixture-submit]').click(); // the user sends
    await eventually(() => page.ofType('confirmation-seen').length > 0, 'a confirmation was sent');
    page.document.body.append(page.document.createElement('div')); // the page keeps changing
    await tick(SETTLE);
    const confirmations = page.ofType('confirmation-seen');
    assert.equal(confirmations.length, 1);
    const { confirmation } = confirmations[0];
    assert.deepEqual([confirmation.service, confirmation.kind, confirmation.language], ['instagram', 'page', 'it']);
    assert.match(confirmation.text, /Ciò significa che la tua richiesta verrà applicata d'ora in avanti/);
    assert.equal(confirmation.form.email, manifest.profile.email);
    assert.ok(!Number.isNaN(Date.parse(confirmation.captured_at)));
    assert.equal(page.ofType('page-state').at(-1).state.status, 'confirmed');
  });

  it('should keep filling after "Ja" reveals the fields late', async () => {
    const page = withContentScript('facebook-privacy-policy-dialog-de.html', 'https://www.facebook.com/privacy/policy/');
    await tick(20);
    await page.ask({ type: 'fill-now' });
    await eventually(() => page.ofType('page-state').at(-1).state.filled.length === 2, 'the revealed fields were filled');
    const last = page.ofType('page-state').at(-1).state;
    assert.deepEqual(last.filled.map((f) => f.field), ['email', 'reason']);
    assert.ok(last.notes.includes('gate_answered_yes'));
  });

  it('should report the code step and tell the user to type the code', async () => {
    const page = withContentScript('facebook-2024-code-en.html', 'https://www.facebook.com/help/contact/6359191084165019');
    await tick(20);
    const { state } = page.ofType('page-state')[0];
    assert.deepEqual([state.page_kind, state.notes], ['code_step', ['enter_code_from_email']]);
  });

  it('should follow a single-page navigation (Navigation API)', async () => {
    const page = withContentScript('facebook-feed-quote.html', 'https://www.facebook.com/', { navigation: true });
    await tick(20);
    page.window.history.pushState({}, '', '/settings/');
    page.window.navigation.dispatchEvent(new page.window.Event('navigatesuccess'));
    await eventually(() => page.ofType('page-state').length === 2, 'the new page was reported');
    assert.deepEqual(page.ofType('page-state').map((m) => m.state.page_kind), ['other_meta', 'settings']);
  });

  it('should stay quiet on an ordinary page that keeps changing', async () => {
    const page = withContentScript('facebook-feed-quote.html', 'https://www.facebook.com/');
    await tick(20);
    for (let i = 0; i < 5; i++) {
      page.document.querySelector('[role="feed"]').append(page.document.createElement('div'));
      await tick(100);
    }
    await tick(SETTLE);
    assert.deepEqual(page.sent.map((m) => m.type), ['page-state']);
    assert.equal(page.sent[0].state.page_kind, 'other_meta');
  });
});
