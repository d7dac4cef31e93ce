// The follow-up clock with a clock the test sets: nothing before 30 days or without the user's opt-in, one
// notification per send after it, nothing when the host cannot tell whether Meta answered.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Accounts } from "../../../extension/src/background/accounts.js";
import { FOLLOW_UP_ALARM, FOLLOW_UP_KEY, FollowUp } from "../../../extension/src/background/follow-up.js";
import { memoryStorage } from "../../../extension/src/background/tab-state.js";
import { setApi } from "../../../extension/src/shared/browser-api.js";
import { fakeI18n } from "../ui/ui-harness.js";

const SENT = Date.parse("2026-01-01T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

/** @param {{ optIn?: boolean, kept?: object[], hostUp?: boolean }} [options]  kept: the host's confirmations */
function setup({ optIn = true, kept = [], hostUp = true } = {}) {
  setApi({ i18n: fakeI18n("en") });
  const clock = { now: SENT };
  const storage = memoryStorage();
  const accounts = new Accounts(storage, () => clock.now);
  const shown = [];
  const alarms = new Map();
  const host = {
    async call(method) {
      if (!hostUp) throw new Error("Specified native messaging host not found.");
      assert.equal(method, "confirmation.list");
      return { items: kept };
    },
  };
  const followUp = new FollowUp({
    accounts,
    host,
    storage,
    now: () => clock.now,
    notifications: { create: async (id, options) => shown.push({ id, ...options }) },
    alarms: { create: async (name, info) => alarms.set(name, info) },
  });
  return { clock, storage, accounts, shown, alarms, followUp, optIn: () => storage.set({ [FOLLOW_UP_KEY]: optIn }) };
}

test("a form sent 30 days ago without a confirmation: one notification, once per send", async () => {
  const { clock, accounts, shown, followUp, optIn } = setup();
  await optIn();
  await accounts.noteSent({ service: "facebook", account: "ana@example.be", sentAt: SENT });
  clock.now = SENT + 29 * DAY;
  assert.deepEqual(await followUp.check(), [], "29 days: not yet");
  clock.now = SENT + 30 * DAY;
  assert.equal((await followUp.check()).length, 1);
  assert.equal(shown.length, 1);
  assert.equal(shown[0].title, "No answer from Meta yet");
  assert.equal(
    shown[0].message,
    "Facebook, ana@example.be: Meta has not answered your objection in 30 days. NoTrain's full page has a complaint ready for your data-protection authority.",
  );
  clock.now = SENT + 31 * DAY;
  assert.deepEqual(await followUp.check(), [], "said once");
  await accounts.noteSent({ service: "facebook", account: "ana@example.be", sentAt: clock.now });
  clock.now += 30 * DAY;
  assert.equal((await followUp.check()).length, 1, "a new send starts a new clock");
});

test("nothing without the user's opt-in, for a confirmed account, or when the host cannot say", async () => {
  const quiet = setup({ optIn: false });
  await quiet.optIn();
  await quiet.accounts.noteSent({ service: "facebook", account: "a@b.c", sentAt: SENT });
  quiet.clock.now = SENT + 40 * DAY;
  assert.deepEqual(await quiet.followUp.check(), []);

  const confirmed = setup({
    kept: [{ id: 1, service: "facebook", account: "a@b.c", captured_at: new Date(SENT + DAY).toISOString() }],
  });
  await confirmed.optIn();
  await confirmed.accounts.noteSent({ service: "facebook", account: "a@b.c", sentAt: SENT });
  confirmed.clock.now = SENT + 40 * DAY;
  assert.deepEqual(await confirmed.followUp.check(), []);

  const noHost = setup({ hostUp: false });
  await noHost.optIn();
  await noHost.accounts.noteSent({ service: "facebook", account: "a@b.c", sentAt: SENT });
  noHost.clock.now = SENT + 40 * DAY;
  assert.deepEqual(await noHost.followUp.check(), []);
  assert.deepEqual([...quiet.shown, ...confirmed.shown, ...noHost.shown], []);
});

test("the check runs daily", async () => {
  const { followUp, alarms } = setup();
  await followUp.schedule();
  assert.deepEqual(alarms.get(FOLLOW_UP_ALARM), { delayInMinutes: 1, periodInMinutes: 1440 });
});

test("a confirmation kept before an announced change: recalled once a week while opted in, never without the opt-in", async () => {
  const kept = [{ id: 7, service: "facebook", account: "ana@example.be", captured_at: "2025-12-01T10:00:00Z" }];
  const { clock, shown, storage, followUp } = setup({ kept, optIn: false });
  followUp.announcements = [{ id: "change", date: "2025-12-15", services: ["facebook"], recheck: true }];
  clock.now = Date.parse("2026-01-10T09:00:00Z");
  assert.deepEqual(await followUp.check(), [], "no opt-in: nothing");
  await storage.set({ [FOLLOW_UP_KEY]: true });
  assert.equal((await followUp.check()).length, 1);
  assert.equal(shown.length, 1);
  assert.match(shown[0].id, /^notrain-recheck:facebook:ana@example.be:change$/);
  clock.now += 6 * DAY;
  assert.deepEqual(await followUp.check(), [], "within the week: not again");
  clock.now += 1 * DAY + 60_000;
  assert.equal((await followUp.check()).length, 1, "a week later: once more");
  assert.equal(shown.length, 2);
});
