// Platforms beyond Meta whose "don't train AI on my data" choice is a switch in their settings (rules/platforms):
// which setting a page shows, the state of its control, and, on the user's own click only, turning it to "not
// used for AI" and reading it again. The control is found by what its label means (phrases in any language) and
// its role (switch, check box), never by ids or classes; where that finds nothing, or more than one control, the
// page has changed and nothing is touched.
import { DIALOGS, mainOf, regionsOf } from './locate.js';
import { findPhrase, phraseMatcher } from './phrases.js';
import { isVisible, labelOf } from './text.js';

const CONTROLS = '[role="switch"], [role="checkbox"], input[type="checkbox"]';
const SETTLE_POLL_MS = 100;

/** The platform and setting whose page `href` is, or null: { platform, setting }. */
export function settingRuleFor(platforms, href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '') || '/';
  for (const platform of platforms) {
    if (!platform.hosts.includes(host)) continue;
    const setting = platform.settings.find((s) => s.paths.some((p) => path === p || path.startsWith(`${p}/`)));
    if (setting) return { platform, setting };
  }
  return null;
}

// One matcher per setting, compiled once: its labels in every language.
const matchers = new WeakMap();
function labelMatcher(setting) {
  if (!matchers.has(setting)) {
    matchers.set(setting, phraseMatcher(Object.entries(setting.labels).flatMap(([language, phrases]) =>
      phrases.map((phrase) => ({ phrase, language })))));
  }
  return matchers.get(setting);
}

/** A control's state as the page shows it: 'on', 'off', or null when the page does not say. */
export function stateOf(control) {
  if (control.tagName === 'INPUT') return control.checked ? 'on' : 'off';
  const checked = control.getAttribute('aria-checked');
  return checked === 'true' ? 'on' : checked === 'false' ? 'off' : null;
}

/**
 * What the setting on this page says now: { platform, setting, label, language, state, usedForAi, control } when
 * exactly one visible control of the rule's roles carries the setting's label and shows its state; else
 * { platform, setting, refused } with refused one of control_not_found | several_controls | state_unknown;
 * null when the page is no setting NoTrain knows.
 */
export function readSetting(platforms, doc, href) {
  const rule = settingRuleFor(platforms, href);
  if (!rule || !doc.body) return null;
  const { platform, setting } = rule;
  const matcher = labelMatcher(setting);
  const found = [];
  // Settings live in the page's main region or in a settings dialog (a portal elsewhere in the body).
  const places = [mainOf(doc), ...regionsOf(doc, DIALOGS)];
  const controls = new Set(places.flatMap((place) => [...place.querySelectorAll(CONTROLS)]));
  for (const control of controls) {
    if (!setting.control.roles.includes(roleOf(control)) || !isVisible(control)) continue;
    const hit = findPhrase(labelOf(control), matcher);
    if (hit) found.push({ control, hit });
  }
  const base = { platform: platform.name, setting: setting.name };
  if (found.length === 0) return { ...base, refused: 'control_not_found' };
  if (found.length > 1) return { ...base, refused: 'several_controls' };
  const [{ control, hit }] = found;
  const state = stateOf(control);
  if (!state) return { ...base, refused: 'state_unknown' };
  return { ...base, label: labelOf(control), language: hit.language, state, usedForAi: state !== setting.notUsedWhen, control };
}

function roleOf(control) {
  if (control.tagName === 'INPUT') return control.getAttribute('role') === 'switch' ? 'switch' : 'checkbox';
  return control.getAttribute('role');
}

/**
 * Turns the setting read by `reading` to "not used for AI" by clicking the platform's own control, once; then waits
 * (up to `timeoutMs`) for the page to show the new state and reads it again. Only for the user's own click in the
 * popup. Returns { before, after, stuck }: `stuck` when the state did not change or changed back.
 */
export async function turnOff(platforms, doc, href, reading, { timeoutMs = 5000, wait } = {}) {
  if (!reading?.control || !reading.usedForAi) return { before: reading?.state ?? null, after: reading?.state ?? null, stuck: false };
  const before = reading.state;
  reading.control.click();
  const pause = wait ?? ((ms) => new Promise((resolve) => doc.defaultView.setTimeout(resolve, ms)));
  let again = readSetting(platforms, doc, href);
  for (let waited = 0; waited < timeoutMs && again?.state === before; waited += SETTLE_POLL_MS) {
    await pause(SETTLE_POLL_MS);
    again = readSetting(platforms, doc, href);
  }
  // The platform saves, then may re-render: a state that flips back shortly after is no change either.
  await pause(SETTLE_POLL_MS * 5);
  again = readSetting(platforms, doc, href);
  const after = again?.state ?? null;
  return { before, after, stuck: !again || again.usedForAi !== false };
}
