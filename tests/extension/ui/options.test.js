// The full page: profile form, stored confirmations with paging and evidence, deletion,
// export, e-mail import and the pending queue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { openPage, settle, fakeI18n } from "./ui-harness.js";
import { ProfileForm } from "../../../extension/src/options/profile-form.js";
import { ConfirmationsView } from "../../../extension/src/options/confirmations-view.js";
import { PendingView } from "../../../extension/src/options/pending-view.js";
import { ReceiptView } from "../../../extension/src/options/receipt-view.js";
import {
  EmailImport,
  PASTED_NOTE,
  emailToSaveParams,
  readAnswer,
  recipientAddress,
  serviceNamedIn,
} from "../../../extension/src/options/email-import.js";
import { fetchPrepared } from "../../../extension/src/options/downloads.js";
import { fetchScreenshot } from "../../../extension/src/options/screenshot.js";
import { parseEml } from "../../../extension/src/options/eml-parser.js";
import { DEFAULT_OBJECTIONS, defaultObjection } from "../../../extension/src/options/default-objections.js";
import { applyI18n } from "../../../extension/src/shared/i18n.js";
import facts from "../../../extension/src/shared/facts.json" with { type: "json" };

const until = (page, fn) => settle(page.window, fn);

test("profile: shows the host's profile, countries named in the interface language, default text in the profile's language", async () => {
  const page = openPage("options", {
    lang: "fr",
    background: {
      "get-profile": () => ({ profile: { email: "lea@example.be", country: "BE", language: "nl" }, source: "host" }),
    },
  });
  applyI18n(page.document);
  await new ProfileForm(page.document).start();
  const doc = page.document;
  assert.equal(doc.getElementById("profile-email").value, "lea@example.be");
  const country = doc.getElementById("profile-country");
  assert.equal(country.value, "BE");
  assert.equal(country.selectedOptions[0].textContent, "Belgique");
  assert.ok(country.options.length > 240, "every ISO 3166-1 country");
  assert.equal(doc.getElementById("profile-language").value, "nl");
  assert.equal(doc.getElementById("profile-objection").value, DEFAULT_OBJECTIONS.nl);
  // Changing the language swaps a default text for the other default...
  const language = doc.getElementById("profile-language");
  language.value = "de";
  language.dispatchEvent(new page.window.Event("change"));
  assert.equal(doc.getElementById("profile-objection").value, DEFAULT_OBJECTIONS.de);
  // ...but never the user's own text.
  doc.getElementById("profile-objection").value = "Mein eigener Text";
  language.value = "fr";
  language.dispatchEvent(new page.window.Event("change"));
  assert.equal(doc.getElementById("profile-objection").value, "Mein eigener Text");
});

test("profile: saving sends the trimmed fields; a 1001 error marks the named field", async () => {
  const saved = [];
  let refuse = true;
  const page = openPage("options", {
    lang: "de",
    background: {
      "get-profile": () => ({ profile: {}, source: "none" }),
      "profile-set": (m) => {
        saved.push(m.profile);
        return refuse
          ? {
              error: {
                kind: "host-error",
                code: 1001,
                message: "Not a valid address",
                data: { field: "email" },
                fix_key: "fix_host_error",
              },
            }
          : { result: { profile: m.profile } };
      },
    },
  });
  applyI18n(page.document);
  const form = new ProfileForm(page.document);
  await form.start();
  const doc = page.document;
  const i18n = fakeI18n("de");
  assert.equal(doc.getElementById("profile-status").textContent, i18n.getMessage("profile_empty"));
  assert.equal(doc.getElementById("profile-language").value, "de", "follows the interface language");
  doc.getElementById("profile-email").value = "  kein-at-zeichen ";
  doc.getElementById("profile-country").value = "DE";
  assert.equal(await form.save(), false);
  assert.deepEqual(Object.keys(saved[0]).sort(), ["country", "email", "language", "objection_text"]);
  assert.equal(saved[0].email, "kein-at-zeichen");
  assert.equal(doc.getElementById("profile-email").getAttribute("aria-invalid"), "true");
  assert.equal(doc.getElementById("profile-email-error").textContent, i18n.getMessage("error_field_email"));
  assert.equal(doc.activeElement, doc.getElementById("profile-email"));
  refuse = false;
  doc.getElementById("profile-email").value = "jonas@example.de";
  assert.equal(await form.save(), true);
  assert.equal(doc.getElementById("profile-email").hasAttribute("aria-invalid"), false);
  assert.equal(doc.getElementById("profile-status").textContent, i18n.getMessage("profile_saved"));
});

