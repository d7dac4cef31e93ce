// The platforms beyond Meta (rules/platforms) as the extension's pages, the background and the build see them: their
// labels, the https origins NoTrain asks for when the user enables one (optional host permissions: SECURITY.md,
// "Platforms beyond Meta"), which platform an address belongs to, and where a platform's objection form is (the
// form engine's content script runs there, inside the origins already granted). One place for all of them.
import { platforms } from "../../rules/platforms/index.js";
import { httpsHostOf } from "./meta-domains.js";

export { platforms };

/** Match patterns for one platform: each of its hosts, https only (the build's optional_host_permissions). */
export function platformMatchPatterns(platform) {
  return platform.hosts.map((host) => `https://${host}/*`);
}

/** Every platform's patterns, for the manifest. */
export function allPlatformMatchPatterns(list = platforms) {
  return list.flatMap(platformMatchPatterns);
}

export function platformNamed(name, list = platforms) {
  return list.find((platform) => platform.name === name) ?? null;
}

/** The platform whose https host `url` is, compared by the whole host name; else null. */
export function platformOfUrl(url, list = platforms) {
  const host = httpsHostOf(url);
  return host === null ? null : (list.find((platform) => platform.hosts.includes(host)) ?? null);
}

/** The platforms that have an objection form of their own (LinkedIn's, for the EU/EEA, UK and Switzerland). */
export function formPlatforms(list = platforms) {
  return list.filter((platform) => platform.objection_form);
}

// The form's path as the platform writes it and in lower case: match patterns compare paths case-sensitively.
/** @param {import("../../rules/platforms/index.js").Platform} platform  one with an objection form */
function formPaths(platform) {
  if (!platform.objection_form) return [];
  const path = new URL(platform.objection_form.page).pathname.replace(/\/+$/, "");
  return [...new Set([path, path.toLowerCase()])];
}

/** Match patterns for a platform's objection form on each of its hosts (its query strings included). */
export function platformFormPatterns(platform) {
  return platform.objection_form
    ? platform.hosts.flatMap((host) => formPaths(platform).map((path) => `https://${host}${path}*`))
    : [];
}

/** The platform whose objection form `url` is (its host, and the form's path in any case); else null. */
export function formPlatformOfUrl(url, list = platforms) {
  const platform = platformOfUrl(url, list);
  if (!platform?.objection_form) return null;
  const path = new URL(url).pathname.toLowerCase().replace(/\/+$/, "");
  const form = formPaths(platform).at(-1); // the lower-case one
  return path === form || path.startsWith(`${form}/`) ? platform : null;
}
