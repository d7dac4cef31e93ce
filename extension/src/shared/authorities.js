// The data-protection authorities a user may complain to, from rules/authorities.json (inlined by the bundler).
// Only https contact pages are shown. A country whose authorities are regional (Germany's Länder) lists them
// under `regions`; without a region chosen, the country's own entry (the list of them) is the answer.
import data from "../../rules/authorities.json" with { type: "json" };

/** @typedef {{ country: string, name: string, contact: string }} Authority */
/** @typedef {{ code: string, region: string, name: string, contact: string }} RegionalAuthority */

const secure = (entry) => typeof entry?.contact === "string" && entry.contact.startsWith("https://");

/** @returns {Authority[]} the lead authority last */
export function authorities(rules = data) {
  const all = Object.entries(rules.authorities ?? {})
    .filter(([, a]) => secure(a))
    .map(([country, a]) => ({ country, name: a.name, contact: a.contact }));
  return [...all.filter((a) => a.country !== rules.lead), ...all.filter((a) => a.country === rules.lead)];
}

/** @returns {RegionalAuthority[]} the regional authorities of `country`, by region name; none for most countries */
export function regionalAuthorities(country, rules = data) {
  const regions = Object.hasOwn(rules.authorities ?? {}, country) ? (rules.authorities[country].regions ?? {}) : {};
  return Object.entries(regions)
    .filter(([, a]) => secure(a))
    .map(([code, a]) => ({ code, region: a.region, name: a.name, contact: a.contact }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

/** The authority of the user's country (and region, where it has regional ones), else the one that leads for Meta. */
export function authorityFor(country, region = "", rules = data) {
  const list = authorities(rules);
  const national = list.find((a) => a.country === country) ?? list.find((a) => a.country === rules.lead) ?? null;
  const regional = national && regionalAuthorities(national.country, rules).find((a) => a.code === region);
  return regional ? { country: national.country, name: regional.name, contact: regional.contact } : national;
}
