// Which Meta page is this, and in what state? A document and its URL in, plain data out (safe to post to the
// background). The URL picks the rules; the content decides whether a form is really there. Cheap first: a
// page whose rule needs no content (most of Meta) is answered from its URL without reading the DOM.
// What Meta shows after a send is not read here: capture.js reads it, once the user sent a form (send-watch.js).
import { httpsHostOf, isMetaUrl } from "../shared/meta-domains.js";
import { classify, inboxReplyOf } from "./capture.js";
import {
  DIALOGS,
  controlsIn,
  formRoot,
  freeTextIn,
  isShortInput,
  locate,
  locateAnswer,
  mainOf,
  regionsOf,
  sendControl,
} from "./locate.js";
import { findExact, findPhrase, phraseMatcher } from "./phrases.js";
import { isVisible, normalize, visibleText } from "./text.js";
import { canonicalize, formIdOf, isShim, serviceOf, urlMatches } from "./url.js";

const FORM_KINDS = new Set(["objection_form", "third_party_form"]);
const MAX_CANDIDATES = 8; // forms or dialogs looked into on a page without a known form URL

/**
 * @returns a detection: { page_kind, service, form_id, variant, language, status, notes } as in the extension's
 *   page-state contract, plus what the engine needs later: { url, rule, plan, fillable, confirmation?, offer?,
 *   signals }. page_kind is null off Meta's own origins (then `lookalike` names whose objection form the page
 *   copies: "meta", a platform's service such as "linkedin", or null).
 *   `confirmation` is Meta's reply in the Support Inbox only.
 */
export function detect(engine, doc, href) {
  const canon = canonicalize(engine.knowledge.hosts, href);
  if (!canon || !doc.body) return notMeta(null);
  const page = readPage(engine, doc, canon, false);
  const meta = isMetaUrl(href);
  if (!meta && !onPlatformForm(engine, href, canon)) {
    // Content scripts run on Meta's domains (and on a platform's objection form the user enabled); this guards
    // against a wrong match pattern, and tells the popup (which may look at another site's page once, with
    // activeTab) whose objection form the page copies.
    return notMeta(copiedForm(engine, page, canon));
  }
  // A link shim (l.facebook.com/l.php?u=<form>) only leads to a page: what it names is not what it shows.
  if (meta && isShim(engine.knowledge.hosts, href))
    return complete(engine, { name: null, kind: "other_meta" }, page, { page_kind: "other_meta" });
  for (const rule of engine.rulesFor(canon)) {
    if (!meta && rule.url.hosts.includes("*")) continue; // '*' is any of Meta's hosts, never another platform's
    const found = KINDS[rule.kind]
      ? KINDS[rule.kind](engine, rule, page)
      : { page_kind: rule.kind, status: "recognised" };
    if (found) return complete(engine, rule, page, found);
  }
  return meta ? complete(engine, { name: null, kind: "other_meta" }, page, { page_kind: "other_meta" }) : notMeta(null);
}

// A platform beyond Meta counts only on the https host and the paths its own page rule names (LinkedIn's objection
// form): its other pages are none of NoTrain's business here.
function onPlatformForm(engine, href, canon) {
  return (
    httpsHostOf(href) !== null &&
    engine.knowledge.pages.some(
      (rule) => !rule.url.hosts.includes("*") && !isMetaUrl(`https://${canon.host}/`) && urlMatches(rule.url, canon),
    )
  );
}

// Whose objection form a page off its owner's origins copies: the service of a platform's form rule, "meta", or
// null. A platform's form is looked for first: it names the platform, and its shape and wording would also pass
// for a copy of Meta's; shown on the platform's own site, it is the platform's. Read wide (dialogs too), as a form
// of unknown address is.
function copiedForm(engine, page, canon) {
  page.wide = true;
  const { hosts } = engine.knowledge;
  const platformForm = engine.knowledge.pages.find((rule) => rule.names && showsPlatformForm(page, rule));
  if (platformForm) {
    const owner = ownerOf(hosts, platformForm);
    return serviceOf(hosts, canon.host) === owner ? null : owner;
  }
  return copiesMetaForm(engine, page) ? "meta" : null;
}

