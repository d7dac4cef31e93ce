// The user's own send of a recognised form, and what Meta shows after it. A confirmation is kept only when it
// follows a trusted click (or key press) on the form's send control, or the form's submit event, in this tab;
// within ANSWER_WINDOW_MS; and without leaving for a page that the send did not lead to. Text that merely reads
// like a confirmation (a post quoting one, a page visited later) is never taken for the user's.

import { ANSWER_WINDOW_MS, NAVIGATION_GRACE_MS } from "../shared/send-timing.js";

const SENDABLE = new Set(["objection_form", "third_party_form", "code_step"]);
const ACTIVATION_KEYS = new Set(["Enter", " "]);

/**
 * @param {object} options
 * @param {object} options.engine  the engine (engine/index.js)
 * @param {Document} options.document
 * @param {Window & typeof globalThis} options.window  the page's window (jsdom's in tests)
 * @param {(event: Event) => boolean} options.isTrusted  whether the user made the event (event.isTrusted)
 * @param {() => number} options.now  the clock, in milliseconds
 * @param {(sent: {sentAt: number, href: string, values: object}) => void} options.onSent  the user sent a form
 */
export function createSendWatch({ engine, document, window, isTrusted, now, onSent }) {
  let form = null; // { detection, root } of the sendable form on the page now
  let armed = null; // { watch, sentAt, href, values, detection, navigated }

  function track(detection) {
    form = SENDABLE.has(detection?.page_kind) ? { detection, root: engine.formRoot(document) } : null;
  }

  function arm() {
    armed = {
      watch: engine.watchSend(document, form.root),
      sentAt: now(),
      href: window.location.href,
      values: engine.readValues(document, form.detection, form.root),
      detection: form.detection,
      navigated: false,
    };
    onSent({ sentAt: armed.sentAt, href: armed.href, values: armed.values });
  }

  const onSendControl = (target) => {
    const control = form && engine.sendControl(form.root);
    return Boolean(control && target instanceof window.Node && control.contains(target));
  };
  const listeners = {
    click: (event) => form && isTrusted(event) && onSendControl(event.target) && arm(),
    keydown: (event) =>
      form && isTrusted(event) && ACTIVATION_KEYS.has(event.key) && onSendControl(event.target) && arm(),
    submit: (event) => form && isTrusted(event) && related(event.target, form.root) && arm(),
  };
  // Capture phase: Meta's handlers may stop the event, or replace the form, before it bubbles up to us.
  for (const [type, listener] of Object.entries(listeners)) document.addEventListener(type, listener, true);

  /**
   * What Meta shows now for the send being watched, or null: { answer, sentAt, values, detection }. Ends the wait
   * after ANSWER_WINDOW_MS, on a navigation the send did not cause, and once an answer was read (a code request
   * ends it too: the code step is sent again by the user).
   */
  function check() {
    if (!armed) return null;
    const elapsed = now() - armed.sentAt;
    if (elapsed > ANSWER_WINDOW_MS) return stop();
    if (window.location.href !== armed.href) {
      if (armed.navigated || elapsed > NAVIGATION_GRACE_MS || !sameOrigin(window.location.href, armed.href))
        return stop();
      armed.navigated = true;
      armed.href = window.location.href;
    }
    const answer = engine.answerAfterSend(document, armed.watch, { navigated: armed.navigated });
    if (!answer) return null;
    const seen = { answer, sentAt: armed.sentAt, values: armed.values, detection: armed.detection };
    stop();
    return seen;
  }

  /** Goes on watching a send made on the page before this one, which led here (a full page load). */
  function resume({ sentAt, href, values, detection }) {
    if (now() - sentAt > NAVIGATION_GRACE_MS || !sameOrigin(window.location.href, href)) return;
    armed = {
      watch: { root: null, places: [], before: new Set(), typed: [] },
      sentAt,
      href: window.location.href,
      values,
      detection,
      navigated: true,
    };
  }

  function stop() {
    armed = null;
    return null;
  }

  return {
    track,
    check,
    resume,
    isWaiting: () => armed !== null,
    /** The root of the sendable form on the page now, or null. */
    root: () => form?.root ?? null,
    stop() {
      stop();
      for (const [type, listener] of Object.entries(listeners)) document.removeEventListener(type, listener, true);
    },
  };
}

// A submit event of the form itself, of a form inside the watched root, or of the form around it.
const related = (target, root) =>
  Boolean(target && root && (target === root || root.contains(target) || target.contains?.(root)));

function sameOrigin(a, b) {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
