// Filling the objection form on this page: at once when it is recognised (auto-fill, on unless the user switched
// it off), or when the user asks ("Fill now" in the popup); fields that appear later (the "yes" branch, a dialog)
// are filled as they appear. Only empty fields, never the e-mailed code, never the send button (engine/fill.js).
// The notice says what was filled and offers Undo, which puts back exactly what the page held.
import { highlight, unhighlight } from "./highlight.js";
import { MSG } from "./messages.js";

const VERIFY_MS = 600; // long enough for React to re-render and drop a value it did not accept

/**
 * @param {object} options
 * @param {object} options.engine  the engine (engine/index.js)
 * @param {Document} options.document
 * @param {Window & typeof globalThis} options.window  the page's window (jsdom's in tests)
 * @param {(message: object) => Promise<any>} options.send  a message to the background
 * @param {(key: string, substitutions?: string[]) => string} options.translate
 * @param {{show: Function, close: Function}} options.notice  the in-page notice
 * @param {(change: { refill?: boolean }) => void} options.changed  the fill state changed: report the page state
 *   (`refill`: the page changed during a fill, so fill once more)
 */
export function createAutofill({ engine, document, window, send, translate, notice, changed }) {
  let session = fresh();

  /**
   * @returns {{ done: WeakSet<object>, filled: import('../engine/fill.js').Filled[], notes: string[],
   *   values: Record<string, string>, requested: boolean, undone: boolean, profile: object | null,
   *   filling: Promise<unknown> | null, again: boolean, offeredSetup: boolean }}
   */
  function fresh() {
    return {
      done: new WeakSet(), // controls filled on this page: never filled twice, even after the user emptied them
      filled: [], // { field, label, value, element, undo } in the order filled
      notes: [],
      values: {}, // field → what the form held after the last fill
      requested: false, // the user pressed "Fill now": fill on even after Undo, and fields that appear later
      undone: false, // the user pressed Undo: no auto-fill on this page until "Fill now"
      profile: null,
      filling: null,
      again: false,
      offeredSetup: false,
    };
  }

  /** Whether to fill a fillable form now: the user asked, or auto-fill is on and was not undone. */
  const wants = (auto) => session.requested || (auto && !session.undone);

  /** Fills what can be filled of `detection`'s form; one fill at a time, once more if the page changed meanwhile. */
  function fill(detection) {
    if (session.filling) {
      session.again = true;
      return session.filling;
    }
    const current = session;
    current.filling = fillOnce(detection, current).finally(() => {
      current.filling = null;
      if (current.again && current === session) {
        current.again = false;
        changed({ refill: true });
      }
    });
    return current.filling;
  }

  async function fillOnce(detection, current) {
    current.profile ??= (await send({ type: MSG.getProfile }))?.profile ?? {};
    if (!hasProfile(current.profile) && !current.requested) return offerSetup(current);
    const outcome = await engine.fill(document, detection, current.profile, { done: current.done });
    if (current !== session) return null; // the page moved on meanwhile
    const news = outcome.filled.length > 0 || outcome.notes.some((n) => !current.notes.includes(n));
    current.filled.push(...outcome.filled);
    current.notes = [...new Set([...current.notes, ...outcome.notes])];
    Object.assign(current.values, outcome.values);
    highlight(
      document,
      outcome.filled.map((f) => f.element),
    );
    if (!news) return null;
    if (current.filled.length && !current.notes.includes("review_and_send")) current.notes.push("review_and_send");
    await new Promise((resolve) => window.setTimeout(resolve, VERIFY_MS));
    // An Undo meanwhile put the fields back: what they hold now is the page's own, not a value the page refused.
    if (!outcome.filled.every((entry) => current.filled.includes(entry))) return outcome;
    if (outcome.verify().length && !current.notes.includes("value_not_accepted"))
      current.notes.push("value_not_accepted");
    showFilled(current);
    changed({});
    return outcome;
  }

  function showFilled(current) {
    const lines = current.filled.length
      ? [
          translate("notice_filled_fields", [
            [...new Set(current.filled.map((f) => translate(`field_${f.field.toLowerCase()}`)))].join(", "),
          ]),
        ]
      : [];
    lines.push(...current.notes.filter((n) => n !== "review_and_send").map((n) => translate(n)));
    const undoable = current.filled.some((f) => f.undo);
    if (lines.length) notice.show(lines, undoable ? [{ label: translate("notice_undo"), run: undo }] : []);
  }

  // No profile yet: nothing is filled; the notice offers to set one up (once per page).
  function offerSetup(current) {
    if (current.offeredSetup) return null;
    current.offeredSetup = true;
    notice.show(
      [translate("notice_no_profile")],
      [{ label: translate("notice_setup"), run: () => send({ type: MSG.openOptions }) }],
    );
    return null;
  }

  /**
   * Puts back what the page held before NoTrain filled it, field by field, leaving alone any field the user
   * changed since; then fills nothing more on this page until the user asks. Returns how many were put back.
   */
  function undo() {
    let restored = 0;
    for (const entry of [...session.filled].reverse()) {
      if (entry.undo?.still()) {
        entry.undo.restore();
        restored++;
      }
    }
    unhighlight(session.filled.map((f) => f.element));
    session.filled = [];
    session.notes = [];
    session.values = {};
    session.undone = true;
    session.requested = false;
    notice.show([translate("notice_undone")]);
    changed({});
    return restored;
  }

  return {
    wants,
    fill,
    undo,
    /** The user asked to fill ("Fill now"): read the profile again, fill even after Undo or fields they emptied. */
    request() {
      session.requested = true;
      session.done = new WeakSet();
      session.undone = false;
      session.profile = null; // the user may have just changed it in NoTrain's settings
    },
    /** A new page (another address): forget this one's fill. */
    reset() {
      session = fresh();
    },
    state: () => ({ filled: session.filled, notes: session.notes }),
    values: () => session.values,
  };
}

// A profile worth filling from: at least the e-mail address the objection is about.
const hasProfile = (profile) => typeof profile?.email === "string" && profile.email.trim() !== "";
