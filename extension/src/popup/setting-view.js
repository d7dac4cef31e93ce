// What the popup says on a platform's page (beyond Meta): the AI-training setting's state as the engine read it, and
// the one thing to do — switch it off (the user's click, and only it, makes NoTrain operate the platform's control),
// open the setting's page, or enable the platform on the full page. Then what the click did, said plainly when the
// platform did not keep the change.
import { el, clear } from "../shared/dom.js";
import { t } from "../shared/i18n.js";

/**
 * @param {null | { label: string, enabled: boolean, onSettingPage: boolean, page: string,
 *   reading?: null | { refused?: string, state?: string, usedForAi?: boolean } }} setting  the background's answer
 * @returns {null | { summaryKey: string, state: string, action: "turn-off" | "open" | "enable" | null }}
 */
export function describeSetting(setting) {
  if (!setting) return null;
  if (!setting.enabled) return { summaryKey: "setting_not_enabled", state: "not-enabled", action: "enable" };
  if (!setting.onSettingPage) return { summaryKey: "setting_elsewhere", state: "elsewhere", action: "open" };
  const reading = setting.reading;
  if (!reading) return { summaryKey: "setting_no_answer", state: "no-answer", action: null };
  if (reading.refused) return { summaryKey: "setting_refused", state: "refused", action: null };
  if (reading.usedForAi) return { summaryKey: "setting_used", state: "used", action: "turn-off" };
  return { summaryKey: "setting_not_used", state: "not-used", action: null };
}

// The message of the user's click's outcome (background/platform-settings.js turnOff).
const OUTCOME_KEYS = {
  held: { saved: "setting_held", duplicate: "setting_held", queued: "setting_held_queued" },
  "not-held": { saved: "setting_not_held", duplicate: "setting_not_held", queued: "setting_not_held" },
  already: "setting_not_used",
  refused: "setting_refused",
};

/** The sentence for the outcome of "switch it off". */
export function outcomeText(outcome, label) {
  const keys = OUTCOME_KEYS[outcome?.status];
  const key = typeof keys === "string" ? keys : (keys?.[outcome.saved?.status] ?? keys?.saved ?? "setting_failed");
  return t(key, [label, outcome?.after || "?"]);
}

/** Shows the platform's setting in `section`; `onTurnOff` runs on the user's click on "Switch it off". */
export function renderSetting(section, setting, { onTurnOff }) {
  const doc = section.ownerDocument;
  const described = describeSetting(setting);
  clear(section);
  section.hidden = !described;
  if (!described) return;
  section.dataset.state = described.state;
  section.append(el(doc, "p", { "data-testid": "setting-summary", text: t(described.summaryKey, [setting.label]) }));
  const actions = el(doc, "p", { class: "actions" });
  if (described.action === "turn-off") {
    const button = el(doc, "button", {
      type: "button",
      class: "primary",
      "data-testid": "setting-turn-off",
      text: t("setting_turn_off"),
    });
    button.addEventListener("click", () => onTurnOff(button));
    actions.append(button);
  } else if (described.action === "open") {
    actions.append(
      el(doc, "a", {
        class: "button primary",
        href: setting.page,
        target: "_blank",
        rel: "noopener noreferrer",
        "data-testid": "setting-open",
        text: t("setting_open", [setting.label]),
      }),
    );
  } else if (described.action === "enable") {
    actions.append(
      el(doc, "a", {
        class: "button primary",
        href: "options.html#platforms",
        target: "_blank",
        "data-testid": "setting-enable",
        text: t("setting_enable", [setting.label]),
      }),
    );
  }
  section.append(actions, el(doc, "p", { role: "status", "aria-live": "polite", "data-testid": "setting-status" }));
}
