// When each platform's AI setting was last read: noted by the background, the interval the user chose kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlatformSeen } from "../../../extension/src/background/platform-seen.js";
import { memoryStorage } from "../../../extension/src/background/tab-state.js";
import { dueForRecheck } from "../../../extension/src/shared/platform-recheck.js";

test("a reading is noted with its time; the interval is 90 days unless the user chose one NoTrain offers", async () => {
  const seen = new PlatformSeen(memoryStorage(), () => new Date("2026-06-01T12:00:00Z"));
  await seen.note("linkedin", true);
  assert.deepEqual(await seen.all(), { linkedin: { trainsAi: true, at: "2026-06-01T12:00:00.000Z" } });
  assert.equal(await seen.recheckDays(), 90);
  await seen.setRecheckDays(30);
  assert.equal(await seen.recheckDays(), 30);
  await assert.rejects(seen.setRecheckDays(7));
  assert.equal(dueForRecheck(null, 90, new Date()), true);
  assert.equal(dueForRecheck({ at: "2026-05-01T12:00:00Z" }, 30, new Date("2026-06-01T12:00:00Z")), true);
  assert.equal(dueForRecheck({ at: "2026-05-03T12:00:00Z" }, 30, new Date("2026-06-01T12:00:00Z")), false);
});
