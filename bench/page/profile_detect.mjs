// Where a detection pass spends its time: runs detect() on the large page under Chromium's sampling profiler
// and prints the functions with the most self time. A diagnostic beside page_bench.mjs, not part of bench/run.
//   node bench/page/profile_detect.mjs --chromium /usr/lib/chromium/chromium --work DIR [--file F] [--bytes N]
//     [--after-change]   change the page (one article in, one out) and flush the layout before each pass
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { largePage } from "./meta_page.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, "../../tests/fixtures/pages");
const { values: options } = parseArgs({
  options: {
    chromium: { type: "string" },
    work: { type: "string" },
    file: { type: "string", default: "facebook-2025-en.html" },
    bytes: { type: "string", default: "6000000" },
    passes: { type: "string", default: "20" },
    "after-change": { type: "boolean", default: false },
  },
});
if (!options.chromium || !options.work) {
  console.error("usage: profile_detect.mjs --chromium PATH --work DIR [--file F] [--bytes N] [--after-change]");
  process.exit(2);
}

const esbuild = await import("esbuild");
const bundle = (
  await esbuild.build({
    entryPoints: [join(here, "bench_entry.js")],
    bundle: true,
    format: "iife",
    write: false,
    target: "chrome120",
  })
).outputFiles[0].text;
const url = JSON.parse(readFileSync(join(fixtures, "pages.json"), "utf8")).pages.find(
  (p) => p.file === options.file,
).url;
const work = resolve(options.work);
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "tmp"), { recursive: true });
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: options.chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND"],
  env: { ...process.env, HOME: work, TMPDIR: join(work, "tmp") },
});
try {
  const context = await browser.newContext();
  const html = largePage(join(fixtures, options.file), Number(options.bytes));
  await context.route("**/*", (route) =>
    route.request().url() === url
      ? route.fulfill({ status: 200, contentType: "text/html", body: html })
      : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: bundle });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await page.evaluate(() => {
    globalThis.__engine = globalThis.__notrainBench.createEngine(globalThis.__notrainBench.knowledge);
    globalThis.__engine.detect(document, location.href);
  });
  await cdp.send("Profiler.start");
  const ms = await page.evaluate(
    ({ passes, afterChange }) => {
      const feed = /** @type {Element} */ (document.querySelector('[role="feed"]'));
      let total = 0;
      for (let i = 0; i < passes; i++) {
        if (afterChange) {
          feed.append(feed.children[i].cloneNode(true));
          /** @type {Element} */ (feed.firstElementChild).remove();
          void document.body.offsetHeight;
        }
        const start = performance.now();
        globalThis.__engine.detect(document, location.href);
        total += performance.now() - start;
      }
      return total / passes;
    },
    { passes: Number(options.passes), afterChange: options["after-change"] },
  );
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Chromium's profile always has its samples and their time deltas; the protocol marks them optional.
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    if (!node) throw new Error(`a sample of node ${id}, which is not in the profile`);
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url ? "" : ""}line ${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${options.file} at ${options.bytes} bytes${options["after-change"] ? ", after a change" : ""}: ${ms.toFixed(2)} ms per pass (profile covers the changes too)`,
  );
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
} finally {
  await browser.close();
}