// Meta's form: the objection's very title beside an e-mail field (all a phishing copy needs), or the form's shape
// with its wording, in a form or dialog or in the page as a whole, on a page that names Meta or one of its
// services: the wording alone ("object", "generative AI", a title reworded) is what any company's own privacy form
// may say.
function copiesMetaForm(engine, page) {
  if (saysExactly(page, engine.phrases("objectionTitle")) && page.locate("email")) return true;
  if (!saysExactly(page, engine.metaNames)) return false;
  if (page.structure().shaped && wordingOf(page).length > 0) return true;
  const root = strictRoot(engine, page);
  return Boolean(root) && root !== DISAGREE;
}

// A platform's form (LinkedIn's): its shape, all of its wording, and the platform's name, since its wording alone
// ("data processing objection") is what any company's privacy form says.
function showsPlatformForm(page, rule) {
  if (!page.structure().shaped || wordingOf(page, rule.wording).length < (rule.wording?.length ?? 1)) return false;
  return saysExactly(page, phraseMatcher(rule.names.map((phrase) => ({ phrase, language: "" }))));
}

// Whether the page's text or title holds one of the phrases of a matcher exactly (as whole words, not loosely).
const saysExactly = (page, matcher) => Boolean(findExact(page.text(), matcher) ?? findExact(page.title(), matcher));

const ownerOf = (hosts, rule) => serviceOf(hosts, rule.url.hosts[0]);

const notMeta = (lookalike) => ({ page_kind: null, status: null, fillable: false, lookalike, notes: [], signals: [] });

// Everything a check may read, each computed at most once and only when asked for. A pass reads <main> only;
// dialogs and live regions elsewhere are looked for only when `wide` (a form of unknown address, which may be
// a dialog): scanning all of a large page costs more than a pass may.
function readPage(engine, doc, canon, wide) {
  const memo = new Map();
  const once = (key, compute) => (memo.has(key) ? memo.get(key) : memo.set(key, compute()).get(key));
  const page = {
    engine,
    doc,
    canon,
    wide,
    scope: () => once("scope", () => mainOf(doc)),
    root: () => once("root", () => formRoot(doc, { scope: page.scope(), dialogs: page.wide })),
    setRoot: (root) => {
      memo.set("root", root).set("rootText", visibleText(root));
      memo.delete("controls");
      memo.delete("structure");
    },
    /** Finds a field of fields.json in the form, sharing one list of controls between lookups. */
    locate: (field) =>
      locate(
        engine,
        page.root(),
        field,
        undefined,
        once("controls", () => controlsIn(page.root())),
      ),
    locateAnswer: (answer, question) =>
      locateAnswer(
        engine,
        page.root(),
        answer,
        question,
        once("controls", () => controlsIn(page.root())),
      ),
    structure: () => once("structure", () => structureOf(page)),
    regions: () => once("regions", () => (page.wide ? contentRegions(doc, page.scope()) : [page.scope()])),
    text: () => once("text", () => page.regions().map(visibleText).join(" ")),
    rootText: () => once("rootText", () => visibleText(page.root())),
    title: () => once("title", () => normalize(doc.title)),
    /** The first phrase of a concept in the page's content (or `where`), else in its title. */
    find: (concept, where) =>
      findPhrase(where ?? page.text(), engine.phrases(concept)) ??
      (where ? null : findPhrase(page.title(), engine.phrases(concept))),
    read: () => memo.has("text") || memo.has("rootText"),
    /** Whether a form rule's check found the form (its text, the title included, is then at hand). */
    formFound: () => Boolean(memo.get("root")),
  };
  return page;
}

// Where Meta puts what the user reads: <main> (the body when there is none), open dialogs, and live regions
// (a "request sent" toast). Never the feed or the navigation beside them: they are large and say nothing here.
const REGIONS = new Set(["dialog", "alertdialog", "alert", "status"]);
function contentRegions(doc, main) {
  const extra = [...regionsOf(doc, DIALOGS), ...regionsOf(doc, REGIONS)].filter(
    (r) => !main.contains(r) && isVisible(r),
  );
  return [main, ...extra.filter((r) => !extra.some((outer) => outer !== r && outer.contains(r)))];
}

