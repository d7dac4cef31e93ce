// A coverage line (shared/coverage.js) in words, for the popup and the full page.
import { t, tn, uiLanguage } from "./i18n.js";
import { formatDay } from "./format.js";
import { serviceLabel } from "./services.js";

/** "Facebook (with Messenger, Meta AI)". */
export function serviceText(line) {
  if (!line.also.length) return line.label;
  return t("coverage_service_with", [
    line.label,
    new Intl.ListFormat(uiLanguage(), { type: "conjunction" }).format(line.also),
  ]);
}

/** The user's name for the account, else the account, else "account not recorded". */
export function accountText(line) {
  return line.name || line.account || t("coverage_account_unknown");
}

/** "Objected and confirmed (27 May 2025)" (or "…; Meta announced a change on …: check again") / "Sent, waiting for Meta's answer (since …)" / "Not yet". */
export function stateText(line) {
  const day = formatDay(line.since);
  if (line.state === "confirmed" && line.recheck) return t("coverage_recheck", [day, formatDay(line.recheck.date)]);
  if (line.state === "confirmed") return t("coverage_confirmed", [day]);
  if (line.state === "waiting")
    return line.overdue ? tn("coverage_overdue", line.days, [day]) : t("coverage_waiting", [day]);
  if (line.viaCentre)
    return t("coverage_via_centre", [
      serviceLabel(line.viaCentre.service),
      line.viaCentre.account,
      formatDay(line.viaCentre.since),
    ]);
  return t("coverage_none");
}

/** A platform's objection (formCoverage) beside its setting: "Objection sent, answer kept 4 Dec 2026" / "… sent …" / "not sent yet". */
export function objectionText(line) {
  if (line.state === "confirmed") return t("platform_objection_kept", [formatDay(line.since)]);
  if (line.state === "waiting") return t("platform_objection_waiting", [formatDay(line.since)]);
  return t("platform_objection_none");
}

/** The colour class of a state: done, waiting, overdue, nothing yet. */
export function stateClass(line) {
  if (line.state === "confirmed") return line.recheck ? "warn" : "ok";
  if (line.state === "waiting") return line.overdue ? "bad" : "warn";
  return line.viaCentre ? "ok" : "muted";
}
