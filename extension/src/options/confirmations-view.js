// Stored confirmations: a paged list (following next_cursor), the detail of one (text,
// screenshot reassembled from chunks, digest, dates), its evidence pack, and deletion after a confirmation dialog.
import { t, uiLanguage } from "../shared/i18n.js";
import { el, clear, byId } from "../shared/dom.js";
import { callHost } from "../shared/messaging.js";
import { serviceLabel } from "../shared/services.js";
import { formatDate, formatBytes } from "../shared/format.js";
import { provenanceText, verdictText } from "../shared/provenance.js";
import { fetchScreenshot } from "./screenshot.js";
import { fetchPrepared, offerDownload } from "./downloads.js";
import { setTextWithCode, problemText } from "../shared/host-status.js";

const ABOVE = { fixShownAbove: true }; // the full page says the host's problem and its fix at its top

const PAGE_SIZE = 20;

export class ConfirmationsView {
  constructor(doc, { onChanged = () => {} } = {}) {
    this.doc = doc;
    this.onChanged = onChanged; // the list was read again (a save, a delivery, a deletion): the receipt follows
    this.body = byId(doc, "confirmations-body");
    this.status = byId(doc, "confirmations-status");
    this.more = /** @type {HTMLButtonElement} */ (byId(doc, "confirmations-more"));
    this.detail = byId(doc, "confirmation-detail");
    this.dialog = /** @type {HTMLDialogElement} */ (byId(doc, "delete-dialog"));
    this.cursor = undefined; // where the next page starts; null once the list is shown whole
    this.total = 0;
    this.shown = 0;
    this.current = null;
    this.imageUrl = null;
  }

  async start() {
    this.more.addEventListener("click", () => void this.loadPage());
    byId(this.doc, "detail-close").addEventListener("click", () => this.closeDetail());
    byId(this.doc, "detail-delete").addEventListener("click", () => void this.askDelete());
    byId(this.doc, "detail-pack").addEventListener("click", () => void this.downloadPack());
    await this.reload();
    // options.html#confirmation-<id> (from the popup) opens that confirmation.
    const match = /^#confirmation-(.+)$/.exec(this.doc.location?.hash ?? "");
    if (match) {
      const id = decodeURIComponent(match[1]);
      await this.open(/^\d+$/.test(id) ? Number(id) : id); // the host's ids are integers
    }
  }

  async reload() {
    clear(this.body);
    this.cursor = undefined;
    this.shown = 0;
    await this.loadPage();
    this.onChanged();
  }

  async loadPage() {
    if (this.cursor === null) return;
    this.status.textContent = t("loading");
    try {
      const page = await callHost(
        "confirmation.list",
        this.cursor ? { limit: PAGE_SIZE, cursor: this.cursor } : { limit: PAGE_SIZE },
      );
      for (const item of page.items) this.body.append(this.row(item));
      this.shown += page.items.length;
      this.total = page.total;
      this.cursor = page.next_cursor ?? null;
      byId(this.doc, "confirmations-table").hidden = this.total === 0;
      this.status.textContent =
        this.total === 0 ? t("confirmations_none") : t("confirmations_count", [String(this.shown), String(this.total)]);
    } catch (error) {
      this.cursor = null;
      if (this.shown === 0) byId(this.doc, "confirmations-table").hidden = true;
      setTextWithCode(this.status, `${t("confirmations_unavailable")} ${problemText(error, ABOVE)}`);
    }
    this.more.hidden = this.cursor === null;
  }

  row(item) {
    const doc = this.doc;
    const button = el(doc, "button", {
      type: "button",
      text: t("confirmations_view"),
      "aria-label": t("confirmations_view_label", [serviceLabel(item.service), formatDate(item.captured_at)]),
    });
    button.addEventListener("click", () => void this.open(item.id));
    return el(doc, "tr", { dataset: { id: String(item.id) } }, [
      el(doc, "td", { text: formatDate(item.captured_at) }),
      el(doc, "td", { text: serviceLabel(item.service) }),
      el(doc, "td", { text: provenanceText(item) }),
      el(doc, "td", { class: "account", text: item.account ?? "" }),
      el(doc, "td", {}, [button]),
    ]);
  }

