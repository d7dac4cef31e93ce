// Which Meta page is this, and in what state? A document and its URL in, plain data out (safe to post to the
// background). The URL picks the rules; the content decides whether a form is really there. Cheap first: a
// page whose rule needs no content (most of Meta) is answered from its URL without reading the DOM.
// What Meta shows after a send is not read here: capture.js reads it, once the user sent a form (send-watch.js).
import { isMetaUrl } from '../shared/meta-domains.js';
import { classify, inboxReplyOf } from './capture.js';
import { DIALOGS, controlsIn, formRoot, isShortInput, locate, locateAnswer, mainOf, regionsOf } from './locate.js';
import { findPhrase, isVisible, normalize, visibleText } from './text.js';
import { canonicalize, formIdOf, isShim, serviceOf } from './url.js';

const FORM_KINDS = new Set(['objection_form', 'third_party_form']);
const MAX_CANDIDATES = 8; // forms or dialogs looked into on a page without a known form URL

/**
 * @returns a detection: { page_kind, service, form_id, variant, language, status, notes } as in the extension's
 *   page-state contract, plus what the engine needs later: { url, rule, plan, fillable, confirmation?, offer?,
 *   signals }. page_kind is null off Meta's own origins (then `lookalike` says whether it copies the form).
 *   `confirmation` is Meta's reply in the Support Inbox only.
 */
export function detect(engine, doc, href) {
  const canon = canonicalize(engine.knowledge.hosts, href);
  if (!canon || !doc.body) return notMeta(false);
  const page = readPage(engine, doc, canon, false);
  if (!isMetaUrl(href)) {
    // Content scripts run on Meta's domains only; this guards against a wrong match pattern or a copied page.
    return notMeta(Boolean(page.find('objectionTitle') && page.locate('email')));
  }
  // A link shim (l.facebook.com/l.php?u=<form>) only leads to a page: what it names is not what it shows.
  if (isShim(engine.knowledge.hosts, href)) return complete(engine, { name: null, kind: 'other_meta' }, page, { page_kind: 'other_meta' });
  for (const rule of engine.rulesFor(canon)) {
    const found = KINDS[rule.kind] ? KINDS[rule.kind](engine, rule, page) : { page_kind: rule.kind, status: 'recognised' };
    if (found) return complete(engine, rule, page, found);
  }
  return complete(engine, { name: null, kind: 'other_meta' }, page, { page_kind: 'other_meta' });
}

const notMeta = (lookalike) => ({ page_kind: null, status: null, fillable: false, lookalike, notes: [], signals: [] });

// Everything a check may read, each computed at most once and only when asked for. A pass reads <main> only;
// dialogs and live regions elsewhere are looked for only when `wide` (a form of unknown address, which may be
// a dialog): scanning all of a large page costs more than a pass may.
function readPage(engine, doc, canon, wide) {
  const memo = new Map();
  const once = (key, compute) => (memo.has(key) ? memo.get(key) : memo.set(key, compute()).get(key));
  const page = {
    engine, doc, canon, wide,
    scope: () => once('scope', () => mainOf(doc)),
    root: () => once('root', () => formRoot(doc, { scope: page.scope(), dialogs: page.wide })),
    setRoot: (root) => memo.set('root', root).set('rootText', visibleText(root)).delete('controls'),
    /** Finds a field of fields.json in the form, sharing one list of controls between lookups. */
    locate: (field) => locate(engine, page.root(), field, undefined, once('controls', () => controlsIn(page.root()))),
    locateAnswer: (answer, question) => locateAnswer(engine, page.root(), answer, question, once('controls', () => controlsIn(page.root()))),
    regions: () => once('regions', () => (page.wide ? contentRegions(doc, page.scope()) : [page.scope()])),
    text: () => once('text', () => page.regions().map(visibleText).join(' ')),
    rootText: () => once('rootText', () => visibleText(page.root())),
    title: () => once('title', () => normalize(doc.title)),
    /** The first phrase of a concept in the page's content (or `where`), else in its title. */
    find: (concept, where) => findPhrase(where ?? page.text(), engine.phrases(concept)) ??
      (where ? null : findPhrase(page.title(), engine.phrases(concept))),
    read: () => memo.has('text') || memo.has('rootText'),
  };
  return page;
}

// Where Meta puts what the user reads: <main> (the body when there is none), open dialogs, and live regions
// (a "request sent" toast). Never the feed or the navigation beside them: they are large and say nothing here.
const REGIONS = new Set(['dialog', 'alertdialog', 'alert', 'status']);
function contentRegions(doc, main) {
  const extra = [...regionsOf(doc, DIALOGS), ...regionsOf(doc, REGIONS)].filter((r) => !main.contains(r) && isVisible(r));
  return [main, ...extra.filter((r) => !extra.some((outer) => outer !== r && outer.contains(r)))];
}

