// After the user pressed Send: what Meta shows in the form's place, in a new dialog or live region, or on the page
// the send led to, read and classified whatever its wording; and Meta's reply in the Support Inbox.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalize } from "../../../extension/src/engine/text.js";
import { engine, entry, loadPage, manifest, open, tick } from "./helpers/fixtures.js";

const NOW = new Date("2025-05-20T10:00:00Z");
const SENT = new Date("2025-05-20T09:59:30Z");

// The user's part: fill with NoTrain, then press the form's Send button. The watch is armed as the content script
// arms it, at the moment of the send.
async function fillAndSend(page) {
  const { document, href } = await open(page);
  const detection = engine.detect(document, href);
  await engine.fill(document, detection, manifest.profile);
  const root = engine.formRoot(document);
  const values = engine.readValues(document, detection, root);
  const watch = engine.watchSend(document, root);
  engine.sendControl(root).click();
  await tick(10);
  return { document, href, detection, values, watch };
}

describe("what Meta shows after the user sent the form", () => {
  it("should read Instagram's Italian answer in the form's place and record it with the values sent", async () => {
    const { document, href, detection, values, watch } = await fillAndSend(entry("instagram-2025-it.html"));
    const answer = engine.answerAfterSend(document, watch);
    assert.ok(answer, "an answer is read");
    assert.deepEqual([answer.outcome, answer.language], ["honoured", "it"]);
    const record = engine.answerRecord(answer, {
      service: detection.service,
      url: href,
      language: detection.language,
      sentAt: SENT,
      capturedAt: NOW,
      form: values,
    });
    assert.deepEqual(record, {
      service: "instagram",
      kind: "page",
      url: href,
      language: "it",
      captured_at: "2025-05-20T10:00:00.000Z",
      verdict: "honoured",
      sent_at: "2025-05-20T09:59:30.000Z",
      account: manifest.profile.email,
      text: "Abbiamo ricevuto la tua richiesta di opposizione.\nCiò significa che la tua richiesta verrà applicata d'ora in avanti allo sviluppo e al miglioramento dell'IA in Meta. Riceverai una e-mail con i dettagli.",
      form: { email: manifest.profile.email, reason: engine.template("reason", "it") },
    });
  });

  it("should read the UK auto-response ('We will honour your objection') on Facebook's form page", async () => {
    const { document, values, watch } = await fillAndSend(entry("facebook-2025-en.html"));
    const answer = engine.answerAfterSend(document, watch);
    assert.ok(answer, "an answer is read");
    assert.equal(answer.outcome, "honoured");
    // The heading and the message stay apart, one line each, as the page shows them.
    assert.match(answer.text, /^Thanks for your request\nWe will honour your objection/);
    assert.equal(
      values.email,
      "jane.doe@example.com",
      "the address Meta pre-filled, which NoTrain kept, is in the record",
    );
  });

  it("should record the country by the name the form showed", async () => {
    const { values } = await fillAndSend(entry("facebook-2024-en.html"));
    assert.deepEqual([values.email, values.country], [manifest.profile.email, "France"]);
  });

  it('should take a plain "request received" as a confirmation of receipt only', async () => {
    const { document, watch } = await fillAndSend(entry("facebook-2025-de-gate.html"));
    assert.equal(engine.answerAfterSend(document, watch)?.outcome, "received");
  });

  it("should know other wordings of the answer in the users' languages, informal and formal, and nothing else", () => {
    const answers = [
      ["Thank you. We have reviewed your request and we'll honour your objection.", "honoured", "en"],
      ["Your objection has been accepted and will apply going forward.", "honoured", "en"],
      ["Nous avons examiné votre demande et nous accepterons votre opposition.", "honoured", "fr"],
      ["Merci. Votre opposition a été acceptée pour vos informations publiques.", "honoured", "fr"],
      ["Merci, votre demande a bien été envoyée.", "received", "fr"],
      ["We hebben uw verzoek beoordeeld. Uw verzoek wordt vanaf nu toegepast.", "honoured", "nl"],
      ["Bedankt. Je bezwaar is geaccepteerd.", "honoured", "nl"],
      ["Wir haben Ihre Anfrage geprüft und werden Ihrem Widerspruch nachkommen.", "honoured", "de"],
      ["Danke. Dein Widerspruch wurde angenommen.", "honoured", "de"],
      ["Vielen Dank, deine Anfrage ist eingegangen.", "received", "de"],
      ["We've updated our Privacy Policy. Learn how we use your information.", undefined, undefined],
      ["Vous pouvez vous opposer à l'utilisation de vos informations.", undefined, undefined],
      ["Je kunt bezwaar maken tegen het gebruik van je gegevens voor AI bij Meta.", undefined, undefined],
    ];
    for (const [text, outcome, language] of answers) {
      const known = engine.classify(normalize(text));
      assert.deepEqual([known?.outcome, known?.language], [outcome, language], text);
    }
  });

  it("should see the 2024 code step as a request for the code, never fill it", async () => {
    const { document, href, watch } = await fillAndSend(entry("facebook-2024-en.html"));
    assert.equal(engine.answerAfterSend(document, watch)?.outcome, "code");
    const detection = engine.detect(document, href);
    assert.deepEqual(
      [detection.page_kind, detection.notes, detection.fillable],
      ["code_step", ["enter_code_from_email"], false],
    );
    assert.equal(document.querySelector('input[maxlength="6"]').value, "");
  });

  it('should keep an answer in a wording no rule knows once it replaced the form, as "unknown"', async () => {
    const { document, watch } = await fillAndSend(entry("facebook-2025-en.html"));
    const place = watch.places.find((node) => node.isConnected);
    place.replaceChildren(
      document.createTextNode("Zorgvuldig genoteerd. Uw keuze geldt vanaf vandaag voor al uw profielen."),
    );
    const answer = engine.answerAfterSend(document, watch);
    assert.deepEqual(answer, {
      outcome: "unknown",
      text: "Zorgvuldig genoteerd. Uw keuze geldt vanaf vandaag voor al uw profielen.",
    });
  });

  it("should see an error Meta shows in a new alert as an error, in any known language", async () => {
    const page = entry("facebook-2025-en.html");
    const { document, href } = await open(page);
    const root = engine.formRoot(document);
    const watch = engine.watchSend(document, root);
    const alert = document.createElement("div");
    alert.setAttribute("role", "alert");
    alert.textContent = "Er is iets misgegaan. Probeer het later opnieuw.";
    document.body.append(alert);
    assert.equal(engine.answerAfterSend(document, watch)?.outcome, "error");
    assert.equal(engine.detect(document, href).page_kind, "objection_form", "the form is still there to send again");
  });

  it("should wait while the form is still shown and nothing known was said", async () => {
    const { document } = await open(entry("facebook-2025-en.html"));
    const watch = engine.watchSend(document, engine.formRoot(document));
    assert.equal(engine.answerAfterSend(document, watch), null);
    const hint = document.createElement("div");
    hint.setAttribute("role", "alert");
    hint.textContent = "Bitte gib eine gültige Adresse ein.";
    document.body.append(hint);
    assert.equal(engine.answerAfterSend(document, watch), null, "an unknown message beside the form is no answer");
  });

  it("should keep a message in a wording no rule knows that appears as Meta empties the form it took", async () => {
    const { document } = await open(entry("facebook-2025-nl.html"));
    const detection = engine.detect(document, "https://www.facebook.com/help/contact/712876720715583");
    await engine.fill(document, detection, manifest.profile);
    const watch = engine.watchSend(document, engine.formRoot(document));
    const toast = document.createElement("div");
    toast.setAttribute("role", "status");
    toast.textContent = "Top, dat is gelukt. Je hoort van ons.";
    document.body.append(toast);
    assert.equal(engine.answerAfterSend(document, watch), null, "the form still holds what was sent: no answer yet");
    for (const field of document.querySelectorAll("input, textarea")) field.value = "";
    const answer = engine.answerAfterSend(document, watch);
    assert.equal(answer?.outcome, "unknown");
    assert.equal(answer.text, "Top, dat is gelukt. Je hoort van ons.");
  });

  it("should never read a post, comment or feed that quotes a confirmation, even in the form's place", async () => {
    const { document, watch } = await fillAndSend(entry("facebook-2025-en.html"));
    const place = watch.places.find((node) => node.isConnected);
    place.replaceChildren();
    const post = document.createElement("div");
    post.setAttribute("role", "article");
    post.textContent =
      'My friend got this: "We will honour your objection. This means your request will be applied going forward."';
    place.append(post);
    assert.equal(engine.answerAfterSend(document, watch), null);
  });

  it("should read the page the send led to, without its feed", async () => {
    const { document } = loadPage(
      "facebook-feed-quote.html",
      "https://www.facebook.com/help/contact/712876720715583/done",
    );
    const watch = { root: null, places: [], before: new Set() };
    const answer = engine.answerAfterSend(document, watch, { navigated: true });
    assert.notEqual(answer?.outcome, "honoured", "the quote in the feed is not the answer");
  });
});

