// The full page: the objections (accounts, follow-up, complaints), profile, stored confirmations, export and
// evidence packs, e-mail import, pending queue.
import { applyI18n, t, tn, uiLanguage } from "../shared/i18n.js";
import { ask, callHost } from "../shared/messaging.js";
import { renderHostStatus, setTextWithCode, problemText } from "../shared/host-status.js";
import { ProfileForm } from "./profile-form.js";
import { ConfirmationsView } from "./confirmations-view.js";
import { EmailImport } from "./email-import.js";
import { PendingView } from "./pending-view.js";
import { ReceiptView } from "./receipt-view.js";
import { ObjectionsView } from "./objections-view.js";
import { PlatformsView } from "./platforms-view.js";
import { bindAutofillSwitch } from "../shared/autofill-setting.js";
import { fetchPrepared, offerDownload } from "./downloads.js";
import { byId } from "../shared/dom.js";

// The export (JSON, CSV) or the evidence pack of every confirmation, as the host writes them.
async function download(method, params, status = byId(document, "export-status")) {
  status.textContent = t("export_working");
  try {
    const file = await fetchPrepared(callHost, method, params);
    offerDownload(document, file);
    status.textContent = tn("export_done", file.count);
  } catch (error) {
    setTextWithCode(status, `${t("export_failed")} ${problemText(error, { fixShownAbove: true })}`);
  }
}

async function start() {
  applyI18n(document);
  const receipt = new ReceiptView(document);
  const objections = new ObjectionsView(document, {
    onPack: (status) => download("evidence.pack", { language: uiLanguage() }, status),
  });
  const confirmations = new ConfirmationsView(document, {
    onChanged: () => Promise.all([receipt.reload(), objections.reload()]),
  });
  const pending = new PendingView(document, { onDelivered: () => confirmations.reload() });
  new EmailImport(document, { onSaved: () => confirmations.reload() }).start();
  byId(document, "export-json").addEventListener(
    "click",
    () => void download("confirmation.export", { format: "json" }),
  );
  byId(document, "export-csv").addEventListener("click", () => void download("confirmation.export", { format: "csv" }));
  byId(document, "export-pack").addEventListener(
    "click",
    () => void download("evidence.pack", { language: uiLanguage() }),
  );
  await bindAutofillSwitch(/** @type {HTMLInputElement} */ (byId(document, "autofill-switch")));
  renderHostStatus(byId(document, "host-status"), await ask("host-status").catch(() => null));
  await Promise.all([
    new ProfileForm(document).start(),
    confirmations.start(),
    pending.start(),
    receipt.reload(),
    objections.start(),
    new PlatformsView(document).start(),
  ]);
  document.body.dataset.ready = "true"; // for end-to-end tests
}

start();
