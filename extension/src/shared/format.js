// Dates and sizes written the way the interface language writes them.
import { uiLanguage } from "./i18n.js";

export function formatDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? "");
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatBytes(bytes) {
  const units = ["byte", "kilobyte", "megabyte"];
  let value = Number(bytes) || 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(uiLanguage(), { style: "unit", unit: units[unit], maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A day, without the time: "27 May 2025". */
export function formatDay(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? "");
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: "medium" }).format(date);
}
