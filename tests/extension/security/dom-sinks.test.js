// No text from a page (or anywhere else) is ever parsed as HTML by the extension: the source tree has
// no HTML sinks at all, so this cannot regress one call at a time. Text goes in with textContent,
// elements are built with createElement. A static scan, over every script the extension ships: its own, and the
// ES module build of postal-mime that esbuild bundles into the full page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SOURCE = path.join(REPO, "extension/src");
const BUNDLED = [path.join(REPO, "node_modules/postal-mime/dist/esm")];

// Each sink, and why it is one.
/** @type {[RegExp, string][]} */
const SINKS = [
  [/\.(inner|outer)HTML\b/, "parses a string as HTML"],
  [/\binsertAdjacentHTML\b/, "parses a string as HTML"],
  [/\bdocument\s*\.\s*write(ln)?\b/, "parses a string as HTML"],
  [/\bcreateContextualFragment\b/, "parses a string as HTML"],
  [/\bparseFromString\b/, "DOMParser: builds a document from a string"],
  [/\bsrcdoc\b/, "a frame whose document is a string"],
  [/\bsetHTML(Unsafe)?\b/, "parses a string as HTML"],
  [/\beval\s*\(/, "runs a string as code"],
  [/\bnew\s+Function\b/, "runs a string as code"],
  [/\bset(Timeout|Interval)\s*\(\s*["'`]/, "runs a string as code"],
  [/\.setAttribute\s*\(\s*["'`]on/i, "an event handler written as a string"],
  [/["'`]javascript:/i, "a javascript: URL"],
];

async function scripts(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await scripts(full)));
    else if (/\.(m?js|html)$/.test(entry.name)) found.push(full);
  }
  return found;
}

// Comments may name a sink to explain why it is not used; only code counts.
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

test("the scan sees the extension's scripts", async () => {
  const files = await scripts(SOURCE);
  for (const part of ["background", "content", "engine", "options", "popup", "shared"]) {
    assert.ok(
      files.some((file) => file.includes(`${path.sep}${part}${path.sep}`)),
      `no scripts found in ${part}`,
    );
  }
});

test("no HTML or code sink appears anywhere in extension/src or the libraries it bundles", async () => {
  const problems = [];
  const bundled = (await Promise.all(BUNDLED.map(scripts))).flat();
  assert.ok(bundled.length > 0, "the bundled libraries' scripts are found");
  for (const file of [...(await scripts(SOURCE)), ...bundled]) {
    const lines = withoutComments(await readFile(file, "utf8")).split("\n");
    lines.forEach((line, index) => {
      for (const [pattern, why] of SINKS) {
        if (pattern.test(line)) problems.push(`${path.relative(REPO, file)}:${index + 1}: ${why}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(problems, []);
});

test("the scan would catch a sink (it is not vacuous)", () => {
  const sample =
    'element.innerHTML = page.title;\nnode.insertAdjacentHTML("beforeend", text);\n// innerHTML in a comment';
  const hits = withoutComments(sample)
    .split("\n")
    .filter((line) => SINKS.some(([pattern]) => pattern.test(line)));
  assert.equal(hits.length, 2);
});

test("no listener for other extensions or web pages (onMessageExternal, onConnectExternal)", async () => {
  for (const file of await scripts(SOURCE)) {
    const code = withoutComments(await readFile(file, "utf8"));
    assert.doesNotMatch(code, /on(Message|Connect)External/, path.relative(SOURCE, file));
  }
});
