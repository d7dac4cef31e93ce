// The data-protection authorities a user may complain to, from rules/authorities.json (inlined by the bundler).
// Only https contact pages are shown.
import data from "../../rules/authorities.json" with { type: "json" };

/** @returns {{ country: string, name: string, contact: string }[]} the lead authority last */
export function authorities(rules = data) {
  const all = Object.entries(rules.authorities ?? {})
    .filter(([, a]) => typeof a.contact === "string" && a.contact.startsWith("https://"))
    .map(([country, a]) => ({ country, name: a.name, contact: a.contact }));
  return [...all.filter((a) => a.country !== rules.lead), ...all.filter((a) => a.country === rules.lead)];
}

/** The authority of the user's country, else the one that leads for Meta. */
export function authorityFor(country, rules = data) {
  const list = authorities(rules);
  return list.find((a) => a.country === country) ?? list.find((a) => a.country === rules.lead) ?? null;
}
