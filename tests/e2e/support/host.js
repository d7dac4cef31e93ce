// The real host, as the user meets it: registered with the browser by its own `install` command (never a
// hand-made manifest that could drift from what users get), and read back through its command line.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { paths } from "./paths.js";

function run(sandbox, args) {
  return execFileSync(paths.host, args, {
    env: sandbox.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 20_000,
  });
}

/** Registers the host for `browser` in the sandbox: Chromium reads only <profile>/NativeMessagingHosts/. */
export function registerHost(sandbox, browser) {
  const args = ["install", "--browser", browser];
  if (browser === "chromium") args.push("--manifest-dir", path.join(sandbox.profile, "NativeMessagingHosts"));
  return run(sandbox, args);
}

export const storedConfirmations = (sandbox) => JSON.parse(run(sandbox, ["list", "--json"]));
/** The receipt `notrain-host receipt` prints (the chain's head). */
export const hostReceipt = (sandbox) => run(sandbox, ["receipt"]);
export const storedConfirmation = (sandbox, id) => JSON.parse(run(sandbox, ["show", String(id), "--json"]));

/** Waits until the host has stored at least `count` confirmations; returns the list (newest first). */
export async function waitForStored(sandbox, count, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = storedConfirmations(sandbox);
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`the host holds ${items.length} confirmation(s), expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
