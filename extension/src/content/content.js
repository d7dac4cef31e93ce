// The content script: a thin adapter between Meta's page and the engine. It watches the page, asks the engine
// what it is, reports to the background, fills when the user asks (fill-now) and reports confirmations once.
import { knowledge } from '../../rules/index.js';
import { createEngine } from '../engine/index.js';
import { log } from '../engine/log.js';
import { highlight } from './highlight.js';
import { MSG } from './messages.js';
import { createNotice } from './notice.js';

const VERIFY_MS = 600; // long enough for React to re-render and drop a value it did not accept
const IDLE_TIMEOUT_MS = 300; // look at most this late after the page changed, even when it never goes idle

export function start({ api, document, window }) {
  const engine = createEngine(knowledge);
  const translate = (key, substitutions) => api.i18n?.getMessage(key, substitutions) || key;
  const notice = createNotice(document, translate);
  const done = new WeakSet(); // controls filled on this page: never filled twice
  const reported = new Set(); // confirmations already sent
  let detection = null;
  let href = null;
  let fillWanted = false; // the user asked to fill: keep filling fields that appear later (the "Ja" branch)
  let fillState = null; // { filled, notes } of the last fill
  const formValues = {}; // field → what the form held after the fill, attached to the confirmation that follows
  let profile = null; // asked from the background once per fill-now
  let filling = null; // the fill in progress: fills never overlap
  let refill = false; // the page changed during a fill: fill once more afterwards
  let scheduled = false;
  let settled = false; // nothing on this page can change without a new URL (see look)

  const send = (message) => Promise.resolve(api.runtime.sendMessage(message)).catch((error) => {
    log.messages('send failed', message.type, error); // background restarting: the next change reports again
  });

  function state() {
    const d = detection;
    if (!d?.page_kind) return null;
    const filled = fillState?.filled.length && d.status === 'form-ready';
    return {
      service: d.service, page_kind: d.page_kind, form_id: d.form_id, variant: d.variant, language: d.language,
      status: filled ? 'filled' : d.status,
      filled: (fillState?.filled ?? []).map(({ field, label }) => ({ field, label })),
      notes: [...new Set([...d.notes, ...(fillState?.notes ?? [])])],
    };
  }

  function look() {
    scheduled = false;
    const moved = window.location.href !== href;
    if (moved) {
      href = window.location.href;
      fillWanted = false;
      fillState = null;
      profile = null;
    } else if (settled) {
      return detection; // the cheap path for most of Meta's pages
    }
    const before = key(state());
    const expectConfirmation = Object.keys(formValues).length > 0 || detection?.fillable === true;
    detection = engine.detect(document, href, { expectConfirmation });
    if (detection.confirmation) report(detection);
    if (fillWanted && detection.fillable) fill();
    else if (key(state()) !== before) {
      log.lifecycle('page', href, state());
      send({ type: MSG.pageState, state: state() });
    }
    // Watch the DOM only while this page can still change into something else: a form, an inbox, a dialog that
    // may close on a confirmation. Settled pages wait for the next navigation instead.
    settled = detection.status === 'confirmed' ||
      (!engine.watches(href) && !expectConfirmation && detection.page_kind !== 'objection_form');
    observe(!settled || !hearsNavigation);
    return detection;
  }

  function report(found) {
    const confirmation = engine.confirmationRecord(found, { url: href, form: formValues });
    if (reported.has(confirmation.text)) return;
    reported.add(confirmation.text);
    notice.show([translate('confirmation_seen')]);
    send({ type: MSG.confirmationSeen, confirmation });
  }

  function fill() {
    if (filling) {
      refill = true;
      return filling;
    }
    filling = fillOnce().finally(() => {
      filling = null;
      if (refill) {
        refill = false;
        look();
      }
    });
    return filling;
  }

  async function fillOnce() {
    profile ??= (await send({ type: MSG.getProfile }))?.profile ?? {};
    const outcome = await engine.fill(document, detection, profile, { done });
    const filled = [...(fillState?.filled ?? []), ...outcome.filled];
    const news = outcome.filled.length > 0 || outcome.notes.some((n) => !fillState?.notes.includes(n));
    fillState = { filled, notes: [...new Set([...(fillState?.notes ?? []), ...outcome.notes])] };
    Object.assign(formValues, outcome.values);
    highlight(document, outcome.filled.map((f) => f.element));
    if (!news) return state(); // a re-run after a page change that found nothing new to do
    if (filled.length && !fillState.notes.includes('review_and_send')) fillState.notes.push('review_and_send');
    await new Promise((resolve) => window.setTimeout(resolve, VERIFY_MS));
    if (outcome.verify().length && !fillState.notes.includes('value_not_accepted')) fillState.notes.push('value_not_accepted');
    const current = state();
    const lines = [...(filled.length ? [translate('notice_filled', [String(filled.length)])] : []),
      ...current.notes.filter((n) => n !== 'review_and_send').map((n) => translate(n))];
    if (lines.length) notice.show(lines);
    send({ type: MSG.pageState, state: current });
    log.steps(outcome.results);
    return current;
  }

  const handlers = {
    [MSG.getPageState]: () => ({ state: state() }),
    [MSG.fillNow]: async () => {
      look();
      if (!detection?.fillable) return { ok: false, state: state() };
      fillWanted = true;
      profile = null; // the user may have just changed it in NoTrain's settings
      return { ok: true, state: await fill() };
    },
  };

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const handler = handlers[message?.type];
    if (!handler) return false;
    Promise.resolve(handler(message)).then(sendResponse, () => sendResponse({ ok: false, state: state() }));
    return true; // the answer comes later
  });

  // React renders in bursts: one look per burst, when the page is idle (or after IDLE_TIMEOUT_MS at the latest).
  const later = window.requestIdleCallback
    ? (fn) => window.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
    : (fn) => window.setTimeout(fn, IDLE_TIMEOUT_MS);
  const observer = new window.MutationObserver((records) => {
    if (!scheduled && records.some((record) => !isOurs(record))) {
      scheduled = true;
      later(look);
    }
  });
  let observing = false;
  function observe(wanted) {
    if (wanted === observing) return;
    observing = wanted;
    if (!wanted) return observer.disconnect();
    // Forms appear as new nodes or by losing `hidden`/a style; `class` is left out: our outline sets one.
    observer.observe(document.documentElement, {
      childList: true, subtree: true, characterData: true,
      attributes: true, attributeFilter: ['hidden', 'style', 'aria-hidden', 'open'],
    });
  }
  // Single-page navigation (history.pushState) without a DOM change we watch: the Navigation API tells us where
  // it exists (Chromium); elsewhere the observer stays on and its callback is the cheap path of look().
  const hearsNavigation = typeof window.navigation?.addEventListener === 'function';
  if (hearsNavigation) window.navigation.addEventListener('navigatesuccess', () => later(look));
  window.addEventListener('popstate', () => later(look));
  window.addEventListener('pagehide', () => observe(false), { once: true });
  look();
  return { look, state, stop: () => observe(false) };
}

const key = (state) => JSON.stringify(state);

// Our own notice and outline style change the DOM too; looking again because of them would loop.
const isOurs = (record) => [...record.addedNodes, ...record.removedNodes].length > 0 &&
  [...record.addedNodes, ...record.removedNodes].every((node) => node.nodeName === 'NOTRAIN-NOTICE' || node.dataset?.notrain !== undefined);

const api = globalThis.browser ?? globalThis.chrome;
if (api?.runtime?.id && globalThis.document) start({ api, document: globalThis.document, window: globalThis });
