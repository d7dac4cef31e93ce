// The full page's platforms beyond Meta. Each setting platform is off until the user enables it here: the browser
// then asks the user to grant NoTrain that platform's own sites (an optional host permission), and only then does
// NoTrain's script run there (background/platform-access.js). Disabling removes the grant. Slack has no switch: its
// opt-out is an e-mail from the workspace's owner, written here in the user's language. A platform with an objection
// form of its own (LinkedIn's, for the EU/EEA, UK and Switzerland) links to it once enabled, with where each account's
// objection stands.
import { el, clear, byId } from "../shared/dom.js";
import { t, uiLanguage } from "../shared/i18n.js";
import { ask } from "../shared/messaging.js";
import { getApi } from "../shared/browser-api.js";
import { platformMatchPatterns, platformNamed } from "../shared/platforms.js";
import { emailRules } from "../../rules/emails/index.js";
import { DEFAULT_RECHECK_DAYS, RECHECK_DAYS, dueForRecheck, seenText } from "../shared/platform-recheck.js";
import { loadCoverage } from "../shared/coverage-data.js";
import { objectionText } from "../shared/coverage-text.js";

export class PlatformsView {
  /** @param {Document} doc */
  constructor(doc, { now = () => new Date() } = {}) {
    this.doc = doc;
    this.now = now;
    this.list = byId(doc, "platforms-list");
    this.status = byId(doc, "platforms-status");
    this.interval = /** @type {HTMLSelectElement} */ (byId(doc, "platforms-recheck-days"));
  }

  async start() {
    bindSlackMail(this.doc);
    await this.reload();
  }

  async reload() {
    const { items = [], recheckDays = DEFAULT_RECHECK_DAYS } = await ask("platforms-list").catch(() => ({}));
    const forms = items.some((item) => item.enabled && item.objectionForm);
    const { formLines = [] } = forms ? await loadCoverage().catch(() => ({ formLines: [] })) : {};
    this.#showInterval(recheckDays);
    clear(this.list);
    for (const item of items) this.list.append(this.#row(item, recheckDays, formLines));
  }

  #showInterval(days) {
    if (!this.interval.options.length) {
      for (const choice of RECHECK_DAYS)
        this.interval.append(
          el(this.doc, "option", { value: String(choice), text: t("platforms_recheck_days", [String(choice)]) }),
        );
      this.interval.addEventListener("change", async () => {
        await ask("platforms-recheck-days", { days: Number(this.interval.value) }).catch(() => null);
        await this.reload();
      });
    }
    this.interval.value = String(days);
  }

  // What NoTrain last read there, and "check again" once that is older than the user's interval.
  #lastSeen(label, seen, days, page) {
    const doc = this.doc;
    const line = el(doc, "span", { class: "muted", dataset: { testid: "platform-seen" }, text: seenText(seen) });
    if (!dueForRecheck(seen, days, this.now()) || !page) return [line];
    return [
      line,
      el(doc, "a", {
        class: "button primary",
        href: page,
        target: "_blank",
        rel: "noopener noreferrer",
        dataset: { testid: "platform-recheck" },
        text: t("platform_recheck", [label]),
      }),
    ];
  }

  // The platform's objection form, and where each account's objection stands (shared/coverage.js formCoverage).
  #objection(name, label, form, formLines) {
    const doc = this.doc;
    const lines = formLines.filter((line) => line.service === name);
    return [
      el(doc, "a", {
        class: "secondary",
        href: form,
        target: "_blank",
        rel: "noopener noreferrer",
        dataset: { testid: "platform-objection-form" },
        text: t("popup_form_link", [label]),
      }),
      ...lines.map((line) =>
        el(doc, "span", {
          class: "muted",
          dataset: { testid: "platform-objection", objection: line.state },
          text: line.account ? `${line.name || line.account}: ${objectionText(line)}` : objectionText(line),
        }),
      ),
    ];
  }

  #row({ name, label, enabled, seen = null, page = null, objectionForm = null }, days, formLines) {
    const doc = this.doc;
    const box = el(doc, "input", {
      type: "checkbox",
      id: `platform-${name}`,
      checked: enabled,
      dataset: { platform: name },
    });
    // Browsers grant a permission only from the user's own gesture: the request is the first thing the click does.
    box.addEventListener("change", () => void this.#toggle(box, name, label));
    return el(doc, "li", { class: "switch", dataset: { platform: name, enabled: String(enabled) } }, [
      el(doc, "label", { for: box.id }, [box, " ", el(doc, "span", { text: t("platform_enable", [label]) })]),
      page
        ? el(doc, "a", {
            class: "secondary",
            href: page,
            target: "_blank",
            rel: "noopener noreferrer",
            text: t("setting_open", [label]),
          })
        : null,
      ...(enabled ? this.#lastSeen(label, seen, days, page) : []),
      ...(enabled && objectionForm ? this.#objection(name, label, objectionForm, formLines) : []),
    ]);
  }

  async #toggle(box, name, label) {
    const permissions = getApi().permissions;
    const origins = platformMatchPatterns(platformNamed(name));
    const wanted = box.checked;
    const changed = await (wanted ? permissions.request({ origins }) : permissions.remove({ origins })).catch(
      () => false,
    );
    if (wanted && !changed) box.checked = false;
    await ask("platforms-sync").catch(() => null); // the background follows the grant (onAdded/onRemoved) too
    this.status.textContent = t(!changed ? "platform_not_granted" : wanted ? "platform_enabled" : "platform_disabled", [
      label,
    ]);
    box.closest("li").dataset.enabled = String(box.checked);
  }
}

/** The mailto: address of Slack's opt-out e-mail, its body in the interface language with the workspace filled in. */
export function slackMailto(workspace, language = uiLanguage()) {
  const rule = emailRules.find((r) => r.name === "slack");
  if (!rule) throw new Error("rules/emails has no slack.json");
  const body = rule.body[language.slice(0, 2)] ?? rule.body.en;
  const query = `subject=${encodeURIComponent(rule.subject)}&body=${encodeURIComponent(body.replaceAll("{workspace}", workspace.trim() || "…"))}`;
  return `mailto:${rule.to}?${query}`;
}

function bindSlackMail(doc) {
  const input = /** @type {HTMLInputElement} */ (byId(doc, "slack-workspace"));
  const link = /** @type {HTMLAnchorElement} */ (byId(doc, "slack-mail"));
  const update = () => {
    link.href = slackMailto(input.value);
  };
  input.addEventListener("input", update);
  update();
}
