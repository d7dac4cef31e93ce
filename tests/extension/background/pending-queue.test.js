// The pending queue: nothing lost across failures and restarts, delivered in order,
// duplicates acknowledged, refused items kept aside without blocking the others.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PendingQueue } from "../../../extension/src/background/pending-queue.js";
import { HostError } from "../../../extension/src/background/host-errors.js";
import { memoryStorage } from "../../../extension/src/background/tab-state.js";
import { failingStorage } from "./fakes.js";

let counter = 0;
const newQueue = (storage) => new PendingQueue(storage, { newId: () => `item-${++counter}` });
const confirmation = (n, extra = {}) => ({
  service: "facebook",
  kind: "page",
  url: `https://www.facebook.com/${n}`,
  text: `confirmation ${n}`,
  captured_at: "2025-05-27T10:00:00.000Z",
  ...extra,
});
const unreachable = () => new HostError("host-missing", "Specified native messaging host not found.");

// A fake host that stores what it receives and answers duplicates like the real one.
function fakeHost() {
  const stored = [];
  return {
    stored,
    async save(params) {
      const index = stored.findIndex((s) => s.text === params.text);
      if (index >= 0) return { id: index + 1, sha256: "x", duplicate: true };
      stored.push(params);
      return { id: stored.length, sha256: "x", duplicate: false };
    },
  };
}

test("items are delivered oldest first and removed once acknowledged", async () => {
  const queue = newQueue(memoryStorage());
  for (const n of [1, 2, 3]) await queue.enqueue(confirmation(n));
  const host = fakeHost();
  const outcome = await queue.flush((params) => host.save(params));
  assert.deepEqual(
    host.stored.map((s) => s.text),
    ["confirmation 1", "confirmation 2", "confirmation 3"],
  );
  assert.equal(outcome.delivered.size, 3);
  assert.equal(outcome.remaining, 0);
  assert.equal(await queue.count(), 0);
});

test("an unreachable host stops delivery, keeps every item in order, and records the attempt", async () => {
  const queue = newQueue(memoryStorage());
  for (const n of [1, 2, 3]) await queue.enqueue(confirmation(n));
  const host = fakeHost();
  let calls = 0;
  // The host takes the first, then disappears.
  const outcome = await queue.flush(async (params) => {
    calls += 1;
    if (calls > 1) throw unreachable();
    return host.save(params);
  });
  assert.equal(calls, 2, "stops at the first unreachable answer");
  assert.ok(outcome.stopped instanceof HostError);
  assert.equal(outcome.stopped.kind, "host-missing");
  assert.equal(outcome.remaining, 2);
  const items = await queue.list();
  assert.deepEqual(
    items.map((i) => i.url),
    ["https://www.facebook.com/2", "https://www.facebook.com/3"],
  );
  assert.equal(items[0].attempts, 1);
  assert.match(items[0].last_error.message, /not found/);
  assert.equal(items[1].attempts, 0);
});

test("items survive a restart (a new queue on the same storage) and are delivered later", async () => {
  const storage = memoryStorage();
  const before = newQueue(storage);
  await before.enqueue(confirmation(1, { screenshot: "data:image/jpeg;base64,AAAA" }));
  await before.enqueue(confirmation(2));
  await before.flush(async () => {
    throw unreachable();
  });

  const after = newQueue(storage); // the service worker was stopped and started again
  const host = fakeHost();
  await after.flush((params) => host.save(params));
  assert.deepEqual(
    host.stored.map((s) => s.text),
    ["confirmation 1", "confirmation 2"],
  );
  assert.equal(host.stored[0].screenshot, "data:image/jpeg;base64,AAAA", "the screenshot is delivered too");
  assert.equal(await after.count(), 0);
});

