// Meta's Accounts Centre: an answer that says the objection covers "the same Accounts Centre" covers the accounts
// linked there on the other services too. Which services and what the Centre is called in each language are in
// rules/services.json (accounts_centre).
import data from "../../rules/services.json" with { type: "json" };

const fold = (text) =>
  String(text ?? "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ");

/** @returns {{ services: string[], names: Record<string, string[]> }} */
export function accountsCentre(rules = data) {
  return rules.accounts_centre ?? { services: [], names: {} };
}

/** Whether a confirmation's text names the Accounts Centre, in any language the rules know. */
export function mentionsAccountsCentre(text, rules = data) {
  const said = fold(text);
  return Object.values(accountsCentre(rules).names)
    .flat()
    .some((name) => said.includes(fold(name)));
}
