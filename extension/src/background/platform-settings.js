// A platform's AI-training setting, for the popup: what it says in a tab, and, on the user's click in the popup,
// turning it off through the platform's own control, then keeping the evidence (kind "setting": the label as shown,
// the state before and after, the time, the address, a screenshot). The platform's content script (content/platform.js)
// only answers these requests; the address, the platform and the setting come from the tab as the browser reports it
// and from the rules, never from the page.
import { settingsRuleFor } from "../engine/setting.js";
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
  return {
    label: shortText(reading.label, MAX_LABEL),
    state: reading.state,
    language: shortText(reading.language, 35),
  };
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

// A reading the page reported, for one of the page's settings in the rules (by name, each once), with what it means
// read from the rule; null for anything else.
/**
 * @returns {{ setting: string, refused?: string, label?: string | null, state?: string, language?: string | null,
 *   usedForAi?: boolean } | null}
 */
function describe(rule, reported, seenNames = new Set()) {
  const setting = rule.settings.find((s) => s.name === reported?.setting);
  const seen = setting && !seenNames.has(setting.name) ? sanitizeReading(reported) : null;
  if (!seen) return null;
  seenNames.add(setting.name);
  return seen.refused
    ? { ...seen, setting: setting.name }
    : { ...seen, setting: setting.name, usedForAi: seen.state !== setting.notUsedWhen };
}

function describeAll(rule, reported) {
  const names = new Set();
  return (Array.isArray(reported) ? reported.slice(0, rule.settings.length) : [])
    .map((reading) => describe(rule, reading, names))
    .filter(Boolean);
}

// The user's click's results, each with its setting from the rules.
function resultsOf(rule, reported) {
  const names = new Set();
  return (Array.isArray(reported) ? reported.slice(0, rule.settings.length) : []).flatMap((result) => {
    const reading = describe(rule, result?.reading, names);
    return reading
      ? [{ reading, outcome: result.outcome, setting: rule.settings.find((s) => s.name === reading.setting) }]
      : [];
  });
}

// The page's settings for the popup: a refusal first, then the first that trains AI, else the first.
function summarize(readings) {
  if (readings.length === 0) return null;
  const refused = readings.find((reading) => reading.refused);
  if (refused) return { refused: refused.refused };
  const { setting: _name, ...shown } = readings.find((reading) => reading.usedForAi) ?? readings[0];
  return shown;
}

export class PlatformSettings {
  /**
   * @param {object} options
   * @param {import("../shared/browser-api.js").Tabs} options.tabs
   * @param {{ executeScript(injection: { target: { tabId: number }, files: string[] }): Promise<unknown> }} options.scripting  for a tab opened before the platform
   *   was enabled
   * @param {(name: string) => Promise<boolean>} options.enabled  whether the user enabled that platform
   * @param {{ store(params: object): Promise<{ status: string }> }} options.confirmations  the pending queue, then
   *   the host
   * @param {(tab: import("../shared/browser-api.js").Tab) => Promise<string | null>} options.capture  screenshot of the visible tab
   * @param {() => Date} [options.now]
   * @param {{ note: (name: string, trainsAi: boolean) => Promise<unknown> }} [options.seen]  when each setting was read
   */
  constructor({
    tabs,
    scripting,
    enabled,
    confirmations,
    capture,
    now = () => new Date(),
    seen = { note: async () => {} },
  }) {
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
   * on a setting's page, `reading`: the page's settings summed up ({ refused } when one was refused, else the first
   * one that trains AI, else the first: { label, state, language, usedForAi }; null when the page did not answer).
   */
  async read(tabId) {
    const place = await this.#placeOf(tabId);
    if (!place) return null;
    const { platform, rule } = place;
    const base = {
      platform: platform.name,
      label: platform.label,
      page: platform.settings[0].page,
      enabled: await this.enabled(platform.name),
    };
    if (!rule || !base.enabled) return { ...base, onSettingPage: Boolean(rule), reading: null };
    const answer = await this.#ask(tabId, "setting-read");
    const reading = summarize(describeAll(rule, answer?.readings));
    if (reading && !reading.refused) await this.seen.note(platform.name, reading.usedForAi);
    return { ...base, onSettingPage: true, reading };
  }

  /**
   * The user's click: turn the page's settings off in that tab, read them again, keep the evidence of each one that
   * was on (one record per setting, with the screenshot taken once they are all done).
   */
  async turnOff(tabId) {
    const place = await this.#placeOf(tabId);
    const rule = place?.rule;
    if (!place || !rule || !(await this.enabled(rule.platform.name))) {
      return { status: "refused", error: "Not a setting page NoTrain may use" };
    }
    const answer = await this.#ask(tabId, "setting-turn-off");
    const results = resultsOf(rule, answer?.results);
    const reading = summarize(results.map((result) => result.reading));
    if (!reading || reading.refused) return { status: "refused", reading };
    const turned = results.filter((result) => result.reading.usedForAi);
    if (turned.length === 0) return { status: "already", reading };
    // NoTrain shows nothing on a platform's page: the screenshot is the platform's page as the user sees it.
    const screenshot = await this.capture(place.tab).catch(() => null);
    const kept = [];
    for (const result of turned) {
      const params = buildSettingParams(
        { platform: rule.platform, setting: result.setting },
        place.url,
        result,
        this.now(),
      );
      if (screenshot) params.screenshot = screenshot;
      kept.push({ params, saved: await this.confirmations.store(params) });
    }
    const notHeld = kept.find((k) => !k.params.form.held);
    await this.seen.note(rule.platform.name, Boolean(notHeld));
    const told = notHeld ?? kept.find((k) => k.saved?.status === "queued") ?? kept[kept.length - 1];
    return { status: notHeld ? "not-held" : "held", after: told.params.form.after, saved: told.saved };
  }

  // The tab's real address (the browser's, not the page's) and what the rules know of it; null for no platform's page.
  /** @param {number} tabId */
  async #placeOf(tabId) {
    const tab = Number.isInteger(tabId) ? await this.tabs.get(tabId).catch(() => null) : null;
    const url = tab?.url;
    const platform = url ? platformOfUrl(url) : null;
    if (!tab || !url || !platform) return null;
    return { tab, url, platform, rule: settingsRuleFor(platforms, url) };
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
