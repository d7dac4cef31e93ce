// Meta's own registrable domains: the only sites where NoTrain runs, reads or fills anything.
// The build derives the manifest's host permissions and content-script matches from this list,
// and the background uses it to accept messages only from content scripts in these tabs.
export const META_DOMAINS = Object.freeze([
  "facebook.com",
  "instagram.com",
  "messenger.com",
  "m.me",
  "meta.ai",
  "meta.com",
  "threads.net",
  "threads.com",
  "whatsapp.com",
]);

// Match patterns for the manifest: https only, the domain itself and every subdomain.
export function metaMatchPatterns() {
  return META_DOMAINS.map((domain) => `https://*.${domain}/*`);
}

// True only for an https URL whose host is one of the domains or a subdomain of one.
// "facebook.com.evil.example" and "notfacebook.com" are refused: the comparison is on whole labels.
export function isMetaUrl(url) {
  const host = httpsHostOf(url);
  return host !== null && META_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

// The host of an https URL without user name or password, lower case and without a final dot; else null.
export function httpsHostOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return null;
  return parsed.hostname.toLowerCase().replace(/\.$/, "");
}
