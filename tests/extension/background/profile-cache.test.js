// The profile when the host is missing: what the user saves is kept in the browser and handed to the host as soon
// as it answers; a refusal by the host (an invalid field) is never taken for a missing host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ProfileCache } from "../../../extension/src/background/profile-cache.js";
import { HostError } from "../../../extension/src/background/host-errors.js";
import { memoryStorage } from "../../../extension/src/background/tab-state.js";

// A host that is missing until `install()`, then keeps what it is given (and refuses an e-mail without "@").
function fakeHost() {
  const host = {
    installed: false,
    profile: {},
    /** @type {string[]} */
    calls: [],
    install() {
      host.installed = true;
    },
    async call(method, params) {
      host.calls.push(method);
      if (!host.installed) throw new HostError("host-missing", "Specified native messaging host not found.");
      if (method === "profile.get") return { profile: host.profile };
      if (!params.profile.email?.includes("@"))
        throw new HostError("host-error", "Not an e-mail address", { code: 1001, data: { field: "email" } });
      host.profile = params.profile;
      return { profile: host.profile };
    },
  };
  return host;
}

const PROFILE = { email: "lies@voorbeeld.be", country: "BE", language: "nl" };

test("a profile saved without the host is kept in the browser, shown and filled from, and reaches the host once it answers", async () => {
  const host = fakeHost();
  const waiting = [];
  const profiles = new ProfileCache({ host, storage: memoryStorage(), onWaitingChanged: async (w) => waiting.push(w) });
  const saved = await profiles.set({ ...PROFILE, phone: "not a profile field" });
  assert.equal(saved.stored, "browser");
  assert.deepEqual(saved.profile, PROFILE);
  assert.deepEqual(
    await profiles.get(),
    { profile: PROFILE, source: "waiting" },
    "what the user saved last is what is shown and filled",
  );
  assert.deepEqual(waiting, [true], "a retry is scheduled");

  host.install();
  assert.deepEqual(await profiles.get(), { profile: PROFILE, source: "host" });
  assert.deepEqual(host.profile, PROFILE, "the host has it now");
  assert.equal(await profiles.waiting(), null);
  assert.deepEqual(waiting, [true, false], "no retry needed any more");
  assert.equal(await profiles.deliverWaiting(), null, "nothing is delivered twice");
});

test("a waiting profile is delivered by a retry without the user opening anything", async () => {
  const host = fakeHost();
  const profiles = new ProfileCache({ host, storage: memoryStorage() });
  await profiles.set(PROFILE);
  await assert.rejects(profiles.deliverWaiting(), /not found/);
  host.install();
  assert.equal(await profiles.deliverWaiting(), true);
  assert.deepEqual(host.profile, PROFILE);
});

test("an invalid field refused by the host is an error for the user to fix, not a profile kept for later", async () => {
  const host = fakeHost();
  host.install();
  const profiles = new ProfileCache({ host, storage: memoryStorage() });
  await assert.rejects(profiles.set({ email: "lies" }), (error) => error instanceof HostError && error.code === 1001);
  assert.equal(await profiles.waiting(), null);
});
