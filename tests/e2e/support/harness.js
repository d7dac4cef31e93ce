// One end-to-end run in Chromium: a sandbox, the test site, the host registered by its own installer
// (unless the scenario is about a missing host), the browser with the extension, and afterwards the
// artifacts — a screenshot of every page still open — and the clean-up, whatever happened.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsFor } from './artifacts.js';
import { launchChromium } from './chromium.js';
import { launchFirefox } from './firefox.js';
import { registerHost } from './host.js';
import { callHost } from './host-rpc.js';
import { SITE_NAMES } from './names.js';
import { paths } from './paths.js';
import { createSandbox } from './sandbox.js';
import { startSite } from './site.js';

// The user's saved profile: a Belgian user writing in French.
export const PROFILE = Object.freeze({
  email: 'jeanne.dupont@example.be',
  country: 'BE',
  language: 'fr',
  name: 'Jeanne Dupont',
  objection_text: "Je m'oppose à l'utilisation de mes informations pour développer l'IA de Meta (article 21 RGPD).",
});

// A copy of the Chromium build in which the optional origins of these hosts are granted at install, as if the user
// had enabled their platform on the full page (headless Chromium cannot answer the browser's permission prompt).
function buildGranting(sandbox, hosts) {
  const dir = path.join(sandbox.root, 'extension-granted');
  cpSync(path.join(paths.extension, 'chromium'), dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const granted = (manifest.optional_host_permissions ?? []).filter((origin) => hosts.includes(new URL(origin.replace('/*', '/')).hostname));
  manifest.host_permissions = [...manifest.host_permissions, ...granted];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

export async function withChromium(run, { register = true, profile = PROFILE, lang = 'en', deadlineMs = 150_000, grantHosts = [] } = {}, body) {
  const sandbox = createSandbox(run);
  const artifacts = artifactsFor(`chromium-${run}`);
  const site = await startSite({ dir: sandbox.root, names: SITE_NAMES });
  let browser = null;
  try {
    if (profile) await callHost(sandbox, 'profile.set', { profile });
    if (register) registerHost(sandbox, 'chromium');
    const extensionDir = grantHosts.length ? buildGranting(sandbox, grantHosts) : undefined;
    browser = await launchChromium({ sandbox, site, names: SITE_NAMES, artifacts, lang, deadlineMs, extensionDir });
    let shots = 0;
    // Each screen in both themes (NoTrain's pages follow the system's): the artifacts show every state as users see it.
    const screenshot = async (page, name) => {
      shots += 1;
      await page.bringToFront(); // headless Chromium paints only the tab in front
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: artifacts.file(`${String(shots).padStart(2, '0')}-${name}-${colorScheme}.png`), fullPage: true });
      }
      await page.emulateMedia({ colorScheme: null });
    };
    return await body({ sandbox, site, browser, artifacts, screenshot });
  } catch (error) {
    if (browser?.watchdogFired) error.message = `watchdog killed the browser: ${error.message}`;
    throw error;
  } finally {
    if (browser) {
      // What each tab showed at the end. Headless Chromium paints only the tab in front.
      for (const [index, page] of browser.context.pages().entries()) {
        if (page.url() === 'about:blank') continue;
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
// Firefox reads host manifests from.
export async function withFirefox(run, { register = true, profile = PROFILE, lang = 'en', deadlineMs = 180_000 } = {}, body) {
  const sandbox = createSandbox(run);
  const artifacts = artifactsFor(`firefox-${run}`);
  const site = await startSite({ dir: sandbox.root, names: SITE_NAMES });
  let browser = null;
  try {
    if (profile) await callHost(sandbox, 'profile.set', { profile });
    if (register) registerHost(sandbox, 'firefox');
    browser = await launchFirefox({ sandbox, site, artifacts, lang, deadlineMs });
    let shots = 0;
    const screenshot = async (context, name) => {
      shots += 1;
      await browser.activate(context);
      await browser.screenshot(context, `${String(shots).padStart(2, '0')}-${name}.png`);
    };
    return await body({ sandbox, site, browser, artifacts, screenshot });
  } catch (error) {
    if (browser?.watchdogFired) error.message = `watchdog killed the browser: ${error.message}`;
    throw error;
  } finally {
    await browser?.close();
    await site.close();
    sandbox.remove();
  }
}
