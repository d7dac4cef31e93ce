// Platforms beyond Meta whose "don't train AI on my data" choice is a switch in their settings (rules/platforms):
// which setting a page shows, the state of its control, and, on the user's own click only, turning it to "not
// used for AI" and reading it again. The control is found by what its label means (phrases in any language) and
// its role (switch, check box), never by ids or classes; where that finds nothing, or more than one control, the
// page has changed and nothing is touched.
import { DIALOGS, mainOf, regionsOf } from "./locate.js";
import { findPhrase, phraseMatcher } from "./phrases.js";
import { isVisible, labelOf, shownLabelOf } from "./text.js";
import { whenPage } from "./page-change.js";

const CONTROLS = '[role="switch"], [role="checkbox"], input[type="checkbox"]';
// How long the platform may take to show the saved state, and how long it is watched afterwards for a switch put back.
const SAVE_WAIT_MS = 5000;
const HOLD_WATCH_MS = 1500;

/**
 * The platform and the settings whose page `href` is, or null: { platform, settings } (one page may hold several, as
 * Copilot's privacy dialog holds its text and voice switches).
 */
export function settingsRuleFor(platforms, href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== "https:") return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, "") || "/";
  for (const platform of platforms) {
    if (!platform.hosts.includes(host)) continue;
    const settings = platform.settings.filter((s) => s.paths.some((p) => path === p || path.startsWith(`${p}/`)));
    if (settings.length) return { platform, settings };
  }
  return null;
}

/** The platform and one setting of the page `href` (the one named, else the page's first), or null. */
export function settingRuleFor(platforms, href, name = null) {
  const rule = settingsRuleFor(platforms, href);
  const setting = rule && (name == null ? rule.settings[0] : rule.settings.find((s) => s.name === name));
  return setting ? { platform: rule.platform, setting } : null;
}

// One matcher per setting, compiled once: its labels in every language.
const matchers = new WeakMap();
function labelMatcher(setting) {
  if (!matchers.has(setting)) {
    matchers.set(
      setting,
      phraseMatcher(
        Object.entries(setting.labels).flatMap(([language, phrases]) =>
          phrases.map((phrase) => ({ phrase, language })),
        ),
      ),
    );
  }
  return matchers.get(setting);
}

/**
 * A control's state as the page shows it: 'on', 'off', or null when the page does not say.
 * @param {Element} control
 * @returns {'on' | 'off' | null}
 */
export function stateOf(control) {
  if (control.tagName === "INPUT") return /** @type {HTMLInputElement} */ (control).checked ? "on" : "off";
  const checked = control.getAttribute("aria-checked");
  return checked === "true" ? "on" : checked === "false" ? "off" : null;
}

/**
 * @typedef {{ platform: string, setting: string, refused?: 'control_not_found' | 'several_controls' | 'state_unknown',
 *   label?: string, language?: string, state?: 'on' | 'off', usedForAi?: boolean, control?: HTMLElement }} SettingReading
 */

/**
 * What the setting on this page says now: { platform, setting, label, language, state, usedForAi, control } when
 * exactly one visible control of the rule's roles carries the setting's label and shows its state; else
 * { platform, setting, refused } with refused one of control_not_found | several_controls | state_unknown;
 * null when the page is no setting NoTrain knows. `name` picks one of the page's settings (default: its first).
 * @returns {SettingReading | null}
 */
export function readSetting(platforms, doc, href, name = null) {
  const rule = settingRuleFor(platforms, href, name);
  if (!rule || !doc.body) return null;
  return readOne(rule.platform, rule.setting, doc);
}

/**
 * Every setting of this page, read as readSetting does, in the rule's order; an optional setting whose control the
 * page does not show (a switch not offered to every user) is left out. Null when the page is no setting NoTrain knows.
 */
export function readSettings(platforms, doc, href) {
  const rule = settingsRuleFor(platforms, href);
  if (!rule || !doc.body) return null;
  return rule.settings
    .map((setting) => readOne(rule.platform, setting, doc))
    .filter((reading, i) => !(rule.settings[i].optional && reading.refused === "control_not_found"));
}

/** @returns {SettingReading} */
function readOne(platform, setting, doc) {
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
  if (found.length === 0) return { ...base, refused: "control_not_found" };
  if (found.length > 1) return { ...base, refused: "several_controls" };
  const [{ control, hit }] = found;
  const state = stateOf(control);
  if (!state) return { ...base, refused: "state_unknown" };
  return {
    ...base,
    label: shownLabelOf(control),
    language: hit.language,
    state,
    usedForAi: state !== setting.notUsedWhen,
    control,
  };
}

function roleOf(control) {
  if (control.tagName === "INPUT") return control.getAttribute("role") === "switch" ? "switch" : "checkbox";
  return control.getAttribute("role");
}

/**
 * Turns the setting read by `reading` to "not used for AI" by clicking the platform's own control, once; then waits
 * (up to `saveMs`) for the page to show the new state, watches it for `holdMs` more (a platform that could not save
 * puts the switch back) and reads it again. Only for the user's own click in the popup.
 * Returns { before, after, held }: `held` when, read again at the end, the setting says "not used for AI"; nothing is
 * clicked when it said so already (held) or when the page was refused (not held).
 */
export async function turnOff(platforms, doc, href, reading, { saveMs = SAVE_WAIT_MS, holdMs = HOLD_WATCH_MS } = {}) {
  const before = reading?.state ?? null;
  if (!reading?.control || !reading.usedForAi) return { before, after: before, held: reading?.usedForAi === false };
  const read = () => readSetting(platforms, doc, href, reading.setting);
  reading.control.click();
  const changed = await whenPage(doc, () => read()?.usedForAi === false, saveMs);
  // The platform saves, then may re-render: a state that flips back while we watch is no change either.
  if (changed) await whenPage(doc, () => read()?.usedForAi !== false, holdMs);
  const again = read();
  return { before, after: again?.state ?? null, held: again?.usedForAi === false };
}