test("a duplicate answer counts as acknowledged", async () => {
  const queue = newQueue(memoryStorage());
  const host = fakeHost();
  await host.save(confirmation(1)); // the host already has it (the first answer was lost)
  await queue.enqueue(confirmation(1));
  const outcome = await queue.flush((params) => host.save(params));
  assert.equal([...outcome.delivered.values()][0].duplicate, true);
  assert.equal(await queue.count(), 0);
  assert.equal(host.stored.length, 1);
});

test("an item the host refuses is kept aside and does not block the next ones; retry gives it another chance", async () => {
  const queue = newQueue(memoryStorage());
  for (const n of [1, 2]) await queue.enqueue(confirmation(n));
  const host = fakeHost();
  const refuse = async (params) => {
    if (params.text === "confirmation 1")
      throw new HostError("host-error", "captured_at is not a date", { code: -32602 });
    return host.save(params);
  };
  const outcome = await queue.flush(refuse);
  assert.equal(outcome.stopped, null);
  assert.deepEqual(
    host.stored.map((s) => s.text),
    ["confirmation 2"],
  );
  const [kept] = await queue.list();
  assert.equal(kept.url, "https://www.facebook.com/1");
  assert.match(kept.rejected.message, /not a date/);

  // A later flush leaves it alone...
  let seen = 0;
  await queue.flush(async () => {
    seen += 1;
    return { id: 9, duplicate: false };
  });
  assert.equal(seen, 0);
  // ...until the user asks to retry.
  await queue.unreject();
  await queue.flush((params) => host.save(params));
  assert.equal(await queue.count(), 0);
  assert.equal(host.stored.length, 2);
});

test("when storage is full the confirmation is kept without its screenshot, and says so", async () => {
  const storage = failingStorage();
  storage.failNextSetWhen = (values) =>
    Object.values(values).some((v) => v?.params?.screenshot) ? new Error("QUOTA_BYTES quota exceeded") : null;
  const queue = newQueue(storage);
  await queue.enqueue(confirmation(1, { screenshot: "data:image/jpeg;base64,AAAA" }));
  const [item] = await queue.list();
  assert.equal(item.has_screenshot, false);
  assert.equal(item.screenshot_dropped, true);
  assert.equal(item.url, "https://www.facebook.com/1");
});

test("a storage failure without a screenshot to drop is reported, not swallowed", async () => {
  const storage = failingStorage();
  storage.failNextSetWhen = () => new Error("disk full");
  await assert.rejects(newQueue(storage).enqueue(confirmation(1)), /disk full/);
});

test("an item whose order entry was lost (crash between two writes) is recovered", async () => {
  const storage = memoryStorage();
  const queue = newQueue(storage);
  await queue.enqueue(confirmation(1));
  const id = (await queue.list())[0].id;
  await storage.set({ "pending:order": [] }); // as if the crash happened before the order write
  assert.equal(await queue.count(), 0);
  assert.equal(await queue.recover(), 1);
  assert.deepEqual(
    (await queue.list()).map((i) => i.id),
    [id],
  );
});

test("operations are serialised: an enqueue during a flush is neither lost nor delivered twice", async () => {
  const queue = newQueue(memoryStorage());
  await queue.enqueue(confirmation(1));
  const host = fakeHost();
  /** @type {(value?: unknown) => void} */
  let release = () => {};
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  const flushing = queue.flush(async (params) => {
    await gate;
    return host.save(params);
  });
  const enqueuing = queue.enqueue(confirmation(2));
  release();
  await Promise.all([flushing, enqueuing]);
  assert.equal(await queue.count(), 1);
  await queue.flush((params) => host.save(params));
  assert.deepEqual(
    host.stored.map((s) => s.text),
    ["confirmation 1", "confirmation 2"],
  );
});

test("the list never carries screenshot data", async () => {
  const queue = newQueue(memoryStorage());
  await queue.enqueue(confirmation(1, { screenshot: "data:image/png;base64,iVBORw0KGgo=" }));
  const [item] = await queue.list();
  assert.equal(item.has_screenshot, true);
  assert.ok(!JSON.stringify(item).includes("iVBOR"));
});
