// Debian's Chromium with the built extension loaded, driven by playwright-core over CDP. We start the
// process ourselves (its own process group, stderr kept as an artifact) so the watchdog can kill it and
// everything it started, and map Meta's names to the test site with every other name unreachable.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumExtensionId } from "./extension-id.js";
import { paths } from "./paths.js";
import { killGroup, startWatchdog } from "./watchdog.js";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--password-store=basic",
  "--window-size=1280,900",
  "--remote-debugging-port=0",
];

const REGIONS = { en: "US", fr: "BE", nl: "BE", de: "DE" };

function resolverRules(site, names) {
  return [...names.map((name) => `MAP ${name} 127.0.0.1:${site.port}`), "MAP * ~NOTFOUND", "EXCLUDE localhost"].join(
    ", ",
  );
}

function devtoolsUrl(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not start in ${timeoutMs / 1000} s:\n${seen}`)),
      timeoutMs,
    );
    child.stderr.on("data", (chunk) => {
      seen += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}) before it started:\n${seen}`)));
  });
}

async function waitFor(probe, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts Chromium for one run. `lang` sets the interface language (--lang and LANGUAGE); `deadlineMs` is
 * the watchdog's limit for the whole run.
 */
export async function launchChromium({ sandbox, site, names, artifacts, lang = "en", deadlineMs = 120_000 }) {
  const extensionDir = path.join(paths.extension, "chromium");
  const args = [
    ...FLAGS,
    `--user-data-dir=${sandbox.profile}`,
    `--lang=${lang}`,
    `--host-resolver-rules=${resolverRules(site, names)}`,
    `--ignore-certificate-errors-spki-list=${site.spkiSha256}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    "about:blank",
  ];
  const child = spawn(paths.chromium, args, {
    // Chromium on Linux takes its interface language from the environment (glib ignores LANGUAGE under
    // the C locale), so LANG names the language too; --lang is there for the other platforms.
    env: { ...sandbox.env, LANGUAGE: lang, LANG: `${lang}_${REGIONS[lang] ?? "US"}.UTF-8` },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log = createWriteStream(artifacts.file("chromium-stderr.log"));
  child.stderr.pipe(log);
  const watchdog = startWatchdog(deadlineMs, "Chromium", () => killGroup(child));
  const exited = new Promise((resolve) => child.on("exit", resolve));

  let browser;
  try {
    browser = await chromium.connectOverCDP(await devtoolsUrl(child, 30_000));
  } catch (error) {
    killGroup(child);
    watchdog.stop();
    throw error;
  }
  const context = browser.contexts()[0];
  const extensionId = chromiumExtensionId();
  const cdp = await browser.newBrowserCDPSession();

  async function serviceWorker() {
    const known = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return (
      known ??
      context.waitForEvent("serviceworker", {
        predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`),
        timeout: 15_000,
      })
    );
  }

  return {
    context,
    extensionId,
    extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
    serviceWorker,
    /** Runs `fn(arg)` in `page` (the same call as Firefox's evaluate(context, fn, arg), for helpers of both). */
    evaluate: (page, fn, arg) => page.evaluate(fn, arg),
    /** Runs `fn(arg)` in the extension's service worker (where `chrome.*` is). */
    async inExtension(fn, arg) {
      return (await serviceWorker()).evaluate(fn, arg);
    },
    /**
     * The user allows NoTrain on these sites in the browser's own extension settings (chrome://extensions, the call
     * behind its site access "Add a site"). Chromium then grants the extension's permissions.request for them
     * without its prompt, which headless Chromium cannot show; the request itself, its user gesture and the grant
     * stay the browser's own. Nothing is granted by this alone: permissions.contains stays false until the request.
     */
    async allowSitesInExtensionSettings(origins) {
      const settings = await context.newPage();
      await settings.goto("chrome://extensions");
      for (const origin of origins) {
        await settings.evaluate(
          // chrome://extensions's own API, which @types/chrome leaves out.
          ([id, pattern]) =>
            /** @type {typeof chrome & { developerPrivate: { addHostPermission(id: string, pattern: string): Promise<void> } }} */ (
              chrome
            ).developerPrivate.addHostPermission(id, pattern),
          [extensionId, origin],
        );
      }
      await settings.close();
    },
    async newPage(url) {
      const page = await context.newPage();
      if (url) await page.goto(url);
      return page;
    },
    /**
     * The browser's id of the tab showing `page` (for popup.html?tab=ID). Tabs outside the extension's host
     * permissions hide their URL from it: those are found as the active tab once `page` is in front.
     */
    async tabIdOf(page) {
      const url = page.url();
      const worker = await serviceWorker();
      const found = (await worker.evaluate(() => chrome.tabs.query({}))).filter((tab) => tab.url === url);
      // A tab in a window always has an id (only the sessions API's tabs of other devices lack one).
      if (found.length === 1) return /** @type {number} */ (found[0].id);
      if (found.length > 1) throw new Error(`${found.length} tabs show ${url}`);
      await page.bringToFront();
      const active = await worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
      if (active.length !== 1 || active[0].url !== undefined) throw new Error(`no tab shows ${url}`);
      return /** @type {number} */ (active[0].id);
    },
    /**
     * What the user does by clicking NoTrain's toolbar icon while `page` is in front. CDP
     * Extensions.triggerAction opens the real action popup, which gives the extension the activeTab grant
     * for that tab exactly as a real click does (the screenshot of a confirmation needs it). Playwright
     * cannot drive that popup (it lives outside any tab and Playwright never attaches to it), so it is
     * closed again and the same popup.html is opened as a tab for that page (popup.html?tab=ID, which the
     * popup supports). Returns the popup's page once it has shown everything.
     */
    async clickToolbarIcon(page) {
      await page.bringToFront();
      const tabId = await this.tabIdOf(page);
      const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
      const tab = targetInfos.find((info) => info.url === page.url());
      if (!tab) throw new Error(`no tab shows ${page.url()}`);
      await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
      const real = await waitFor(async () =>
        (await cdp.send("Target.getTargets")).targetInfos.find(
          (info) => info.type === "page" && info.url.startsWith(`chrome-extension://${extensionId}/popup.html`),
        ),
      );
      await cdp.send("Target.closeTarget", { targetId: real.targetId });
      return this.openPopupFor(tabId);
    },
    /** popup.html?tab=ID in a tab of its own, once it has shown everything. */
    async openPopupFor(tabId) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 420, height: 640 }); // about the size of the real popup
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      return popup;
    },
    /** The page state the background keeps for the tab showing `page` (null before the content script reported). */
    async tabState(page) {
      const tabId = await this.tabIdOf(page);
      return (await serviceWorker()).evaluate(
        async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null,
        tabId,
      );
    },
    /**
     * Waits until NoTrain's content script in `page` has nothing under way (no look scheduled, no fill or delivery
     * running): after it, "nothing happened" is an answer, not a guess. Returns its state.
     */
    async settled(page) {
      const tabId = await this.tabIdOf(page);
      const answer = await (
        await serviceWorker()
      ).evaluate((id) => chrome.tabs.sendMessage(id, { type: "when-settled" }), tabId);
      if (!answer?.settled) throw new Error(`the content script did not settle: ${JSON.stringify(answer)}`);
      return answer.state;
    },
    /** Waits until the background's state for `page` satisfies `predicate`; returns it. */
    async waitForTabState(page, predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let state = null;
      while (Date.now() < deadline) {
        state = await this.tabState(page);
        if (state && predicate(state)) return state;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`the page state never matched; last: ${JSON.stringify(state)}`);
    },
    get watchdogFired() {
      return watchdog.fired;
    },
    async close() {
      await browser.close().catch(() => {});
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child), 5_000);
      await exited;
      clearTimeout(timer);
      watchdog.stop();
      await new Promise((resolve) => log.end(resolve));
    },
  };
}
