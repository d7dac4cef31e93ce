// What the platform scenarios ask in both browsers (support/chromium.js, support/firefox.js): whether the user's grant
// of a platform's sites is there, which of NoTrain's platform scripts the browser has registered, and whether a page
// of the platform gets one.

// LinkedIn's AI-training setting at its real address, the fixture's stand-in for its switch, and its origins as the
// build asks for them (optional_host_permissions, from the rule pack).
export const LINKEDIN = Object.freeze({
  settings: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement',
  page: Object.freeze({ scripts: ['toggle-like.js', 'recorder.js'] }),
  origins: Object.freeze(['https://www.linkedin.com/*', 'https://linkedin.com/*']),
  script: 'notrain-platform-linkedin',
});

/** { granted: permissions.contains(origins), registered: ids of the registered content scripts }, asked in the extension. */
export function platformAccess(browser, origins) {
  return browser.inExtension(async (wanted) => {
    const api = globalThis.browser ?? globalThis.chrome;
    return { granted: await api.permissions.contains({ origins: wanted }),
      registered: (await api.scripting.getRegisteredContentScripts()).map((script) => script.id) };
  }, origins);
}

/**
 * Whether NoTrain's platform script answers in `page`, asked once the page has loaded and then been idle — when a
 * script registered for document_idle has run. The same question finds the script before the platform is disabled.
 */
export async function platformScriptAnswers(browser, page) {
  await browser.evaluate(page, () => new Promise((resolve) => {
    const idle = () => requestIdleCallback(() => resolve(true));
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  }));
  const tabId = await browser.tabIdOf(page);
  return browser.inExtension((id) => (globalThis.browser ?? globalThis.chrome).tabs.sendMessage(id, { type: 'setting-read' })
    .then((answer) => Boolean(answer?.reading), () => false), tabId);
}
