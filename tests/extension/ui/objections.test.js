// The full page's objections: every account with its state, named and removed by the user, the follow-up
// reminder's switch, and a ready complaint for an objection Meta left unanswered for 30 days.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settle, fakeI18n } from "./ui-harness.js";
import { applyI18n } from "../../../extension/src/shared/i18n.js";
import { ObjectionsView } from "../../../extension/src/options/objections-view.js";
import authorities from "../../../extension/rules/authorities.json" with { type: "json" };

const NOW = Date.parse("2026-03-10T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function background(accounts, kept = [], profile = { country: "BE", name: "Ana Peeters" }) {
  return {
    "accounts-list": () => ({ items: structuredClone(accounts) }),
    "host-call": () => ({ result: { items: kept, total: kept.length, next_cursor: null } }),
    "get-profile": () => ({ profile, source: "host" }),
    "account-rename": (m) => {
      const entry =
        accounts.find((a) => a.account === m.account) ??
        accounts[accounts.push({ service: m.service, account: m.account }) - 1];
      entry.name = m.name;
      return { result: entry };
    },
    "account-remove": (m) => {
      const index = accounts.findIndex((a) => a.account === m.account);
      if (index >= 0) accounts.splice(index, 1);
      accounts.push({ service: m.service, account: m.account, removed: true });
      return { result: {} };
    },
  };
}

async function open(accounts, kept, options = {}) {
  const page = openPage("options", {
    background: background(accounts, kept, options.profile),
    stored: options.stored ?? {},
    lang: options.lang ?? "en",
  });
  applyI18n(page.document);
  await new ObjectionsView(page.document, { now: () => NOW, onPack: options.onPack }).start();
  return page;
}

const rows = (doc) =>
  [...doc.querySelectorAll("#objections-body tr")].map((tr) => [
    tr.dataset.service,
    tr.dataset.account,
    tr.dataset.state,
  ]);

test("two accounts on Facebook and one seen only in a confirmation: listed, named and removed", async () => {
  const accounts = [
    { service: "facebook", account: "ana@example.be", sent_at: new Date(NOW - 2 * DAY).toISOString() },
    { service: "facebook", account: "work@example.be", name: "Work", sent_at: new Date(NOW - 9 * DAY).toISOString() },
  ];
  const kept = [{ id: 4, service: "threads", account: "ana_b", captured_at: "2026-02-01T10:00:00Z" }];
  const page = await open(accounts, kept);
  const doc = page.document;
  assert.deepEqual(rows(doc), [
    ["facebook", "ana@example.be", "waiting"],
    ["facebook", "work@example.be", "waiting"],
    ["instagram", "ana_b", "confirmed"],
    ["whatsapp", "", "none"],
  ]);
  const work = doc.querySelector('tr[data-account="work@example.be"] input');
  assert.equal(work.value, "Work");
  assert.equal(work.getAttribute("aria-label"), "Your name for work@example.be");

  const ana = doc.querySelector('tr[data-account="ana@example.be"] input');
  ana.value = "Private";
  ana.dispatchEvent(new page.window.Event("change"));
  await settle(page.window, () => doc.getElementById("objections-status").textContent !== "");
  assert.deepEqual(
    page.sent.filter((m) => m.type === "account-rename"),
    [{ type: "account-rename", service: "facebook", account: "ana@example.be", name: "Private" }],
  );
  assert.equal(doc.getElementById("objections-status").textContent, "The name of ana@example.be is saved.");

  doc.querySelector('tr[data-account="ana_b"] button').click();
  await settle(page.window, () => !doc.querySelector('tr[data-account="ana_b"]'));
  assert.deepEqual(
    rows(doc).map((r) => r[1]),
    ["ana@example.be", "work@example.be", "", ""],
  );
  assert.equal(
    doc.getElementById("objections-status").textContent,
    "ana_b is no longer listed. Its confirmations stay stored.",
  );
  assert.equal(doc.querySelectorAll("#complaints article").length, 0, "nothing overdue, no complaint");
});

