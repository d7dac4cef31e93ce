// The JSON-RPC client over a native-messaging port, against a fake port.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HostClient, HOST_NAME } from "../../../extension/src/background/host-client.js";
import { HostError, fromBrowserError } from "../../../extension/src/background/host-errors.js";
import { FakePort, manualTimers, tick } from "./fakes.js";

/** @param {{ lastError?: { message: string } | null }} [options]  chrome.runtime.lastError at a disconnect */
function setup({ lastError = null } = {}) {
  const ports = [];
  const timers = manualTimers();
  const client = new HostClient({
    connect: (name) => {
      assert.equal(name, HOST_NAME);
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    lastError: () => lastError,
    timers,
  });
  return { client, ports, timers };
}

test("sends JSON-RPC 2.0 requests with increasing ids on one port and resolves by id", async () => {
  const { client, ports } = setup();
  const first = client.call("ping");
  const second = client.call("profile.get", {});
  assert.equal(ports.length, 1);
  assert.deepEqual(
    ports[0].sent.map((m) => [m.jsonrpc, m.id, m.method]),
    [
      ["2.0", 1, "ping"],
      ["2.0", 2, "profile.get"],
    ],
  );
  // Answers may come in any order.
  ports[0].reply({ jsonrpc: "2.0", id: 2, result: { profile: { email: "a@b.example" } } });
  ports[0].reply({ jsonrpc: "2.0", id: 1, result: { pong: true } });
  assert.deepEqual(await first, { pong: true });
  assert.deepEqual(await second, { profile: { email: "a@b.example" } });
});

test("a JSON-RPC error becomes a HostError with code, data and the host's own message", async () => {
  const { client, ports } = setup();
  const call = client.call("profile.set", { profile: { email: "nope" } });
  ports[0].reply({
    jsonrpc: "2.0",
    id: 1,
    error: { code: 1001, message: "This e-mail address is not valid", data: { field: "email" } },
  });
  await assert.rejects(call, (error) => {
    assert.ok(error instanceof HostError);
    assert.equal(error.kind, "host-error");
    assert.equal(error.code, 1001);
    assert.deepEqual(error.data, { field: "email" });
    assert.equal(error.message, "This e-mail address is not valid");
    assert.equal(error.unreachable, false);
    return true;
  });
});

test("a storage failure on the host (1003) counts as unreachable, to retry later", async () => {
  const { client, ports } = setup();
  const call = client.call("confirmation.save", {});
  ports[0].reply({ jsonrpc: "2.0", id: 1, error: { code: 1003, message: "The database is locked" } });
  await assert.rejects(
    call,
    (error) => error instanceof HostError && error.unreachable === true && error.code === 1003,
  );
});

for (const [text, kind, fixKey] of [
  ["Specified native messaging host not found.", "host-missing", "fix_host_missing"],
  ["Access to the specified native messaging host is forbidden.", "host-forbidden", "fix_host_forbidden"],
  ["Native host has exited.", "host-exited", "fix_host_exited"],
  ["Error when communicating with the native messaging host.", "host-broken", "fix_host_broken"],
  ["No such native application org.notrain.host", "host-missing", "fix_host_missing"],
]) {
  test(`a disconnect with "${text}" rejects every pending call as ${kind}`, async () => {
    const { client, ports } = setup({ lastError: { message: text } });
    const calls = [client.call("hello"), client.call("ping")];
    ports[0].close();
    for (const call of calls) {
      await assert.rejects(call, (error) => {
        assert.ok(error instanceof HostError);
        assert.equal(error.kind, kind);
        assert.equal(error.toJSON().fix_key, fixKey);
        assert.equal(error.unreachable, true);
        return true;
      });
    }
    // The next call opens a new port.
    client.call("ping").catch(() => {});
    assert.equal(ports.length, 2);
  });
}

test("Firefox's port.error is used when runtime.lastError is empty", async () => {
  const { client, ports } = setup();
  const call = client.call("hello");
  ports[0].close("No such native application org.notrain.host");
  await assert.rejects(call, (error) => error instanceof HostError && error.kind === "host-missing");
});

test("a call with no answer times out, closes the port and ignores a late answer", async () => {
  const { client, ports, timers } = setup();
  const call = client.call("hello");
  timers.fireAll();
  await assert.rejects(
    call,
    (error) => error instanceof HostError && error.kind === "host-timeout" && error.unreachable,
  );
  assert.equal(ports[0].disconnected, true);
  ports[0].reply({ jsonrpc: "2.0", id: 1, result: { late: true } }); // must not throw or resolve anything
  const again = client.call("ping");
  assert.equal(ports.length, 2);
  ports[1].reply({ jsonrpc: "2.0", id: 2, result: { pong: true } });
  assert.deepEqual(await again, { pong: true });
});

test("the port is closed after being idle so the host process can exit", async () => {
  const { client, ports, timers } = setup();
  const call = client.call("ping");
  ports[0].reply({ jsonrpc: "2.0", id: 1, result: { pong: true } });
  await call;
  assert.equal(timers.count, 1, "only the idle timer is left");
  timers.fireAll();
  assert.equal(ports[0].disconnected, true);
});

test("connectNative throwing (e.g. no permission) rejects with a mapped error", async () => {
  const client = new HostClient({
    connect: () => {
      throw new Error("Access to the specified native messaging host is forbidden.");
    },
    timers: manualTimers(),
  });
  await assert.rejects(client.call("hello"), (error) => error instanceof HostError && error.kind === "host-forbidden");
});

test("an answer that is neither result nor error rejects instead of hanging", async () => {
  const { client, ports } = setup();
  const call = client.call("hello");
  ports[0].reply({ jsonrpc: "2.0", id: 1 });
  await assert.rejects(call, /without a result/);
  await tick();
});

test("unknown browser texts still produce a usable error", () => {
  const error = fromBrowserError("Something new happened");
  assert.equal(error.kind, "host-unavailable");
  assert.equal(error.toJSON().fix_key, "fix_host_broken");
});
