// The accounts NoTrain saw: noted from forms sent, named and removed by the user, bounded in size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Accounts } from "../../../extension/src/background/accounts.js";
import { memoryStorage } from "../../../extension/src/background/tab-state.js";

const SENT = Date.parse("2026-02-01T10:00:00Z");

test("a send notes its account and time; a second send with the same account in other case updates it", async () => {
  const accounts = new Accounts(memoryStorage());
  await accounts.noteSent({ service: "facebook", account: "Ana@Example.be", sentAt: SENT });
  await accounts.noteSent({ service: "facebook", account: "ana@example.be", sentAt: SENT + 1000 });
  await accounts.noteSent({ service: "instagram", account: "ana@example.be", sentAt: SENT });
  assert.deepEqual(await accounts.list(), [
    { service: "instagram", account: "ana@example.be", sent_at: "2026-02-01T10:00:00.000Z" },
    { service: "facebook", account: "Ana@Example.be", sent_at: "2026-02-01T10:00:01.000Z" },
  ]);
});

test("what is not an account, a service or a time is not noted", async () => {
  const accounts = new Accounts(memoryStorage());
  for (const sent of [
    { service: "facebook", account: "not an address", sentAt: SENT },
    { service: "evil", account: "a@b.c", sentAt: SENT },
    { service: "facebook", account: "a@b.c", sentAt: "yesterday" },
    { service: "facebook", account: 42, sentAt: SENT },
  ]) {
    assert.equal(await accounts.noteSent(sent), null);
  }
  assert.deepEqual(await accounts.list(), []);
});

test("renamed, removed, and back with a new send (the reminder of the old send forgotten)", async () => {
  const accounts = new Accounts(memoryStorage(), () => SENT + 5);
  const id = { service: "facebook", account: "a@b.c" };
  await accounts.noteSent({ ...id, sentAt: SENT });
  await accounts.rename(id, "  Work  ");
  assert.equal((await accounts.list())[0].name, "Work");
  await accounts.rename(id, "");
  assert.equal("name" in (await accounts.list())[0], false, "an empty name removes it");
  await accounts.markReminded(id);
  assert.equal((await accounts.list())[0].reminded_at, new Date(SENT + 5).toISOString());
  await accounts.remove(id);
  assert.deepEqual(await accounts.list(), [{ ...id, removed: true }]);
  await accounts.noteSent({ ...id, sentAt: SENT + 99 });
  assert.deepEqual(await accounts.list(), [{ ...id, sent_at: new Date(SENT + 99).toISOString() }]);
  await assert.rejects(accounts.rename({ service: "facebook", account: "<b>" }, "x"), /No such account/);
});

test("a removed account stays removed (a tombstone), so a kept confirmation does not bring it back", async () => {
  const accounts = new Accounts(memoryStorage());
  await accounts.remove({ service: "instagram", account: "ana_b" });
  assert.deepEqual(await accounts.list(), [{ service: "instagram", account: "ana_b", removed: true }]);
});

test("at most 50 accounts are kept, the most recent ones", async () => {
  const accounts = new Accounts(memoryStorage());
  for (let i = 0; i < 60; i++)
    await accounts.noteSent({ service: "facebook", account: `user${i}@example.org`, sentAt: SENT + i });
  const list = await accounts.list();
  assert.equal(list.length, 50);
  assert.equal(list[0].account, "user59@example.org");
});

test("an Accounts Centre answer is kept on its account, created if the send was not seen", async () => {
  const storage = memoryStorage();
  const accounts = new Accounts(storage, () => SENT);
  await accounts.noteAccountsCentre({ service: "facebook", account: "Ana@Example.be", at: "2025-05-27T10:00:00Z" });
  assert.deepEqual(await accounts.list(), [
    { service: "facebook", account: "Ana@Example.be", centre_at: "2025-05-27T10:00:00.000Z" },
  ]);
  assert.equal(
    await accounts.noteAccountsCentre({ service: "facebook", account: "ana@example.be", at: "not a date" }),
    null,
  );
});
