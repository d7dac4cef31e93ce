// The content script: a thin adapter between Meta's page and the engine. It watches the page, asks the engine
// what it is, reports to the background, fills the objection form (autofill.js), and keeps what Meta shows
// after the user's own send (send-watch.js) or replies in the Support Inbox.
import { knowledge } from "../../rules/index.js";
import { isMetaUrl } from "../shared/meta-domains.js";
import { createEngine } from "../engine/index.js";
import { log } from "../engine/log.js";
import { AUTOFILL_KEY, autofillEnabled } from "../shared/autofill-setting.js";
import { createAutofill } from "./autofill.js";
import { showHighlights } from "./highlight.js";
import { MSG } from "./messages.js";
import { createNotice } from "./notice.js";
import { createSendWatch } from "./send-watch.js";

const IDLE_TIMEOUT_MS = 300; // look at most this late after the page changed, even when it never goes idle
const CAPTURE_MS = 1500; // NoTrain's marks stay hidden this long for the background's screenshot
const SETTLE_LIMIT_MS = 10_000; // "settled" answers no later than this, settled or not

// What the popup and the notice say about what Meta showed after the send.
const ANSWER_NOTES = { honoured: [], received: [], unknown: ["answer_unknown_wording"] };
const ANSWER_NOTICES = {
  honoured: "confirmation_seen",
  received: "confirmation_received",
  unknown: "answer_unknown_wording",
};
// On a platform's objection form (LinkedIn's) the texts that name Meta have a wording of their own.
const PLATFORM_WORDING = {
  confirmation_seen: "platform_confirmation_seen",
  confirmation_received: "platform_confirmation_received",
  answer_unknown_wording: "platform_answer_unknown_wording",
  meta_reported_error: "platform_reported_error",
};

/**
 * @param {object} options
 * @param {object} options.api  the extension API (chrome or browser)
 * @param {Document} options.document
 * @param {Window & typeof globalThis} options.window  the page's window (jsdom's in tests)
 * @param {(event: Event) => boolean} [options.isTrusted]  whether the user made an event
 * @param {() => number} [options.now]  the clock, in milliseconds
 */
