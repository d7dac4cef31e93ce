// What the platform scenarios ask in both browsers (support/chromium.js, support/firefox.js): whether the user's grant
// of a platform's sites is there, which of NoTrain's platform scripts the browser has registered, and whether a page
// of the platform gets one.

import { platforms } from "../../../extension/rules/platforms/index.js";

// LinkedIn's AI-training setting at its real address, the fixture's stand-in for its switch, and its origins as the
// build asks for them (optional_host_permissions, from the rule pack).
export const LINKEDIN = Object.freeze({
  settings: "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
  page: Object.freeze({ scripts: ["toggle-like.js", "recorder.js"] }),
  origins: Object.freeze(["https://www.linkedin.com/*", "https://linkedin.com/*"]),
  // NoTrain's scripts for LinkedIn while it is enabled: the setting's, and the form engine's on its objection form.
  scripts: Object.freeze(["notrain-platform-linkedin", "notrain-platform-linkedin.form"]),
});

/** The origins NoTrain asks for when the user enables the platform `name`: its rule pack's hosts. */
export function platformOrigins(name) {
  const rule = platforms.find((platform) => platform.name === name);
  if (!rule) throw new Error(`no platform ${name}`);
  return rule.hosts.map((host) => `https://${host}/*`);
}

/** { granted: permissions.contains(origins), registered: ids of the registered content scripts }, asked in the extension. */
export function platformAccess(browser, origins) {
  return browser.inExtension(async (wanted) => {
    const api = globalThis.browser ?? globalThis.chrome;
    return {
      granted: await api.permissions.contains({ origins: wanted }),
      registered: (await api.scripting.getRegisteredContentScripts()).map((script) => script.id),
    };
  }, origins);
}

/**
 * Whether NoTrain's platform script answers in `page`, asked once the page has loaded and then been idle — when a
 * script registered for document_idle has run. The same question finds the script before the platform is disabled.
 */
export async function platformScriptAnswers(browser, page) {
  await browser.evaluate(
    page,
    () =>
      new Promise((resolve) => {
        const idle = () => requestIdleCallback(() => resolve(true));
        if (document.readyState === "complete") idle();
        else addEventListener("load", idle, { once: true });
      }),
  );
  const tabId = await browser.tabIdOf(page);
  return browser.inExtension(
    (id) =>
      (globalThis.browser ?? globalThis.chrome).tabs.sendMessage(id, { type: "setting-read" }).then(
        (answer) => Array.isArray(answer?.readings),
        () => false,
      ),
    tabId,
  );
}
