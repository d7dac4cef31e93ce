// The content script's cost on Meta's pages, in headless Chromium: the time of one detection pass on a large
// Meta-like page (several MB of DOM made from the fixtures), and what the mutation observer adds while the page
// changes (a feed loading, React re-rendering). Prints one JSON line per result, like the C++ benchmarks.
//   node bench/page/page_bench.mjs --chromium /usr/lib/chromium/chromium --work DIR [--tiny] [--baseline-root DIR]
// --baseline-root: another source tree of NoTrain (an earlier commit's); its engine runs in the same pages, its
// passes alternating with this tree's, and its results carry "build": "baseline".
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { largePage } from "./meta_page.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const fixtures = join(root, "tests/fixtures/pages");

// The pages, by fixture: the URL and the expected detection come from the fixtures' own pages.json, so a pass
// that silently detected nothing would fail here instead of looking fast.
const CASES = [
  { page: "objection form", file: "facebook-2025-en.html" },
  { page: "feed", file: "facebook-feed-quote.html" },
  { page: "privacy dialog", file: "facebook-privacy-policy-dialog-de.html" },
];

const { values: options } = parseArgs({
  options: {
    chromium: { type: "string" },
    work: { type: "string" },
    tiny: { type: "boolean", default: false },
    "baseline-root": { type: "string" },
  },
});
if (!options.chromium || !options.work) {
  console.error("usage: page_bench.mjs --chromium PATH --work DIR [--tiny] [--baseline-root DIR]");
  process.exit(2);
}
const sizes = options.tiny
  ? { bytes: 100_000, batches: 2, perBatch: 2, bursts: 3, perBurst: 5, repeats: 1, cases: 1 }
  : { bytes: 6_000_000, batches: 30, perBatch: 10, bursts: 30, perBurst: 10, repeats: 2, cases: CASES.length };

const emit = (fields) => process.stdout.write(JSON.stringify({ suite: "page", ...fields }) + "\n");
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))];
  return {
    n: sorted.length,
    median: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    min: sorted[0],
    max: sorted.at(-1),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** The engine of the tree at `tree` (this one unless told), bundled as the extension's build does. */
async function bundleEngine(tree = root) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [join(tree, "bench/page/bench_entry.js")],
    bundle: true,
    format: "iife",
    write: false,
    target: "chrome120",
  });
  return result.outputFiles[0].text;
}

function caseOf({ page, file }) {
  const entry = JSON.parse(readFileSync(join(fixtures, "pages.json"), "utf8")).pages.find((p) => p.file === file);
  if (!entry) throw new Error(`${file} is not in tests/fixtures/pages/pages.json`);
  return { page, file, url: entry.url, expectKind: entry.expect.page_kind };
}

// Serves `html` at the page's real address and refuses everything else: nothing leaves the machine. The
// isolation headers give performance.now() its fine resolution.
async function open(context, url, html) {
  await context.unrouteAll();
  await context.route("**/*", (route) =>
    route.request().url() === url
      ? route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: html,
          headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" },
        })
      : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  return page;
}