export function start({ api, document, window, isTrusted = (event) => event.isTrusted, now = () => Date.now() }) {
  const engine = createEngine(knowledge);
  const worded = (key) => (isMetaUrl(window.location.href) ? key : (PLATFORM_WORDING[key] ?? key));
  const translate = (key, substitutions) => api.i18n?.getMessage(worded(key), substitutions) || key;
  const notice = createNotice(document, translate);
  const reported = new Set(); // inbox replies already sent
  let detection = null;
  let href = null;
  let answered = null; // { outcome, kept } once Meta answered the user's send on this page
  let autofillOn = false; // until the setting was read: never fill against the user's switch
  let scheduled = false;
  let settled = false; // nothing on this page can change without a new URL (see look)

  const send = (message) =>
    Promise.resolve(api.runtime.sendMessage(message)).catch((error) => {
      log.messages("send failed", message.type, error); // background restarting: the next change reports again
    });

  const autofill = createAutofill({
    engine,
    document,
    window,
    send,
    translate,
    notice,
    changed: ({ refill }) => (refill ? look() : report()),
  });
  const sendWatch = createSendWatch({
    engine,
    document,
    window,
    isTrusted,
    now,
    onSent: (sent) => {
      send({
        type: MSG.formSent,
        sent: { sent_at: sent.sentAt, url: sent.href, values: sent.values, detection: plainDetection() },
      });
      observe(true); // Meta answers in the page: watch it, however quiet the page was
      settled = false;
    },
  });

  function state() {
    const d = detection;
    if (!d?.page_kind) return null;
    const fill = autofill.state();
    if (answered) {
      const answer = answered.outcome !== "error";
      // "Confirmed" once the confirmation is in the background's hands (stored, or queued for the host), not before.
      const confirmed = answer && answered.kept;
      return {
        service: d.service,
        page_kind: answer ? "confirmation" : d.page_kind,
        form_id: d.form_id,
        variant: d.variant,
        language: d.language,
        status: confirmed ? "confirmed" : "recognised",
        filled: [],
        notes: (!answer ? ["meta_reported_error"] : confirmed ? ANSWER_NOTES[answered.outcome] : []).map(worded),
      };
    }
    const filled = fill.filled.length > 0 && d.status === "form-ready";
    return {
      service: d.service,
      page_kind: d.page_kind,
      form_id: d.form_id,
      variant: d.variant,
      language: d.language,
      status: filled ? "filled" : d.status,
      filled: fill.filled.map(({ field, label }) => ({ field, label })),
      notes: [...new Set([...d.notes, ...fill.notes])],
    };
  }

  let lastReported = null;
  function report() {
    const current = state();
    const key = JSON.stringify(current);
    if (key === lastReported) return;
    lastReported = key;
    log.lifecycle("page", href, current);
    send({ type: MSG.pageState, state: current });
  }

  function look() {
    scheduled = false;
    if (window.location.href !== href) {
      href = window.location.href;
      autofill.reset();
      answered = null;
    } else if (settled) {
      return detection; // the cheap path for most of Meta's pages
    }
    detection = engine.detect(document, href);
    const seen = sendWatch.check();
    if (seen) keepAnswer(seen);
    sendWatch.track(detection);
    if (detection.confirmation) keepInboxReply(detection);
    if (detection.fillable && autofill.wants(autofillOn) && !answered) underWay(autofill.fill(detection));
    report();
    // Watch the DOM only while this page can still change into something else: a form, an inbox, a send waiting
    // for Meta's answer. Settled pages wait for the next navigation instead.
    settled =
      detection.status === "confirmed" ||
      Boolean(answered) ||
      (!engine.watches(href) && !sendWatch.isWaiting() && detection.page_kind !== "objection_form");
    observe(!settled || !hearsNavigation);
    return detection;
  }

  // Meta answered the user's send. The record goes to the background, which takes the screenshot: the notice and
  // the outlines are out of sight until it did, so that the evidence shows Meta's page only.
  function keepAnswer({ answer, sentAt, values, detection: sentFrom }) {
    answered = { outcome: answer.outcome, kept: false };
    if (answer.outcome === "code") {
      answered = null; // the code step: the user types the code and sends again
      return;
    }
    if (answer.outcome === "error") {
      notice.show([translate("meta_reported_error")]);
      return;
    }
    const confirmation = engine.answerRecord(answer, {
      service: sentFrom.service,
      url: href,
      language: sentFrom.language,
      sentAt: new Date(sentAt),
      capturedAt: new Date(now()),
      form: values,
    });
    const current = answered;
    underWay(deliver(confirmation, ANSWER_NOTICES[answer.outcome])).then(() => {
      current.kept = true;
      report();
    });
  }

  function keepInboxReply(found) {
    const confirmation = engine.inboxRecord(found, { url: href, capturedAt: new Date(now()) });
    if (!confirmation || reported.has(confirmation.text)) return;
    reported.add(confirmation.text);
    underWay(deliver(confirmation, "confirmation_seen"));
  }

  // Work under way (fills, deliveries): "settled" waits for it, so that a test or a caller can tell "nothing more
  // will happen" from "not yet".
  const busy = new Set();
  const underWay = (promise) => {
    busy.add(promise);
    promise.finally(() => busy.delete(promise));
    return promise;
  };
  async function whenSettled(timeoutMs = SETTLE_LIMIT_MS) {
    const deadline = now() + timeoutMs;
    while (scheduled || busy.size) {
      if (now() > deadline) return { settled: false, state: state() };
      await Promise.race([...busy, new Promise((resolve) => window.setTimeout(resolve, 50))]);
    }
    return { settled: true, state: state() };
  }

  async function deliver(confirmation, noticeKey) {
    notice.close();
    showHighlights(document, false);
    await nextPaint(window);
    await send({ type: MSG.confirmationSeen, confirmation });
    showHighlights(document, true);
    notice.show([translate(noticeKey)]);
  }

  const plainDetection = () =>
    detection && {
      service: detection.service,
      page_kind: detection.page_kind,
      language: detection.language,
      form_id: detection.form_id,
    };

  const handlers = {
    [MSG.getPageState]: () => ({ state: state() }),
    [MSG.fillNow]: async () => {
      look();
      if (!detection?.fillable || answered) return { ok: false, state: state() };
      autofill.request();
      await autofill.fill(detection);
      return { ok: true, state: state() };
    },
    [MSG.undoFill]: () => ({ ok: true, restored: autofill.undo(), state: state() }),
    // The background is about to take a screenshot of this tab as evidence: nothing of NoTrain in it.
    [MSG.hideMarks]: () => hideMarks(),
    [MSG.whenSettled]: () => whenSettled(),
  };

  async function hideMarks() {
    showHighlights(document, false);
    notice
      .hidden(() => new Promise((resolve) => window.setTimeout(resolve, CAPTURE_MS)))
      .then(() => showHighlights(document, true));
    await nextPaint(window);
    return { ok: true };
  }

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const handler = handlers[message?.type];
    if (!handler) return false;
    Promise.resolve(handler(message)).then(sendResponse, () => sendResponse({ ok: false, state: state() }));
    return true; // the answer comes later
  });

  // The auto-fill switch (full page and popup), read once and followed.
  underWay(Promise.resolve(api.storage?.local?.get(AUTOFILL_KEY))).then(
    (stored) => {
      autofillOn = autofillEnabled(stored);
      if (autofillOn && detection?.fillable) {
        settled = false;
        look();
      }
    },
    () => {},
  );
  api.storage?.onChanged?.addListener((changes, area) => {
    if (area === "local" && AUTOFILL_KEY in changes)
      autofillOn = autofillEnabled({ [AUTOFILL_KEY]: changes[AUTOFILL_KEY].newValue });
  });

  // React renders in bursts: one look per burst, when the page is idle (or after IDLE_TIMEOUT_MS at the latest).
  const later = window.requestIdleCallback
    ? (fn) => window.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
    : (fn) => window.setTimeout(fn, IDLE_TIMEOUT_MS);
  const observer = new window.MutationObserver((records) => {
    if (!scheduled && records.some((record) => !isOurs(record) && matters(record))) {
      scheduled = true;
      later(look);
    }
  });
  // Once the form to fill is found, a change elsewhere (the feed beside it, a counter ticking) cannot change what
  // the page is: only a change inside the form, around it (it may be replaced), or a dialog or message that
  // appears is worth a look. While a send waits for Meta's answer, every change is.
  function matters(record) {
    const root = sendWatch.root();
    if (!root?.isConnected || !detection?.fillable || sendWatch.isWaiting()) return true;
    const target = record.target;
    if (root.contains(target)) return true;
    if (record.type === "attributes") return target.contains(root) || opensRegion(target); // shown, hidden
    return [...record.addedNodes].some(opensRegion); // a form removed makes root disconnected: looked at above
  }

  let observing = false;
  function observe(wanted) {
    if (wanted === observing) return;
    observing = wanted;
    if (!wanted) return observer.disconnect();
    // Forms appear as new nodes or by losing `hidden`/a style; `class` is left out: our outline sets one.
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["hidden", "style", "aria-hidden", "open"],
    });
  }
  // Single-page navigation (history.pushState) without a DOM change we watch: the Navigation API tells us where
  // it exists (Chromium); elsewhere the observer stays on and its callback is the cheap path of look().
  const navigation = /** @type {{ navigation?: EventTarget }} */ (window).navigation;
  const hearsNavigation = typeof navigation?.addEventListener === "function";
  if (hearsNavigation) navigation?.addEventListener("navigatesuccess", () => later(look));
  window.addEventListener("popstate", () => later(look));
  window.addEventListener("pagehide", () => observe(false), { once: true });
  look();
  // A send on the page before this one may have led here (a full page load): the background remembers it briefly.
  underWay(Promise.resolve(send({ type: MSG.takeSentForm }))).then((answer) => {
    const sent = answer?.sent;
    if (!sent) return;
    sendWatch.resume({
      sentAt: sent.sent_at,
      href: sent.url,
      values: sent.values ?? {},
      detection: sent.detection ?? {},
    });
    settled = false;
    look();
  });
  return {
    look,
    state,
    undo: () => autofill.undo(),
    stop: () => {
      observe(false);
      sendWatch.stop();
    },
  };
}

// Two animation frames: the change (notice removed, outlines off) has been painted before a screenshot.
/** @param {Window} window @returns {Promise<void>} */
function nextPaint(window) {
  if (typeof window.requestAnimationFrame !== "function") return Promise.resolve();
  return new Promise((/** @type {() => void} */ resolve) =>
    window.requestAnimationFrame(() => window.requestAnimationFrame(() => resolve())),
  );
}

// A form, a dialog, an alert or a status message, or an element holding one: where Meta shows a form or its answer.
const REGION = 'form, dialog, [role="dialog"], [role="alertdialog"], [role="alert"], [role="status"]';
const opensRegion = (node) => node.nodeType === 1 && (node.matches(REGION) || node.querySelector(REGION) !== null);

// Our own notice and outline style change the DOM too; looking again because of them would loop.
const isOurs = (record) =>
  [...record.addedNodes, ...record.removedNodes].length > 0 &&
  [...record.addedNodes, ...record.removedNodes].every(
    (node) => node.nodeName === "NOTRAIN-NOTICE" || node.dataset?.notrain !== undefined,
  );
