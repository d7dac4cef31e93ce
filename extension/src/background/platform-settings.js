// A platform's AI-training setting, for the popup: what it says in a tab, and, on the user's click in the popup,
// turning it off through the platform's own control, then keeping the evidence (kind "setting": the label as shown,
// the state before and after, the time, the address, a screenshot). The platform's content script (content/platform.js)
// only answers these requests; the address, the platform and the setting come from the tab as the browser reports it
// and from the rules, never from the page.
import { settingRuleFor } from "../engine/setting.js";
import { platformOfUrl, platforms } from "../shared/platforms.js";
import { t } from "../shared/i18n.js";

export const PLATFORM_SCRIPT = "platform.js";
const STATES = new Set(["on", "off"]);
const REFUSALS = new Set(["control_not_found", "several_controls", "state_unknown"]);
const MAX_LABEL = 300;

const shortText = (value, max) => (typeof value === "string" && value.trim() ? value.trim().slice(0, max) : null);

/** What the background keeps of a reading reported by the page's content script: known values, short text. */
export function sanitizeReading(reading) {
  if (!reading || typeof reading !== "object") return null;
  if (REFUSALS.has(reading.refused)) return { refused: reading.refused };
  if (!STATES.has(reading.state)) return null;
  return { label: shortText(reading.label, MAX_LABEL), state: reading.state, language: shortText(reading.language, 35) };
}

/**
 * confirmation.save params for a setting turned off on the user's click (host: evidence.hpp, kind "setting").
 * @param {{ platform: object, setting: object }} rule  from the tab's real address
 */
export function buildSettingParams(rule, url, { reading, outcome }, capturedAt) {
  const seen = sanitizeReading(reading);
  if (!seen?.label || !STATES.has(outcome?.before)) throw new Error("The setting was not read");
  const after = STATES.has(outcome.after) ? outcome.after : "";
  const held = after === rule.setting.notUsedWhen; // read again by the rule's meaning, not the page's word
  const params = {
    service: rule.platform.name,
    kind: "setting",
    url,
    text: t("setting_record_text", [rule.platform.label, seen.label, outcome.before, after || "?"]),
    captured_at: capturedAt.toISOString(),
    form: { setting: rule.setting.name, label: seen.label, before: outcome.before, after, held },
  };
  if (seen.language) params.language = seen.language;
  return params;
}

export class PlatformSettings {
  /**
   * @param {object} options
   * @param {import("../shared/browser-api.js").Tabs} options.tabs
   * @param {{ executeScript(injection: { target: { tabId: number }, files: string[] }): Promise<unknown> }} options.scripting  for a tab opened before the platform
   *   was enabled
   * @param {(name: string) => Promise<boolean>} options.enabled  whether the user enabled that platform
   * @param {{ store(params: object): Promise<unknown> }} options.confirmations  the pending queue, then
   *   the host
   * @param {(tab: import("../shared/browser-api.js").Tab) => Promise<string | null>} options.capture  screenshot of the visible tab
   * @param {() => Date} [options.now]
   * @param {{ note: (name: string, trainsAi: boolean) => Promise<unknown> }} [options.seen]  when each setting was read
   */
  constructor({ tabs, scripting, enabled, confirmations, capture, now = () => new Date(), seen = { note: async () => {} } }) {
    this.tabs = tabs;
    this.scripting = scripting;
    this.enabled = enabled;
    this.confirmations = confirmations;
    this.capture = capture;
    this.now = now;
    this.seen = seen;
  }

  /**
   * What the popup shows for a tab: null when it is no platform's page; else { platform, label, enabled, page } and,
   * on a setting's page, `reading` ({ label, state, usedForAi } or { refused }; null when the page did not answer).
   */
  async read(tabId) {
    const place = await this.#placeOf(tabId);
    if (!place) return null;
    const { platform, rule } = place;
    const base = { platform: platform.name, label: platform.label, page: platform.settings[0].page,
      enabled: await this.enabled(platform.name) };
    if (!rule || !base.enabled) return { ...base, onSettingPage: Boolean(rule), reading: null };
    const answer = await this.#ask(tabId, "setting-read");
    const reading = this.#describe(rule, answer?.reading);
    if (reading && !reading.refused) await this.seen.note(platform.name, reading.usedForAi);
    return { ...base, onSettingPage: true, reading };
  }

  /** The user's click: turn the setting off in that tab, read it again, keep the evidence. */
  async turnOff(tabId) {
    const place = await this.#placeOf(tabId);
    const rule = place?.rule;
    if (!place || !rule || !(await this.enabled(rule.platform.name))) {
      return { status: "refused", error: "Not a setting page NoTrain may use" };
    }
    const answer = await this.#ask(tabId, "setting-turn-off");
    const reading = this.#describe(rule, answer?.reading);
    if (!reading || reading.refused) return { status: "refused", reading };
    if (!reading.usedForAi) return { status: "already", reading };
    const params = buildSettingParams(rule, place.url, answer, this.now());
    // NoTrain shows nothing on a platform's page: the screenshot is the platform's page as the user sees it.
    const screenshot = await this.capture(place.tab).catch(() => null);
    if (screenshot) params.screenshot = screenshot;
    const saved = await this.confirmations.store(params);
    await this.seen.note(rule.platform.name, !params.form.held);
    return { status: params.form.held ? "held" : "not-held", after: params.form.after, saved };
  }

  // The tab's real address (the browser's, not the page's) and what the rules know of it; null for no platform's page.
  /** @param {number} tabId */
  async #placeOf(tabId) {
    const tab = Number.isInteger(tabId) ? await this.tabs.get(tabId).catch(() => null) : null;
    const url = tab?.url;
    const platform = url ? platformOfUrl(url) : null;
    if (!tab || !url || !platform) return null;
    return { tab, url, platform, rule: settingRuleFor(platforms, url) };
  }

  #describe(rule, reported) {
    const seen = sanitizeReading(reported);
    if (!seen) return null;
    if (seen.refused) return seen;
    return { ...seen, usedForAi: seen.state !== rule.setting.notUsedWhen };
  }

  // Asks the tab's platform script; where it is missing (the tab was open before the platform was enabled), runs it
  // there once (the platform's host permission allows it) and asks again.
  async #ask(tabId, type) {
    try {
      return await this.tabs.sendMessage(tabId, { type });
    } catch {
      try {
        await this.scripting.executeScript({ target: { tabId }, files: [PLATFORM_SCRIPT] });
        return await this.tabs.sendMessage(tabId, { type });
      } catch {
        return null;
      }
    }
  }
}
