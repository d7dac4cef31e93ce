// The receipt on the full page: the host's chain head as a short text the user keeps somewhere else (copy button),
// refreshed whenever the list of confirmations changes. With it, `notrain-host verify --receipt FILE` proves that
// nothing saved before it was changed or removed since.
import { t } from "../shared/i18n.js";
import { callHost } from "../shared/messaging.js";
import { problemText, setTextWithCode } from "../shared/host-status.js";
import { byId } from "../shared/dom.js";

export class ReceiptView {
  constructor(doc) {
    this.doc = doc;
    this.text = byId(doc, "receipt-text");
    this.copy = /** @type {HTMLButtonElement} */ (byId(doc, "receipt-copy"));
    this.status = byId(doc, "receipt-status");
    this.copy.addEventListener("click", () => void this.copyText());
  }

  async reload() {
    try {
      const { receipt } = await callHost("evidence.receipt");
      this.text.textContent = receipt ?? "";
      this.text.hidden = !receipt;
      this.copy.hidden = !receipt;
      this.status.textContent = receipt ? "" : t("receipt_none");
    } catch (error) {
      this.text.hidden = true;
      this.copy.hidden = true;
      setTextWithCode(this.status, `${t("receipt_unavailable")} ${problemText(error, { fixShownAbove: true })}`);
    }
  }

  async copyText() {
    await this.doc.defaultView.navigator.clipboard.writeText(this.text.textContent);
    this.status.textContent = t("receipt_copied");
  }
}
