// The engine on every fixture page in headless Chromium, where visibility is the browser's own (checkVisibility,
// CSS included) rather than jsdom's approximation: each page must give the detection pages.json expects, and each
// form the fill it expects. Pages are served at their real addresses through Playwright's routing; every other
// request is refused, so nothing leaves the machine.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const fixtures = join(root, "tests/fixtures/pages");
const manifest = JSON.parse(readFileSync(join(fixtures, "pages.json"), "utf8"));
const CHROMIUM = "/usr/lib/chromium/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (tools/install-deps.sh --tests installs it)`;

// The engine and the rules, bundled as the extension's build bundles them, with the expectations' helpers.
async function bundle() {
  const esbuild = await import("esbuild");
  const source = `
    import { knowledge } from './extension/rules/index.js';
    import { createEngine } from './extension/src/engine/index.js';
    const engine = createEngine(knowledge);
    globalThis.__engine = {
      detect: (expect) => {
        const d = engine.detect(document, location.href);
        return Object.fromEntries(Object.keys(expect).map((key) => {
          if (key === 'verdict') return [key, d.confirmation?.verdict ?? null];
          if (key === 'signals') return [key, expect.signals.filter((s) => d.signals.includes(s))];
          return [key, d[key]];
        }));
      },
      fill: async (profile) => {
        const outcome = await engine.fill(document, engine.detect(document, location.href), profile);
        return { statuses: Object.fromEntries(outcome.results.map((r) => [r.field, r.status])),
          filled: outcome.filled.map((f) => ({ field: f.field, id: f.element.dataset.probe ?? null })) };
      },
    };`;
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: "js" },
    bundle: true,
    format: "iife",
    write: false,
    target: "chrome120",
  });
  return result.outputFiles[0].text;
}

describe("the engine in Chromium", { skip }, () => {
  let browser;
  let context;
  let code;
  let work;
  const reactLike = readFileSync(join(fixtures, "react-like.js"), "utf8");

  before(async () => {
    code = await bundle();
    work = mkdtempSync(join(tmpdir(), "notrain-engine-chromium-"));
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND"],
      env: { ...process.env, HOME: work, XDG_CONFIG_HOME: work, XDG_CACHE_HOME: work },
    });
    context = await browser.newContext();
  });
  after(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // A page at `url` holding `html`, with the fixtures' React stand-in and the engine; `wait` for late rendering.
  async function open(url, html, wait = 0) {
    await context.unrouteAll();
    await context.route("**/*", (route) =>
      route.request().url() === url
        ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
        : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.addScriptTag({ content: reactLike });
    await page.addScriptTag({ content: code });
    if (wait) await page.waitForTimeout(wait); // the fixture's own late rendering, as in the jsdom tests
    return page;
  }

  it("should see every fixture page as pages.json expects", async () => {
    for (const entry of manifest.pages) {
      const page = await open(entry.url, readFileSync(join(fixtures, entry.file), "utf8"), entry.wait);
      assert.deepEqual(
        await page.evaluate((expect) => globalThis.__engine.detect(expect), entry.expect),
        entry.expect,
        `${entry.file} at ${entry.url}`,
      );
      await page.close();
    }
  });

  it("should fill every fixture form as pages.json expects", async () => {
    for (const entry of manifest.pages.filter((p) => p.fill)) {
      const page = await open(entry.url, readFileSync(join(fixtures, entry.file), "utf8"), entry.wait);
      const { statuses } = await page.evaluate((profile) => globalThis.__engine.fill(profile), manifest.profile);
      assert.deepEqual(
        Object.fromEntries(Object.keys(entry.fill).map((f) => [f, statuses[f]])),
        entry.fill,
        entry.file,
      );
      await page.close();
    }
  });

  it("should never fill a field hidden by the page's style sheet (a honeypot), only the one a person sees", async () => {
    const entry = manifest.pages.find((p) => p.file === "facebook-2025-nl.html");
    const html = readFileSync(join(fixtures, entry.file), "utf8")
      .replace("</head>", "<style>.x9hp { position: absolute; visibility: hidden }</style></head>")
      .replace(
        "<div><div><span>E-mailadres</span></div>",
        '<div class="x9hp"><span>E-mailadres</span><input type="email" data-probe="honeypot"></div><div><div><span>E-mailadres</span></div>',
      );
    const page = await open(
      entry.url,
      html.replace(/<input type="email" class="x1i10hfl">/, '<input type="email" class="x1i10hfl" data-probe="shown">'),
    );
    const { filled } = await page.evaluate((profile) => globalThis.__engine.fill(profile), manifest.profile);
    assert.deepEqual(
      filled.filter((f) => f.field === "email").map((f) => f.id),
      ["shown"],
    );
    assert.equal(await page.locator('[data-probe="honeypot"]').inputValue(), "");
    await page.close();
  });
});
