// How often the user wants NoTrain to look at a platform's AI setting again, whether a reading is due, and how the
// popup and the full page say when it was last seen.
import { t } from "./i18n.js";
import { formatDay } from "./format.js";
export const RECHECK_DAYS = Object.freeze([30, 90, 180, 365]);
export const DEFAULT_RECHECK_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a reading (`{ at }`, or none) is older than `days` at `now`. */
export function dueForRecheck(seen, days, now) {
  return !seen || now.getTime() - Date.parse(seen.at) > days * DAY_MS;
}

/** "Last seen 1 Jun 2026: your data does not train AI", or "Not seen yet…". */
export function seenText(seen) {
  return seen
    ? t(seen.trainsAi ? "platform_seen_trains" : "platform_seen_not", [formatDay(seen.at)])
    : t("platform_seen_never");
}
