// Reassembles a stored screenshot from confirmation.screenshot chunks (each under the host's
// 1 MiB reply limit), following offset until total.
const MAX_CHUNKS = 1000;

export function base64ToBytes(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export async function fetchScreenshot(callHost, id) {
  const parts = [];
  let offset = 0;
  let total = null;
  let mime = null;
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const answer = await callHost("confirmation.screenshot", { id, offset });
    mime ??= answer.mime;
    total ??= answer.total;
    const bytes = base64ToBytes(answer.data ?? "");
    if (bytes.length === 0 && offset < total) throw new Error("The host sent an empty screenshot chunk");
    parts.push(bytes);
    offset += bytes.length;
    if (offset >= total) break;
  }
  if (offset !== total) throw new Error("The screenshot is incomplete");
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { mime, bytes };
}
