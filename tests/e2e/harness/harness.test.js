// The harness itself: the test site serves and records as the scenarios assume, and the watchdog really
// ends a hung browser (a run must fail, never stall).
import assert from "node:assert/strict";
import { createHash, X509Certificate } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import https from "node:https";
import { test } from "node:test";
/** @import { TLSSocket } from "node:tls" */
import { artifactsFor } from "../support/artifacts.js";
import { launchChromium } from "../support/chromium.js";
import { SITE_NAMES } from "../support/names.js";
import { createSandbox } from "../support/sandbox.js";
import { startSite } from "../support/site.js";

/**
 * @param {{ port: number }} site
 * @param {string} host
 * @param {string} path
 * @param {{ method?: string, body?: string }} [options]
 */
function get(site, host, path, { method = "GET", body } = {}) {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: "127.0.0.1",
        port: site.port,
        path,
        method,
        servername: host,
        headers: { host, "content-type": "application/json" },
        rejectUnauthorized: false,
      },
      (response) => {
        const key = new X509Certificate(
          /** @type {TLSSocket} */ (response.socket).getPeerCertificate().raw,
        ).publicKey.export({
          type: "spki",
          format: "der",
        });
        const spki = createHash("sha256").update(key).digest("base64");
        let text = "";
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode, text, spki }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test("the test site serves fixtures at real addresses with its scripts, and records what is sent", async () => {
  const sandbox = createSandbox("harness-site");
  const site = await startSite({ dir: sandbox.root, names: SITE_NAMES });
  try {
    site.route("https://www.facebook.com/help/contact/712876720715583", "facebook-2025-en.html");
    const page = await get(site, "www.facebook.com", "/help/contact/712876720715583/?ref=x");
    assert.equal(page.status, 200);
    assert.match(page.text, /Object to your information being used for AI at Meta/);
    assert.match(
      page.text,
      /<script src="\/__e2e\/react-like\.js"><\/script><script src="\/__e2e\/recorder\.js"><\/script><\/body>/,
    );
    assert.equal(page.spki, site.spkiSha256, "the key the browsers are told to trust is the one the site uses");
    assert.equal(
      (await get(site, "m.facebook.com", "/help/contact/712876720715583")).status,
      404,
      "routes are per host",
    );
    assert.equal((await get(site, "www.facebook.com", "/__e2e/recorder.js")).status, 200);

    assert.deepEqual(site.submissions(), []);
    await get(site, "www.facebook.com", "/ajax/help/contact/submit/page", { method: "POST", body: "email=x" });
    await get(site, "www.facebook.com", "/__e2e/submit", {
      method: "POST",
      body: JSON.stringify({ fields: [], trusted: true }),
    });
    const sent = await site.waitForSubmissions(2, 1000);
    assert.deepEqual(
      sent.map((s) => s.via),
      ["post", "page"],
    );
    await assert.rejects(site.waitForSubmissions(3, 100), /submitted 2 time/);
  } finally {
    await site.close();
    sandbox.remove();
  }
});

const processesUsing = (dir) =>
  readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dir);
      } catch {
        return false;
      }
    });

test("the watchdog kills a browser that outlives its deadline, and the run fails", { timeout: 60_000 }, async () => {
  const sandbox = createSandbox("harness-watchdog");
  const site = await startSite({ dir: sandbox.root, names: SITE_NAMES });
  try {
    const run = async () => {
      const browser = await launchChromium({
        sandbox,
        site,
        names: SITE_NAMES,
        artifacts: artifactsFor("harness-watchdog"),
        deadlineMs: 1_500,
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // the browser "hangs" past its deadline
      assert.equal(browser.watchdogFired, true);
      await browser.newPage("about:blank"); // the browser is gone: this must fail
    };
    await assert.rejects(run());
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(processesUsing(sandbox.profile), [], "no process of that browser is left");
  } finally {
    await site.close();
    sandbox.remove();
  }
});
