// After the user pressed Send: the confirmation on the page or in the Support Inbox, read and recorded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engine, entry, manifest, open, tick } from './helpers/fixtures.js';

const NOW = new Date('2025-05-20T10:00:00Z');

// The user's part: press the form's Send button.
async function submitAsUser(document) {
  document.querySelector('[data-fixture-submit]').click();
  await tick(10);
}

async function fillAndSend(page) {
  const { document, href } = await open(page);
  const outcome = await engine.fill(document, engine.detect(document, href), manifest.profile);
  await submitAsUser(document);
  return { document, href, form: outcome.values };
}

describe('confirmations after sending a form', () => {
  it("should read Instagram's Italian confirmation and record it with the values sent", async () => {
    const { document, href, form } = await fillAndSend(entry('instagram-2025-it.html'));
    const detection = engine.detect(document, href, { expectConfirmation: true });
    assert.deepEqual([detection.page_kind, detection.status, detection.confirmation.verdict], ['confirmation', 'confirmed', 'honoured']);
    const record = engine.confirmationRecord(detection, { url: href, capturedAt: NOW, form });
    assert.deepEqual(record, {
      service: 'instagram', kind: 'page', url: href, language: 'it', captured_at: '2025-05-20T10:00:00.000Z',
      account: manifest.profile.email,
      text: "Abbiamo ricevuto la tua richiesta di opposizione. Ciò significa che la tua richiesta verrà applicata d'ora in avanti allo sviluppo e al miglioramento dell'IA in Meta. Riceverai una e-mail con i dettagli.",
      form: { email: manifest.profile.email, reason: engine.template('reason', 'it') },
    });
  });

  it("should read the UK auto-response ('We will honour your objection') on Facebook's form page", async () => {
    const { document, href, form } = await fillAndSend(entry('facebook-2025-en.html'));
    const detection = engine.detect(document, href);
    assert.equal(detection.confirmation.verdict, 'honoured');
    assert.match(detection.confirmation.text, /^Thanks for your request We will honour your objection/);
    assert.equal(form.email, 'jane.doe@example.com', 'the address Meta pre-filled, which NoTrain kept, is in the record');
  });

  it('should record the country by the name the form showed', async () => {
    const { form } = await fillAndSend(entry('facebook-2024-en.html'));
    assert.deepEqual([form.email, form.country], [manifest.profile.email, 'France']);
  });

  it('should take a plain "request received" as a confirmation of receipt only', async () => {
    const { document, href } = await fillAndSend(entry('facebook-2025-de-gate.html'));
    assert.equal(engine.detect(document, href).confirmation.verdict, 'received');
  });

  it('should show the 2024 code step after sending, and never fill the code', async () => {
    const { document, href } = await fillAndSend(entry('facebook-2024-en.html'));
    const detection = engine.detect(document, href);
    assert.deepEqual([detection.page_kind, detection.notes, detection.fillable], ['code_step', ['enter_code_from_email'], false]);
    assert.equal(document.querySelector('input[maxlength="6"]').value, '');
  });
});

describe('the Support Inbox', () => {
  it("should record Privacy Operations' reply as an inbox confirmation, not the unrelated reply above it", async () => {
    const page = entry('facebook-support-inbox-en.html');
    const { document, href } = await open(page);
    const record = engine.confirmationRecord(engine.detect(document, href), { url: href, capturedAt: NOW });
    assert.equal(record.kind, 'inbox');
    assert.equal(record.service, 'facebook');
    assert.match(record.text, /^Our reply Hi Jane, We've reviewed your request and will honor your objection\./);
    assert.doesNotMatch(record.text, /login issue/);
    assert.equal(record.form, undefined);
  });
});