// In the page: for each build (`builds` names the globals their bundles set), a fresh engine and one first pass
// (compiles the phrase tables), then batches of passes, the builds taking turns so that noise falls on all alike.
function detectPasses({ batches, perBatch, builds }) {
  const engines = builds.map((name) => {
    const { createEngine, knowledge } = globalThis[name];
    const start = performance.now();
    const engine = createEngine(knowledge);
    const detection = engine.detect(document, location.href);
    const first = performance.now() - start;
    return { engine, detection, first, samples: [], afterChange: [], afterChangeFlushed: [] };
  });
  const turn = (b) => engines.map((_, k) => engines[(b + k) % engines.length]);
  for (let b = 0; b < batches; b++) {
    for (const run of turn(b)) {
      const start = performance.now();
      for (let i = 0; i < perBatch; i++) run.engine.detect(document, location.href);
      run.samples.push((performance.now() - start) / perBatch);
    }
  }
  // Right after the page changed (one article in, one out), as the content script runs it: whatever a mutation
  // invalidated (style, layout, the browser's cached collections) the pass now pays for. Each pass has a change
  // of its own. The same with the layout brought up to date first (outside the timing): what is left is the
  // engine's own work.
  const feed = /** @type {HTMLElement} */ (document.getElementById("bench-feed"));
  let changes = 0;
  for (let b = 0; b < 2 * batches; b++) {
    const flushed = b % 2 === 1;
    for (const run of turn(b)) {
      feed.append(feed.children[changes++ % feed.children.length].cloneNode(true));
      /** @type {Element} */ (feed.firstElementChild).remove();
      if (flushed) void document.body.offsetHeight;
      const start = performance.now();
      run.engine.detect(document, location.href);
      (flushed ? run.afterChangeFlushed : run.afterChange).push(performance.now() - start);
    }
  }
  return engines.map(({ detection, first, samples, afterChange, afterChangeFlushed }) => ({
    first,
    samples,
    afterChange,
    afterChangeFlushed,
    kind: detection.page_kind,
    status: detection.status,
    isolated: crossOriginIsolated,
    bytes: document.documentElement.outerHTML.length,
    elements: document.getElementsByTagName("*").length,
  }));
}

