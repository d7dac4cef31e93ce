// Coverage lines: which account of which service is confirmed, waiting or not yet, with the clock given.
import { test } from "node:test";
import assert from "node:assert/strict";
import { coverage, FOLLOW_UP_DAYS, serviceToObjectOn } from "../../../extension/src/shared/coverage.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days) => new Date(NOW - days * DAY).toISOString();
const brief = (lines) => lines.map((l) => [l.service, l.account, l.state]);

test("nothing seen: one 'not yet' line per service with an objection of its own, the others named beside it", () => {
  const lines = coverage({ now: NOW });
  assert.deepEqual(brief(lines), [
    ["facebook", null, "none"],
    ["instagram", null, "none"],
    ["whatsapp", null, "none"],
  ]);
  assert.deepEqual(lines[0].also, ["Messenger", "Meta AI"]);
  assert.deepEqual(lines[1].also, ["Threads"]);
});

test("two accounts on one service: each its own line, sorted; a confirmation covers its own account only", () => {
  const lines = coverage({
    now: NOW,
    accounts: [
      { service: "facebook", account: "b@example.org", sent_at: daysAgo(2) },
      { service: "facebook", account: "a@example.org", sent_at: daysAgo(9) },
    ],
    confirmations: [{ id: 3, service: "facebook", account: "A@Example.org", captured_at: daysAgo(8) }],
  });
  assert.deepEqual(brief(lines).slice(0, 2), [
    ["facebook", "a@example.org", "confirmed"],
    ["facebook", "b@example.org", "waiting"],
  ]);
  assert.equal(lines[0].confirmationId, 3);
  assert.equal(lines[1].since, daysAgo(2));
  assert.equal(lines[1].days, 2);
});

test("a confirmation's account is a line even when no send was seen (an older objection, another browser)", () => {
  const lines = coverage({
    now: NOW,
    confirmations: [{ id: 1, service: "threads", account: "ana_b", captured_at: daysAgo(100) }],
  });
  assert.deepEqual(brief(lines)[1], ["instagram", "ana_b", "confirmed"], "Threads counts under Instagram");
});

test("the newest confirmation gives the date", () => {
  const lines = coverage({
    now: NOW,
    confirmations: [
      { id: 1, service: "facebook", account: "a@b.c", captured_at: daysAgo(10) },
      { id: 2, service: "facebook", account: "a@b.c", captured_at: daysAgo(3) },
    ],
  });
  assert.equal(lines[0].confirmationId, 2);
  assert.equal(lines[0].since, daysAgo(3));
});

test("a confirmation without an account counts only when no account of the service is known", () => {
  const inbox = { id: 5, service: "facebook", account: null, captured_at: daysAgo(1) };
  assert.deepEqual(brief(coverage({ now: NOW, confirmations: [inbox] }))[0], ["facebook", null, "confirmed"]);
  const withAccount = coverage({
    now: NOW,
    confirmations: [inbox],
    accounts: [{ service: "facebook", account: "a@b.c", sent_at: daysAgo(2) }],
  });
  assert.deepEqual(brief(withAccount)[0], ["facebook", "a@b.c", "waiting"], "never guessed to be that account's");
  assert.equal(withAccount.filter((l) => l.service === "facebook").length, 1);
});

test("the follow-up clock: waiting becomes overdue after 30 days, by the clock given", () => {
  const accounts = [{ service: "instagram", account: "ana_b", sent_at: daysAgo(FOLLOW_UP_DAYS) }];
  assert.equal(coverage({ now: NOW - 1, accounts })[1].overdue, false, "a moment before the 30th day");
  const line = coverage({ now: NOW, accounts })[1];
  assert.equal(line.overdue, true);
  assert.equal(line.days, FOLLOW_UP_DAYS);
});

test("an account the user removed stays hidden, even when a kept confirmation names it", () => {
  const lines = coverage({
    now: NOW,
    accounts: [{ service: "facebook", account: "a@b.c", removed: true }],
    confirmations: [{ id: 1, service: "facebook", account: "a@b.c", captured_at: daysAgo(1) }],
  });
  assert.deepEqual(brief(lines)[0], ["facebook", null, "none"]);
});

test("serviceToObjectOn: the page's service when open, else the first open one, else none", () => {
  const lines = coverage({ now: NOW, accounts: [{ service: "facebook", account: "a@b.c", sent_at: daysAgo(1) }] });
  assert.equal(serviceToObjectOn(lines, "facebook"), "instagram", "Facebook is waiting, not open");
  assert.equal(serviceToObjectOn(lines, "whatsapp"), "whatsapp");
  assert.equal(serviceToObjectOn(lines, "meta"), "instagram");
});

test("a confirmation kept before a change Meta announced is to check again; one kept after it, or a change Meta said changes nothing, is not", () => {
  const announcements = [
    { id: "change", date: daysAgo(10).slice(0, 10), services: ["facebook", "instagram"], recheck: true },
    { id: "honoured", date: daysAgo(5).slice(0, 10), services: ["facebook"], recheck: false },
  ];
  const lines = coverage({
    now: NOW,
    announcements,
    confirmations: [
      { id: 1, service: "messenger", account: "old@example.be", captured_at: daysAgo(40) },
      { id: 2, service: "instagram", account: "new@example.be", captured_at: daysAgo(3) },
    ],
  });
  const old = lines.find((l) => l.account === "old@example.be");
  assert.equal(old?.service, "facebook"); // Messenger counts under Facebook
  assert.equal(old?.state, "confirmed");
  assert.equal(old?.recheck?.id, "change");
  assert.equal(lines.find((l) => l.account === "new@example.be")?.recheck, null);
  assert.ok(lines.filter((l) => l.state !== "confirmed").every((l) => l.recheck === null));
});

test("the announcements shipped in the rules ask no re-check for what Meta said it honours", () => {
  const lines = coverage({
    now: NOW,
    confirmations: [{ id: 1, service: "facebook", account: "a@b.be", captured_at: "2024-06-20T10:00:00Z" }],
  });
  assert.equal(lines[0].recheck, null);
});

test("an answer covering the Accounts Centre marks the Centre's other services with nothing of their own, not WhatsApp", () => {
  const lines = coverage({
    now: NOW,
    accounts: [{ service: "facebook", account: "ana@example.be", centre_at: daysAgo(4) }],
    confirmations: [{ id: 1, service: "facebook", account: "ana@example.be", captured_at: daysAgo(4) }],
  });
  const instagram = lines.find((l) => l.service === "instagram");
  assert.equal(instagram?.state, "none");
  assert.deepEqual(instagram?.viaCentre, { service: "facebook", account: "ana@example.be", since: daysAgo(4) });
  assert.equal(lines.find((l) => l.service === "whatsapp")?.viaCentre, null);
  assert.equal(lines.find((l) => l.service === "facebook")?.viaCentre, null);
});
