// Import of a saved confirmation e-mail (.eml): parse, show what was found, store as kind "email".
import { t } from "../shared/i18n.js";
import { el, clear, byId } from "../shared/dom.js";
import { ask, callHost } from "../shared/messaging.js";
import { accountOf } from "../shared/account.js";
import { serviceLinks } from "../shared/services.js";
import { formPlatforms } from "../shared/platforms.js";
import { emailRules } from "../../rules/emails/index.js";
import { formatDate } from "../shared/format.js";
import { parseEml } from "./eml-parser.js";
import { createEngine } from "../engine/index.js";
import { normalize } from "../engine/text.js";
import { knowledge } from "../../rules/index.js";
import { verdictText } from "../shared/provenance.js";
import hosts from "../../rules/hosts.json" with { type: "json" };
import { setTextWithCode, problemText } from "../shared/host-status.js";
import facts from "../shared/facts.json" with { type: "json" };
import { errorMessage } from "../shared/error-message.js";

const MAX_FILE_BYTES = 25 * 1024 * 1024;
// The host's limit, from the facts both share.
const MAX_TEXT = facts.max_text_characters;

// What the stored text says first about an e-mail the user pasted: no file, no headers to vouch for it.
export const PASTED_NOTE = "Pasted by the user from their mail program (not the e-mail file; no headers)";

// confirmation.save params for an e-mail: the headers that identify it go in the text, so the
// stored evidence says who sent it, when, and about what (or, for a pasted text, that it was pasted).
// The account is the one the user confirmed in the preview (offered: the address Meta wrote to), or none; the
// verdict and language are what the text says (readAnswer), as the preview showed them.
/**
 * @returns {{ service: string, kind: string, url: string, text: string, captured_at: string, verdict: string,
 *   language?: string, account?: string }}
 */
export function emailToSaveParams(mail, service, now = new Date(), account = "", answer = readAnswer(mail.text)) {
  const header = [
    mail.pasted && PASTED_NOTE,
    mail.from && `From: ${mail.from}`,
    mail.to && `To: ${mail.to}`,
    mail.date && `Date: ${mail.date}`,
    mail.subject && `Subject: ${mail.subject}`,
    mail.messageId && `Message-ID: ${mail.messageId}`,
  ]
    .filter(Boolean)
    .join("\n");
  const text = `${header}\n\n${mail.text}`.slice(0, MAX_TEXT);
  const params = {
    service,
    kind: "email",
    url: "",
    text,
    captured_at: mail.date ?? now.toISOString(),
    verdict: answer.verdict,
    ...(answer.language && { language: answer.language }),
  };
  const tied = accountOf(account);
  return tied ? { ...params, account: tied } : params;
}

let engine = null; // made on first use: the full page reads e-mails rarely
/**
 * What an e-mail's text says, read with the wording the pages' answers are read with (rules/lang): honoured or
 * received, with the language of the wording; "unknown" for a wording no rule knows (the user checks it).
 * @param {string} text
 * @returns {{ verdict: "honoured" | "received" | "unknown", language?: string }}
 */
export function readAnswer(text) {
  engine ??= createEngine(knowledge);
  const known = engine.classify(normalize(text));
  if (known?.outcome === "honoured" || known?.outcome === "received")
    return { verdict: known.outcome, language: known.language };
  return { verdict: "unknown" };
}

/** The address in a To header ("Alex <alex@example.org>", "alex@example.org, b@example.org"): the first one, or "". */
export function recipientAddress(to) {
  const first = String(to ?? "").split(",")[0];
  const address = (/<([^<>\s]+)>/.exec(first)?.[1] ?? first).trim();
  return accountOf(address) && address.includes("@") ? address : "";
}

/**
 * The services an e-mail may be imported for, in the order the form lists them, each with the domains that send
 * its mail: Meta's services (rules/hosts.json), the platforms with an objection form (their hosts) and those whose
 * opt-out is an e-mail (the domain of the address it goes to).
 * @returns {{ id: string, label: string, domains: string[] }[]}
 */
export function importServices() {
  const bare = (host) => host.replace(/^www\./, "");
  const metaDomains = (id) =>
    Object.entries(hosts.serviceOfDomain)
      .filter(([, service]) => service === id)
      .map(([domain]) => domain);
  return [
    ...serviceLinks().map(({ id, label }) => ({ id, label, domains: metaDomains(id) })),
    ...formPlatforms().map((p) => ({ id: p.name, label: p.label, domains: [...new Set(p.hosts.map(bare))] })),
    ...emailRules.map((rule) => ({ id: rule.name, label: rule.label, domains: [rule.to.split("@")[1]] })),
  ];
}

/**
 * The service an e-mail came from, by its sender's domain (a subdomain counts: mail.instagram.com is Instagram's),
 * for the import form's default; Meta's first service when no domain is known (Meta also writes from domains of
 * its own, such as facebookmail.com). The address is the one in angle brackets when there is one: a display name
 * may hold another address ("x@instagram.com" <y@elsewhere>).
 * @param {string} from
 */
export function guessService(from, services = importServices()) {
  const address = /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from;
  const domain = /@([^>\s]+)/.exec(address)?.[1]?.toLowerCase() ?? "";
  const sent = (d) => domain === d || domain.endsWith(`.${d}`);
  return (services.find((service) => service.domains.some(sent)) ?? services[0]).id;
}