// In the page: the feed keeps changing in bursts (new articles in, old ones out, a counter ticking), with or
// without the content script watching. Returns the time spent in the content script's look() per burst.
async function churn({ bursts, perBurst, watch }) {
  const looks = [];
  if (watch) {
    const api = {
      runtime: { id: "bench", sendMessage: async () => ({}), onMessage: { addListener() {} } },
      i18n: { getMessage: (key) => key },
    };
    // The content script's window, with requestIdleCallback timed: every look() runs through it. It has only what
    // the content script uses while the page changes (no user events here), not all that start()'s type describes.
    const timedWindow = /** @type {Window & typeof globalThis} */ ({
      location: window.location,
      MutationObserver: window.MutationObserver,
      setTimeout: window.setTimeout.bind(window),
      addEventListener: window.addEventListener.bind(window),
      requestIdleCallback: (fn, opts) =>
        window.requestIdleCallback((deadline) => {
          const start = performance.now();
          fn(deadline);
          looks.push(performance.now() - start);
        }, opts),
    });
    globalThis.__notrainBench.start({ api, document, window: timedWindow });
  }
  const feed = /** @type {HTMLElement} */ (document.getElementById("bench-feed"));
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  await pause(400); // let the first look happen before measuring
  looks.length = 0;
  const start = performance.now();
  for (let b = 0; b < bursts; b++) {
    for (let i = 0; i < perBurst; i++) {
      feed.append(feed.children[(b * perBurst + i) % feed.children.length].cloneNode(true));
      /** @type {Element} */ (feed.firstElementChild).remove();
    }
    /** @type {Text} */ (/** @type {Element} */ (feed.querySelector('[dir="auto"]')).firstChild).data = `tick ${b}`;
    await pause(50);
  }
  await pause(400); // a look scheduled by the last burst runs within 300 ms
  return { looks, elapsed: performance.now() - start };
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

async function measureChurn(context, c, html, watch) {
  const page = await open(context, c.url, html);
  await page.addScriptTag({ content: bundle });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const before = await taskSeconds(cdp);
  const result = await page.evaluate(churn, { bursts: sizes.bursts, perBurst: sizes.perBurst, watch });
  const after = await taskSeconds(cdp);
  await page.close();
  return {
    ...result,
    taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
    scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
  };
}

/** One build's detection passes on one page, as JSON lines (`extra` labels the build when it is not this one). */
function emitPasses(c, passes, extra) {
  if (passes.kind !== c.expectKind) {
    throw new Error(`on the large ${c.page} page detect() said ${passes.kind}, pages.json expects ${c.expectKind}`);
  }
  const labels = {
    ...extra,
    page: c.page,
    url: c.url,
    dom_bytes: passes.bytes,
    elements: passes.elements,
    detected: passes.kind,
  };
  emit({
    name: "detect_pass",
    label: "detection pass",
    unit: "ms",
    ...labels,
    fine_timer: passes.isolated,
    ...summary(passes.samples),
  });
  emit({
    name: "detect_pass_after_change",
    label: "detection pass right after the page changed",
    unit: "ms",
    ...labels,
    ...summary(passes.afterChange),
  });
  emit({
    name: "detect_pass_after_change_flushed",
    label: "the same, with the layout brought up to date first (outside the timing)",
    unit: "ms",
    ...labels,
    ...summary(passes.afterChangeFlushed),
  });
  emit({
    name: "detect_first_pass",
    label: "first pass (engine created, phrase tables compiled)",
    unit: "ms",
    ...labels,
    value: passes.first,
  });
}

const bundle = await bundleEngine();
const baselineBundle = options["baseline-root"] ? await bundleEngine(resolve(options["baseline-root"])) : null;
const work = resolve(options.work);
rmSync(work, { recursive: true, force: true });
for (const folder of ["home", "tmp", "config", "cache"]) mkdirSync(join(work, folder), { recursive: true });
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: options.chromium,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
  ],
  env: {
    ...process.env,
    HOME: join(work, "home"),
    TMPDIR: join(work, "tmp"),
    XDG_CONFIG_HOME: join(work, "config"),
    XDG_CACHE_HOME: join(work, "cache"),
  },
});
try {
  const context = await browser.newContext();
  for (const c of CASES.slice(0, sizes.cases).map(caseOf)) {
    // a tiny run proves one page works
    progress(`content script: ${c.page} (${c.file} at ${c.url})`);
    const html = largePage(join(fixtures, c.file), sizes.bytes);
    const page = await open(context, c.url, html);
    const builds = ["__notrainBench"];
    if (baselineBundle) {
      // Both bundles set the same global: the baseline's is moved aside before this tree's is added.
      await page.addScriptTag({ content: baselineBundle });
      await page.evaluate(() => {
        globalThis.__notrainBaseline = globalThis.__notrainBench;
      });
      builds.push("__notrainBaseline");
    }
    await page.addScriptTag({ content: bundle });
    const [passes, baselinePasses] = await page.evaluate(detectPasses, { ...sizes, builds });
    await page.close();
    emitPasses(c, passes, {});
    if (baselinePasses) emitPasses(c, baselinePasses, { build: "baseline" });

    const without = [],
      watched = [],
      looks = [];
    for (let r = 0; r < sizes.repeats; r++) {
      // alternated, so machine noise falls on both alike
      without.push(await measureChurn(context, c, html, false));
      const run = await measureChurn(context, c, html, true);
      watched.push(run);
      looks.push(...run.looks);
    }
    const median = (runs, key) => summary(runs.map((run) => run[key])).median;
    const added = median(watched, "taskMs") - median(without, "taskMs");
    const seconds = median(watched, "elapsed") / 1000;
    emit({
      name: "observer_looks",
      label: `look() calls while the page changed (${sizes.bursts} bursts of ${sizes.perBurst} articles)`,
      unit: "calls per run",
      page: c.page,
      value: looks.length / sizes.repeats,
    });
    if (looks.length)
      emit({
        name: "observer_look",
        label: "time of one look() after a change",
        unit: "ms",
        page: c.page,
        ...summary(looks),
      });
    // The content script's own cost, timed directly: the busy-time difference below is within this machine's noise.
    const lookMsPerRun = looks.reduce((a, b) => a + b, 0) / sizes.repeats;
    emit({
      name: "observer_look_share",
      label: "time in look() per second of changes",
      unit: "ms/s",
      page: c.page,
      value: lookMsPerRun / seconds,
    });
    emit({
      name: "observer_main_thread_without",
      label: "main-thread busy time while the page changes, no content script",
      unit: "ms",
      page: c.page,
      value: median(without, "taskMs"),
    });
    emit({
      name: "observer_main_thread_with",
      label: "main-thread busy time while the page changes, content script watching",
      unit: "ms",
      page: c.page,
      value: median(watched, "taskMs"),
    });
    emit({
      name: "observer_added",
      label: "difference in main-thread busy time per second of changes (with minus without; noisy)",
      unit: "ms/s",
      page: c.page,
      value: added / seconds,
    });
  }
} finally {
  await browser.close();
}
