// The build output: both manifests valid and minimal, the id the same as cmake's, locales merged,
// zips readable, no remote code, and `web-ext lint` clean on the Firefox build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildExtension, mergeNoticeMessages, checkPermissions } from "../../../extension/build.mjs";
import { metaMatchPatterns } from "../../../extension/src/shared/meta-domains.js";
import { allPlatformMatchPatterns } from "../../../extension/src/shared/platforms.js";
import { REPO, EXTENSION, STAND_IN_NOTICES, shellSourceCopy, tempDir } from "./build-support.js";

// What NoTrain may ask for. Adding to this list is a decision, not a detail.
const ALLOWED_PERMISSIONS = ["nativeMessaging", "storage", "alarms", "activeTab", "scripting", "notifications"];
const FIREFOX_ID = "notrain@notrain.org";

let built;
let copy;
const readJson = async (file) => JSON.parse(await readFile(file, "utf8"));

before(async () => {
  copy = await shellSourceCopy();
  built = await buildExtension({
    outDir: path.join(await tempDir("notrain-build-"), "extension"),
    sourceDir: copy.source,
  });
});
after(() => copy?.cleanup());

test("the Chromium build is an MV3 service-worker extension with the project's key", async () => {
  const manifest = await readJson(path.join(built.chromium, "manifest.json"));
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.background, { service_worker: "background.js" });
  const key = await readFile(path.join(EXTENSION, "public-key.der"));
  assert.equal(manifest.key, key.toString("base64"));
  assert.equal(manifest.browser_specific_settings, undefined);
  assert.ok(Number(manifest.minimum_chrome_version) >= 102, "storage.session needs Chromium 102");
});

test("both builds carry the project's version from VERSION, the one the host and the package carry", async () => {
  const version = (await readFile(path.join(REPO, "VERSION"), "utf8")).trim();
  assert.match(version, /^\d+\.\d+\.\d+$/);
  for (const dir of [built.chromium, built.firefox])
    assert.equal((await readJson(path.join(dir, "manifest.json"))).version, version);
  assert.equal(
    (await readJson(path.join(EXTENSION, "manifest.json"))).version,
    undefined,
    "no second copy in the source manifest",
  );
});

