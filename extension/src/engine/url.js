// URLs as Meta hands them out: wrapped in link shims, spread over host variants, tagged with trackers.
// Which hosts are Meta's at all is decided by ../shared/meta-domains.js (isMetaUrl), the list the manifest uses.

const MAX_SHIMS = 5; // shims nest (l.instagram.com → l.facebook.com → target); stop a malicious loop

/** Follows link shims (l.facebook.com/l.php?u=…, l.instagram.com/?u=…) to the address they lead to. */
export function unwrapShims(hosts, href) {
  let url = parse(href);
  for (let hops = 0; url && hops < MAX_SHIMS; hops++) {
    const { hostname, pathname, searchParams } = url;
    const shim = hosts.shims.find((s) => s.hosts.includes(hostname) && pathname === s.path);
    const target = shim && searchParams.get(shim.param);
    if (!target) break;
    url = parse(target);
  }
  return url;
}

/** Whether `href` is itself a link shim (whatever it wraps). */
export function isShim(hosts, href) {
  const url = parse(href);
  return (
    url !== null &&
    hosts.shims.some(
      (s) => s.hosts.includes(url.hostname.toLowerCase()) && url.pathname === s.path && url.searchParams.has(s.param),
    )
  );
}

/**
 * The one address a page is known by: shims removed, same-site host variants (m., mbasic., fr-fr. …) mapped to
 * the canonical host, tracking parameters dropped, path lower-cased without a trailing slash. Returns
 * { href, host, path, locale } or null for anything that is not an http(s) URL.
 */
export function canonicalize(hosts, href) {
  const url = unwrapShims(hosts, href);
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const locale = url.searchParams.get("locale") ?? localeOfHost(hosts, url.hostname);
  const host = canonicalHost(hosts, url.hostname);
  for (const param of hosts.trackingParams) url.searchParams.delete(param);
  const path = url.pathname.toLowerCase().replace(/\/+$/, "") || "/";
  const query = url.searchParams.toString();
  return { href: `https://${host}${path}${query ? `?${query}` : ""}`, host, path, locale: locale ?? null };
}

function canonicalHost(hosts, hostname) {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  for (const site of hosts.sameSite) {
    if (host !== site.domain && !host.endsWith(`.${site.domain}`)) continue;
    const label = host === site.domain ? "" : host.slice(0, -site.domain.length - 1);
    if (site.labels.includes(label) || (site.localeLabels && isLocaleLabel(label))) return site.canonical;
  }
  return host;
}

function localeOfHost(hosts, hostname) {
  const label = hostname.toLowerCase().split(".")[0];
  const site = hosts.sameSite.find((s) => s.localeLabels && hostname.toLowerCase().endsWith(`.${s.domain}`));
  return site && isLocaleLabel(label) ? label.replace("-", "_") : null;
}

const isLocaleLabel = (label) => /^[a-z]{2}-[a-z]{2}$/.test(label);

/** Whether a canonical { host, path } falls under a rule's url: { hosts, paths }; paths match whole segments. */
export function urlMatches(ruleUrl, { host, path }) {
  if (!ruleUrl.hosts.includes("*") && !ruleUrl.hosts.includes(host)) return false;
  if (!ruleUrl.paths) return true;
  return ruleUrl.paths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The form id in a contact-form path: its last all-digit segment (/help/contact/712876720715583 → that number). */
export function formIdOf(path) {
  return (
    path
      .split("/")
      .filter((segment) => /^\d{6,}$/.test(segment))
      .pop() ?? null
  );
}

/** The service a canonical host belongs to (facebook, instagram, …, or meta for pages shared by all). */
export function serviceOf(hosts, host) {
  for (const [domain, service] of Object.entries(hosts.serviceOfDomain)) {
    if (host === domain || host.endsWith(`.${domain}`)) return service;
  }
  return "meta";
}

function parse(href) {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
