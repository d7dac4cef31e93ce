// What counts as an account: the e-mail address a form carried, or a Meta username; what the host also accepts.
// Anything else (a page's junk, an over-long value) is no account at all.
const ACCOUNT = /^(?:[^\s@\p{Cc}]{1,64}@[^\s@\p{Cc}]{1,255}|[A-Za-z0-9._]{1,50})$/u;

/** The account in `value`, trimmed, or null when it is not one. */
export function accountOf(value) {
  if (typeof value !== "string") return null;
  const account = value.trim();
  return ACCOUNT.test(account) ? account : null;
}

/** Two spellings of one account are one account: e-mail addresses and usernames ignore case at Meta. */
export const sameAccount = (a, b) =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
