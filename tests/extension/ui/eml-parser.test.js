// The .eml import's reading (postal-mime through eml-parser.js) on saved confirmation e-mails in four languages and
// MIME shapes, and the HTML-only mails' text.
import "../support/windows-1252.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { parseEml } from "../../../extension/src/options/eml-parser.js";
import { guessService } from "../../../extension/src/options/email-import.js";
import { htmlToText } from "../../../extension/src/options/html-text.js";

const fixture = async (name) => new Uint8Array(await readFile(new URL(`../../fixtures/eml/${name}`, import.meta.url)));

test("English multipart/alternative, quoted-printable: prefers the plain part and unfolds the subject", async () => {
  const mail = await parseEml(await fixture("en-objection-reply.eml"));
  assert.equal(mail.subject, "Your objection request to the use of your information for AI at Meta");
  assert.equal(mail.from, "Facebook <notification@facebookmail.com>");
  assert.equal(mail.date, "2025-05-27T09:14:03.000Z");
  assert.match(mail.text, /We've reviewed your request and will honor your objection\./);
  assert.match(mail.text, /\u2014 Privacy Operations$/);
  assert.ok(!mail.text.includes("<p>"), "the HTML alternative is not used when a plain part exists");
  assert.ok(!mail.text.includes("\r"));
});

test("French single part, base64 in ISO-8859-1 with a B-encoded UTF-8 subject", async () => {
  const mail = await parseEml(await fixture("fr-objection-reply.eml"));
  assert.equal(mail.subject, "Votre demande d'opposition à l'utilisation de vos informations pour l'IA");
  assert.equal(mail.from, "Facebook équipe <notification@facebookmail.com>");
  assert.match(mail.text, /Nous avons examiné votre demande et nous respecterons votre opposition\./);
  assert.match(mail.text, /L'équipe Confidentialité$/);
  assert.equal(mail.date, "2025-05-28T12:02:00.000Z");
});

test("Dutch nested multipart with only HTML (windows-1252) and an attachment", async () => {
  const mail = await parseEml(await fixture("nl-objection-reply.eml"));
  assert.equal(mail.subject, "Je bezwaar \u2013 AI bij Meta");
  assert.match(mail.text, /^Hallo Sanne,/);
  assert.match(
    mail.text,
    /zullen je bezwaar honoreren\. Dit betekent dat je verzoek vanaf nu wordt toegepast \u2013 ook/,
  );
  assert.match(mail.text, /Privacy\u00a0Operations$/);
  assert.ok(!mail.text.includes("color:red"), "style content is not text");
  assert.deepEqual(mail.attachments, [{ filename: "bevestiging.pdf", type: "application/pdf", size: 26 }]);
  assert.equal(guessService(mail.from), "instagram");
});

test("German quoted-printable with soft line breaks and a subject split over two encoded words", async () => {
  const mail = await parseEml(await fixture("de-objection-reply.eml"));
  assert.equal(mail.subject, "Einspruch gegen die Verwendung deiner Informationen für KI bei Meta");
  assert.match(mail.text, /werden deinem Widerspruch nachkommen\. Das bedeutet/);
  assert.match(mail.text, /Größere Änderungen/);
  assert.equal(guessService(mail.from), "facebook");
});

test("the sender's service comes from the address in angle brackets, not from a display name", () => {
  assert.equal(guessService("Instagram <no-reply@mail.instagram.com>"), "instagram");
  assert.equal(guessService("no-reply@mail.instagram.com"), "instagram");
  assert.equal(guessService('"security@mail.instagram.com" <notice@slack.com>'), "slack");
});

test("the sender's service is looked up in the rules' domains, subdomains included; Meta's first service otherwise", () => {
  for (const [from, service] of [
    ["WhatsApp <privacy@support.whatsapp.com>", "whatsapp"],
    ["Threads <no-reply@mail.threads.com>", "threads"],
    ["Meta AI <noreply@meta.ai>", "meta_ai"],
    ["LinkedIn <messages-noreply@linkedin.com>", "linkedin"],
    ["Facebook <notification@facebookmail.com>", "facebook"],
    ["a friend <someone@example.org>", "facebook"],
    ["no address at all", "facebook"],
    ["lookalike <no-reply@notinstagram.com>", "facebook"],
  ]) {
    assert.equal(guessService(from), service, from);
  }
});

test("a file that is not an e-mail gets a clear error", async () => {
  await assert.rejects(
    parseEml(new TextEncoder().encode("just some text\nwithout headers")),
    /does not look like an e-mail/,
  );
});

// A mail of these headers and body, one byte per character (as a Latin-1 file would hold it).
const mail = (headers, body = "body") => Buffer.from(`From: a@example.org\r\n${headers}\r\n\r\n${body}`, "latin1");
const subjectOf = async (value) => (await parseEml(mail(`Subject: ${value}`))).subject;

test("encoded words: Q with underscores, adjacent words joined, unknown charset kept readable", async () => {
  assert.equal(await subjectOf("=?utf-8?q?caf=C3=A9_au_lait?="), "café au lait");
  assert.equal(await subjectOf("=?utf-8?B?SGFs?= =?utf-8?B?bG8=?="), "Hallo");
  assert.equal(await subjectOf("plain text"), "plain text");
  assert.equal(await subjectOf("=?x-unknown?Q?abc?="), "abc");
});

test("quoted-printable keeps a lone = and decodes bytes", async () => {
  const parsed = await parseEml(
    mail("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable", "a=3Db=\r\nc=ZZ"),
  );
  assert.equal(parsed.text, "a=bc=ZZ");
});

test("htmlToText drops scripts and tags and decodes entities, never producing markup", () => {
  const text = htmlToText('<p>One &amp; two</p><script>alert(1)</script><div>&#x41;&#66;</div><img src=x onerror="y">');
  assert.equal(text, "One & two\nAB");
});

test("header parameters with quotes and semicolons", async () => {
  const parsed = await parseEml(
    mail(
      'Content-Type: multipart/mixed; boundary="a;b"; charset=UTF-8',
      '--a;b\r\nContent-Type: text/plain; charset="iso-8859-1"; format=fixed\r\n\r\nna\xefve\r\n--a;b--\r\n',
    ),
  );
  assert.equal(
    parsed.text,
    "na\u00efve",
    "the boundary holds the quoted semicolon, and the part's quoted charset is used",
  );
});

test("htmlToText keeps a lone < as text, skips comments, and treats an unclosed script as the end of the text", () => {
  assert.equal(htmlToText("<p>1 < 2 and 3 > 2</p><!-- <p>hidden</p> -->after"), "1 < 2 and 3 > 2\nafter");
  assert.equal(htmlToText("<div>kept</div><script>var a = '<p>not text</p>'"), "kept");
  assert.equal(htmlToText("<STYLE>p{}</STYLE><P>Upper&nbsp;case</P>"), "Upper\u00a0case");
});

// A superlinear pattern would hang here and fail by the timeout; the results show the inputs were read whole.
test("hostile inputs: long space runs, many unclosed tags, many header parameters", { timeout: 120_000 }, async () => {
  assert.equal(htmlToText(`${" ".repeat(200_000)}x`).trim(), "x");
  assert.equal(htmlToText("<style>".repeat(50_000)), "");
  assert.equal(htmlToText("<a".repeat(50_000)), "");
  assert.equal((await parseEml(mail(`Content-Type: text/plain${'; a="b'.repeat(50_000)}`))).text, "body");
});

test("LinkedIn's reply to its objection form (a reconstruction: its wording is not documented) is LinkedIn's", async () => {
  const mail = await parseEml(await fixture("linkedin-objection-reply.eml"));
  assert.equal(mail.subject, "Votre demande d\u2019opposition au traitement des données");
  assert.match(
    mail.text,
    /^Bonjour Jeanne,\n\nNous avons bien reçu votre demande d\u2019opposition au traitement de vos données \(dossier 251204-004218\)/,
  );
  assert.equal(guessService(mail.from), "linkedin");
  assert.equal(guessService("LinkedIn <support@linkedin.com.evil.example>"), "facebook");
});