test("an objection unanswered for 30 days: a complaint to the user's authority, in the page's language, ready to copy", async () => {
  const sent = new Date(NOW - 31 * DAY).toISOString();
  const page = await open([{ service: "instagram", account: "ana_b", sent_at: sent }], [], { lang: "fr" });
  const doc = page.document;
  const [complaint] = doc.querySelectorAll("#complaints article");
  assert.equal(complaint.dataset.account, "ana_b");
  const link = complaint.querySelector("[data-testid=complaint-link]");
  const text = complaint.querySelector("textarea");
  assert.equal(link.getAttribute("href"), authorities.authorities.BE.contact, "the profile's country");
  assert.equal(link.rel, "noopener noreferrer");
  assert.ok(text.readOnly);
  assert.ok(text.value.startsWith(`À : ${authorities.authorities.BE.name}\n`), text.value);
  assert.match(text.value, /mon compte Instagram \(ana_b\)/);
  assert.match(text.value, /un fichier ZIP créé par NoTrain ; son fichier SHA256SUMS/);
  assert.doesNotMatch(text.value, /notrain-host/, "no command line in a citizen's complaint");
  assert.equal(
    complaint.querySelector("[data-testid=complaint-region]").closest("p").hidden,
    true,
    "Belgium has one authority",
  );
  assert.ok(text.value.endsWith("Ana Peeters"));
  assert.equal(
    doc.querySelector(`label[for="${text.id}"]`).textContent,
    fakeI18n("fr").getMessage("complaint_text_label"),
  );

  const select = complaint.querySelector("select");
  select.value = "IE";
  select.dispatchEvent(new page.window.Event("change"));
  assert.equal(link.getAttribute("href"), authorities.authorities.IE.contact);
  assert.ok(text.value.startsWith(`À : ${authorities.authorities.IE.name}\n`));
});

test("in Germany the complaint goes to the Land's authority the user picks; until then, the list of them", async () => {
  const sent = new Date(NOW - 31 * DAY).toISOString();
  const page = await open([{ service: "facebook", account: "jonas@example.de", sent_at: sent }], [], {
    lang: "de",
    profile: { country: "DE", name: "Jonas" },
  });
  const complaint = page.document.querySelector("#complaints article");
  const link = complaint.querySelector("[data-testid=complaint-link]");
  const text = complaint.querySelector("textarea");
  const region = complaint.querySelector("[data-testid=complaint-region]");
  assert.equal(region.closest("p").hidden, false);
  assert.equal(page.document.querySelector(`label[for="${region.id}"]`).textContent, "Dein Bundesland");
  assert.equal(region.value, "", "no Land is guessed");
  assert.equal(link.getAttribute("href"), authorities.authorities.DE.contact);
  const lands = [...region.options].slice(1).map((o) => o.textContent);
  assert.equal(lands.length, 16);
  assert.deepEqual(
    lands,
    [...lands].sort((a, b) => a.localeCompare(b)),
    "by the Land's name",
  );

  region.value = "DE-BY";
  region.dispatchEvent(new page.window.Event("change"));
  const bavaria = authorities.authorities.DE.regions["DE-BY"];
  assert.equal(link.getAttribute("href"), bavaria.contact);
  assert.ok(text.value.startsWith(`An: ${bavaria.name}\n`), text.value);

  const country = complaint.querySelector("select");
  country.value = "IE";
  country.dispatchEvent(new page.window.Event("change"));
  assert.equal(region.closest("p").hidden, true, "Ireland has no Länder");
  assert.equal(link.getAttribute("href"), authorities.authorities.IE.contact);
});

test("the complaint's evidence-pack button downloads the pack and says how it went in the complaint", async () => {
  const asked = [];
  const onPack = async (status) => {
    asked.push(status);
    status.textContent = "pack ready";
  };
  const page = await open(
    [{ service: "facebook", account: "a@b.c", sent_at: new Date(NOW - 45 * DAY).toISOString() }],
    [],
    { onPack },
  );
  const complaint = page.document.querySelector("#complaints article");
  complaint.querySelector("[data-testid=complaint-pack]").click();
  await settle(page.window, () => asked.length === 1);
  assert.ok(complaint.contains(asked[0]), "the status line is the complaint's own");
  assert.equal(asked[0].getAttribute("role"), "status");
  assert.equal(asked[0].textContent, "pack ready");
});

test("without a known country the complaint goes to the authority that leads for Meta, with a place for the name", async () => {
  const page = await open(
    [{ service: "facebook", account: "a@b.c", sent_at: new Date(NOW - 45 * DAY).toISOString() }],
    [],
    { profile: {} },
  );
  const complaint = page.document.querySelector("#complaints article");
  assert.equal(complaint.querySelector("select").value, authorities.lead);
  assert.ok(complaint.querySelector("textarea").value.endsWith("[your name and address]"));
});

test("the follow-up reminder is off until the user switches it on", async () => {
  const stored = {};
  const page = await open([], [], { stored });
  const box = page.document.getElementById("follow-up-switch");
  assert.equal(box.checked, false);
  box.click();
  await settle(page.window, () => stored.followUpNotify === true);
});

test("account names and addresses are text, never markup", async () => {
  const page = await open(
    [
      {
        service: "facebook",
        account: "<img src=x onerror=alert(1)>",
        name: "<b>n</b>",
        sent_at: new Date(NOW - 40 * DAY).toISOString(),
      },
    ],
    [],
  );
  assert.equal(page.document.querySelectorAll("#objections img, #objections b").length, 0);
  assert.match(page.document.querySelector("#complaints h3").textContent, /<b>n<\/b>/);
});