// What the form is made of, from its controls alone: an e-mail-like control, a free-text area and a send control
// make an objection form's shape; a country choice or the yes/no question about AI may come with them. The yes/no
// question alone is a shape too: answering it reveals the fields (the German privacy-policy route).
function structureOf(page) {
  const controls = () => controlsIn(page.root());
  const email = page.locate("email");
  const text = freeTextIn(page.root(), controls());
  const send = sendControl(page.engine, page.root(), controls());
  const gate = page.locateAnswer("yes", "aiGate");
  const shaped = Boolean(email && text && send);
  return {
    shaped: shaped || Boolean(gate),
    gate: Boolean(gate),
    partly: Boolean(email || text),
    signals: [
      ...(gate ? ["gate"] : []),
      ...(email ? ["email-field"] : []),
      ...(text ? ["text-field"] : []),
      ...(send ? ["send-control"] : []),
    ],
  };
}

// Whether the page says it is in a language of rules/lang (or says nothing, which is taken as yes: no disagreement is
// ever explained away by a missing lang attribute).
function speaksKnownLanguage(engine, page) {
  const declared = declaredLanguage(page);
  return !declared || engine.languageCodes.includes(declared);
}

// What the wording says, anywhere in the page or its title: the objection's title, the AI question, AI at Meta, or
// objecting (or the concepts a rule names for its own form: `wording`). On a known address it only raises
// confidence; its total absence, under a form's shape, is a disagreement.
const META_WORDING = [
  ["objectionTitle", "title"],
  ["aiGate", "gate-question"],
  ["aiAtMeta", "ai-text"],
  ["object", "object-text"],
];
function wordingOf(page, concepts) {
  const wording = concepts ? concepts.map((concept) => [concept, `wording-${concept}`]) : META_WORDING;
  return wording.filter(([concept]) => page.find(concept)).map(([, signal]) => signal);
}

function form(engine, rule, page) {
  if (rule.content === "strict") {
    page.wide = true;
    const found = strictRoot(engine, page);
    if (found === DISAGREE)
      return { page_kind: rule.kind, status: "recognised", notes: ["form_changed"], signals: ["title-without-form"] };
    if (!found) return null;
  }
  const code = page.locate("code");
  if (code && isShortInput(code) && page.find("codeStep", page.rootText())) {
    return { page_kind: "code_step", status: "recognised", notes: ["enter_code_from_email"], signals: ["code-step"] };
  }
  if ([...page.scope().querySelectorAll('input[type="password"]')].some(isVisible)) {
    return { page_kind: rule.kind, status: "recognised", notes: ["login_required"], signals: ["password-field"] };
  }
  const structure = page.structure();
  const wording = rule.content ? [rule.content] : wordingOf(page, rule.wording); // by-content rules checked theirs already
  // Wording can only disagree in a language NoTrain has phrases for; in another one, the shape decides alone.
  const ready = structure.shaped && (wording.length > 0 || !speaksKnownLanguage(engine, page));
  return {
    page_kind: rule.kind,
    status: ready ? "form-ready" : "recognised",
    notes: ready ? [] : [notReadyNote(engine, rule, page, structure, wording)],
    signals: [...structure.signals, ...wording],
    plan: rule.plan,
    fillable: ready,
    variant: ready ? variantOf(engine, rule, page) : null,
  };
}

// Why a known form address shows nothing to fill: Meta's answer stands there (sent earlier, or in another tab:
// NoTrain keeps only what follows a send it saw); a form of the right shape that never speaks of AI at Meta or of
// objecting (structure and wording disagree; a platform's form is only asked to speak of objecting); or a page that
// changed.
function notReadyNote(engine, rule, page, structure, wording) {
  const shown = classify(engine, page.text());
  if (shown && ["honoured", "received"].includes(shown.outcome)) return "answer_without_send";
  if (structure.shaped && wording.length === 0) return rule.wording ? "form_not_about_objection" : "form_not_about_ai";
  return "form_changed";
}

