// Reads a saved e-mail (.eml) with postal-mime (RFC 5322 and MIME: folded and encoded headers, nested multiparts,
// quoted-printable and base64, charsets through TextDecoder) into what the import shows and stores. An HTML-only
// mail is turned into plain text; nothing from the mail is ever rendered as markup.
import PostalMime, { decodeWords } from "postal-mime";
import { htmlToText } from "./html-text.js";

/**
 * @typedef {object} ParsedMail
 * @property {string} subject
 * @property {string} from  the From header as written (encoded words decoded), as evidence of who sent it
 * @property {string} to
 * @property {string | null} date  ISO 8601, or null when the Date header is missing or unreadable
 * @property {string} messageId
 * @property {string} text  the plain part, else the HTML part as text; LF line ends, trimmed
 * @property {string | null} html
 * @property {{filename: string | null, type: string, size: number}[]} attachments
 */

// What the file must carry to be taken for an e-mail.
const IDENTIFYING_HEADERS = new Set(["from", "subject", "date"]);

/**
 * @param {Uint8Array | ArrayBuffer} bytes  the .eml file
 * @returns {Promise<ParsedMail>}
 */
export async function parseEml(bytes) {
  const email = await PostalMime.parse(bytes);
  if (!email.headers.some((header) => IDENTIFYING_HEADERS.has(header.key))) {
    throw new Error("This file does not look like an e-mail (no From, Subject or Date header)");
  }
  /** @param {string} name */
  const first = (name) => decodeWords(email.headers.find((header) => header.key === name)?.value ?? "");
  const date = new Date(email.date ?? "");
  const html = email.html ?? null;
  const text = email.text ?? (html !== null ? htmlToText(html) : "");
  return {
    subject: email.subject ?? "",
    from: first("from"),
    to: first("to"),
    date: Number.isNaN(date.getTime()) ? null : date.toISOString(),
    messageId: email.messageId ?? "",
    text: text.replace(/\r\n/g, "\n").trim(),
    html,
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      type: attachment.mimeType,
      size:
        attachment.content instanceof ArrayBuffer || ArrayBuffer.isView(attachment.content)
          ? attachment.content.byteLength
          : 0,
    })),
  };
}
