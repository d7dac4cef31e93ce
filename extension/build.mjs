#!/usr/bin/env node
// Builds the extension: node extension/build.mjs --out build/extension
//   <out>/chromium/  unpacked MV3 build (service worker, "key" from public-key.der)
//   <out>/firefox/   unpacked build (background scripts, gecko id)
//   <out>/notrain-chromium.zip, <out>/notrain-firefox.zip  store-ready archives
// Scripts are bundled with esbuild into one classic (IIFE) file per entry: content scripts cannot
// be modules, and one shape for every entry keeps the two browsers' manifests simple.
import { zipSync } from "fflate";
import { mkdir, readFile, readdir, rm, writeFile, copyFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { metaMatchPatterns } from "./src/shared/meta-domains.js";
import { allPlatformMatchPatterns } from "./src/shared/platforms.js";

const SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));

// Every permission the extension asks for, and why. The build refuses a manifest that asks for
// anything else, so a new permission cannot slip in without a reason written here.
export const PERMISSION_REASONS = Object.freeze({
  nativeMessaging: "talk to notrain-host (org.notrain.host), which keeps the profile and the confirmations",
  storage:
    "storage.local: the profile cache and the confirmations waiting for the host; " +
    "storage.session: each tab's page state while the service worker sleeps",
  alarms:
    "retry delivering waiting confirmations every few minutes, and only while some wait; " +
    "the follow-up clock's daily check of forms sent without an answer",
  // Asked for at install (the build refuses optional permissions), used only after the user switched the
  // follow-up reminder on; nothing is shown otherwise.
  notifications: "the opt-in reminder that Meta has not answered an objection sent more than 30 days ago",
  // tabs.captureVisibleTab needs <all_urls> or an activeTab grant, in Chromium
  // (PermissionsData::CanCaptureVisiblePage) and in Firefox since 126. Host permissions for Meta's
  // domains are not enough, and <all_urls> would let us read every site, so we take activeTab:
  // opening the popup or pressing "fill now" on the form grants it for that tab, and Meta shows
  // the confirmation in the same document. Without a grant the confirmation is saved without a
  // screenshot (its text is the evidence) — never lost.
  activeTab:
    "screenshot of the visible Meta tab as evidence when the confirmation appears; and, on another site, " +
    "one look by the engine for a copy of Meta's form when the user clicks NoTrain's icon",
  // With activeTab only: executeScript reaches the tab the user clicked the icon on, never another site by itself
  // (SECURITY.md, "The look-alike check").
  scripting: "run the engine once on the tab whose icon the user clicked, to warn about a copy of Meta's form",
});

const ENTRIES = {
  "content.js": "src/content/main.js",
  "lookalike.js": "src/content/lookalike.js",
  "platform.js": "src/content/platform-main.js",
  "background.js": "src/background/main.js",
  "popup.js": "src/popup/popup.js",
  "options.js": "src/options/options.js",
};
const STATIC_FILES = {
  "popup.html": "src/popup/popup.html",
  "popup.css": "src/popup/popup.css",
  "options.html": "src/options/options.html",
  "options.css": "src/options/options.css",
  "base.css": "src/shared/base.css",
};
const ESBUILD_TARGETS = ["chrome120", "firefox140"];

export function checkPermissions(manifest) {
  const unexplained = (manifest.permissions ?? []).filter(
    (permission) => !Object.hasOwn(PERMISSION_REASONS, permission),
  );
  if (unexplained.length) throw new Error(`manifest.json asks for unexplained permissions: ${unexplained.join(", ")}`);
  // The only optional permissions are the platforms' origins, which the build derives from the rules.
  if (manifest.optional_permissions?.length || manifest.optional_host_permissions?.length) {
    throw new Error("manifest.json must not ask for optional permissions (the build adds the platforms' origins)");
  }
}

// The rules' in-page texts ({key: {en, fr, ...}}) join each interface locale.
// A key that exists already, or a locale without a text, stops the build.
export function mergeNoticeMessages(localeMessages, notices) {
  const merged = structuredClone(localeMessages);
  for (const [key, texts] of Object.entries(notices)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`notice-messages.json: "${key}" is not a valid message name`);
    for (const [lang, messages] of Object.entries(merged)) {
      if (Object.hasOwn(messages, key)) throw new Error(`notice-messages.json: "${key}" clashes with _locales/${lang}`);
      const text = texts?.[lang];
      if (typeof text !== "string" || !text) throw new Error(`notice-messages.json: "${key}" has no "${lang}" text`);
      messages[key] = { message: text };
    }
  }
  return merged;
}

// The version of the whole project (host, extension, package) lives in the repository's VERSION file.
const VERSION_FILE = fileURLToPath(new URL("../VERSION", import.meta.url));
export async function projectVersion() {
  const version = (await readFile(VERSION_FILE, "utf8")).trim();
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`VERSION: "${version}" is not a version like 1.2.3`);
  return version;
}

