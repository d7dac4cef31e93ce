// Addresses: link shims, host variants, trackers, and which origins may ever be filled.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isMetaUrl } from "../../../extension/src/shared/meta-domains.js";
import { canonicalize, formIdOf, serviceOf, unwrapShims } from "../../../extension/src/engine/url.js";
import { engine, knowledge } from "./helpers/fixtures.js";

const { hosts } = knowledge;
const FORM = "https://www.facebook.com/help/contact/712876720715583";
const shim = (host, target, path = "/l.php") => `https://${host}${path}?u=${encodeURIComponent(target)}&h=AT1x`;

describe("canonicalize", () => {
  it("should map host variants and locale hosts to the canonical host", () => {
    for (const host of [
      "facebook.com",
      "www.facebook.com",
      "m.facebook.com",
      "web.facebook.com",
      "mbasic.facebook.com",
      "fr-fr.facebook.com",
      "nl-nl.facebook.com",
      "de-de.facebook.com",
    ]) {
      assert.equal(canonicalize(hosts, `https://${host}/help/contact/712876720715583`)?.href, FORM, host);
    }
  });

  it("should drop trackers and trailing slashes but keep meaningful parameters", () => {
    const canon = canonicalize(hosts, `${FORM}/?locale=fr_FR&ref=x&_rdc=1&_rdr&fbclid=IwAR&section=2`);
    assert.equal(canon?.href, `${FORM}?section=2`);
    assert.equal(canon?.locale, "fr_FR");
  });

  it("should take the locale from a locale host when the query has none", () => {
    assert.equal(canonicalize(hosts, "https://nl-nl.facebook.com/privacy/genai")?.locale, "nl_nl");
  });

  it("should follow nested link shims to the target", () => {
    const nested = shim("l.instagram.com", shim("l.facebook.com", `${FORM}?fbclid=1`), "/");
    assert.equal(canonicalize(hosts, nested)?.href, FORM);
    assert.equal(canonicalize(hosts, shim("lm.facebook.com", FORM))?.href, FORM);
    assert.equal(canonicalize(hosts, shim("l.threads.com", FORM, "/"))?.href, FORM);
  });

  it("should stop following a shim loop", () => {
    let href = FORM;
    for (let i = 0; i < 20; i++) href = shim("l.facebook.com", href);
    assert.equal(unwrapShims(hosts, href)?.hostname, "l.facebook.com");
  });

  it("should refuse what is not an http(s) address", () => {
    assert.equal(canonicalize(hosts, "javascript:alert(1)"), null);
    assert.equal(canonicalize(hosts, "not a url"), null);
  });
});

describe("Meta origins (shared/meta-domains.js, used by detect)", () => {
  it("should refuse look-alikes and plain HTTP", () => {
    for (const href of [
      "https://facebook.com.evil.example/help/contact/712876720715583",
      "https://evilfacebook.com/",
      "https://faceb00k.com/",
      "http://www.facebook.com/",
      "https://xn--facebok-y0a.com/",
    ]) {
      assert.equal(isMetaUrl(href), false, href);
    }
  });
});

describe("serviceOf", () => {
  it("should name the service of each Meta domain, and meta for pages shared by all", () => {
    const cases = {
      "www.facebook.com": "facebook",
      "help.instagram.com": "instagram",
      "www.messenger.com": "messenger",
      "m.me": "messenger",
      "www.threads.net": "threads",
      "www.meta.ai": "meta_ai",
      "accountscenter.meta.com": "meta",
      "web.whatsapp.com": "whatsapp",
    };
    for (const [host, service] of Object.entries(cases)) assert.equal(serviceOf(hosts, host), service, host);
  });
});

describe("classifyUrl", () => {
  it("should recognise every known form at its address", () => {
    for (const rule of knowledge.pages.filter((r) => r.plan && !r.url.hosts.includes("*"))) {
      const href = `https://${rule.url.hosts[0]}${rule.url.paths?.[0]}/?fbclid=x`;
      assert.equal(engine.classifyUrl(href).rule, rule.name, href);
    }
  });

  it("should see a privacy page reached through a shim", () => {
    const result = engine.classifyUrl(shim("l.facebook.com", "https://m.facebook.com/privacy/guide/generative-ai/"));
    assert.deepEqual(
      [result.page_kind, result.service, result.url],
      ["privacy_center", "facebook", "https://www.facebook.com/privacy/guide/generative-ai"],
    );
  });

  it("should read the form id from a contact path", () => {
    assert.equal(formIdOf("/help/contact/712876720715583"), "712876720715583");
    assert.equal(formIdOf("/contact/forms/382532939919295"), "382532939919295");
    assert.equal(formIdOf("/privacy/genai"), null);
  });
});
