// Turns the browser's terse native-messaging errors into a problem kind and a plain-language fix.
// The texts are Chromium's (extensions/browser/api/messaging/native_message_process_host.cc) and
// Firefox's (toolkit/components/extensions/NativeMessaging.sys.mjs); see
// the README's "When something is missing" for what usually causes each one.
import { errorMessage } from "../shared/error-message.js";

/** @type {[string, RegExp][]} */
const BROWSER_ERRORS = [
  // [kind, pattern of the browser's message]
  ["host-missing", /specified native messaging host not found/i],
  ["host-missing", /no such native application/i],
  ["host-forbidden", /access to the specified native messaging host is forbidden/i],
  ["host-forbidden", /does not have permission to use native application/i],
  ["host-exited", /native host has exited/i],
  ["host-broken", /error when communicating with the native messaging host/i],
  ["host-broken", /invalid native messaging host name/i],
  ["host-exited", /an unexpected error occurred/i],
];

// Message keys in _locales telling the user what to do, per kind.
export const FIX_KEYS = Object.freeze({
  "host-missing": "fix_host_missing",
  "host-forbidden": "fix_host_forbidden",
  "host-exited": "fix_host_exited",
  "host-broken": "fix_host_broken",
  "host-timeout": "fix_host_timeout",
  "host-unavailable": "fix_host_broken",
  "host-error": "fix_host_error",
});

// Kinds that mean "the host could not be reached": worth retrying later.
const UNREACHABLE = new Set([
  "host-missing",
  "host-forbidden",
  "host-exited",
  "host-broken",
  "host-timeout",
  "host-unavailable",
]);

export class HostError extends Error {
  /**
   * @param {string} kind  one of FIX_KEYS' kinds
   * @param {string} message
   * @param {{ code?: number | null, data?: unknown }} [details]  the host's JSON-RPC error code and data
   */
  constructor(kind, message, { code = null, data = null } = {}) {
    super(message);
    this.name = "HostError";
    this.kind = kind;
    this.code = code;
    this.data = data;
  }

  get unreachable() {
    return UNREACHABLE.has(this.kind);
  }

  // Plain object for sending over runtime messaging.
  toJSON() {
    return { kind: this.kind, code: this.code, data: this.data, message: this.message, fix_key: FIX_KEYS[this.kind] };
  }
}

/**
 * Whether a thrown error says the host could not be reached (true) or answered with a refusal (false); undefined
 * for an error that is not the host's.
 * @param {unknown} error
 * @returns {boolean | undefined}
 */
export function unreachableOf(error) {
  return error instanceof HostError ? error.unreachable : undefined;
}

/** @param {string | undefined} text  the browser's message */
export function fromBrowserError(text) {
  const message = String(text || "The native messaging host closed the connection");
  const match = BROWSER_ERRORS.find(([, pattern]) => pattern.test(message));
  return new HostError(match ? match[0] : "host-unavailable", message);
}

// A JSON-RPC error object sent by the host itself (its message is written for a person).
export function fromRpcError(error) {
  const code = Number.isInteger(error?.code) ? error.code : null;
  // 1003 is a storage failure on the host's side: as transient as a missing host for the queue.
  const kind = code === 1003 ? "host-unavailable" : "host-error";
  return new HostError(kind, String(error?.message || "The host reported an error"), {
    code,
    data: error?.data ?? null,
  });
}

/** @param {unknown} error */
export function toPlainError(error) {
  if (error instanceof HostError) return error.toJSON();
  return new HostError("host-unavailable", String(errorMessage(error) || error)).toJSON();
}
