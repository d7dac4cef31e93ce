// How often the user wants NoTrain to look at a platform's AI setting again, and whether a reading is due.
export const RECHECK_DAYS = Object.freeze([30, 90, 180, 365]);
export const DEFAULT_RECHECK_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a reading (`{ at }`, or none) is older than `days` at `now`. */
export function dueForRecheck(seen, days, now) {
  return !seen || now.getTime() - Date.parse(seen.at) > days * DAY_MS;
}
