// Whether the tab shows a copy of Meta's objection form on another site. Opening the popup (the user's click on
// the icon) grants activeTab for that tab, which lets scripting.executeScript run NoTrain's engine there, once;
// without the grant (a browser page, a popup opened another way) the answer is "no", and nothing else happens.
export const LOOKALIKE_SCRIPT = "lookalike.js";

export async function checkLookalike(api, tabId) {
  if (tabId === null || typeof api.scripting?.executeScript !== "function") return false;
  try {
    await api.scripting.executeScript({ target: { tabId }, files: [LOOKALIKE_SCRIPT] });
    const [first] = await api.scripting.executeScript({
      target: { tabId },
      func: () => globalThis.notrainLookalike?.() === true,
    });
    return first?.result === true;
  } catch {
    return false; // no grant, or a page no extension may script
  }
}
