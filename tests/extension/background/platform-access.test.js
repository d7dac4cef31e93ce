// A platform's content script is registered exactly while the user has granted its origins, and unregistered when
// the grant goes (from the full page or the browser's own settings); nothing runs on a platform not enabled.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlatformAccess, SCRIPT_PREFIX } from "../../../extension/src/background/platform-access.js";
import { platformMatchPatterns, platforms } from "../../../extension/src/shared/platforms.js";

// The browser's permissions and scripting APIs: granted origins, and the registered scripts by id.
function fakeBrowser(granted = []) {
  const origins = new Set(granted);
  const scripts = new Map();
  return {
    origins,
    scripts,
    permissions: { contains: async ({ origins: asked }) => asked.every((origin) => origins.has(origin)) },
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (list) =>
        list.forEach((script) => {
          assert.ok(!scripts.has(script.id), `registered twice: ${script.id}`);
          scripts.set(script.id, script);
        }),
      unregisterContentScripts: async ({ ids }) => ids.forEach((id) => scripts.delete(id)),
    },
  };
}

const linkedin = platforms.find((platform) => platform.name === "linkedin");

test("nothing is registered while no platform is granted", async () => {
  const browser = fakeBrowser();
  const access = new PlatformAccess(browser);
  await access.sync();
  assert.equal(browser.scripts.size, 0);
  assert.ok((await access.list()).every((platform) => platform.enabled === false));
  assert.ok(
    (await access.list()).every((platform) => platform.page?.startsWith("https://")),
    "each with its setting's page",
  );
});

test("a grant registers that platform's script on its own hosts, top frame only; a revoke removes it", async () => {
  const browser = fakeBrowser(platformMatchPatterns(linkedin));
  const access = new PlatformAccess(browser);
  await access.sync();
  assert.deepEqual([...browser.scripts.keys()], [`${SCRIPT_PREFIX}linkedin`, `${SCRIPT_PREFIX}linkedin.form`]);
  const script = browser.scripts.get(`${SCRIPT_PREFIX}linkedin`);
  assert.deepEqual(script.matches, ["https://www.linkedin.com/*", "https://linkedin.com/*"]);
  assert.deepEqual(script.js, ["platform.js"]);
  assert.equal(script.allFrames, false);
  // LinkedIn's objection form gets the form engine's script, on the form's address only (in both spellings).
  const form = browser.scripts.get(`${SCRIPT_PREFIX}linkedin.form`);
  assert.deepEqual(form.js, ["content.js"]);
  assert.deepEqual(form.matches, [
    "https://www.linkedin.com/help/linkedin/ask/TS-DPRO*",
    "https://www.linkedin.com/help/linkedin/ask/ts-dpro*",
    "https://linkedin.com/help/linkedin/ask/TS-DPRO*",
    "https://linkedin.com/help/linkedin/ask/ts-dpro*",
  ]);
  assert.equal(form.allFrames, false);
  assert.ok(
    (await access.list())
      .find((p) => p.name === "linkedin")
      ?.objectionForm?.startsWith("https://www.linkedin.com/help/"),
  );
  assert.equal(await access.enabled("linkedin"), true);
  await access.sync(); // already there: not registered twice
  browser.origins.clear(); // the user revoked it in the browser's settings
  await access.sync();
  assert.equal(browser.scripts.size, 0);
  assert.equal(await access.enabled("linkedin"), false);
});

test("half a platform's origins is not enough, and a script of a platform gone from the rules is removed", async () => {
  const browser = fakeBrowser([platformMatchPatterns(linkedin)[0]]);
  browser.scripts.set(`${SCRIPT_PREFIX}myspace`, { id: `${SCRIPT_PREFIX}myspace`, js: ["platform.js"], matches: [] });
  browser.scripts.set("someone-else", { id: "someone-else", js: [], matches: [] });
  const access = new PlatformAccess(browser);
  await Promise.all([access.sync(), access.sync()]); // concurrent syncs run one after the other
  assert.deepEqual([...browser.scripts.keys()], ["someone-else"]);
});
