// The .eml parser on saved confirmation e-mails in four languages and MIME shapes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  parseEml, decodeEncodedWords, decodeQuotedPrintable, htmlToText, guessService, parseHeaderValue,
} from "../../../extension/src/options/eml-parser.js";

const fixture = async (name) => new Uint8Array(await readFile(new URL(`../../fixtures/eml/${name}`, import.meta.url)));

test("English multipart/alternative, quoted-printable: prefers the plain part and unfolds the subject", async () => {
  const mail = parseEml(await fixture("en-objection-reply.eml"));
  assert.equal(mail.subject, "Your objection request to the use of your information for AI at Meta");
  assert.equal(mail.from, "Facebook <notification@facebookmail.com>");
  assert.equal(mail.date, "2025-05-27T09:14:03.000Z");
  assert.match(mail.text, /We've reviewed your request and will honor your objection\./);
  assert.match(mail.text, /\u2014 Privacy Operations$/);
  assert.ok(!mail.text.includes("<p>"), "the HTML alternative is not used when a plain part exists");
  assert.ok(!mail.text.includes("\r"));
});

test("French single part, base64 in ISO-8859-1 with a B-encoded UTF-8 subject", async () => {
  const mail = parseEml(await fixture("fr-objection-reply.eml"));
  assert.equal(mail.subject, "Votre demande d'opposition à l'utilisation de vos informations pour l'IA");
  assert.equal(mail.from, "Facebook équipe <notification@facebookmail.com>");
  assert.match(mail.text, /Nous avons examiné votre demande et nous respecterons votre opposition\./);
  assert.match(mail.text, /L'équipe Confidentialité$/);
  assert.equal(mail.date, "2025-05-28T12:02:00.000Z");
});

test("Dutch nested multipart with only HTML (windows-1252) and an attachment", async () => {
  const mail = parseEml(await fixture("nl-objection-reply.eml"));
  assert.equal(mail.subject, "Je bezwaar \u2013 AI bij Meta");
  assert.match(mail.text, /^Hallo Sanne,/);
  assert.match(mail.text, /zullen je bezwaar honoreren\. Dit betekent dat je verzoek vanaf nu wordt toegepast \u2013 ook/);
  assert.match(mail.text, /Privacy\u00a0Operations$/);
  assert.ok(!mail.text.includes("color:red"), "style content is not text");
  assert.deepEqual(mail.attachments, [{ filename: "bevestiging.pdf", type: "application/pdf", size: 26 }]);
  assert.equal(guessService(mail.from), "instagram");
});

test("German quoted-printable with soft line breaks and a subject split over two encoded words", async () => {
  const mail = parseEml(await fixture("de-objection-reply.eml"));
  assert.equal(mail.subject, "Einspruch gegen die Verwendung deiner Informationen für KI bei Meta");
  assert.match(mail.text, /werden deinem Widerspruch nachkommen\. Das bedeutet/);
  assert.match(mail.text, /Größere Änderungen/);
  assert.equal(guessService(mail.from), "facebook");
});

test("a file that is not an e-mail gets a clear error", () => {
  assert.throws(() => parseEml(new TextEncoder().encode("just some text\nwithout headers")), /does not look like an e-mail/);
});

test("encoded words: Q with underscores, adjacent words joined, unknown charset kept readable", () => {
  assert.equal(decodeEncodedWords("=?utf-8?q?caf=C3=A9_au_lait?="), "café au lait");
  assert.equal(decodeEncodedWords("=?utf-8?B?SGFs?= =?utf-8?B?bG8=?="), "Hallo");
  assert.equal(decodeEncodedWords("plain text"), "plain text");
  assert.equal(decodeEncodedWords("=?x-unknown?Q?abc?="), "abc");
});

test("quoted-printable keeps a lone = and decodes bytes", () => {
  assert.deepEqual([...decodeQuotedPrintable("a=3Db=\r\nc=ZZ")], [...new TextEncoder().encode("a=bc=ZZ")]);
});

test("htmlToText drops scripts and tags and decodes entities, never producing markup", () => {
  const text = htmlToText('<p>One &amp; two</p><script>alert(1)</script><div>&#x41;&#66;</div><img src=x onerror="y">');
  assert.equal(text, "One & two\nAB");
});

test("header parameters with quotes and semicolons", () => {
  assert.deepEqual(parseHeaderValue('multipart/mixed; boundary="a;b"; charset=UTF-8'),
    { value: "multipart/mixed", params: { boundary: "a;b", charset: "UTF-8" } });
});

test("htmlToText keeps a lone < as text, skips comments, and treats an unclosed script as the end of the text", () => {
  assert.equal(htmlToText("<p>1 < 2 and 3 > 2</p><!-- <p>hidden</p> -->after"), "1 < 2 and 3 > 2\nafter");
  assert.equal(htmlToText("<div>kept</div><script>var a = '<p>not text</p>'"), "kept");
  assert.equal(htmlToText("<STYLE>p{}</STYLE><P>Upper&nbsp;case</P>"), "Upper\u00a0case");
});

// A superlinear pattern would hang here and fail by the timeout; the results show the inputs were read whole.
test("hostile inputs: long space runs, many unclosed tags, many header parameters", { timeout: 120_000 }, () => {
  assert.equal(htmlToText(`${" ".repeat(200_000)}x`).trim(), "x");
  assert.equal(htmlToText("<style>".repeat(50_000)), "");
  assert.equal(htmlToText("<a".repeat(50_000)), "");
  assert.equal(parseHeaderValue(`text/plain${"; a=\"b".repeat(50_000)}`).value, "text/plain");
});

test("LinkedIn's reply to its objection form (a reconstruction: its wording is not documented) is LinkedIn's", async () => {
  const mail = parseEml(await fixture("linkedin-objection-reply.eml"));
  assert.equal(mail.subject, "Votre demande d\u2019opposition au traitement des données");
  assert.match(mail.text, /^Bonjour Jeanne,\n\nNous avons bien reçu votre demande d\u2019opposition au traitement de vos données \(dossier 251204-004218\)/);
  assert.equal(guessService(mail.from), "linkedin");
  assert.equal(guessService("LinkedIn <support@linkedin.com.evil.example>"), "facebook");
});
