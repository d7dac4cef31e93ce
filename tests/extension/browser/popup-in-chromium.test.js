// The popup and the full page as built, in headless Chromium where layout and colours are real: in each screen
// state the popup fits the 600 px a browser gives it in en, fr, nl and de, and axe-core finds no accessibility
// violation, in the light and the dark theme. The extension API is a stand-in answering as the background would.
// A screenshot of each state in each theme is kept in build/test-artifacts/screens/ for people to look at.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { buildExtension } from "../../../extension/build.mjs";

const CHROMIUM = "/usr/lib/chromium/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (tools/install-deps.sh --tests installs it)`;
const ORIGIN = "https://notrain.test/";
const LANGS = ["en", "fr", "nl", "de"];
const POPUP_HEIGHT = 600; // what Chromium and Firefox give a popup at most
const DAY = 24 * 60 * 60 * 1000;
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".json": "application/json",
};
const SCREENS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../build/test-artifacts/screens");
const screenName = (page, state, dark) =>
  `${page}-${state.replace(/[^a-z0-9]+/gi, "-")}-${dark ? "dark" : "light"}.png`;
const EML = resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures/eml");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const hostOk = { "host-status": { ok: true, hello: { version: "0.1.0" } }, "pending-list": { items: [] } };
const hostMissing = {
  "host-status": {
    ok: false,
    error: { kind: "host-missing", fix_key: "fix_host_missing", message: "Specified native messaging host not found." },
  },
  "pending-list": { items: [{ id: "a" }, { id: "b" }] },
  "pending-retry": { delivered: 0, remaining: 2 },
  "host-call:confirmation.list": { error: { kind: "host-missing", fix_key: "fix_host_missing", message: "not found" } },
};
const twoAccounts = (now) => ({
  "accounts-list": {
    items: [
      { service: "facebook", account: "jane.doe@example.com", sent_at: new Date(now - 3 * DAY).toISOString() },
      { service: "facebook", account: "old.address@example.org", sent_at: new Date(now - 41 * DAY).toISOString() },
      { service: "instagram", account: "jane_doe_photos", sent_at: new Date(now - 2 * DAY).toISOString() },
    ],
  },
  "host-call:confirmation.list": {
    result: {
      items: [
        {
          id: 12,
          service: "facebook",
          kind: "page",
          account: "jane.doe@example.com",
          captured_at: new Date(now - 3 * DAY).toISOString(),
        },
      ],
      total: 1,
      next_cursor: null,
    },
  },
});
const FORM = {
  service: "facebook",
  page_kind: "objection_form",
  form_id: "712876720715583",
  variant: "2025",
  language: "en",
  status: "form-ready",
  filled: [],
  notes: ["email_prefilled_by_meta"],
};

// The screen states of the issue: the form, filled, confirmed, waiting (and overdue), not Meta, a look-alike, no host.
const STATES = {
  "form, nothing yet": () => ({
    tabState: FORM,
    answers: { ...hostOk, "host-call:confirmation.list": { result: { items: [] } } },
  }),
  "filled, two accounts, one overdue": (now) => ({
    tabState: {
      ...FORM,
      status: "filled",
      filled: [
        { field: "email", label: "Email address" },
        { field: "reason", label: "How this impacts you" },
      ],
    },
    answers: { ...hostOk, ...twoAccounts(now) },
  }),
  // Meta's answer in words no rule knows appears on the page right after the send: the popup asks about it there.
  "an answer to confirm, two accounts, one overdue": (now) => ({
    tabState: { ...FORM, page_kind: "confirmation", status: "confirmed", notes: ["answer_unknown_wording"] },
    answers: {
      ...hostOk,
      ...twoAccounts(now),
      "answers-to-confirm": {
        items: [
          {
            id: 3,
            service: "facebook",
            captured_at: new Date(now).toISOString(),
            text: "Your request has been received. We will let you know by e-mail.",
          },
        ],
      },
    },
  }),
  confirmed: (now) => ({
    tabState: { ...FORM, page_kind: "confirmation", status: "confirmed", notes: [] },
    answers: { ...hostOk, ...twoAccounts(now) },
  }),
  "not Meta, a look-alike, no host": (now) => ({
    tabState: null,
    lookalike: "meta",
    answers: { ...hostMissing, "accounts-list": twoAccounts(now)["accounts-list"] },
  }),
};

// The stand-in for chrome.*, installed before the page's scripts run.
function installApi({ messages, lang, tabState, answers, lookalike, stored }) {
  const getMessage = (key, substitutions = []) => {
    const entry = messages[key];
    const list = /** @type {unknown[]} */ ([]).concat(substitutions);
    return entry ? entry.message.replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? "") : "";
  };
  const event = () => ({ addListener() {} });
  // Only what the popup and the full page use, not the whole API that the global's type describes.
  globalThis.chrome = /** @type {any} */ ({
    i18n: { getMessage, getUILanguage: () => lang },
    runtime: {
      id: "notrain",
      getURL: (path) => path,
      sendMessage: async (m) =>
        answers[m.type === "host-call" ? `host-call:${m.method}` : m.type] ?? {
          error: { kind: "refused", message: m.type },
        },
    },
    tabs: {
      query: async () => [{ id: 1 }],
      sendMessage: async () => {
        if (tabState) return { state: tabState };
        throw new Error("Could not establish connection. Receiving end does not exist.");
      },
    },
    storage: {
      local: { get: async (key) => (key in stored ? { [key]: stored[key] } : {}), set: async () => {} },
      onChanged: event(),
    },
    scripting: { executeScript: async (options) => (options.files ? [{}] : [{ result: lookalike ?? null }]) },
  });
}

