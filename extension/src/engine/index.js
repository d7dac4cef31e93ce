// The engine: page knowledge (extension/rules) in, small functions over a DOM out.
import { answerAfterSend, answerRecord, classify, inboxRecord, watchSend } from "./capture.js";
import { detect } from "./detect.js";
import { fillForm, readValues } from "./fill.js";
import { formRoot, sendControl } from "./locate.js";
import { phraseMatcher, phraseTable } from "./phrases.js";
import { canonicalize, serviceOf, urlMatches } from "./url.js";

/**
 * Binds the engine to one body of knowledge ({ hosts, services, fields, plans, languages, pages }, as exported
 * by extension/rules/index.js). Everything derived from the knowledge is computed here, once.
 */
/** @param {import('../../rules/index.js').Knowledge} knowledge */
export function createEngine(knowledge) {
  const tables = new Map();
  const ranked = [...knowledge.pages].sort((a, b) => rank(a) - rank(b));
  const templates = new Map(knowledge.languages.map((l) => [l.language, l.templates ?? {}]));

  const engine = {
    knowledge,
    languageCodes: knowledge.languages.map((l) => l.language),
    /** Meta and its services by name (services.json's labels): what a copy of Meta's form shows somewhere. */
    metaNames: phraseMatcher(
      ["Meta", ...Object.values(knowledge.services).map((service) => service.label)].map((phrase) => ({
        phrase,
        language: "",
      })),
    ),

    /** All phrases of a concept in every language, longest first. */
    phrases(concept) {
      if (!tables.has(concept)) tables.set(concept, phraseTable(knowledge.languages, concept));
      return tables.get(concept);
    },

    /** A text template in `language`, else in English. */
    template(name, language) {
      return templates.get(language)?.[name] ?? templates.get("en")?.[name];
    },

    /** The rules whose URL covers a canonical address, most specific first. */
    rulesFor(canon) {
      return ranked.filter((rule) => urlMatches(rule.url, canon));
    },

    /** Whether a page at `href` can change what it is without a new URL (a form, an inbox): worth watching. */
    watches(href) {
      const canon = canonicalize(knowledge.hosts, href);
      return Boolean(canon) && engine.rulesFor(canon).some((rule) => rule.plan || rule.kind === "support_inbox");
    },

    /** What an address is, from the URL alone (shims unwrapped): for links and tab URLs. */
    classifyUrl(href) {
      const canon = canonicalize(knowledge.hosts, href);
      const rule = canon && engine.rulesFor(canon).find((r) => !r.url.hosts.includes("*"));
      if (!rule) return { page_kind: canon ? "other_meta" : null, url: canon?.href ?? null };
      return {
        page_kind: rule.kind,
        rule: rule.name,
        service: serviceOf(knowledge.hosts, canon.host),
        url: canon.href,
      };
    },

    detect: (doc, href) => detect(engine, doc, href),
    fill: (doc, detection, profile, options) => fillForm(engine, doc, detection, profile, options),

    /** The element that holds the form a detection found (what fill() fills and a send is watched in). */
    formRoot: (doc) => formRoot(doc),
    /** The control that sends the form in `root`, or null. */
    sendControl: (root) => sendControl(engine, root),
    /** What the form holds now, field → shown text. */
    readValues: (doc, detection, root) => readValues(engine, doc, detection, root),

    // After the user's send: arm a watch, then read what Meta shows (see capture.js).
    watchSend,
    answerAfterSend: (doc, watch, options) => answerAfterSend(engine, doc, watch, options),
    classify: (text) => classify(engine, text),
    answerRecord,
    inboxRecord,
  };
  return engine;
}

/** @typedef {ReturnType<typeof createEngine>} Engine */

// Known form addresses first, then forms found by content, then pages by path, then whole hosts, then the rest.
function rank(rule) {
  const anyHost = rule.url.hosts.includes("*");
  if (rule.plan) return anyHost ? 1 : 0;
  if (rule.url.paths) return anyHost ? 3 : 2;
  return anyHost ? 5 : 4;
}
