// "Am I covered?": for each service the user objects on and each account NoTrain has seen there, one line —
// confirmed (a confirmation is kept), waiting (a form was sent, no confirmation is kept) or not yet. Pure: the
// accounts NoTrain saw (background/accounts.js), the host's confirmations and the clock in, lines out.
import { sameAccount } from "./account.js";
import { serviceLinks } from "./services.js";
import announcementRules from "../../rules/announcements.json" with { type: "json" };
import { accountsCentre } from "./accounts-centre.js";
import { formPlatforms } from "./platforms.js";

// Meta must answer a request within a month (GDPR art. 12(3)); after that the user may complain.
export const FOLLOW_UP_DAYS = 30;
// The newest confirmations are enough to tell coverage: a user keeps a few per account, not hundreds.
export const CONFIRMATIONS_READ = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {{ service: string, account: string, sent_at?: string, name?: string, removed?: boolean,
 *   centre_at?: string }} SeenAccount  centre_at: when Meta's answer said it covers the account's Accounts Centre
 * @typedef {{ id: number|string, service: string, account?: string|null, captured_at: string }} Confirmation
 * @typedef {{ service: string, label: string, also: string[], account: string|null, name: string|null,
 *   state: "confirmed"|"waiting"|"none", since: string|null, confirmationId: number|string|null,
 *   days: number, overdue: boolean, recheck: Announcement|null,
 *   viaCentre: { service: string, account: string, since: string }|null }} CoverageLine
 * @typedef {{ id: string, date: string, services: string[], recheck: boolean }} Announcement
 * @typedef {{ id: string, label: string, coveredBy: string | null }} ServiceLink  what coverage() needs of a service
 */

/**
 * A confirmation kept before a change Meta announced (rules/announcements.json, those marked `recheck`) is still
 * "confirmed", with `recheck` naming the announcement: the user should look again. A service of Meta's Accounts
 * Centre with nothing of its own yet names, in `viaCentre`, an answer on another service that said it covers the
 * same Accounts Centre (background/accounts.js keeps when one did).
 * @param {{ accounts?: SeenAccount[], confirmations?: Confirmation[], now: number, links?: ServiceLink[],
 *   announcements?: Announcement[] }} input
 * @returns {CoverageLine[]} one or more lines per service that has its own objection (Messenger and Meta AI count
 *   under Facebook, Threads under Instagram), in the services' order.
 */
export function coverage({
  accounts = [],
  confirmations = [],
  now,
  links = serviceLinks(),
  announcements = announcementRules.announcements,
}) {
  const changes = announcements.filter((a) => a.recheck);
  const centre = centreAnswer(accounts.filter((entry) => !entry.removed));
  const ownerOf = new Map(links.map((link) => [link.id, link.coveredBy ?? link.id]));
  const owners = links.filter((link) => !link.coveredBy);
  return owners.flatMap((owner) => {
    const also = links.filter((link) => link.coveredBy === owner.id).map((link) => link.label);
    const mine = (item) => ownerOf.get(item.service) === owner.id;
    const base = { service: owner.id, label: owner.label, also };
    const lines = linesOf(base, accounts.filter(mine), confirmations.filter(mine), now);
    return lines.map((line) => ({
      ...line,
      recheck: line.state === "confirmed" ? announcedSince(changes, owner.id, line.since) : null,
      viaCentre:
        line.state === "none" && centre && centre.service !== owner.id && accountsCentre().services.includes(owner.id)
          ? centre
          : null,
    }));
  });
}

// The latest answer that said it covers the Accounts Centre, or null.
function centreAnswer(seen) {
  const said = seen.filter((entry) => entry.centre_at);
  const latest = said.reduce((best, e) => (!best || e.centre_at > best.centre_at ? e : best), null);
  return latest && { service: latest.service, account: latest.account, since: latest.centre_at };
}

// The latest change announced for `service` after `since` (a day's date against a capture time), or null.
function announcedSince(changes, service, since) {
  const later = changes.filter((a) => a.services.includes(service) && a.date > since.slice(0, 10));
  return later.reduce((latest, a) => (!latest || a.date > latest.date ? a : latest), null);
}

function linesOf(base, seen, kept, now) {
  const removed = seen.filter((entry) => entry.removed);
  const shown = seen.filter((entry) => !entry.removed);
  // Accounts of kept confirmations count too, unless the user removed them on the full page.
  for (const { account } of kept) {
    if (!account || [...removed, ...shown].some((entry) => sameAccount(entry.account, account))) continue;
    shown.push({ service: base.service, account });
  }
  const lines = shown.map((entry) =>
    lineOf(
      base,
      entry,
      kept.filter((c) => sameAccount(c.account, entry.account)),
      now,
    ),
  );
  // A confirmation that names no account (a Support Inbox reply, an e-mail imported without one) tells for the service only
  // when no account of it is known: NoTrain never guesses which account it belongs to.
  const anonymous = kept.filter((c) => !c.account);
  if (lines.length === 0 && anonymous.length > 0) lines.push(lineOf(base, { account: null }, anonymous, now));
  if (lines.length === 0) lines.push(lineOf(base, { account: null }, [], now));
  return lines.sort((a, b) => String(a.account).localeCompare(String(b.account)));
}

function lineOf(base, entry, kept, now) {
  const latest = kept.reduce((best, c) => (!best || c.captured_at > best.captured_at ? c : best), null);
  const line = {
    ...base,
    account: entry.account ?? null,
    name: entry.name ?? null,
    confirmationId: latest?.id ?? null,
  };
  if (latest) return { ...line, state: "confirmed", since: latest.captured_at, days: 0, overdue: false };
  if (!entry.sent_at) return { ...line, state: "none", since: null, days: 0, overdue: false };
  const days = Math.max(0, Math.floor((now - Date.parse(entry.sent_at)) / DAY_MS));
  return { ...line, state: "waiting", since: entry.sent_at, days, overdue: days >= FOLLOW_UP_DAYS };
}

/**
 * The same lines for the platforms whose objection form NoTrain fills (LinkedIn's): one per account, from the forms
 * sent and the answers kept. A setting's record is no answer to an objection, so it never counts here.
 * @returns {CoverageLine[]}
 */
export function formCoverage({ accounts = [], confirmations = [], now, platforms = formPlatforms() }) {
  return coverage({
    accounts,
    confirmations: confirmations.filter((c) => c.kind !== "setting"),
    now,
    announcements: [],
    links: platforms.map((platform) => ({ id: platform.name, label: platform.label, coveredBy: null })),
  });
}

/** The service whose objection is still to be made: the page's own when it is not covered yet, else the first. */
/**
 * @param {CoverageLine[]} lines
 * @param {string | null} [pageService]
 * @param {ServiceLink[]} [links]
 */
export function serviceToObjectOn(lines, pageService = null, links = serviceLinks()) {
  const owner = links.find((link) => link.id === pageService)?.coveredBy ?? pageService;
  const open = (service) =>
    lines.some((l) => l.service === service) && lines.every((l) => l.service !== service || l.state === "none");
  if (open(owner)) return owner;
  return lines.find((line) => open(line.service))?.service ?? null;
}