describe("the popup and the full page in Chromium", { skip }, () => {
  let browser;
  let work;
  let built;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "notrain-popup-chromium-"));
    mkdirSync(SCREENS, { recursive: true });
    built = (await buildExtension({ outDir: join(work, "extension"), zips: false })).chromium;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND"],
      env: { ...process.env, HOME: work, XDG_CONFIG_HOME: work, XDG_CACHE_HOME: work },
    });
  });
  after(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // The built page `file` with the stand-in API in `lang`; served from the build, nothing else reachable.
  async function open(file, lang, scenario, { width = 420, height = POPUP_HEIGHT, dark = false } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? "dark" : "light" });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      const path = join(built, url.pathname);
      if (url.origin !== new URL(ORIGIN).origin || !existsSync(path)) return route.abort();
      return route.fulfill({
        status: 200,
        contentType: TYPES[extname(path)] ?? "application/octet-stream",
        body: readFileSync(path),
      });
    });
    const messages = JSON.parse(readFileSync(join(built, "_locales", lang, "messages.json"), "utf8"));
    await context.addInitScript(installApi, { messages, lang, stored: {}, ...scenario });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}${file}?tab=1`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, close: () => context.close() };
  }

  async function violations(page) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  it("should fit the popup in 600 px, without scrolling, in every state and language", async () => {
    for (const [name, make] of Object.entries(STATES)) {
      for (const lang of LANGS) {
        const { page, close } = await open("popup.html", lang, make(Date.now()));
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height <= POPUP_HEIGHT, `${name}, ${lang}: ${height} px`);
        await close();
      }
    }
  });

  it("should show the states it is given: the look-alike warning in red, two accounts, the overdue one", async () => {
    const { page, close } = await open("popup.html", "en", STATES["not Meta, a look-alike, no host"](Date.now()));
    assert.equal(await page.locator('[data-testid="lookalike-warning"]').isVisible(), true);
    const border = await page
      .locator('[data-testid="lookalike-warning"]')
      .evaluate((node) => getComputedStyle(node).borderTopColor);
    assert.equal(border, "rgb(165, 29, 45)", "the warning is red");
    assert.deepEqual(
      await page
        .locator('#coverage-list li[data-service="facebook"][data-account]')
        .evaluateAll((items) => items.map((li) => li.dataset.state)),
      ["waiting", "waiting"],
      "two accounts; without the host their confirmations are not known",
    );
    await close();
  });

  it("should have no accessibility violation in the popup, in every state, light and dark", async () => {
    for (const [name, make] of Object.entries(STATES)) {
      for (const dark of [false, true]) {
        const { page, close } = await open("popup.html", "en", make(Date.now()), { dark });
        await page.screenshot({ path: join(SCREENS, screenName("popup", name, dark)) });
        assert.deepEqual(await violations(page), [], `${name}, ${dark ? "dark" : "light"}`);
        await close();
      }
    }
  });

  it("should have no accessibility violation on the full page with accounts and a complaint, light and dark", async () => {
    const scenario = {
      tabState: null,
      answers: {
        ...hostOk,
        ...twoAccounts(Date.now()),
        "get-profile": { profile: { country: "BE", name: "Jane Doe" } },
        "host-call:evidence.receipt": { result: { receipt: "NoTrain receipt\nChain position: 1\n" } },
      },
    };
    for (const dark of [false, true]) {
      const { page, close } = await open("options.html", "en", scenario, { width: 1280, height: 900, dark });
      assert.equal(await page.locator("#complaints article").count(), 1, "the overdue objection has its complaint");
      await page.screenshot({
        path: join(SCREENS, screenName("full-page", "accounts-and-complaint", dark)),
        fullPage: true,
      });
      assert.deepEqual(await violations(page), [], dark ? "dark" : "light");
      await close();
    }
  });

  // The import as users run it: the built page's bundle of postal-mime, and Chromium's own TextDecoder. Node 20's
  // decodes windows-1252 wrongly (tests/extension/support/windows-1252.js), so the Node tests of these fixtures
  // stand on a replacement; here nothing is replaced. The Dutch mail is windows-1252 (an en dash at 0x96), the
  // French one ISO-8859-1, which the Encoding Standard reads as windows-1252 too.
  it("should read the windows-1252 and ISO-8859-1 e-mails in the full page's import as the browser decodes them", async () => {
    const { page, close } = await open(
      "options.html",
      "en",
      { tabState: null, answers: hostOk },
      { width: 1280, height: 900 },
    );
    const expected = {
      "nl-objection-reply.eml": {
        subject: "Je bezwaar \u2013 AI bij Meta",
        service: "instagram",
        text: /^Hallo Sanne,\n[^]*vanaf nu wordt toegepast \u2013 ook voor je Instagram-account\.[^]*Privacy\u00a0Operations$/,
      },
      "fr-objection-reply.eml": {
        subject: "Votre demande d'opposition \u00e0 l'utilisation de vos informations pour l'IA",
        service: "facebook",
        text: /Nous avons examin\u00e9 votre demande[^]*L'\u00e9quipe Confidentialit\u00e9$/,
      },
    };
    for (const [file, want] of Object.entries(expected)) {
      await page.setInputFiles("#import-file", join(EML, file));
      await page.waitForSelector("#import-preview:not([hidden])");
      const fields = await page.locator("#import-fields dd").allTextContents();
      assert.equal(fields[1], want.subject, `${file}: the subject`);
      assert.match(await page.locator("#import-text").textContent(), want.text, `${file}: the text`);
      assert.equal(await page.locator("#import-service").inputValue(), want.service, `${file}: the service`);
    }
    await close();
  });
});
