// Every piece of page knowledge (Meta's pages, and the objection forms of other platforms), gathered for the engine. Order does not matter: the engine ranks page rules by
// how specific their URL is. tests/extension/rules/rules.test.js fails if a JSON file here is not imported.
import fields from "./fields.json" with { type: "json" };
import hosts from "./hosts.json" with { type: "json" };
import plans from "./plans.json" with { type: "json" };
import services from "./services.json" with { type: "json" };

import bg from "./lang/bg.json" with { type: "json" };
import cs from "./lang/cs.json" with { type: "json" };
import da from "./lang/da.json" with { type: "json" };
import de from "./lang/de.json" with { type: "json" };
import el from "./lang/el.json" with { type: "json" };
import en from "./lang/en.json" with { type: "json" };
import es from "./lang/es.json" with { type: "json" };
import et from "./lang/et.json" with { type: "json" };
import fi from "./lang/fi.json" with { type: "json" };
import fr from "./lang/fr.json" with { type: "json" };
import ga from "./lang/ga.json" with { type: "json" };
import hr from "./lang/hr.json" with { type: "json" };
import hu from "./lang/hu.json" with { type: "json" };
import it from "./lang/it.json" with { type: "json" };
import lt from "./lang/lt.json" with { type: "json" };
import lv from "./lang/lv.json" with { type: "json" };
import mt from "./lang/mt.json" with { type: "json" };
import nl from "./lang/nl.json" with { type: "json" };
import pl from "./lang/pl.json" with { type: "json" };
import pt from "./lang/pt.json" with { type: "json" };
import ro from "./lang/ro.json" with { type: "json" };
import sk from "./lang/sk.json" with { type: "json" };
import sl from "./lang/sl.json" with { type: "json" };
import sv from "./lang/sv.json" with { type: "json" };

import accountsCenter from "./pages/accounts-center.json" with { type: "json" };
import facebookAiObjection2024 from "./pages/facebook-ai-objection-2024.json" with { type: "json" };
import facebookAiObjection2025 from "./pages/facebook-ai-objection-2025.json" with { type: "json" };
import facebookPrivacyCenter from "./pages/facebook-privacy-center.json" with { type: "json" };
import facebookSupportInbox from "./pages/facebook-support-inbox.json" with { type: "json" };
import facebookThirdPartyAi from "./pages/facebook-third-party-ai.json" with { type: "json" };
import instagramAiObjection2025 from "./pages/instagram-ai-objection-2025.json" with { type: "json" };
import instagramPrivacyCenter from "./pages/instagram-privacy-center.json" with { type: "json" };
import instagramRightToObject from "./pages/instagram-right-to-object.json" with { type: "json" };
import linkedinObjection from "./pages/linkedin-objection.json" with { type: "json" };
import metaAiTerms from "./pages/meta-ai-terms.json" with { type: "json" };
import metaOther from "./pages/meta-other.json" with { type: "json" };
import metaPrivacySupport from "./pages/meta-privacy-support.json" with { type: "json" };
import objectionFormByContent from "./pages/objection-form-by-content.json" with { type: "json" };
import settings from "./pages/settings.json" with { type: "json" };
import whatsappDataRights from "./pages/whatsapp-data-rights.json" with { type: "json" };
import whatsappPrivacyPolicy from "./pages/whatsapp-privacy-policy.json" with { type: "json" };

/**
 * The rules as the engine reads them. rules/schema.json is the authority on their shape; tests/extension/rules checks
 * every file against it, which is what lets `knowledge` carry these types. `fields` and `plans` also hold a
 * "$comment" string beside their entries.
 * @typedef {{ name: string, kind: string, summary: string, seen?: string, url: { hosts: string[], paths?: string[] },
 *   plan?: string, content?: 'ai' | 'strict' | 'any', wording?: string[], names?: string[] }} PageRule
 * @typedef {{ fill?: string, select?: string, pick?: string, option?: string, check?: string, choose?: string,
 *   find?: string, question?: string,
 *   value?: 'email' | 'name' | 'country' | 'objection_text', template?: string, optional?: boolean,
 *   notes?: Record<string, string> }} Step
 * @typedef {{ steps: Step[], variants: { variant: string, field?: string }[] }} Plan
 * @typedef {{ controls: string[], label: string, types?: string[], autocomplete?: string[], alone?: boolean,
 *   short?: boolean, countryOptions?: boolean, inputmode?: string[], looksLike?: 'email' }} Field
 * @typedef {{ language: string, phrases: Record<string, string[]>, templates?: Record<string, string>,
 *   verified?: Record<string, string[]>, sources?: string[] }} Language
 * @typedef {{ sameSite: { canonical: string, domain: string, labels: string[], localeLabels?: boolean }[],
 *   shims: { hosts: string[], path: string, param: string }[], trackingParams: string[],
 *   serviceOfDomain: Record<string, string> }} Hosts
 * @typedef {{ label: string, covered_by?: string, objection_form?: string, other_forms?: string[],
 *   privacy_center?: string }} Service
 * @typedef {{ hosts: Hosts, services: Record<string, Service>, fields: Record<string, Field>,
 *   plans: Record<string, Plan>, languages: Language[], pages: PageRule[] }} Knowledge
 */

export const knowledge = /** @type {Readonly<Knowledge>} */ (
  /** @type {unknown} */ (
    Object.freeze({
      hosts,
      services: services.services,
      fields,
      plans,
      languages: [bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv],
      pages: [
        accountsCenter,
        facebookAiObjection2024,
        facebookAiObjection2025,
        facebookPrivacyCenter,
        facebookSupportInbox,
        facebookThirdPartyAi,
        instagramAiObjection2025,
        instagramPrivacyCenter,
        instagramRightToObject,
        linkedinObjection,
        metaAiTerms,
        metaOther,
        metaPrivacySupport,
        objectionFormByContent,
        settings,
        whatsappDataRights,
        whatsappPrivacyPolicy,
      ],
    })
  )
);
