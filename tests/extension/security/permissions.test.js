// The built manifests ask for no more than NoTrain needs: the listed permissions, Meta's domains over https at
// install, each other platform's own https hosts as optional host permissions only (asked for when the user enables
// it), no external doors. A new permission must be argued here first.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildExtension } from "../../../extension/build.mjs";
import { META_DOMAINS } from "../../../extension/src/shared/meta-domains.js";
import { platforms } from "../../../extension/rules/platforms/index.js";

// The whole list. Each is explained in extension/build.mjs (PERMISSION_REASONS).
const ALLOWED_PERMISSIONS = ["nativeMessaging", "storage", "alarms", "activeTab", "scripting", "notifications"];
// Keys that would open the extension to web pages, other extensions or remote code.
const FORBIDDEN_KEYS = [
  "externally_connectable",
  "web_accessible_resources",
  "optional_permissions",
  "content_security_policy.sandbox",
  "declarative_net_request",
  "chrome_url_overrides",
  "update_url",
  "oauth2",
];

const metaPattern = (pattern) => {
  const match = /^https:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(pattern);
  return match !== null && META_DOMAINS.includes(match[1]);
};

let manifests;
before(async () => {
  const root = await mkdtemp(path.join(tmpdir(), "notrain-security-"));
  try {
    const built = await buildExtension({ outDir: path.join(root, "extension"), zips: false });
    manifests = {};
    for (const browser of ["chromium", "firefox"]) {
      manifests[browser] = JSON.parse(await readFile(path.join(built[browser], "manifest.json"), "utf8"));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

const lookup = (object, dotted) => dotted.split(".").reduce((value, key) => value?.[key], object);

for (const browser of ["chromium", "firefox"]) {
  test(`${browser}: API permissions are within the listed ones`, () => {
    const asked = manifests[browser].permissions ?? [];
    for (const permission of asked)
      assert.ok(ALLOWED_PERMISSIONS.includes(permission), `unlisted permission ${permission}`);
    assert.ok(asked.includes("nativeMessaging"), "the host cannot be reached without nativeMessaging");
  });

  test(`${browser}: host access and content scripts cover Meta's domains over https only, top frames only`, () => {
    const manifest = manifests[browser];
    assert.ok((manifest.host_permissions ?? []).length > 0);
    for (const pattern of manifest.host_permissions ?? [])
      assert.ok(metaPattern(pattern), `host permission ${pattern}`);
    for (const script of manifest.content_scripts ?? []) {
      for (const pattern of script.matches) assert.ok(metaPattern(pattern), `content script match ${pattern}`);
      assert.notEqual(script.all_frames, true, "content scripts must not run in frames (ads, embeds)");
      assert.equal(script.match_about_blank ?? false, false);
      assert.equal(script.match_origin_as_fallback ?? false, false);
      assert.equal(script.world ?? "ISOLATED", "ISOLATED", "the page's own scripts must not share our world");
    }
  });

  test(`${browser}: no door for web pages, other extensions or remote code`, () => {
    const manifest = manifests[browser];
    for (const key of FORBIDDEN_KEYS) assert.equal(lookup(manifest, key), undefined, `${key} must be absent`);
    const policy = manifest.content_security_policy?.extension_pages ?? "";
    assert.match(policy, /script-src 'self'(;|$)/, "extension pages run only the extension's own scripts");
    assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline|https?:|\*/, `policy too loose: ${policy}`);
  });

  test(`${browser}: each platform beyond Meta is optional, its own hosts over https only, and none is asked at install`, () => {
    const manifest = manifests[browser];
    const expected = platforms.flatMap((platform) => platform.hosts.map((host) => `https://${host}/*`));
    assert.deepEqual([...manifest.optional_host_permissions].sort(), [...expected].sort());
    for (const pattern of manifest.optional_host_permissions) {
      assert.match(pattern, /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/, `no wildcard host: ${pattern}`);
      assert.ok(
        !metaPattern(pattern) && !(manifest.host_permissions ?? []).includes(pattern),
        `${pattern} is not granted at install`,
      );
    }
    // Their content script is registered at run time, once granted (background/platform-access.js), never declared.
    for (const script of manifest.content_scripts ?? []) assert.ok(!script.js.includes("platform.js"));
  });
}