const DISAGREE = Symbol("titled like the objection form, without its shape");

// A form of unknown address counts only if a form or dialog on the page has the objection form's shape and carries
// the objection's title, the AI question, or both "AI at Meta" and "object" inside itself (wording and structure
// both, loosely worded or not). That one becomes the root to fill. Titled like the objection form but only partly
// shaped like it (an e-mail field, no text area): wording and structure disagree, and nothing is filled.
function strictRoot(engine, page) {
  const candidates = [...page.scope().getElementsByTagName("form"), ...regionsOf(page.doc, DIALOGS)]
    .filter((c) => c.querySelector('input, textarea, [role="radio"], [role="button"], button'))
    .slice(-MAX_CANDIDATES)
    .reverse();
  let disagreeing = false;
  for (const candidate of candidates) {
    if (!isVisible(candidate)) continue;
    const text = visibleText(candidate);
    const inside = (concept) => findPhrase(text, engine.phrases(concept));
    const titled = inside("objectionTitle") || inside("aiGate");
    if (!(titled || (inside("aiAtMeta") && inside("object")))) continue;
    page.setRoot(candidate);
    const structure = page.structure();
    if (structure.shaped) return candidate;
    if (titled && structure.partly) disagreeing = true;
  }
  return disagreeing ? DISAGREE : null;
}

function variantOf(engine, rule, page) {
  const variants = engine.knowledge.plans[rule.plan].variants;
  return variants.find((v) => !v.field || page.locate(v.field))?.variant ?? null;
}

// The inbox also holds replies to unrelated requests, so only an objection that was honoured counts here.
function supportInbox(engine, rule, page) {
  const confirmation = inboxReplyOf(engine, page);
  return confirmation
    ? { page_kind: "inbox_reply", status: "confirmed", notes: [], confirmation, signals: ["confirmation"] }
    : { page_kind: "other_meta", status: "recognised" };
}

const KINDS = { objection_form: form, third_party_form: form, support_inbox: supportInbox };

function complete(engine, rule, page, found) {
  const service = serviceOf(engine.knowledge.hosts, page.canon.host);
  const offer = FORM_KINDS.has(found.page_kind) ? null : (engine.knowledge.services[service]?.objection_form ?? null);
  return {
    page_kind: found.page_kind,
    service,
    form_id: FORM_KINDS.has(rule.kind) ? formIdOf(page.canon.path) : null,
    variant: found.variant ?? null,
    language: languageOf(engine, page),
    status: found.status ?? "recognised",
    notes: found.notes ?? [],
    url: page.canon.href,
    rule: rule.name,
    plan: found.plan ?? null,
    fillable: found.fillable ?? false,
    signals: found.signals ?? [],
    ...(found.confirmation && { confirmation: found.confirmation }),
    ...(offer && { offer }),
  };
}

// The language the page declares: <html lang>, else ?locale= or a locale host; two letters, or null.
function declaredLanguage(page) {
  const declared = page.doc.documentElement.getAttribute("lang") || page.canon.locale;
  return declared ? declared.slice(0, 2).toLowerCase() : null;
}

// The page's language: <html lang>, then ?locale= or a locale host (fr-fr.facebook.com), then, when the text
// was read anyway, the language of the first known phrase in it. A form whose own title is exactly the objection's
// title in another language speaks that language, whatever the page declares (the declaration follows the account's
// interface language; a form can be shown in another one).
function languageOf(engine, page) {
  const declared = declaredLanguage(page);
  const title = page.formFound() ? findExact(page.rootText(), engine.phrases("objectionTitle")) : null;
  if (declared) return title && title.language !== declared ? title.language : declared;
  if (!page.read()) return null;
  for (const concept of ["objectionTitle", "aiGate", "aiAtMeta", "submit"]) {
    const hit = page.find(concept, page.rootText()) ?? page.find(concept);
    if (hit) return hit.language;
  }
  return null;
}
