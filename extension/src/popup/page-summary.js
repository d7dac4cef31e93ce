// What the popup says about the current tab: what the page is, what to do next, and the one next step it offers
// as its primary button. Pure: takes the page state from the content script (or null) and returns message keys.
import { serviceToObjectOn } from "../shared/coverage.js";
import { formPlatforms } from "../shared/platforms.js";

export const FILLABLE_KINDS = new Set(["objection_form", "third_party_form"]);
// The step that asks for the e-mailed code: the objection is under way there, nothing else to open.
const UNDER_WAY_KINDS = new Set(["code_step"]);

// On a platform's objection form (LinkedIn's), these say what they say about Meta's without naming Meta.
const PLATFORM_KEYS = new Set(["kind_confirmation", "next_objection_form", "next_form_filled", "next_confirmation"]);
const PLATFORM_NAMES = new Set(formPlatforms().map((platform) => platform.name));

// The content script's notes that the next-step line of a filled form says already.
const SAID_BY_FILLED_STEP = Object.freeze(["review_and_send"]);

export function describePage(state) {
  if (!state)
    return { summaryKey: "page_not_meta", nextKey: "next_not_meta", canFill: false, canUndo: false, sameAsNext: [] };
  let nextKey = `next_${state.page_kind}`;
  const onForm = FILLABLE_KINDS.has(state.page_kind) && state.status !== "confirmed";
  if (FILLABLE_KINDS.has(state.page_kind)) {
    if (state.status === "filled") nextKey = "next_form_filled";
    else if (state.status === "confirmed") nextKey = "next_confirmation";
  }
  const worded = (key) => (PLATFORM_NAMES.has(state.service) && PLATFORM_KEYS.has(key) ? `${key}_platform` : key);
  const summaryKey = worded(`kind_${state.page_kind}`);
  nextKey = worded(nextKey);
  // A filled form offers Undo, not a second fill: filling again would change nothing. Its next-step line already
  // says to check and send: the page's note saying the same is not shown twice.
  const sameAsNext = state.status === "filled" ? SAID_BY_FILLED_STEP : [];
  return {
    summaryKey,
    nextKey,
    canFill: onForm && state.status !== "filled",
    canUndo: onForm && state.status === "filled",
    sameAsNext,
  };
}

/**
 * The heading and the line above answers in unknown words: they name Meta unless one of the answers is a platform's
 * (LinkedIn's), which they ask about without naming Meta.
 * @param {{ service: string }[]} items
 */
export function answersQuestionKeys(items) {
  const suffix = items.some((item) => PLATFORM_NAMES.has(item.service)) ? "_platform" : "";
  return { headingKey: `popup_answers_heading${suffix}`, introKey: `popup_answers_intro${suffix}` };
}

/**
 * The popup's one primary button: fill the form in this tab, or open the form of a service not objected on yet
 * (this page's service first; after Meta's answer, the next service), or nothing (on the form already filled, the
 * code step, or when every service is covered).
 * @returns {{ kind: "fill" } | { kind: "object", service: string } | null}
 */
export function primaryStep(state, lines) {
  const page = describePage(state);
  if (page.canFill) return { kind: "fill" };
  if (state && (FILLABLE_KINDS.has(state.page_kind) || UNDER_WAY_KINDS.has(state.page_kind))) return null;
  const service = serviceToObjectOn(lines, state?.service ?? null);
  return service ? { kind: "object", service } : null;
}
