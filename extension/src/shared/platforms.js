// The platforms beyond Meta (rules/platforms) as the extension's pages, the background and the build see them: their
// labels, the https origins NoTrain asks for when the user enables one (optional host permissions: SECURITY.md,
// "Platforms beyond Meta"), and which platform an address belongs to. One place for all three.
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
  return host === null ? null : list.find((platform) => platform.hosts.includes(host)) ?? null;
}
