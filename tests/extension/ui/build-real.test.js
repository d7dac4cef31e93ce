// The real tree (with the real content script and rules) builds, and its content
// script is one classic script (an IIFE: content scripts cannot be modules).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildExtension } from "../../../extension/build.mjs";
import { tempDir } from "./build-support.js";

test("the extension builds from the repository's sources", async () => {
  const out = path.join(await tempDir("notrain-real-build-"), "extension");
  const built = await buildExtension({ outDir: out, zips: false });
  const content = await readFile(path.join(built.chromium, "content.js"), "utf8");
  assert.doesNotMatch(content, /^\s*(import|export)\s/m, "content.js must not be a module");
  const popup = await readFile(path.join(built.chromium, "popup.js"), "utf8");
  assert.match(popup, /objection_form/, "the services' form links are inlined into the popup");
});