describe("what LinkedIn shows after the user sent its objection form", () => {
  const FORM = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
  const RECEIVED = {
    en: /^Thanks for contacting us\nWe've received your request and will get back to you by email\. Your case number is 251204-004217\.$/,
    fr: /^Merci de nous avoir contactés\nNous avons bien reçu votre demande/,
    nl: /^Bedankt voor je bericht\nWe hebben je verzoek ontvangen/,
    de: /^Vielen Dank für Ihre Nachricht\nWir haben Ihre Anfrage erhalten/,
  };

  const AI_OPTION = {
    en: "Use of my personal data to train AI models",
    fr: "Utilisation de mes données personnelles pour entraîner des modèles d'IA",
    nl: "Gebruik van mijn persoonsgegevens om AI-modellen te trainen",
    de: "Nutzung meiner personenbezogenen Daten zum Training von KI-Modellen",
  };

  for (const [language, text] of Object.entries(RECEIVED)) {
    it(`should keep LinkedIn Help's "request received" page (${language}) as a linkedin objection, with the values sent`, async () => {
      const { document, href, detection, values, watch } = await fillAndSend(
        entry(`linkedin-objection-${language}.html`),
      );
      const answer = engine.answerAfterSend(document, watch);
      assert.ok(answer, "an answer is read");
      assert.deepEqual([answer.outcome, answer.language], ["received", language]);
      assert.match(answer.text, text);
      const record = engine.answerRecord(answer, {
        service: detection.service,
        url: href,
        language: detection.language,
        sentAt: SENT,
        capturedAt: NOW,
        form: values,
      });
      assert.deepEqual(
        [record.service, record.kind, record.verdict, record.account],
        ["linkedin", "page", "received", manifest.profile.email],
      );
      assert.ok(record.form, "the values sent are kept");
      assert.deepEqual(Object.keys(record.form), ["email", "name", "objectionType", "reason"]);
      assert.deepEqual(
        [record.form.email, record.form.name, record.form.reason],
        [manifest.profile.email, manifest.profile.name, engine.template("linkedinReason", language)],
      );
      assert.equal(record.form.objectionType, AI_OPTION[language], "the option about training AI");
      assert.match(record.form.reason, /LinkedIn/, "the objection names LinkedIn, not Meta");
      assert.doesNotMatch(record.form.reason, /Meta/);
    });
  }

  it("should read nothing before the send and nothing in a post quoting LinkedIn's answer in the form's place", async () => {
    const { document } = await open(entry("linkedin-objection-en.html"));
    const watch = engine.watchSend(document, engine.formRoot(document));
    assert.equal(engine.answerAfterSend(document, watch), null, "the form is still there: nothing was answered");
    const place = watch.places.find((node) => node.isConnected);
    place.replaceChildren();
    const post = document.createElement("div");
    post.setAttribute("role", "article");
    post.textContent =
      'LinkedIn answered me: "Thanks for contacting us. We\'ve received your request and will get back to you by email."';
    place.append(post);
    assert.equal(engine.answerAfterSend(document, watch), null);
  });

  it("should take nothing from a copy of the form on another site, nor from LinkedIn's other pages", async () => {
    for (const url of [
      "https://linkedin-privacy-help.example/help/linkedin/ask/TS-DPRO",
      "https://www.linkedin.com/feed/",
    ]) {
      const { document } = loadPage("linkedin-objection-en.html", url);
      const detection = engine.detect(document, url);
      assert.deepEqual(
        [detection.page_kind, detection.fillable, detection.confirmation],
        [null, false, undefined],
        url,
      );
    }
    const { document } = loadPage("linkedin-objection-en.html", FORM);
    assert.equal(engine.detect(document, FORM).fillable, true);
  });
});

describe("the Support Inbox", () => {
  it("should record Privacy Operations' reply as an inbox confirmation, not the unrelated reply above it", async () => {
    const page = entry("facebook-support-inbox-en.html");
    const { document, href } = await open(page);
    const record = engine.inboxRecord(engine.detect(document, href), { url: href, capturedAt: NOW });
    assert.ok(record, "the reply is recorded");
    assert.equal(record.kind, "inbox");
    assert.equal(record.service, "facebook");
    assert.equal(record.verdict, "honoured");
    assert.match(record.text, /^Our reply\nHi Jane,\nWe've reviewed your request and will honor your objection\./);
    assert.doesNotMatch(record.text, /login issue/);
    assert.equal(record.form, undefined);
  });
});
