// The content script on a platform beyond Meta (rules/platforms), registered only while the user has that platform
// enabled on the full page (background/platform-access.js). It sends nothing by itself and changes nothing on its
// own: it answers the background's two requests, "what do the page's AI-training settings say" and, on the user's
// click in the popup, "turn them off", which clicks each one's own control, once, and reads it again.
import { platforms } from "../../rules/platforms/index.js";
import { readSettings, turnOff } from "../engine/setting.js";

export const SETTING_MSG = Object.freeze({
  read: "setting-read", // ← background: {} → { readings: [reading…] }, one per setting the page shows
  // ← background, on the user's click: {} → { results: [{ reading, outcome: { before, after, held } }…] }
  turnOff: "setting-turn-off",
});

// What the background may see of a reading: never the element.
const plain = (reading) =>
  reading && {
    platform: reading.platform,
    setting: reading.setting,
    label: reading.label ?? null,
    language: reading.language ?? null,
    state: reading.state ?? null,
    usedForAi: reading.usedForAi ?? null,
    refused: reading.refused ?? null,
  };

// Every setting of the page turned to "not used for AI", one after the other; none when the page changed (a
// setting refused): then nothing is clicked at all.
async function turnAllOff(document, href) {
  const readings = readSettings(platforms, document, href) ?? [];
  const refused = readings.some((reading) => reading.refused);
  const results = [];
  for (const reading of readings) {
    const outcome = refused
      ? { before: reading.state ?? null, after: reading.state ?? null, held: false }
      : await turnOff(platforms, document, href, reading);
    results.push({ reading: plain(reading), outcome });
  }
  return { results };
}

/** @param {{ api: object, document: Document, window: Window }} options */
export function startPlatform({ api, document, window }) {
  let turning = null; // one turn at a time: a second click while the platform saves changes nothing
  const handlers = {
    [SETTING_MSG.read]: () => ({
      readings: (readSettings(platforms, document, window.location.href) ?? []).map(plain),
    }),
    [SETTING_MSG.turnOff]: () => {
      turning ??= turnAllOff(document, window.location.href).finally(() => {
        turning = null;
      });
      return turning;
    },
  };
  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const handler = handlers[message?.type];
    if (!handler) return false;
    Promise.resolve(handler()).then(sendResponse, () => sendResponse({ readings: [], results: [] }));
    return true;
  });
}
