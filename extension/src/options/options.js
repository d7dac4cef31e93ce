// The full page: the objections (accounts, follow-up, complaints), profile, stored confirmations, export, e-mail
// import, pending queue.
import { applyI18n, t, tn } from "../shared/i18n.js";
import { ask, callHost } from "../shared/messaging.js";
import { renderHostStatus, setTextWithCode, problemText } from "../shared/host-status.js";
import { ProfileForm } from "./profile-form.js";
import { ConfirmationsView } from "./confirmations-view.js";
import { EmailImport } from "./email-import.js";
import { PendingView } from "./pending-view.js";
import { ReceiptView } from "./receipt-view.js";
import { ObjectionsView } from "./objections-view.js";
import { bindAutofillSwitch } from "../shared/autofill-setting.js";
import { collectRecords, toJson, toCsv, downloadText, exportFileName } from "./export.js";

async function exportAs(format) {
  const status = document.getElementById("export-status");
  const withScreenshots = document.getElementById("export-screenshots").checked;
  status.textContent = t("export_working");
  try {
    const records = await collectRecords(callHost, { withScreenshots: format === "json" && withScreenshots });
    if (format === "json") downloadText(document, exportFileName("json"), toJson(records), "application/json");
    else downloadText(document, exportFileName("csv"), toCsv(records), "text/csv;charset=utf-8");
    status.textContent = tn("export_done", records.length);
  } catch (error) {
    setTextWithCode(status, `${t("export_failed")} ${problemText(error, { fixShownAbove: true })}`);
  }
}

async function start() {
  applyI18n(document);
  const receipt = new ReceiptView(document);
  const objections = new ObjectionsView(document);
  const confirmations = new ConfirmationsView(document, { onChanged: () => Promise.all([receipt.reload(), objections.reload()]) });
  const pending = new PendingView(document, { onDelivered: () => confirmations.reload() });
  new EmailImport(document, { onSaved: () => confirmations.reload() }).start();
  document.getElementById("export-json").addEventListener("click", () => void exportAs("json"));
  document.getElementById("export-csv").addEventListener("click", () => void exportAs("csv"));
  await bindAutofillSwitch(document.getElementById("autofill-switch"));
  renderHostStatus(document.getElementById("host-status"), await ask("host-status").catch(() => null));
  await Promise.all([new ProfileForm(document).start(), confirmations.start(), pending.start(), receipt.reload(), objections.start()]);
  document.body.dataset.ready = "true"; // for end-to-end tests
}

start();
