// Whose objection form the tab copies on another site: "meta", a platform's service ("linkedin"), or null. Opening
// the popup (the user's click on the icon) grants activeTab for that tab, which lets scripting.executeScript run
// NoTrain's engine there, once; without the grant (a browser page, a popup opened another way) the answer is null,
// and nothing else happens.
export const LOOKALIKE_SCRIPT = "lookalike.js";
const SERVICE_ID = /^[a-z][a-z0-9_]{0,31}$/;

/** @returns {Promise<string | null>} */
export async function checkLookalike(api, tabId) {
  if (tabId === null || typeof api.scripting?.executeScript !== "function") return null;
  try {
    await api.scripting.executeScript({ target: { tabId }, files: [LOOKALIKE_SCRIPT] });
    const [first] = await api.scripting.executeScript({
      target: { tabId },
      func: () => globalThis.notrainLookalike?.() ?? null,
    });
    const owner = first?.result;
    return typeof owner === "string" && SERVICE_ID.test(owner) ? owner : null;
  } catch {
    return null; // no grant, or a page no extension may script
  }
}