// Manifest for one browser from the shared source manifest. Where NoTrain may run (host permissions, the content
// script's matches) comes from Meta's domain list (src/shared/meta-domains.js), the one place that says it. The
// platforms beyond Meta are optional host permissions, from their rule packs (src/shared/platforms.js): none is
// granted at install; the full page asks for one when the user enables it (SECURITY.md, "Platforms beyond Meta").
// Both browsers read optional_host_permissions in Manifest V3 (Firefox since 128; NoTrain needs 140).
export function browserManifest(source, browser, keyBase64, version) {
  const manifest = {
    ...structuredClone(source),
    version,
    host_permissions: metaMatchPatterns(),
    optional_host_permissions: allPlatformMatchPatterns(),
  };
  manifest.content_scripts = manifest.content_scripts.map((script) => ({ matches: metaMatchPatterns(), ...script }));
  if (browser === "chromium") {
    manifest.background = { service_worker: "background.js" };
    manifest.key = keyBase64;
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts: ["background.js"] };
    delete manifest.key;
    delete manifest.minimum_chrome_version; // Firefox has its own minimum in browser_specific_settings
  }
  return manifest;
}

// files: [[name, Buffer]] → zip Buffer, written by fflate. A fixed timestamp so that builds are reproducible.
export function makeZip(files) {
  const mtime = new Date(Date.UTC(2020, 0, 1));
  return Buffer.from(
    zipSync(Object.fromEntries(files.map(([name, data]) => [name, [new Uint8Array(data), { level: 9, mtime }]]))),
  );
}

async function listFiles(dir, prefix = "") {
  const out = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out;
}

const readJson = async (file) => JSON.parse(await readFile(file, "utf8"));

async function readLocales(sourceDir) {
  const localesDir = path.join(sourceDir, "_locales");
  const locales = {};
  for (const lang of (await readdir(localesDir)).sort()) {
    locales[lang] = await readJson(path.join(localesDir, lang, "messages.json"));
  }
  return locales;
}

async function bundle(sourceDir, outDir) {
  const esbuild = await import("esbuild");
  for (const [output, entry] of Object.entries(ENTRIES)) {
    const entryPath = path.join(sourceDir, entry);
    if (!existsSync(entryPath)) throw new Error(`missing entry point ${entry}`);
    await esbuild.build({
      entryPoints: [entryPath],
      outfile: path.join(outDir, output),
      bundle: true,
      format: "iife",
      target: ESBUILD_TARGETS,
      charset: "utf8",
      legalComments: "none",
      logLevel: "warning",
    });
  }
}

export async function buildExtension({ outDir, sourceDir = SOURCE_DIR, zips = true }) {
  const source = await readJson(path.join(sourceDir, "manifest.json"));
  checkPermissions(source);
  const keyBase64 = (await readFile(path.join(sourceDir, "public-key.der"))).toString("base64");
  const version = await projectVersion();
  const noticesFile = path.join(sourceDir, "rules", "notice-messages.json");
  if (!existsSync(noticesFile)) throw new Error("missing rules/notice-messages.json");
  const locales = mergeNoticeMessages(await readLocales(sourceDir), await readJson(noticesFile));

  // Only what this build writes: the folder is also CMake's binary folder for extension/ (its install script).
  for (const name of ["chromium", "firefox", ".scripts", "notrain-chromium.zip", "notrain-firefox.zip"]) {
    await rm(path.join(outDir, name), { recursive: true, force: true });
  }
  const staging = path.join(outDir, ".scripts");
  await bundle(sourceDir, staging);

  const result = {};
  for (const browser of ["chromium", "firefox"]) {
    const dir = path.join(outDir, browser);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, "manifest.json"),
      `${JSON.stringify(browserManifest(source, browser, keyBase64, version), null, 2)}\n`,
    );
    for (const name of Object.keys(ENTRIES)) await copyFile(path.join(staging, name), path.join(dir, name));
    for (const [name, from] of Object.entries(STATIC_FILES))
      await copyFile(path.join(sourceDir, from), path.join(dir, name));
    await mkdir(path.join(dir, "icons"), { recursive: true });
    for (const icon of (await readdir(path.join(sourceDir, "icons"))).filter((name) => name.endsWith(".png"))) {
      await copyFile(path.join(sourceDir, "icons", icon), path.join(dir, "icons", icon));
    }
    for (const [lang, messages] of Object.entries(locales)) {
      await mkdir(path.join(dir, "_locales", lang), { recursive: true });
      await writeFile(path.join(dir, "_locales", lang, "messages.json"), `${JSON.stringify(messages, null, 2)}\n`);
    }
    if (zips) {
      const names = await listFiles(dir);
      const files = await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name))]));
      await writeFile(path.join(outDir, `notrain-${browser}.zip`), makeZip(files));
    }
    result[browser] = dir;
  }
  await rm(staging, { recursive: true, force: true });
  return result;
}

async function main(argv) {
  const outIndex = argv.indexOf("--out");
  if (outIndex < 0 || !argv[outIndex + 1]) {
    console.error("usage: node extension/build.mjs --out DIR [--no-zip]");
    process.exit(2);
  }
  try {
    const built = await buildExtension({ outDir: path.resolve(argv[outIndex + 1]), zips: !argv.includes("--no-zip") });
    console.log(`NoTrain extension built: ${built.chromium}, ${built.firefox}`);
  } catch (error) {
    console.error(`extension build failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