test("profile: a cached profile says the host is away", async () => {
  const page = openPage("options", {
    background: { "get-profile": () => ({ profile: { email: "a@b.example" }, source: "cache" }) },
  });
  await new ProfileForm(page.document).start();
  assert.equal(page.document.getElementById("profile-status").className, "warn");
});

// A host with `count` confirmations and chunked screenshots, answering through host-call.
function hostWith(count, { screenshotBytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7]), chunk = 3 } = {}) {
  const items = Array.from({ length: count }, (_, i) => ({
    id: count - i,
    service: i % 2 ? "instagram" : "facebook",
    kind: "page",
    account: `user${i}`,
    captured_at: new Date(Date.UTC(2025, 4, 27 - i)).toISOString(),
    sha256: "ab".repeat(32),
    has_screenshot: true,
  }));
  const calls = [];
  const host = {
    items,
    calls,
    call(method, params) {
      calls.push([method, params]);
      if (method === "confirmation.list") {
        const offset = params.cursor ? Number(params.cursor.split("/")[1]) : 0; // this stand-in's cursor: "c/<index>"
        const limit = Math.min(params.limit ?? 50, 2); // smaller pages than asked, as the host may do
        const page = items.slice(offset, offset + limit);
        return {
          items: page,
          total: items.length,
          next_cursor: offset + page.length < items.length ? `c/${offset + page.length}` : null,
        };
      }
      if (method === "confirmation.get") {
        const item = items.find((i) => i.id === params.id);
        if (!item) throw new Error(`no confirmation ${params.id}`);
        return {
          ...item,
          url: "https://www.facebook.com/help/contact/712876720715583",
          text: `Confirmation =cmd|' ${params.id}, "quoted"\nline 2`,
          language: "en",
          form: { email: "a@b.example", reason: "Non.", xField: "?" },
          saved_at: item.captured_at,
          screenshot_mime: "image/jpeg",
          screenshot_size: screenshotBytes.length,
        };
      }
      if (method === "confirmation.screenshot") {
        const offset = params.offset ?? 0;
        const part = screenshotBytes.subarray(offset, offset + chunk);
        return {
          mime: "image/jpeg",
          total: screenshotBytes.length,
          offset,
          data: Buffer.from(part).toString("base64"),
        };
      }
      if (method === "confirmation.delete") {
        items.splice(
          items.findIndex((i) => i.id === params.id),
          1,
        );
        return { deleted: true };
      }
      throw new Error(`unexpected ${method}`);
    },
  };
  host.background = {
    "host-call": async (m) => {
      try {
        return { result: host.call(m.method, m.params) };
      } catch (error) {
        return { error: { message: error instanceof Error ? error.message : String(error) } };
      }
    },
  };
  return host;
}

