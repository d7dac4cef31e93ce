// The content script on a platform beyond Meta (rules/platforms), registered only while the user has that platform
// enabled on the full page (background/platform-access.js). It sends nothing by itself and changes nothing on its
// own: it answers the background's two requests, "what does the AI-training setting say" and, on the user's click
// in the popup, "turn it off", which clicks the platform's own control, once, and reads it again.
import { platforms } from '../../rules/platforms/index.js';
import { readSetting, turnOff } from '../engine/setting.js';

export const SETTING_MSG = Object.freeze({
  read: 'setting-read', // ← background: {} → { reading }
  turnOff: 'setting-turn-off', // ← background, on the user's click: {} → { reading, outcome: { before, after, held } }
});

// What the background may see of a reading: never the element.
const plain = (reading) => reading && {
  platform: reading.platform, setting: reading.setting, label: reading.label ?? null, language: reading.language ?? null,
  state: reading.state ?? null, usedForAi: reading.usedForAi ?? null, refused: reading.refused ?? null,
};

/** @param {{ api: object, document: Document, window: Window }} options */
export function startPlatform({ api, document, window }) {
  const read = () => readSetting(platforms, document, window.location.href);
  let turning = null; // one turn at a time: a second click while the platform saves changes nothing
  const handlers = {
    [SETTING_MSG.read]: () => ({ reading: plain(read()) }),
    [SETTING_MSG.turnOff]: () => {
      turning ??= (async () => {
        const reading = read();
        const outcome = await turnOff(platforms, document, window.location.href, reading);
        return { reading: plain(reading), outcome };
      })().finally(() => { turning = null; });
      return turning;
    },
  };
  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const handler = handlers[message?.type];
    if (!handler) return false;
    Promise.resolve(handler()).then(sendResponse, () => sendResponse({ reading: null }));
    return true;
  });
}