  async open(id) {
    const doc = this.doc;
    this.closeDetail();
    let record;
    try {
      record = await callHost("confirmation.get", { id });
    } catch (error) {
      setTextWithCode(this.status, `${t("confirmations_unavailable")} ${problemText(error, ABOVE)}`);
      return;
    }
    this.current = record;
    const fields = byId(doc, "detail-fields");
    clear(fields);
    const rows = [
      ["detail_service", serviceLabel(record.service)],
      ["detail_kind", provenanceText(record)],
      ["detail_verdict", verdictText(record)],
      ["detail_captured", formatDate(record.captured_at)],
      ["detail_saved", formatDate(record.saved_at)],
      ["detail_account", record.account],
      ["detail_language", record.language],
      ["detail_url", record.url],
      ["detail_sha256", record.sha256],
    ];
    for (const [key, value] of rows) {
      if (!value) continue;
      fields.append(el(doc, "dt", { text: t(key) }), el(doc, "dd", { text: value, dataset: { field: key } }));
    }
    for (const [name, value] of Object.entries(record.form ?? {})) {
      fields.append(
        el(doc, "dt", { text: sentFieldLabel(name) }),
        el(doc, "dd", { text: String(value), dataset: { sent: name } }),
      );
    }
    byId(doc, "detail-text").textContent = record.text ?? "";
    this.detail.hidden = false;
    this.detail.focus();
    await this.showScreenshot(record);
  }

  async showScreenshot(record) {
    const status = byId(this.doc, "detail-screenshot-status");
    const image = /** @type {HTMLImageElement} */ (byId(this.doc, "detail-screenshot"));
    if (!record.has_screenshot) {
      status.textContent = t("detail_no_screenshot");
      return;
    }
    status.textContent = t("loading");
    try {
      const { mime, bytes } = await fetchScreenshot(callHost, record.id);
      if (this.current?.id !== record.id) return; // another one was opened meanwhile
      this.imageUrl = URL.createObjectURL(new Blob([bytes], { type: mime }));
      image.src = this.imageUrl;
      image.alt = t("detail_screenshot_alt", [serviceLabel(record.service), formatDate(record.captured_at)]);
      image.hidden = false;
      status.textContent = t("detail_screenshot_size", [formatBytes(bytes.length)]);
    } catch (error) {
      setTextWithCode(status, `${t("detail_screenshot_failed")} ${problemText(error, ABOVE)}`);
    }
  }

  closeDetail() {
    this.detail.hidden = true;
    this.current = null;
    byId(this.doc, "detail-status").textContent = "";
    const image = /** @type {HTMLImageElement} */ (byId(this.doc, "detail-screenshot"));
    image.hidden = true;
    image.removeAttribute("src");
    if (this.imageUrl) URL.revokeObjectURL(this.imageUrl);
    this.imageUrl = null;
  }

  // The evidence pack of the confirmation shown, in the interface's language.
  async downloadPack() {
    const record = this.current;
    if (!record) return;
    const status = byId(this.doc, "detail-status");
    status.textContent = t("export_working");
    try {
      offerDownload(
        this.doc,
        await fetchPrepared(callHost, "evidence.pack", { id: record.id, language: uiLanguage() }),
      );
      status.textContent = "";
    } catch (error) {
      setTextWithCode(status, `${t("detail_pack_failed")} ${problemText(error, ABOVE)}`);
    }
  }

  askDelete() {
    const record = this.current;
    if (!record) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.dialog.addEventListener(
        "close",
        async () => {
          if (this.dialog.returnValue !== "delete") return resolve(false);
          try {
            await callHost("confirmation.delete", { id: record.id });
            this.closeDetail();
            await this.reload();
            this.status.textContent = t("confirmation_deleted");
            resolve(true);
          } catch (error) {
            setTextWithCode(this.status, `${t("confirmation_not_deleted")} ${problemText(error, ABOVE)}`);
            resolve(false);
          }
        },
        { once: true },
      );
      this.dialog.returnValue = "";
      this.dialog.showModal();
    });
  }
}

// What the form carried, by a label in the user's language: the fields NoTrain knows by name, any other as "other
// field" (a field's name is the rules' word, never shown as it is).
const SENT_FIELD_KEYS = {
  email: "detail_form_email",
  name: "detail_form_name",
  country: "detail_form_country",
  reason: "detail_form_reason",
};
const sentFieldLabel = (name) => t(Object.hasOwn(SENT_FIELD_KEYS, name) ? SENT_FIELD_KEYS[name] : "detail_form_other");