test("confirmations: pages follow next_cursor, the detail shows text, digest and the reassembled screenshot", async () => {
  const host = hostWith(5);
  const page = openPage("options", { background: host.background });
  applyI18n(page.document);
  const view = new ConfirmationsView(page.document);
  await view.start();
  const doc = page.document;
  const rows = () => [...doc.querySelectorAll("#confirmations-body tr")].map((tr) => tr.dataset.id);
  assert.deepEqual(rows(), ["5", "4"]);
  assert.equal(doc.getElementById("confirmations-more").hidden, false);
  doc.getElementById("confirmations-more").click();
  await until(page, () => rows().length === 4);
  await view.loadPage();
  assert.deepEqual(rows(), ["5", "4", "3", "2", "1"]);
  assert.equal(doc.getElementById("confirmations-more").hidden, true);

  doc.querySelector('#confirmations-body tr[data-id="3"] button').click();
  await until(page, () => !doc.getElementById("detail-screenshot").hidden);
  assert.match(doc.getElementById("detail-text").textContent, /Confirmation =cmd/);
  assert.equal(doc.querySelector('[data-field="detail_sha256"]').textContent, "ab".repeat(32));
  const sent = [...doc.querySelectorAll("#detail-fields dd[data-sent]")].map((dd) => [
    dd.previousElementSibling.textContent,
    dd.textContent,
  ]);
  assert.deepEqual(
    sent,
    [
      ["E-mail address sent", "a@b.example"],
      ["Text sent", "Non."],
      ["Other field sent", "?"],
    ],
    "what the form carried, by labels in words, never a raw field name",
  );
  const [blob] = page.objectUrls;
  assert.deepEqual([...new Uint8Array(await blob.arrayBuffer())], [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(blob.type, "image/jpeg");
  assert.equal(host.calls.filter(([m]) => m === "confirmation.screenshot").length, 3, "7 bytes in chunks of 3");
});

test("confirmations: delete asks first; cancel keeps it, confirm deletes and refreshes the list", async () => {
  const host = hostWith(2);
  const page = openPage("options", { background: host.background });
  const view = new ConfirmationsView(page.document);
  await view.start();
  await view.open(2);
  const dialog = page.document.getElementById("delete-dialog");
  let asked = view.askDelete();
  assert.equal(dialog.open, true);
  dialog.close("cancel");
  assert.equal(await asked, false);
  assert.equal(host.items.length, 2);
  asked = view.askDelete();
  dialog.close("delete");
  assert.equal(await asked, true);
  assert.deepEqual(
    host.items.map((i) => i.id),
    [1],
  );
  assert.deepEqual(
    [...page.document.querySelectorAll("#confirmations-body tr")].map((tr) => tr.dataset.id),
    ["1"],
  );
  assert.equal(page.document.getElementById("confirmation-detail").hidden, true);
});

test("confirmations: options.html#confirmation-<id> opens that one", async () => {
  const host = hostWith(3);
  const page = openPage("options", { background: host.background, hash: "#confirmation-2" });
  await new ConfirmationsView(page.document).start();
  assert.equal(page.document.getElementById("confirmation-detail").hidden, false);
  assert.ok(host.calls.some(([m, p]) => m === "confirmation.get" && p.id === 2));
});

// A stand-in for the host's prepared files: the bytes given, served in pieces of `piece` bytes.
function preparedHost(bytes, { name = "notrain-evidence-2026-12-04.zip", piece = 4, digestOf = bytes } = {}) {
  const calls = [];
  const digest = createHash("sha256").update(digestOf).digest("hex");
  const call = async (method, params) => {
    calls.push([method, params]);
    if (method === "evidence.pack" || method === "confirmation.export")
      return { name, size: bytes.length, sha256: digest, count: 2 };
    if (method === "download.chunk") {
      const part = bytes.subarray(params.offset, params.offset + piece);
      return { name, offset: params.offset, total: bytes.length, data: Buffer.from(part).toString("base64") };
    }
    throw new Error(`unexpected ${method}`);
  };
  return { call, calls };
}

test("downloads: the host's file is read piece by piece, checked against its SHA-256 and typed by its name", async () => {
  const bytes = new Uint8Array(Array.from({ length: 23 }, (_, i) => (i * 37) % 256));
  const host = preparedHost(bytes);
  const file = await fetchPrepared(host.call, "evidence.pack", { language: "fr" });
  assert.equal(file.name, "notrain-evidence-2026-12-04.zip");
  assert.equal(file.count, 2);
  assert.equal(file.blob.type, "application/zip");
  assert.deepEqual(new Uint8Array(await file.blob.arrayBuffer()), bytes);
  assert.deepEqual(host.calls[0], ["evidence.pack", { language: "fr" }]);
  assert.deepEqual(
    host.calls.slice(1).map(([, p]) => p.offset),
    [0, 4, 8, 12, 16, 20],
  );
});

test("downloads: a file that arrives changed or cut short is refused, not offered", async () => {
  const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  await assert.rejects(
    fetchPrepared(preparedHost(bytes, { digestOf: new Uint8Array([9, 9]) }).call, "evidence.pack"),
    /incomplete or changed/,
  );
  const empty = {
    call: async (method) =>
      method === "download.chunk" ? { data: "" } : { name: "x.csv", size: 5, sha256: "00", count: 1 },
  };
  await assert.rejects(fetchPrepared(empty.call, "confirmation.export", { format: "csv" }), /empty piece/);
});

test("export and evidence pack buttons ask the host for its files", async () => {
  const host = hostWith(2);
  const bytes = new TextEncoder().encode("\ufeffid,service\r\n");
  const prepared = preparedHost(bytes, { name: "notrain-confirmations-2026-12-04.csv" });
  const original = host.background["host-call"];
  host.background["host-call"] = async (m) =>
    ["evidence.pack", "download.chunk"].includes(m.method)
      ? { result: await prepared.call(m.method, m.params) }
      : original(m);
  const page = openPage("options", { background: host.background });
  const view = new ConfirmationsView(page.document);
  await view.start();
  await view.open(2);
  page.document.getElementById("detail-pack").click();
  await until(page, () => page.objectUrls.some((blob) => blob.type.startsWith("text/csv")));
  assert.ok(prepared.calls.some(([m, p]) => m === "evidence.pack" && p.id === 2 && p.language));
  assert.equal(page.document.getElementById("detail-status").textContent, "");
});

test("screenshot: a truncated reply is an error, not a broken image", async () => {
  const call = async () => ({ mime: "image/png", total: 10, offset: 0, data: "" });
  await assert.rejects(fetchScreenshot(call, 1), /empty screenshot chunk/);
});

// The full page with a host that keeps every e-mail given to it: what was saved, and what the background was told.
function pageSavingEmails(lang, id) {
  const saved = [];
  const told = [];
  const page = openPage("options", {
    lang,
    background: {
      "host-call": (m) => {
        saved.push(m);
        return { result: { id, sha256: "c".repeat(64), duplicate: false } };
      },
      "email-answer-saved": (m) => {
        told.push(m);
        return { result: false };
      },
    },
  });
  return { page, saved, told };
}

test("e-mail import: previews the parsed mail, guesses the service and saves it as kind email", async () => {
  const { page, saved, told } = pageSavingEmails("nl", 11);
  const doc = page.document;
  const importer = new EmailImport(doc);
  importer.start();
  const bytes = await readFile(new URL("../../fixtures/eml/nl-objection-reply.eml", import.meta.url));
  await importer.read({
    size: bytes.length,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  });
  assert.equal(doc.getElementById("import-preview").hidden, false);
  assert.match(doc.getElementById("import-text").textContent, /zullen je bezwaar honoreren/);
  assert.equal(doc.getElementById("import-account").value, "sanne@example.nl", "offered: the address Meta wrote to");
  await importer.save();
  assert.equal(saved[0].params.account, "sanne@example.nl");
  assert.deepEqual(
    told.map((m) => [m.service, m.account, m.text]),
    [["instagram", "sanne@example.nl", saved[0].params.text]],
    "the background hears of the answer, for the Accounts Centre",
  );
  assert.equal(saved[0].method, "confirmation.save");
  assert.equal(saved[0].params.kind, "email");
  assert.equal(saved[0].params.url, "");
  assert.match(saved[0].params.text, /^From: Instagram <no-reply@mail.instagram.com>\n/);
  assert.equal(saved[0].params.captured_at, "2025-05-29T06:30:00.000Z");
  assert.deepEqual([saved[0].params.verdict, saved[0].params.language], ["honoured", "nl"]);
  assert.equal(doc.getElementById("import-status").textContent, fakeI18n("nl").getMessage("import_saved"));
});

test("e-mail import: a pasted text is shown for review, offered under the service it names, saved as pasted", async () => {
  const { page, saved } = pageSavingEmails("fr", 12);
  const doc = page.document;
  const importer = new EmailImport(doc);
  importer.start();
  const paste = /** @type {HTMLTextAreaElement} */ (doc.getElementById("import-paste"));
  doc.getElementById("import-read-paste").click();
  assert.equal(doc.getElementById("import-status").textContent, fakeI18n("fr").getMessage("import_paste_empty"));
  assert.equal(doc.getElementById("import-preview").hidden, true);
  const text =
    "Bonjour Camille,\n\nNous avons examiné votre demande et nous accepterons votre opposition. Cela " +
    "s'applique à vos informations publiques sur Instagram et Facebook.\n\nL'équipe Privacy Operations";
  paste.value = `\n  ${text}\n`;
  doc.getElementById("import-read-paste").click();
  assert.equal(doc.getElementById("import-preview").hidden, false);
  assert.equal(doc.getElementById("import-text").textContent, text);
  const fr = fakeI18n("fr");
  assert.deepEqual(
    [...doc.getElementById("import-fields").children].map((node) => node.textContent),
    [fr.getMessage("detail_verdict"), fr.getMessage("verdict_honoured")],
    "no sender, subject or date to show; what the answer says, read as the pages' answers are",
  );
  assert.equal(/** @type {HTMLSelectElement} */ (doc.getElementById("import-service")).value, "instagram");
  /** @type {HTMLInputElement} */ (doc.getElementById("import-account")).value = "camille@example.be";
  await importer.save();
  assert.equal(saved.length, 1);
  const { params } = saved[0];
  assert.deepEqual(
    [params.service, params.kind, params.url, params.account, params.verdict, params.language],
    ["instagram", "email", "", "camille@example.be", "honoured", "fr"],
  );
  assert.equal(params.text, `${PASTED_NOTE}\n\n${text}`, "the evidence says it was pasted, not read from a file");
  assert.ok(Date.parse(params.captured_at) <= Date.now());
  assert.equal(paste.value, "", "the box is emptied once the text is kept");
  assert.equal(paste.maxLength, facts.max_text_characters, "no longer than the host keeps");
});

test("e-mail import: an answer in words no rule knows is kept as unknown, and shown so before it is added", () => {
  const page = openPage("options", { lang: "de" });
  const doc = page.document;
  const importer = new EmailImport(doc);
  importer.start();
  /** @type {HTMLTextAreaElement} */ (doc.getElementById("import-paste")).value = "Prima, das hat geklappt. Bis bald!";
  doc.getElementById("import-read-paste").click();
  assert.equal(doc.querySelector("#import-fields dd")?.textContent, fakeI18n("de").getMessage("verdict_unknown"));
  assert.equal(emailToSaveParams({ text: "Prima, das hat geklappt." }, "facebook").verdict, "unknown");
  assert.deepEqual(readAnswer("We've received your request."), { verdict: "received", language: "en" });
});

test("e-mail import: a pasted text that names no service is offered under Facebook, the first of Meta's", () => {
  assert.equal(serviceNamedIn("Thanks, we got it."), "facebook");
  assert.equal(serviceNamedIn("Your WhatsApp account and your Facebook account"), "whatsapp");
  assert.equal(serviceNamedIn("Sent from LinkedIn Help"), "linkedin");
  assert.equal(serviceNamedIn("an instagrammer wrote"), "facebook", "whole words only");
});

test("e-mail import: LinkedIn's reply to its objection form is saved under linkedin", async () => {
  const { page, saved } = pageSavingEmails("fr", 13);
  const importer = new EmailImport(page.document);
  importer.start();
  assert.ok(
    [...page.document.getElementById("import-service").options].some(
      (o) => o.value === "linkedin" && o.text === "LinkedIn",
    ),
  );
  const bytes = await readFile(new URL("../../fixtures/eml/linkedin-objection-reply.eml", import.meta.url));
  await importer.read({
    size: bytes.length,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  });
  await importer.save();
  assert.deepEqual([saved[0].params.service, saved[0].params.kind], ["linkedin", "email"]);
  assert.match(saved[0].params.text, /^From: LinkedIn <support@linkedin.com>\n/);
});

test("e-mail import: a file that is not an e-mail is reported and nothing is saved", async () => {
  const page = openPage("options", { background: {} });
  const importer = new EmailImport(page.document);
  importer.start();
  const bytes = new TextEncoder().encode("%PDF-1.4 nothing to see");
  await importer.read({ size: bytes.length, arrayBuffer: async () => bytes.buffer });
  assert.equal(page.document.getElementById("import-preview").hidden, true);
  assert.match(page.document.getElementById("import-status").textContent, /could not be read as an e-mail/);
  assert.equal(page.sent.length, 0);
});

test("e-mail import: the account is the user's to confirm: changed, or emptied when unsure", async () => {
  const mail = await parseEml(await readFile(new URL("../../fixtures/eml/en-objection-reply.eml", import.meta.url)));
  assert.equal(recipientAddress(mail.to), "alex@example.org");
  assert.equal(recipientAddress("a@example.org, b@example.org"), "a@example.org");
  assert.equal(recipientAddress("undisclosed-recipients:;"), "");
  assert.equal(recipientAddress(undefined), "");
  assert.equal(emailToSaveParams(mail, "facebook", new Date(), " alex@work.example ").account, "alex@work.example");
  assert.equal("account" in emailToSaveParams(mail, "facebook", new Date(), ""), false, "no account is guessed");
  assert.equal("account" in emailToSaveParams(mail, "facebook", new Date(), "<script>"), false);
});

test("emailToSaveParams keeps the identifying headers in the text", async () => {
  const mail = await parseEml(await readFile(new URL("../../fixtures/eml/de-objection-reply.eml", import.meta.url)));
  const params = emailToSaveParams(mail, "facebook");
  assert.match(
    params.text,
    /^From: "Facebook" <security@facebookmail.com>\nTo: jonas@example.de\nDate: 2025-05-30T15:45:10.000Z\nSubject: Einspruch/,
  );
  assert.match(params.text, /Message-ID: <de-0001@facebookmail.com>\n\nHallo Jonas,/);
});

test("pending: lists waiting items with their problem; retry reports what is left", async () => {
  let items = [
    {
      id: "a",
      service: "facebook",
      captured_at: "2025-05-27T10:00:00Z",
      last_error: { message: "host not found" },
      rejected: null,
    },
    {
      id: "b",
      service: "instagram",
      captured_at: "2025-05-28T10:00:00Z",
      last_error: null,
      rejected: { message: "bad date" },
      screenshot_dropped: true,
    },
  ];
  const page = openPage("options", {
    background: {
      "pending-list": () => ({ items }),
      "pending-retry": () => {
        items = items.slice(1);
        return { delivered: 1, remaining: 1, error: null };
      },
    },
  });
  let delivered = 0;
  const view = new PendingView(page.document, {
    onDelivered: async () => {
      delivered += 1;
    },
  });
  await view.start();
  const doc = page.document;
  assert.deepEqual(
    [...doc.querySelectorAll("#pending-list li")].map((li) => li.dataset.id),
    ["a", "b"],
  );
  assert.match(doc.querySelector('#pending-list li[data-id="b"]').textContent, /refused it: bad date/);
  await view.retry();
  assert.equal(delivered, 1);
  assert.equal(doc.getElementById("pending-summary").dataset.count, "1");
});

test("every default objection text cites GDPR Article 21 and fits the host's 5000-character limit", () => {
  for (const [lang, text] of Object.entries(DEFAULT_OBJECTIONS)) {
    assert.match(text, /21/, lang);
    assert.match(
      text,
      /GDPR|RGPD|AVG|DSGVO|RODO|ОРЗД|ΓΚΠΔ|BDAR|VDAR|RGCS|üldmäärus|tietosuoja-asetu|Splošne uredbe|Opće uredbe|dataskyddsförordningen/,
      lang,
    );
    assert.ok(text.length < 5000, lang);
  }
  assert.equal(Object.keys(DEFAULT_OBJECTIONS).length, 24, "one text per official EU language");
  assert.equal(defaultObjection("fr-BE"), DEFAULT_OBJECTIONS.fr);
  assert.equal(defaultObjection("sv-FI"), DEFAULT_OBJECTIONS.sv);
  assert.equal(defaultObjection("tr"), DEFAULT_OBJECTIONS.en);
});

test("the full page suggests the very text the form is filled with: the rules' template, one per language", async () => {
  const { knowledge } = await import("../../../extension/rules/index.js");
  for (const language of knowledge.languages)
    assert.equal(defaultObjection(language.language), language.templates?.reason);
});

test("the full page's entry starts every section", async () => {
  const host = hostWith(1);
  const page = openPage("options", {
    background: {
      ...host.background,
      "host-status": () => ({ ok: true, hello: { version: "1" } }),
      "get-profile": () => ({ profile: {}, source: "host" }),
      "pending-list": () => ({ items: [] }),
    },
  });
  await import("../../../extension/src/options/options.js");
  await until(page, () => page.document.body.dataset.ready === "true");
  assert.equal(page.document.querySelectorAll("#confirmations-body tr").length, 1);
  assert.equal(page.document.getElementById("pending-retry").hidden, true);
  assert.ok(page.document.querySelector("h1").textContent.length > 0);
});

test("receipt: the host's chain head as text with a copy button, refreshed when the list changes", async () => {
  let receipt = null;
  const copied = [];
  const page = openPage("options", {
    background: {
      "host-call": (m) =>
        m.method === "evidence.receipt" ? { result: { receipt } } : { error: { message: "unexpected" } },
    },
  });
  Object.defineProperty(page.window.navigator, "clipboard", {
    value: { writeText: async (text) => copied.push(text) },
  });
  const view = new ReceiptView(page.document);
  await view.reload();
  const i18n = fakeI18n("en");
  assert.equal(page.document.getElementById("receipt-status").textContent, i18n.getMessage("receipt_none"));
  assert.equal(page.document.getElementById("receipt-copy").hidden, true);
  receipt = "NoTrain receipt\nChain position: 3\nChain head: " + "c".repeat(64) + "\n";
  await view.reload();
  assert.equal(page.document.getElementById("receipt-text").textContent, receipt);
  page.document.getElementById("receipt-copy").click();
  await settle(page.window, () => copied.length === 1);
  assert.deepEqual(copied, [receipt]);
  assert.equal(page.document.getElementById("receipt-status").textContent, i18n.getMessage("receipt_copied"));
});
