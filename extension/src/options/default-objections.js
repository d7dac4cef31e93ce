// Default objection texts, one per language of the profile (not of the interface): the user can change them. They
// are the rules' `reason` templates (rules/lang/<code>.json), the very text the form is filled with when the profile
// has none: one text per language, wherever it is shown. Each cites the right to object of GDPR Article 21 and asks
// for the objection to cover every account in the same Accounts Center.
import { knowledge } from "../../rules/index.js";

// rules/schema.json lets a language go without templates: such a language has no default text (English stands in).
export const DEFAULT_OBJECTIONS = Object.freeze(
  Object.fromEntries(
    knowledge.languages.flatMap((language) =>
      language.templates?.reason ? [[language.language, language.templates.reason]] : [],
    ),
  ),
);

export const PROFILE_LANGUAGES = Object.freeze(Object.keys(DEFAULT_OBJECTIONS).sort());

// The text for a BCP 47 tag such as "fr-BE": its primary language, English otherwise.
export function defaultObjection(language) {
  const primary = String(language || "")
    .toLowerCase()
    .split(/[-_]/)[0];
  return DEFAULT_OBJECTIONS[primary] ?? DEFAULT_OBJECTIONS.en;
}

// True when the text is one of the defaults (so a language change may swap it for another default).
export function isDefaultObjection(text) {
  return Object.values(DEFAULT_OBJECTIONS).includes(String(text ?? "").trim());
}
