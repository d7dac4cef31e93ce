// Reads a saved e-mail (.eml, RFC 5322 + MIME) into headers and text, without any DOM: headers
// (folded lines, RFC 2047 encoded words), multipart bodies (nested), quoted-printable and base64,
// and charsets through TextDecoder. HTML-only mails are turned into plain text; nothing from the
// mail is ever rendered as markup.

// One char per byte (0-255), so that MIME parsing can work on text and get the exact bytes back.
function binaryString(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

// Windows-1252, which the Encoding Standard also uses for "iso-8859-1", "latin1" and "us-ascii".
// Decoded here because some runtimes (Node 20) decode 0x80-0x9F of these labels as C1 controls.
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const CP1252_LABELS = new Set(["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1",
  "iso_8859-1", "ascii", "us-ascii", "cp819", "ibm819", "iso-ir-100", "csisolatin1"]);

function decodeWindows1252(bytes) {
  let out = "";
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

export function decodeCharset(bytes, charset) {
  const label = String(charset || "utf-8").trim().toLowerCase().replace(/^"|"$/g, "");
  if (CP1252_LABELS.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown label: UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what mail programs do).
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return decodeWindows1252(bytes);
    }
  }
}

export function decodeQuotedPrintable(text, { header = false } = {}) {
  const source = header ? text.replace(/_/g, " ") : text.replace(/=\r?\n/g, "");
  const bytes = [];
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(source.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

export function decodeBase64(text) {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, "");
  const padded = clean + "=".repeat((4 - (clean.length % 4)) % 4);
  return Uint8Array.from(atob(padded.length % 4 === 1 ? padded.slice(0, -1) : padded), (c) => c.charCodeAt(0));
}

// "=?UTF-8?Q?R=C3=A9ponse?= =?UTF-8?B?...?=" → text; whitespace between encoded words is dropped.
export function decodeEncodedWords(value) {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, "$1")
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g, (whole, charset, encoding, data) => {
      try {
        const bytes = encoding.toUpperCase() === "B" ? decodeBase64(data) : decodeQuotedPrintable(data, { header: true });
        return decodeCharset(bytes, charset);
      } catch {
        return whole;
      }
    });
}

// Splits raw header text into [name, value] pairs, unfolding continuation lines.
export function parseHeaders(text) {
  const headers = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length) headers[headers.length - 1][1] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(":");
      if (colon > 0) headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return headers.map(([name, value]) => [name, decodeEncodedWords(value)]);
}

// "text/plain; charset=\"utf-8\"; format=flowed" → {value: "text/plain", params: {charset, format}}
export function parseHeaderValue(value = "") {
  const [first, ...rest] = splitOutsideQuotes(value, ";");
  const params = {};
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    params[name] = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return { value: first.trim().toLowerCase(), params };
}

