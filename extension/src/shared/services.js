// The services' form links, read from rules/services.json (inlined by the
// bundler): {"services": {"facebook": {"label", "covered_by", "objection_form", "privacy_center", ...}, ...}}.
// Only links on Meta's own https origins are ever shown.
import data from "../../rules/services.json" with { type: "json" };
import { isMetaUrl } from "./meta-domains.js";
import { platformNamed } from "./platforms.js";

// Meta's services, in the order the popup and the full page show them: the order of rules/services.json.
export const SERVICE_ORDER = Object.freeze(Object.keys(data.services ?? {}));

/**
 * @typedef {{ label?: string, covered_by?: string, objection_form?: string, privacy_center?: string }} ServiceLinks
 * @param {Record<string, ServiceLinks>} [services]  rules/services.json's, unless a test gives others
 */
export function serviceLinks(services = data.services) {
  return SERVICE_ORDER.flatMap((id) => {
    const service = services?.[id];
    if (!service) return [];
    return {
      id,
      label: typeof service.label === "string" ? service.label : id,
      coveredBy: service.covered_by && services[service.covered_by] ? service.covered_by : null,
      objectionForm: isMetaUrl(service.objection_form) ? service.objection_form : null,
      privacyCenter: isMetaUrl(service.privacy_center) ? service.privacy_center : null,
    };
  });
}

/** A service's name for people: Meta's services, then the platforms beyond Meta (rules/platforms). */
export function serviceLabel(id, services = data.services) {
  return services?.[id]?.label ?? platformNamed(id)?.label ?? (id === "meta" ? "Meta" : String(id));
}