function form(engine, rule, page) {
  if (rule.content === 'strict') page.wide = true;
  if (rule.content === 'strict' && !strictRoot(engine, page)) return null;
  const code = page.locate('code');
  if (code && isShortInput(code) && page.find('codeStep', page.rootText())) {
    return { page_kind: 'code_step', status: 'recognised', notes: ['enter_code_from_email'], signals: ['code-step'] };
  }
  if ([...page.scope().querySelectorAll('input[type="password"]')].some(isVisible)) {
    return { page_kind: rule.kind, status: 'recognised', notes: ['login_required'], signals: ['password-field'] };
  }
  const signals = [];
  if (page.locateAnswer('yes', 'aiGate')) signals.push('gate');
  if (page.locate('email')) signals.push('email-field');
  const ai = rule.content === 'strict' ? ['strict'] : aiSignals(page);
  const ready = signals.length > 0 && (rule.content === 'any' || ai.length > 0);
  return {
    page_kind: rule.kind, status: ready ? 'form-ready' : 'recognised', notes: ready ? [] : [notReadyNote(engine, page)],
    signals: [...signals, ...ai], plan: rule.plan, fillable: ready, variant: ready ? variantOf(engine, rule, page) : null,
  };
}

// Why a known form address shows no form to fill: Meta's answer stands there (sent earlier, or in another tab:
// NoTrain keeps only what follows a send it saw), or the page changed.
function notReadyNote(engine, page) {
  const shown = classify(engine, page.text());
  return shown && ['honoured', 'received'].includes(shown.outcome) ? 'answer_without_send' : 'form_changed';
}

// A form of unknown address counts only if a form or dialog on the page carries the objection's title, the
// AI question, or both "AI at Meta" and "object" inside itself. That one becomes the root to fill.
function strictRoot(engine, page) {
  const candidates = [...page.scope().getElementsByTagName('form'), ...regionsOf(page.doc, DIALOGS)]
    .filter((c) => c.querySelector('input, textarea, [role="radio"], [role="button"], button')).slice(-MAX_CANDIDATES).reverse();
  for (const candidate of candidates) {
    if (!isVisible(candidate)) continue;
    const text = visibleText(candidate);
    const inside = (concept) => findPhrase(text, engine.phrases(concept));
    if (inside('objectionTitle') || inside('aiGate') || (inside('aiAtMeta') && inside('object'))) {
      page.setRoot(candidate);
      return candidate;
    }
  }
  return null;
}

// On a known form address the page must still speak of AI at Meta somewhere (title, question or text).
function aiSignals(page) {
  return [['objectionTitle', 'title'], ['aiGate', 'gate-question'], ['aiAtMeta', 'ai-text']]
    .filter(([concept]) => page.find(concept)).map(([, signal]) => signal);
}

function variantOf(engine, rule, page) {
  const variants = engine.knowledge.plans[rule.plan].variants;
  return variants.find((v) => !v.field || page.locate(v.field))?.variant ?? null;
}

// The inbox also holds replies to unrelated requests, so only an objection that was honoured counts here.
function supportInbox(engine, rule, page) {
  const confirmation = inboxReplyOf(engine, page);
  return confirmation
    ? { page_kind: 'inbox_reply', status: 'confirmed', notes: [], confirmation, signals: ['confirmation'] }
    : { page_kind: 'other_meta', status: 'recognised' };
}

const KINDS = { objection_form: form, third_party_form: form, support_inbox: supportInbox };

function complete(engine, rule, page, found) {
  const service = serviceOf(engine.knowledge.hosts, page.canon.host);
  const offer = FORM_KINDS.has(found.page_kind) ? null : engine.knowledge.services[service]?.objection_form ?? null;
  return {
    page_kind: found.page_kind,
    service,
    form_id: FORM_KINDS.has(rule.kind) ? formIdOf(page.canon.path) : null,
    variant: found.variant ?? null,
    language: languageOf(engine, page),
    status: found.status ?? 'recognised',
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

// The page's language: <html lang>, then ?locale= or a locale host (fr-fr.facebook.com), then, when the text
// was read anyway, the language of the first known phrase in it.
function languageOf(engine, page) {
  const declared = page.doc.documentElement.getAttribute('lang') || page.canon.locale;
  if (declared) return declared.slice(0, 2).toLowerCase();
  if (!page.read()) return null;
  for (const concept of ['objectionTitle', 'aiGate', 'aiAtMeta', 'submit']) {
    const hit = page.find(concept, page.rootText()) ?? page.find(concept);
    if (hit) return hit.language;
  }
  return null;
}
