// How a stored confirmation was seen, and what Meta's wording said, in the interface language.
import { t } from "./i18n.js";
import { uiLanguage } from "./i18n.js";

const SEEN = { inbox: "seen_inbox", email: "seen_email", manual: "seen_manual" };
const STATES = new Set(["on", "off"]);

/** "After you sent the form at 10:42" / "Meta's reply in the Support Inbox" / "Imported e-mail" / "Saved by you". */
export function provenanceText(record) {
  if (record.kind === "page") {
    const sent = new Date(record.sent_at);
    if (!record.sent_at || Number.isNaN(sent.getTime())) return t("kind_label_page");
    const time = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(sent);
    return t("seen_after_send", [time]);
  }
  if (record.kind === "setting") return settingText(record.form);
  return t(SEEN[record.kind] ?? "kind_label_page");
}

// A platform's setting: its label as shown and the states before and after NoTrain operated it (host: evidence.hpp).
function settingText(form) {
  const state = (value) => (STATES.has(value) ? value : "?");
  const label = typeof form?.label === "string" ? form.label : "?";
  return t(form?.held === true ? "seen_setting_held" : "seen_setting_not_held", [
    label,
    state(form?.before),
    state(form?.after),
  ]);
}

/** What Meta's wording said: honoured, received, or a wording NoTrain did not know (empty for older records). */
export function verdictText(record) {
  return record.verdict ? t(`verdict_${record.verdict}`) : "";
}
