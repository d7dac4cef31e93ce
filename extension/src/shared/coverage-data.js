// Gathers what the coverage lines are made of: the accounts the background saw and the host's confirmations.
import { ask, callHost } from "./messaging.js";
import { CONFIRMATIONS_READ, coverage, formCoverage } from "./coverage.js";

/**
 * @param {{ now?: number }} [options] the clock, in milliseconds
 * @returns {Promise<{ lines: import("./coverage.js").CoverageLine[], formLines: import("./coverage.js").CoverageLine[],
 *   accounts: object[], confirmationsRead: boolean }>} formLines: the platforms' objection forms (LinkedIn's);
 *   confirmationsRead is false when the host could not be asked (the lines then know only the forms sent).
 */
export async function loadCoverage({ now = Date.now() } = {}) {
  const [listed, kept] = await Promise.all([
    ask("accounts-list").catch(() => ({})),
    callHost("confirmation.list", { limit: CONFIRMATIONS_READ }).then(
      (page) => page.items,
      () => null,
    ),
  ]);
  const accounts = Array.isArray(listed.items) ? listed.items : [];
  return {
    lines: coverage({ accounts, confirmations: kept ?? [], now }),
    formLines: formCoverage({ accounts, confirmations: kept ?? [], now }),
    accounts,
    confirmationsRead: kept !== null,
  };
}
