// ISO 3166-1 alpha-2 country codes, with names in the interface language via Intl.DisplayNames. The lists live in
// facts.json, which the host reads too.
import facts from "./facts.json" with { type: "json" };

export const COUNTRY_CODES = Object.freeze([...facts.countries.codes]);

// Where the objection right applies (EU/EEA, the UK, Switzerland, Brazil): listed first in the select.
export const OBJECTION_COUNTRIES = Object.freeze([...facts.objection_countries.codes]);

export function countryNames(language) {
  let names;
  try {
    names = new Intl.DisplayNames([language, "en"], { type: "region" });
  } catch {
    names = new Intl.DisplayNames(["en"], { type: "region" });
  }
  const collator = new Intl.Collator(language);
  const entries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code }));
  return entries.sort((a, b) => collator.compare(a.name, b.name));
}
