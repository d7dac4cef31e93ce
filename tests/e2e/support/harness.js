// One end-to-end run in Chromium: a sandbox, the test site, the host registered by its own installer
// (unless the scenario is about a missing host), the browser with the extension, and afterwards the
// artifacts — a screenshot of every page still open — and the clean-up, whatever happened.
import { artifactsFor } from "./artifacts.js";
import { launchChromium } from "./chromium.js";
import { launchFirefox } from "./firefox.js";
import { registerHost } from "./host.js";
import { callHost } from "./host-rpc.js";
import { SITE_NAMES } from "./names.js";
import { createSandbox } from "./sandbox.js";
import { startSite } from "./site.js";

// The user's saved profile: a Belgian user writing in French.
export const PROFILE = Object.freeze({
  email: "jeanne.dupont@example.be",
  country: "BE",
  language: "fr",
  name: "Jeanne Dupont",
  objection_text: "Je m'oppose à l'utilisation de mes informations pour développer l'IA de Meta (article 21 RGPD).",
});

/**
 * @param {string} run
 * @param {{ register?: boolean, profile?: typeof PROFILE | null, lang?: string, deadlineMs?: number }} options
 *   `profile: null`: no profile is saved in the host before the browser starts.
 */
export async function withChromium(
  run,
  { register = true, profile = PROFILE, lang = "en", deadlineMs = 150_000 } = {},
  body,
) {
  const sandbox = createSandbox(run);
  const artifacts = artifactsFor(`chromium-${run}`);
  const site = await startSite({ dir: sandbox.root, names: SITE_NAMES });
  let browser = null;
  try {
    if (profile) await callHost(sandbox, "profile.set", { profile });
    if (register) registerHost(sandbox, "chromium");
    browser = await launchChromium({ sandbox, site, names: SITE_NAMES, artifacts, lang, deadlineMs });
    let shots = 0;
    // Each screen in both themes (NoTrain's pages follow the system's): the artifacts show every state as users see it.
    const screenshot = async (page, name) => {
      shots += 1;
      await page.bringToFront(); // headless Chromium paints only the tab in front
      for (const colorScheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({
          path: artifacts.file(`${String(shots).padStart(2, "0")}-${name}-${colorScheme}.png`),
          fullPage: true,
        });
      }
      await page.emulateMedia({ colorScheme: null });
    };
    return await body({ sandbox, site, browser, artifacts, screenshot });
  } catch (error) {
    if (browser?.watchdogFired && error instanceof Error)
      error.message = `watchdog killed the browser: ${error.message}`;
    throw error;
  } finally {
    if (browser) {
      // What each tab showed at the end. Headless Chromium paints only the tab in front.
      for (const [index, page] of browser.context.pages().entries()) {
        if (page.url() === "about:blank") continue;
        await page.bringToFront().catch(() => {});
        await page.screenshot({ path: artifacts.file(`end-${index}.png`), timeout: 3_000 }).catch(() => {});
      }
      await browser.close();
    }
    await site.close();
    sandbox.remove();
  }
}

// The same run in Firefox ESR (WebDriver BiDi); the host is registered in the sandbox's HOME, the only place
// Firefox reads host manifests from. `prefs`: profile preferences the scenario needs besides the harness's own.
/**
 * @param {string} run
 * @param {{ register?: boolean, profile?: typeof PROFILE | null, lang?: string, deadlineMs?: number,
 *   prefs?: Record<string, unknown> }} options
 */
export async function withFirefox(
  run,
  { register = true, profile = PROFILE, lang = "en", deadlineMs = 180_000, prefs = {} } = {},
  body,
) {
  const sandbox = createSandbox(run);
  const artifacts = artifactsFor(`firefox-${run}`);
  const site = await startSite({ dir: sandbox.root, names: SITE_NAMES });
  let browser = null;
  try {
    if (profile) await callHost(sandbox, "profile.set", { profile });
    if (register) registerHost(sandbox, "firefox");
    browser = await launchFirefox({ sandbox, site, artifacts, lang, deadlineMs, prefs });
    let shots = 0;
    // Each screen in both themes, as in Chromium.
    const screenshot = async (context, name) => {
      shots += 1;
      await browser.activate(context);
      for (const scheme of ["light", "dark"]) {
        await browser.colorScheme(context, scheme);
        await browser.screenshot(context, `${String(shots).padStart(2, "0")}-${name}-${scheme}.png`);
      }
      await browser.colorScheme(context, null);
    };
    return await body({ sandbox, site, browser, artifacts, screenshot });
  } catch (error) {
    if (browser?.watchdogFired && error instanceof Error)
      error.message = `watchdog killed the browser: ${error.message}`;
    throw error;
  } finally {
    await browser?.close();
    await site.close();
    sandbox.remove();
  }
}