test("the Chromium id cmake computes is the one Chromium gives the built manifest's key", async () => {
  const output = execFileSync(
    "cmake",
    ["-DPROJECT_SOURCE_DIR=" + REPO, "-P", path.join(REPO, "tests/extension/ui/print-id.cmake")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const fromCmake = /extension id: ([a-p]{32})/.exec(output)?.[1];
  assert.ok(fromCmake, `cmake printed no id: ${output}`);
  // Chromium's rule, written here only to check cmake's: SHA-256 of the DER key, 32 hex digits 0-f written a-p.
  const key = Buffer.from((await readJson(path.join(built.chromium, "manifest.json"))).key, "base64");
  const hex = createHash("sha256").update(key).digest("hex").slice(0, 32);
  assert.equal([...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join(""), fromCmake);
});

test("the Firefox build uses background scripts, the gecko id and no key", async () => {
  const manifest = await readJson(path.join(built.firefox, "manifest.json"));
  assert.deepEqual(manifest.background, { scripts: ["background.js"] });
  assert.equal(manifest.browser_specific_settings.gecko.id, FIREFOX_ID);
  assert.ok(
    Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version) >= 126,
    "activeTab for captureVisibleTab needs Firefox 126",
  );
  assert.equal(manifest.key, undefined);
  assert.equal(manifest.minimum_chrome_version, undefined);
});

for (const browser of ["chromium", "firefox"]) {
  test(`${browser}: permissions, host permissions, content scripts and CSP`, async () => {
    const manifest = await readJson(path.join(built[browser], "manifest.json"));
    assert.deepEqual([...manifest.permissions].sort(), [...ALLOWED_PERMISSIONS].sort());
    assert.deepEqual(manifest.host_permissions, metaMatchPatterns());
    assert.equal(manifest.optional_permissions, undefined);
    assert.deepEqual(
      manifest.optional_host_permissions,
      allPlatformMatchPatterns(),
      "the platforms beyond Meta: asked for when enabled",
    );
    assert.equal(manifest.externally_connectable, undefined);
    assert.equal(manifest.web_accessible_resources, undefined, "no extension file is exposed to pages");
    assert.equal(manifest.content_scripts.length, 1);
    const [script] = manifest.content_scripts;
    assert.deepEqual(script.matches, metaMatchPatterns());
    assert.equal(script.run_at, "document_idle");
    assert.equal(script.all_frames, false);
    assert.deepEqual(script.js, ["content.js"]);
    const csp = manifest.content_security_policy.extension_pages;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe|https?:/);
    assert.equal(manifest.default_locale, "en");
    assert.match(manifest.name, /^__MSG_\w+__$/);
  });

  test(`${browser}: every file the manifest and the pages name exists, and scripts are local`, async () => {
    const manifest = await readJson(path.join(built[browser], "manifest.json"));
    const named = [
      ...Object.values(manifest.icons),
      ...Object.values(manifest.action.default_icon),
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...manifest.content_scripts[0].js,
      ...(manifest.background.scripts ?? [manifest.background.service_worker]),
    ];
    for (const page of ["popup.html", "options.html"]) {
      const html = await readFile(path.join(built[browser], page), "utf8");
      for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
        assert.doesNotMatch(src, /^(https?:)?\/\//, `${page} loads ${src}`);
        named.push(src);
      }
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${page} has an inline script`);
    }
    for (const file of named) assert.ok(existsSync(path.join(built[browser], file)), `${file} is missing`);
  });

  test(`${browser}: locales carry the interface strings and the engine's notice texts`, async () => {
    const langs = (await readdir(path.join(built[browser], "_locales"))).sort();
    assert.deepEqual(langs, ["de", "en", "fr", "nl"]);
    for (const lang of langs) {
      const messages = await readJson(path.join(built[browser], "_locales", lang, "messages.json"));
      assert.equal(messages.email_prefilled_by_meta.message, STAND_IN_NOTICES.email_prefilled_by_meta[lang]);
      assert.ok(messages.ext_name.message);
    }
  });

  test(`${browser}: the zip holds exactly the unpacked build`, async () => {
    const zip = path.join(path.dirname(built[browser]), `notrain-${browser}.zip`);
    const listing = execFileSync(
      "python3",
      [
        "-c",
        "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps(sorted(z.namelist())))",
        zip,
      ],
      { encoding: "utf8" },
    );
    const files = [];
    const walk = async (dir, prefix = "") => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const name = prefix + entry.name;
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${name}/`);
        else files.push(name);
      }
    };
    await walk(built[browser]);
    assert.deepEqual(JSON.parse(listing), files.sort());
  });
}

test("built scripts contain no remote code, eval or HTML injection", async () => {
  for (const file of ["background.js", "popup.js", "options.js"]) {
    const code = await readFile(path.join(built.chromium, file), "utf8");
    assert.doesNotMatch(
      code,
      /\beval\(|new Function\(|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/,
      file,
    );
    assert.doesNotMatch(code, /\bimport\(\s*["'`]https?:|importScripts\(/, file);
  }
});

test("the shell's sources never assign HTML", async () => {
  const offenders = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (/\.(js|html)$/.test(entry.name)) {
        const text = await readFile(file, "utf8");
        if (/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\son[a-z]+="/.test(text)) offenders.push(file);
      }
    }
  };
  for (const part of ["background", "popup", "options", "shared"]) await walk(path.join(EXTENSION, "src", part));
  assert.deepEqual(offenders, []);
});

test("merging notice texts fails on a clash or a missing language", () => {
  const locales = { en: { ext_name: { message: "NoTrain" } }, fr: { ext_name: { message: "NoTrain" } } };
  assert.deepEqual(mergeNoticeMessages(locales, { a_note: { en: "A", fr: "B", de: "C" } }).fr.a_note, { message: "B" });
  assert.throws(() => mergeNoticeMessages(locales, { ext_name: { en: "x", fr: "y" } }), /clashes/);
  assert.throws(() => mergeNoticeMessages(locales, { a_note: { en: "only English" } }), /no "fr" text/);
  assert.throws(() => mergeNoticeMessages(locales, { "bad key": { en: "x", fr: "y" } }), /not a valid message name/);
});

test("a permission without a written reason stops the build", () => {
  assert.throws(() => checkPermissions({ permissions: ["storage", "tabs"] }), /unexplained permissions: tabs/);
  assert.throws(() => checkPermissions({ permissions: [], optional_host_permissions: ["<all_urls>"] }), /optional/);
});

test("web-ext lint is clean on the Firefox build", () => {
  const webExt = path.join(REPO, "node_modules", ".bin", "web-ext");
  let output;
  try {
    output = execFileSync(
      webExt,
      ["lint", "--source-dir", built.firefox, "--self-hosted", "--output", "json", "--no-config-discovery"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (/** @type {any} */ error) {
    output = error.stdout; // web-ext exits non-zero on errors; the report is still on stdout
  }
  const report = JSON.parse(output);
  const problems = [...report.errors, ...report.warnings, ...report.notices].map(
    (m) => `${m.code}: ${m.message} (${m.file ?? ""})`,
  );
  assert.deepEqual(problems, []);
});
