// Files the full page downloads — the export (JSON or CSV) and the evidence pack (ZIP). The host writes them (the
// very bytes `notrain-host export` and `notrain-host pack` write, so there is one format), keeps each while it is
// read, and hands it over in base64 pieces under the 1 MiB a host message may hold; the page checks the whole
// against the SHA-256 the host gave before offering it to the user.
import { base64ToBytes } from "./screenshot.js";

const MAX_PIECES = 100_000;
const TYPES = { json: "application/json", csv: "text/csv;charset=utf-8", zip: "application/zip" };

/** @param {Uint8Array[]} parts */
async function sha256Hex(parts) {
  const whole = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", whole));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Asks the host to prepare a file (`confirmation.export` or `evidence.pack`), then reads it piece by piece.
 * @param {(method: string, params?: object) => Promise<any>} callHost
 * @returns {Promise<{name: string, count: number, blob: Blob}>}
 */
export async function fetchPrepared(callHost, method, params = {}) {
  const prepared = await callHost(method, params);
  const parts = [];
  let offset = 0;
  for (let piece = 0; piece < MAX_PIECES && offset < prepared.size; piece++) {
    const bytes = base64ToBytes((await callHost("download.chunk", { offset })).data ?? "");
    if (bytes.length === 0) throw new Error("The host sent an empty piece of the file");
    parts.push(bytes);
    offset += bytes.length;
  }
  if (offset !== prepared.size || (await sha256Hex(parts)) !== prepared.sha256) {
    throw new Error("The file arrived incomplete or changed; please try again");
  }
  const type = TYPES[prepared.name.split(".").pop()] ?? "application/octet-stream";
  return { name: prepared.name, count: prepared.count, blob: new Blob(parts, { type }) };
}

/** Offers `blob` to the user as a download named `name` (no permission needed from an extension page). */
export function offerDownload(doc, { name, blob }) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
