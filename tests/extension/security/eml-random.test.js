// The .eml parser reads a file the user picked, but the file came from outside: random and hostile
// mutations of the real fixtures must give either a parsed mail of the documented shape or one of the
// documented refusals, and never another exception. A seeded generator, so a failure replays.
import "../support/windows-1252.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { parseEml } from "../../../extension/src/options/eml-parser.js";

const FIXTURES = new URL("../../fixtures/eml/", import.meta.url);
// The documented refusals: eml-parser.js's "not an e-mail", and postal-mime's limits on nesting, header size,
// part count and forwarded addresses (its README), which bound what a hostile file can make it hold. The import
// form shows the message next to "this is not an e-mail". Anything else (a TypeError, a RangeError) is a bug.
const NOT_AN_EMAIL = /does not look like an e-mail/;
const LIMITS = new Set(["EMAXNESTINGDEPTH", "EMAXHEADERSIZE", "EMAXPARTCOUNT", "EMAXFORWARDEDADDRESSES"]);
/** @param {any} error  whatever parseEml threw */
const isExpectedRefusal = (error) =>
  NOT_AN_EMAIL.test(String(error?.message)) ||
  (error?.constructor === Error && LIMITS.has(String(/** @type {{ code?: unknown }} */ (error).code)));
const encoder = new TextEncoder();

// xorshift32: small, deterministic.
function generator(seed) {
  let state = seed >>> 0 || 1;
  return (limit) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % limit;
  };
}

const TOKENS = [
  "\r\n",
  "\n",
  "\r\n\r\n",
  "--",
  "boundary=",
  'Content-Type: multipart/mixed; boundary="b"\r\n',
  "Content-Transfer-Encoding: base64\r\n",
  "Content-Transfer-Encoding: quoted-printable\r\n",
  "=?utf-8?B?",
  "=?iso-8859-1?Q?",
  "?=",
  "=\r\n",
  "=C3=A9",
  "=ZZ",
  'charset="x-unknown"',
  "<html>",
  "<script>",
  "</script>",
  "&#x110000;",
  "&#0;",
  "&amp;",
  "\u0000",
  "\uFEFF",
  "\xff",
  ";",
  '"',
  "Subject: ",
  "Date: 32 Foo 99999",
  "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC",
];

function mutate(bytes, random) {
  let text = Buffer.from(bytes).toString("latin1");
  const steps = 1 + random(8);
  for (let i = 0; i < steps; i++) {
    const at = random(text.length + 1);
    switch (random(5)) {
      case 0:
        text = text.slice(0, at) + TOKENS[random(TOKENS.length)] + text.slice(at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at + random(200));
        break;
      case 2:
        text = text.slice(0, at) + String.fromCharCode(random(256)) + text.slice(at + 1);
        break;
      case 3: {
        const from = random(text.length + 1);
        text = text.slice(0, at) + text.slice(from, from + random(400)) + text.slice(at);
        break;
      }
      default:
        text = text.slice(0, at);
        break;
    }
  }
  return Uint8Array.from(Buffer.from(text, "latin1"));
}

// Speed is the benchmarks' business; here a parse that hangs (a superlinear pattern) fails by the test's timeout.
const HANG = { timeout: 120_000 };

async function assertParsesOrRefuses(bytes, label) {
  let mail;
  try {
    mail = await parseEml(bytes);
  } catch (error) {
    assert.ok(isExpectedRefusal(error), `${label}: unexpected ${error instanceof Error ? error.stack : error}`);
    return;
  }
  for (const field of ["subject", "from", "to", "messageId", "text"])
    assert.equal(typeof mail[field], "string", `${label}: ${field}`);
  assert.ok(mail.date === null || !Number.isNaN(Date.parse(mail.date)), `${label}: date`);
  assert.ok(mail.html === null || typeof mail.html === "string", `${label}: html`);
  assert.ok(Array.isArray(mail.attachments), `${label}: attachments`);
}

test("two thousand random mutations of the fixtures parse or are refused", HANG, async () => {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith(".eml"));
  assert.ok(names.length >= 4);
  const fixtures = await Promise.all(
    names.map(async (name) => new Uint8Array(await readFile(new URL(name, FIXTURES)))),
  );
  const random = generator(20250527);
  for (let run = 0; run < 2000; run++) {
    const which = random(fixtures.length);
    await assertParsesOrRefuses(mutate(fixtures[which], random), `run ${run} on ${names[which]}`);
  }
});

test("hostile shapes: deep nesting, endless headers, unclosed tags, empty and binary files", HANG, async () => {
  const nested = (depth) => {
    let mail = "From: a@b.c\r\nSubject: deep\r\n";
    for (let i = 0; i < depth; i++) mail += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
    return mail + "Content-Type: text/plain\r\n\r\nbottom\r\n";
  };
  const cases = {
    "empty file": new Uint8Array(0),
    "binary noise": Uint8Array.from({ length: 65536 }, (_, i) => (i * 2654435761) >>> 24),
    "multipart nested 2000 deep": encoder.encode(nested(2000)),
    "a 1 MiB header line": encoder.encode(`Subject: ${"x".repeat(1 << 20)}\r\nFrom: a@b.c\r\n\r\nbody`),
    "ten thousand folded header lines": encoder.encode(
      `From: a@b.c\r\nSubject: a${"\r\n b".repeat(10000)}\r\n\r\nbody`,
    ),
    "ten thousand encoded words": encoder.encode(
      `From: a@b.c\r\nSubject: ${"=?utf-8?B?w6k=?= ".repeat(10000)}\r\n\r\nbody`,
    ),
    "a multipart without its boundary": encoder.encode(
      "From: a@b.c\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nhello",
    ),
    "HTML with an unclosed tag 200 KB long": encoder.encode(
      `From: a@b.c\r\nContent-Type: text/html\r\n\r\n<${"a".repeat(200000)}`,
    ),
    "base64 with garbage": encoder.encode("From: a@b.c\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!====@@@@"),
  };
  for (const [label, bytes] of Object.entries(cases)) await assertParsesOrRefuses(bytes, label);
});

// A regular expression that rescanned to the end of the text from every unclosed opening tag made this quadratic
// (a 25 MiB file, the import's limit, froze the full page for hours); htmlToText now reads tags in one pass.
test("HTML with twenty thousand unclosed <script> tags parses", HANG, async () => {
  await assertParsesOrRefuses(
    encoder.encode(`From: a@b.c\r\nContent-Type: text/html\r\n\r\n${"<script>".repeat(20000)}`),
    "unclosed <script> x 20000",
  );
});
