// Debian's Firefox ESR with the built extension, driven through its built-in WebDriver BiDi (no geckodriver).
// Meta's names resolve to the test site through profile preferences; the moz-extension:// address is fixed
// by a preference so the popup can be opened as a tab. Its own process group, stderr kept, watchdog.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, writeFileSync } from "node:fs";
import path from "node:path";
import { connectBidi } from "./bidi.js";
import { paths } from "./paths.js";
import { killGroup, startWatchdog } from "./watchdog.js";

export const FIREFOX_ID = "notrain@notrain.org";
const POPUP_SIZE = { width: 420, height: 640 };
// layout.css.prefers-color-scheme.content-override: what prefers-color-scheme says in pages (0 dark, 1 light).
const SCHEME_PREF = "layout.css.prefers-color-scheme.content-override";
const SCHEMES = { dark: 0, light: 1 };

function writePrefs(profile, { port, uuid, lang, extra }) {
  const prefs = {
    "network.dns.forceResolve": "127.0.0.1", // every name is the test site: nothing real is reachable
    "network.socket.forcePort": `443=${port}`,
    "network.http.http3.enable": false,
    "network.trr.mode": 5,
    "network.proxy.type": 0,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "extensions.webextensions.uuids": JSON.stringify({ [FIREFOX_ID]: uuid }),
    "intl.locale.requested": lang,
    "intl.accept_languages": lang,
    "browser.shell.checkDefaultBrowser": false,
    "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.reportingpolicy.firstRun": false,
    "app.update.disabledForTesting": true,
    "extensions.blocklist.enabled": false,
    ...extra,
  };
  const lines = Object.entries(prefs).map(
    ([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
  );
  writeFileSync(path.join(profile, "user.js"), `${lines.join("\n")}\n`);
}

function bidiUrl(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start in ${timeoutMs / 1000} s:\n${seen}`)),
      timeoutMs,
    );
    const look = (chunk) => {
      seen += chunk;
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stderr.on("data", look);
    child.stdout.on("data", look);
    child.on("exit", (code) => reject(new Error(`Firefox exited (${code}) before it started:\n${seen}`)));
  });
}

// script.callFunction with JSON in and out: the tests pass plain data and get plain data back.
const WRAP = (fn) => `async (json) => JSON.stringify(await (${fn})(...JSON.parse(json)) ?? null)`;

export async function launchFirefox({ sandbox, site, artifacts, lang = "en", deadlineMs = 150_000, prefs = {} }) {
  const uuid = randomUUID();
  writePrefs(sandbox.profile, { port: site.port, uuid, lang, extra: prefs });
  const child = spawn(
    paths.firefox,
    [
      "--headless",
      "--no-remote",
      "--profile",
      sandbox.profile,
      "--remote-debugging-port=0",
      "--remote-allow-system-access",
    ],
    {
      env: { ...sandbox.env, LANGUAGE: lang, MOZ_CRASHREPORTER_DISABLE: "1" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log = createWriteStream(artifacts.file("firefox-output.log"));
  child.stderr.pipe(log);
  child.stdout.pipe(log);
  const watchdog = startWatchdog(deadlineMs, "Firefox", () => killGroup(child));
  const exited = new Promise((resolve) => child.on("exit", resolve));

  let bidi;
  try {
    bidi = await connectBidi(`${await bidiUrl(child, 30_000)}/session`);
    await bidi.send("session.new", { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    await bidi.send("webExtension.install", {
      extensionData: { type: "path", path: path.join(paths.extension, "firefox") },
    });
  } catch (error) {
    killGroup(child);
    watchdog.stop();
    throw error;
  }

  const extensionUrl = (file) => `moz-extension://${uuid}/${file}`;

  const firefox = {
    extensionUrl,
    /** Runs `fn(...args)` in the page of `context`; args and result are JSON. */
    async evaluate(context, fn, ...args) {
      const answer = await bidi.send("script.callFunction", {
        functionDeclaration: WRAP(fn),
        arguments: [{ type: "string", value: JSON.stringify(args) }],
        awaitPromise: true,
        target: { context },
      });
      if (answer.type === "exception") throw new Error(`in the page: ${answer.exceptionDetails.text}`);
      return JSON.parse(answer.result.value);
    },
    async waitFor(context, fn, args = [], timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last;
      for (;;) {
        last = await firefox.evaluate(context, fn, ...args).catch((error) => error.message);
        if (last && last !== null && !(typeof last === "string" && last.startsWith("in the page"))) return last;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting in the page (${fn}); last: ${JSON.stringify(last)}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
    async newTab(url) {
      const { context } = await bidi.send("browsingContext.create", { type: "tab" });
      if (url) await bidi.send("browsingContext.navigate", { context, url, wait: "complete" });
      return context;
    },
    navigate: (context, url) => bidi.send("browsingContext.navigate", { context, url, wait: "complete" }),
    activate: (context) => bidi.send("browsingContext.activate", { context }),
    closeTab: (context) => bidi.send("browsingContext.close", { context }),
    /** A real click (trusted events) in the middle of the element `selector`. */
    async click(context, selector) {
      const box = await firefox.evaluate(
        context,
        (css) => {
          const node = document.querySelector(css);
          if (!node) return null;
          node.scrollIntoView({ block: "center" });
          const r = node.getBoundingClientRect();
          return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
        },
        selector,
      );
      if (!box) throw new Error(`nothing matches ${selector}`);
      await bidi.send("input.performActions", {
        context,
        actions: [
          {
            type: "pointer",
            id: "mouse",
            actions: [
              { type: "pointerMove", x: box.x, y: box.y },
              { type: "pointerDown", button: 0 },
              { type: "pointerUp", button: 0 },
            ],
          },
        ],
      });
    },
    async screenshot(context, file) {
      const { data } = await bidi.send("browsingContext.captureScreenshot", { context, origin: "document" });
      artifacts.write(file, Buffer.from(data, "base64"));
    },
    async close() {
      await bidi.send("browser.close").catch(() => {});
      bidi.close();
      const timer = setTimeout(() => killGroup(child), 5_000);
      await exited;
      clearTimeout(timer);
      killGroup(child);
      watchdog.stop();
      await new Promise((resolve) => log.end(resolve));
    },
    /**
     * What the user does by clicking NoTrain's toolbar button while `context` is in front: Firefox's own
     * triggerAction (what the button and the keyboard shortcut call, run in the browser's chrome scope,
     * which --remote-allow-system-access opens to BiDi) opens the popup and gives the extension the
     * activeTab grant for that tab. BiDi cannot reach into that popup panel, so the same popup.html is then
     * opened as a tab for the page (popup.html?tab=ID). Returns the popup tab's context once it is ready.
     */
    async clickToolbarIcon(context) {
      await firefox.activate(context);
      // A popup still open from an earlier click is closed first, as the user's move to the page closes it: with it
      // open, triggerAction would only close it (no popup, no activeTab grant). Closing ends when its panel is gone.
      await firefox.inChrome(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(FIREFOX_ID)});
        ViewPopup.for(extension, window)?.closePopup();
        for (const deadline = Date.now() + 5000; ViewPopup.for(extension, window);) {
          if (Date.now() > deadline) throw new Error('the open popup did not close');
          await new Promise((resolve) => window.setTimeout(resolve, 20));
        }
        await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      })()`);
      return firefox.openPopupFor(await firefox.tabIdOf(context));
    },
    /** Evaluates `expression` in the browser window's chrome scope (--remote-allow-system-access); returns its JSON. */
    async inChrome(expression) {
      const chrome = (await bidi.send("browsingContext.getTree", { "moz:scope": "chrome" })).contexts[0].context;
      const answer = await bidi.send("script.evaluate", {
        expression: `(async () => JSON.stringify(await ${expression} ?? null))()`,
        awaitPromise: true,
        target: { context: chrome },
      });
      if (answer.type === "exception")
        throw new Error(`in the browser's chrome scope: ${answer.exceptionDetails.text}`);
      return JSON.parse(answer.result.value);
    },
    /**
     * The extension's id of the tab shown by `context`, asked from an extension page. Tabs outside the extension's
     * host permissions hide their URL from it: those are found as the active tab once `context` is in front.
     */
    async tabIdOf(context) {
      const url = await firefox.evaluate(context, () => location.href);
      const tabs = await firefox.inExtension(async () =>
        (await browser.tabs.query({})).map((t) => [t.id, t.url ?? null]),
      );
      const found = tabs.filter(([, tabUrl]) => tabUrl === url);
      if (found.length > 1) throw new Error(`${found.length} tabs show ${url}`);
      if (found.length === 1) return found[0][0];
      await firefox.activate(context);
      const active = await firefox.inExtension(async () =>
        (await browser.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => [t.id, t.url ?? null]),
      );
      if (active.length !== 1 || active[0][1] !== null) throw new Error(`no tab shows ${url}`);
      return active[0][0];
    },
    /** Runs `fn(...args)` in an extension page kept open in the background (where `browser.*` is); JSON in and out. */
    async inExtension(fn, ...args) {
      return firefox.evaluate(await helper(), fn, ...args);
    },
    /** Runs a script's source in the page of `context` as the driver does (the page's content security policy does not apply). */
    async runSource(context, source) {
      const answer = await bidi.send("script.evaluate", {
        expression: source,
        awaitPromise: false,
        target: { context },
      });
      if (answer.type === "exception") throw new Error(`in the page: ${answer.exceptionDetails.text}`);
    },
    /**
     * The colour scheme pages see (`light`, `dark`, or null for the default), as a user's system setting would set
     * it: Firefox's content preference, changed in the running browser. Returns once the page in `context` sees it.
     */
    async colorScheme(context, scheme) {
      const change = scheme
        ? `Services.prefs.setIntPref('${SCHEME_PREF}', ${SCHEMES[scheme]})`
        : `Services.prefs.clearUserPref('${SCHEME_PREF}')`;
      await firefox.inChrome(change);
      if (scheme)
        await firefox.waitFor(context, (wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches, [scheme]);
    },
    async openPopupFor(tabId) {
      const popup = await firefox.newTab();
      await bidi.send("browsingContext.setViewport", { context: popup, viewport: POPUP_SIZE }); // about the size of the real popup
      await firefox.navigate(popup, extensionUrl(`popup.html?tab=${tabId}`));
      await firefox.waitFor(popup, () => document.body.dataset.ready === "true", [], 15_000);
      return popup;
    },
    /** The page state the background keeps for the tab shown by `context`. */
    async tabState(context) {
      const tabId = await firefox.tabIdOf(context);
      return firefox.inExtension(
        async (id) => (await browser.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null,
        tabId,
      );
    },
    /** Waits until NoTrain's content script in `context` has nothing under way (see chromium.js); returns its state. */
    async settled(context) {
      const tabId = await firefox.tabIdOf(context);
      const answer = await firefox.inExtension((id) => browser.tabs.sendMessage(id, { type: "when-settled" }), tabId);
      if (!answer?.settled) throw new Error(`the content script did not settle: ${JSON.stringify(answer)}`);
      return answer.state;
    },
    async waitForTabState(context, predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let state = null;
      while (Date.now() < deadline) {
        state = await firefox.tabState(context);
        if (state && predicate(state)) return state;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`the page state never matched; last: ${JSON.stringify(state)}`);
    },
    get watchdogFired() {
      return watchdog.fired;
    },
  };

  // An extension page kept open in the background to ask the extension's APIs (tabs, storage.session).
  let helperContext = null;
  async function helper() {
    helperContext ??= await firefox.newTab(extensionUrl("options.html"));
    return helperContext;
  }
  return firefox;
}
