// The full page's first section: every service and account with its state (shared/coverage.js), the accounts
// named or removed by the user, the follow-up reminder's switch, and a ready complaint for each objection Meta
// left unanswered for 30 days.
import { el, clear, byId } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { ask } from "../shared/messaging.js";
import { loadCoverage } from "../shared/coverage-data.js";
import { accountText, serviceText, stateClass, stateText } from "../shared/coverage-text.js";
import { bindFollowUpSwitch } from "../shared/follow-up-setting.js";
import { complaintFor } from "./complaint-view.js";

export class ObjectionsView {
  /**
   * @param {Document} doc
   * @param {{ now?: () => number, onPack?: (status: HTMLElement) => Promise<void> }} [options] the clock, for tests;
   *   what a complaint's "evidence pack" button does
   */
  constructor(doc, { now = () => Date.now(), onPack = async () => {} } = {}) {
    this.doc = doc;
    this.now = now;
    this.onPack = onPack;
    this.body = byId(doc, "objections-body");
    this.status = byId(doc, "objections-status");
    this.complaints = byId(doc, "complaints");
  }

  async start() {
    await bindFollowUpSwitch(/** @type {HTMLInputElement} */ (byId(this.doc, "follow-up-switch")));
    await this.reload();
  }

  async reload() {
    const [{ lines, confirmationsRead }, answer] = await Promise.all([
      loadCoverage({ now: this.now() }),
      ask("get-profile").catch(() => ({})),
    ]);
    const profile = answer?.profile ?? {};
    clear(this.body);
    for (const line of lines) this.body.append(this.row(line));
    if (!confirmationsRead) this.status.textContent = t("coverage_unavailable");
    clear(this.complaints);
    for (const line of lines.filter((l) => l.overdue)) {
      this.complaints.append(
        complaintFor(this.doc, line, { country: profile.country, name: profile.name, onPack: this.onPack }),
      );
    }
  }

  row(line) {
    const doc = this.doc;
    const cells = [
      el(doc, "td", { text: serviceText(line) }),
      el(doc, "td", { class: "account", text: line.account ?? accountText(line) }),
      el(doc, "td", {}, line.account ? [this.nameInput(line)] : []),
      el(doc, "td", { class: stateClass(line), text: stateText(line) }),
      el(doc, "td", {}, line.account ? [this.removeButton(line)] : []),
    ];
    return el(doc, "tr", { dataset: { service: line.service, account: line.account ?? "", state: line.state } }, cells);
  }

  // Saved when the user leaves the box or presses Enter (a change event).
  nameInput(line) {
    const input = el(this.doc, "input", {
      type: "text",
      maxlength: "80",
      value: line.name ?? "",
      "aria-label": t("account_name_label", [line.account]),
    });
    input.addEventListener(
      "change",
      () => void this.change("account-rename", line, { name: input.value }, t("account_saved", [line.account])),
    );
    return input;
  }

  removeButton(line) {
    const button = el(this.doc, "button", {
      type: "button",
      text: t("account_remove"),
      "aria-label": t("account_remove_label", [line.account]),
    });
    button.addEventListener("click", async () => {
      await this.change("account-remove", line, {}, t("account_removed", [line.account]));
      await this.reload();
    });
    return button;
  }

  async change(type, line, fields, done) {
    const answer = await ask(type, { service: line.service, account: line.account, ...fields }).catch((error) => ({
      error,
    }));
    this.status.textContent = answer?.error
      ? t("account_not_changed", [String(answer.error.message ?? answer.error)])
      : done;
  }
}