/**
 * The service a pasted e-mail's text names first (its sender is not known: the text is all there is), by the
 * services' names as whole words; Meta's first service when it names none.
 * @param {string} text
 */
export function serviceNamedIn(text, services = importServices()) {
  const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = (label) => text.search(new RegExp(`(?<![\\p{L}\\p{N}])${escape(label)}(?![\\p{L}\\p{N}])`, "iu"));
  const named = services.map((service) => ({ id: service.id, index: at(service.label) })).filter((s) => s.index >= 0);
  named.sort((a, b) => a.index - b.index);
  return (named[0] ?? services[0]).id;
}

export class EmailImport {
  /**
   * @param {Document} doc
   * @param {{ onSaved?: (result: { id: number, duplicate?: boolean }) => Promise<void> }} [options]
   */
  constructor(doc, { onSaved = async () => {} } = {}) {
    this.doc = doc;
    this.onSaved = onSaved;
    this.file = /** @type {HTMLInputElement} */ (byId(doc, "import-file"));
    this.paste = /** @type {HTMLTextAreaElement} */ (byId(doc, "import-paste"));
    this.preview = byId(doc, "import-preview");
    this.status = byId(doc, "import-status");
    this.service = /** @type {HTMLSelectElement} */ (byId(doc, "import-service"));
    this.account = /** @type {HTMLInputElement} */ (byId(doc, "import-account"));
    /** @type {(Partial<import("./eml-parser.js").ParsedMail> & { text: string, pasted?: boolean }) | null} */
    this.mail = null;
    /** @type {{ verdict: "honoured" | "received" | "unknown", language?: string }} what the previewed e-mail says */
    this.answer = { verdict: "unknown" };
  }

  start() {
    // Meta's services, then the platforms with an objection form (LinkedIn answers by e-mail too) and those whose
    // opt-out is an e-mail (Slack's answer is kept the same way).
    for (const service of importServices()) {
      this.service.append(el(this.doc, "option", { value: service.id, text: service.label }));
    }
    this.file.addEventListener("change", () => void this.read(this.file.files?.[0]));
    this.paste.maxLength = MAX_TEXT;
    byId(this.doc, "import-read-paste").addEventListener("click", () => this.readPasted(this.paste.value));
    byId(this.doc, "import-save").addEventListener("click", () => void this.save());
  }

  async read(file) {
    this.preview.hidden = true;
    this.mail = null;
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      this.status.textContent = t("import_too_large");
      return;
    }
    try {
      this.mail = await parseEml(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      this.status.textContent = `${t("import_not_email")} (${errorMessage(error) ?? String(error)})`;
      return;
    }
    if (!this.mail.text) {
      this.status.textContent = t("import_no_text");
      this.mail = null;
      return;
    }
    this.show(this.mail);
    this.status.textContent = t("import_check");
  }

  /**
   * The e-mail's text as the user copied it from a mail program that cannot save the e-mail as a file (most
   * webmail): shown for review like a file's, the service offered by the name the text gives first.
   * @param {string} text
   */
  readPasted(text) {
    this.preview.hidden = true;
    this.mail = null;
    const body = String(text ?? "").trim();
    if (!body) {
      this.status.textContent = t("import_paste_empty");
      return;
    }
    this.mail = { pasted: true, from: "", to: "", subject: "", date: null, messageId: "", text: body };
    this.show(this.mail);
    this.status.textContent = t("import_check");
  }

  show(mail) {
    const doc = this.doc;
    const fields = byId(doc, "import-fields");
    clear(fields);
    this.answer = readAnswer(mail.text);
    for (const [key, value] of [
      ["import_from", mail.from],
      ["import_subject", mail.subject],
      ["import_date", mail.date && formatDate(mail.date)],
      ["detail_verdict", verdictText(this.answer)],
    ]) {
      if (value) fields.append(el(doc, "dt", { text: t(key) }), el(doc, "dd", { text: value }));
    }
    this.service.value = mail.pasted ? serviceNamedIn(mail.text) : guessService(mail.from);
    this.account.value = recipientAddress(mail.to);
    byId(doc, "import-text").textContent = mail.text;
    this.preview.hidden = false;
  }

  async save() {
    if (!this.mail) return;
    const button = /** @type {HTMLButtonElement} */ (byId(this.doc, "import-save"));
    button.disabled = true;
    try {
      const params = emailToSaveParams(this.mail, this.service.value, new Date(), this.account.value, this.answer);
      const result = await callHost("confirmation.save", params);
      this.status.textContent = result.duplicate ? t("import_duplicate") : t("import_saved");
      await ask("email-answer-saved", params).catch(() => null); // the Centre's marks are a bonus, the e-mail is kept
      this.preview.hidden = true;
      this.file.value = "";
      if (this.mail.pasted) this.paste.value = "";
      this.mail = null;
      await this.onSaved(result);
    } catch (error) {
      setTextWithCode(this.status, `${t("import_failed")} ${problemText(error, { fixShownAbove: true })}`);
    } finally {
      button.disabled = false;
    }
  }
}
