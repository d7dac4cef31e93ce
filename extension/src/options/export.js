// Export of every stored confirmation as JSON or CSV, made in the page from the host's data.
import { fetchScreenshot, bytesToBase64 } from "./screenshot.js";

export const CSV_COLUMNS = ["id", "service", "kind", "verdict", "sent_at", "account", "captured_at", "saved_at", "url", "language", "sha256",
  "has_screenshot", "form", "text"];

// Every item of confirmation.list, following next_cursor until it is null.
export async function listAll(callHost, { pageSize = 200 } = {}) {
  const items = [];
  let cursor;
  for (let guard = 0; guard < 100_000; guard++) {
    const page = await callHost("confirmation.list", cursor ? { limit: pageSize, cursor } : { limit: pageSize });
    items.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return items;
}

export async function collectRecords(callHost, { withScreenshots = false } = {}) {
  const records = [];
  for (const item of await listAll(callHost)) {
    const record = await callHost("confirmation.get", { id: item.id });
    if (withScreenshots && record.has_screenshot) {
      const { mime, bytes } = await fetchScreenshot(callHost, item.id);
      record.screenshot = `data:${mime};base64,${bytesToBase64(bytes)}`;
    }
    records.push(record);
  }
  return records;
}

export function toJson(records, exportedAt = new Date()) {
  return `${JSON.stringify({ format: "notrain-confirmations", version: 1, exported_at: exportedAt.toISOString(),
    confirmations: records }, null, 2)}\n`;
}

// RFC 4180 cells. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
// leading apostrophe: the text comes from web pages and e-mails.
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const record of records) lines.push(CSV_COLUMNS.map((column) => csvCell(record[column])).join(","));
  // A byte-order mark so that spreadsheet programs read UTF-8 (accents in French, Dutch, German).
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

export function downloadText(doc, fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function exportFileName(extension, now = new Date()) {
  return `notrain-confirmations-${now.toISOString().slice(0, 10)}.${extension}`;
}