// Splits on a separator that is not inside double quotes, in one pass.
function splitOutsideQuotes(text, separator) {
  const parts = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// Finds the blank line between headers and body in the binary string.
function splitHeadersAndBody(raw) {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return [raw, ""];
  return [raw.slice(0, match.index), raw.slice(match.index + match[0].length)];
}

function bodyBytes(body, transferEncoding) {
  const encoding = (transferEncoding || "7bit").toLowerCase();
  if (encoding === "base64") return decodeBase64(body);
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
}

function headerMap(pairs) {
  const map = new Map();
  for (const [name, value] of pairs) {
    if (!map.has(name)) map.set(name, []);
    map.get(name).push(value);
  }
  return map;
}

// Parses one MIME entity (binary string) into a tree of parts.
function parseEntity(raw, depth = 0) {
  const [head, body] = splitHeadersAndBody(raw);
  const headers = headerMap(parseHeaders(head));
  const type = parseHeaderValue(headers.get("content-type")?.[0] ?? "text/plain; charset=us-ascii");
  const disposition = parseHeaderValue(headers.get("content-disposition")?.[0] ?? "");
  const part = { headers, type: type.value, params: type.params, disposition: disposition.value,
    filename: disposition.params.filename ?? type.params.name ?? null, children: [], text: null, size: 0 };
  if (type.value.startsWith("multipart/") && type.params.boundary && depth < 10) {
    const delimiter = `--${type.params.boundary}`;
    const sections = body.split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}(?:--)?[ \\t]*\\r?\\n?`));
    // sections[0] is the preamble and the last one the epilogue.
    for (const section of sections.slice(1, -1)) if (section.trim()) part.children.push(parseEntity(section, depth + 1));
    return part;
  }
  if (type.value === "message/rfc822" && depth < 10) {
    part.children.push(parseEntity(body, depth + 1));
    return part;
  }
  const bytes = bodyBytes(body, headers.get("content-transfer-encoding")?.[0]);
  part.size = bytes.length;
  if (type.value.startsWith("text/") && part.disposition !== "attachment") {
    part.text = decodeCharset(bytes, type.params.charset);
  }
  return part;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function walk(part, visit) {
  visit(part);
  for (const child of part.children) walk(child, visit);
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
// Elements whose content is not text; line breaks for the ones that end a block.
const HIDDEN_ELEMENTS = new Set(["script", "style", "head", "title", "template"]);
const BLOCK_ELEMENTS = new Set(["p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"]);
const isLetter = (c) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// A readable plain text from HTML, for HTML-only mails. One pass over the text (hostile mails
// must not be able to make it slow: no regular expression rescans from each "<"). The result is
// only ever used as text.
export function htmlToText(html) {
  const lower = html.toLowerCase();
  let out = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? "";
    if (next === "!") { // comment or doctype
      const end = html.startsWith("<!--", lt) ? html.indexOf("-->", lt + 4) : html.indexOf(">", lt + 2);
      i = end < 0 ? html.length : end + (html.startsWith("<!--", lt) ? 3 : 1);
      continue;
    }
    if (!isLetter(next) && !(next === "/" && isLetter(html[lt + 2] ?? ""))) { // "a < b" is text
      out += "<";
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt < 0) break; // an unclosed tag runs to the end: nothing after it is text
    const closing = next === "/";
    let nameEnd = lt + (closing ? 2 : 1);
    while (nameEnd < gt && /[A-Za-z0-9]/.test(html[nameEnd])) nameEnd += 1;
    const name = lower.slice(lt + (closing ? 2 : 1), nameEnd);
    i = gt + 1;
    if (!closing && HIDDEN_ELEMENTS.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const close = end < 0 ? -1 : html.indexOf(">", end);
      i = close < 0 ? html.length : close + 1; // unclosed: the rest is the element's content
    } else if (name === "br") {
      out += "\n";
    } else if (closing && BLOCK_ELEMENTS.has(name)) {
      out += "\n";
    }
  }
  const lines = decodeEntities(out).split("\n").map(trimEndSpaces);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

// Drops trailing spaces, tabs and no-break spaces (a loop: a regex would rescan long runs).
function trimEndSpaces(line) {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t" || line[end - 1] === "\u00a0")) end -= 1;
  return line.slice(0, end);
}

// bytes: Uint8Array | ArrayBuffer of the .eml file.
// → {subject, from, to, date (ISO or null), messageId, text, html, attachments: [{filename, type, size}]}
export function parseEml(bytes) {
  const raw = binaryString(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const root = parseEntity(raw.replace(/^\uFEFF/, ""));
  if (!root.headers.has("from") && !root.headers.has("subject") && !root.headers.has("date")) {
    throw new Error("This file does not look like an e-mail (no From, Subject or Date header)");
  }
  let plain = null;
  let html = null;
  const attachments = [];
  walk(root, (part) => {
    if (part.children.length) return;
    if (part.text !== null && part.type === "text/plain" && plain === null) plain = part.text;
    else if (part.text !== null && part.type === "text/html" && html === null) html = part.text;
    else if (part.text === null) attachments.push({ filename: part.filename, type: part.type, size: part.size });
  });
  const first = (name) => root.headers.get(name)?.[0] ?? "";
  const date = new Date(first("date"));
  const text = (plain ?? (html !== null ? htmlToText(html) : "")).replace(/\r\n/g, "\n").trim();
  return {
    subject: first("subject"),
    from: first("from"),
    to: first("to"),
    date: Number.isNaN(date.getTime()) ? null : date.toISOString(),
    messageId: first("message-id"),
    text,
    html,
    attachments,
  };
}

// The e-mail's sender domain → the service it came from, for the import form's default.
export function guessService(from) {
  const domain = /@([^>\s]+)/.exec(from)?.[1]?.toLowerCase() ?? "";
  if (/(^|\.)instagram\.com$|(^|\.)mail\.instagram\.com$/.test(domain)) return "instagram";
  if (/(^|\.)whatsapp\.(com|net)$/.test(domain)) return "whatsapp";
  if (/(^|\.)threads\.(net|com)$/.test(domain)) return "threads";
  if (/(^|\.)messenger\.com$/.test(domain)) return "messenger";
  if (/(^|\.)meta\.ai$/.test(domain)) return "meta_ai";
  if (/(^|\.)slack\.com$/.test(domain)) return "slack";
  if (/(^|\.)linkedin\.com$/.test(domain)) return "linkedin";
  return "facebook";
}
