// Confirmations waiting for the host, with "retry now".
import { t, tn } from "../shared/i18n.js";
import { el, clear, byId } from "../shared/dom.js";
import { ask } from "../shared/messaging.js";
import { serviceLabel } from "../shared/services.js";
import { formatDate } from "../shared/format.js";
import { problemText, setTextWithCode } from "../shared/host-status.js";

export class PendingView {
  constructor(doc, { onDelivered = async () => {} } = {}) {
    this.doc = doc;
    this.onDelivered = onDelivered;
    this.list = byId(doc, "pending-list");
    this.summary = byId(doc, "pending-summary");
    this.button = /** @type {HTMLButtonElement} */ (byId(doc, "pending-retry"));
  }

  async start() {
    this.button.addEventListener("click", () => void this.retry());
    await this.refresh();
  }

  async refresh() {
    const { items = [] } = await ask("pending-list").catch(() => ({}));
    clear(this.list);
    for (const item of items) {
      const problem = item.rejected
        ? t("pending_refused", [item.rejected.message])
        : item.last_error
          ? t("pending_last_error", [item.last_error.message])
          : t("pending_not_tried");
      this.list.append(
        el(this.doc, "li", { dataset: { id: item.id } }, [
          el(this.doc, "strong", { text: `${serviceLabel(item.service)} — ${formatDate(item.captured_at)}` }),
          el(this.doc, "br"),
          el(this.doc, "span", { class: item.rejected ? "bad" : "muted", text: problem }),
          item.screenshot_dropped
            ? el(this.doc, "span", { class: "warn", text: ` ${t("pending_screenshot_dropped")}` })
            : null,
        ]),
      );
    }
    this.summary.dataset.count = String(items.length);
    this.summary.textContent = items.length ? tn("pending_count", items.length) : t("pending_none");
    this.button.hidden = items.length === 0;
    return items.length;
  }

  async retry() {
    this.button.disabled = true;
    this.summary.textContent = t("pending_retrying");
    const answer = await ask("pending-retry").catch((error) => ({ error: { message: String(error) } }));
    const remaining = await this.refresh();
    if (answer.delivered > 0) await this.onDelivered();
    if (remaining > 0 && answer.error) {
      setTextWithCode(
        this.summary,
        `${tn("pending_count", remaining)} ${problemText(answer.error, { fixShownAbove: true })}`,
      );
    }
    this.button.disabled = false;
  }
}
