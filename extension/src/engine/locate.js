// Finding a form's controls by what a person sees (control kind, type, autocomplete, label text), never by
// Meta's generated ids or class names.
import { findExact, findPhrase } from "./phrases.js";
import { CONTROLS, EDITORS, isTextEditor, isVisible, labelOf, visibleText } from "./text.js";

const TEXT_TYPES = new Set(["", "text", "email", "tel", "number", "search", "url"]);

/** The kind of control an element is, in the vocabulary of fields.json, or null. */
export function controlKind(element) {
  const tag = element.tagName;
  const role = element.getAttribute("role");
  if (tag === "TEXTAREA" || isTextEditor(element)) return "textarea";
  if (tag === "SELECT") return "select";
  if (tag === "INPUT") {
    const type = (element.getAttribute("type") ?? "").toLowerCase();
    if (type === "checkbox") return "checkbox";
    if (type === "radio") return "radio";
    if (type === "submit" || type === "button") return "button";
    return TEXT_TYPES.has(type) ? (role === "combobox" ? "combobox" : "text") : null;
  }
  if (tag === "BUTTON" || role === "button") return "button";
  if (role === "checkbox" || role === "radio" || role === "combobox") return role;
  return null;
}

function usable(element) {
  return !element.disabled && element.getAttribute("aria-disabled") !== "true" && isVisible(element);
}

const FILLABLE = `input[type="email"], input[type="text"], input:not([type]), textarea, select, [role="combobox"], input[type="radio"], [role="radio"], input[type="checkbox"], ${EDITORS}`;

/**
 * The element that holds the form: of the forms in `scope` (and, with `dialogs`, the open dialogs anywhere), the
 * one with the most fields a person fills in (a header search box or a cookie banner's switches lose against
 * the objection form), the later dialog on a tie; else the scope. Scoping keeps a search box or a chat box
 * elsewhere on the page out of reach.
 */
export function formRoot(doc, { scope = mainOf(doc), dialogs = true } = {}) {
  const candidates = [...scope.getElementsByTagName("form"), ...(dialogs ? regionsOf(doc, DIALOGS) : [])];
  let best = null;
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = candidate.querySelectorAll(FILLABLE).length;
    const better = count > bestCount || (count === bestCount && count > 0 && candidate.tagName !== "FORM");
    if (better && isVisible(candidate)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best ?? scope;
}

export const DIALOGS = new Set(["dialog", "alertdialog"]);
const PASS_BY = new Set(["feed", "article", "navigation", "banner", "complementary", "contentinfo", "search"]);
const REGION_DEPTH = 8;

/**
 * The elements with one of `roles` (and open <dialog>s for the dialog roles), found without visiting a large
 * page whole: down to REGION_DEPTH levels, passing by the feed, articles and navigation, where Meta puts neither
 * its dialogs (portals near the top of the body) nor its toasts; plus the dialog that holds the focus.
 */
export function regionsOf(doc, roles) {
  const found = roles === DIALOGS ? [...doc.getElementsByTagName("dialog")].filter((d) => d.open) : [];
  const visit = (element, depth) => {
    for (const child of element.children) {
      const role = child.getAttribute("role");
      if (roles.has(role)) found.push(child);
      else if (depth < REGION_DEPTH && !PASS_BY.has(role)) visit(child, depth + 1);
    }
  };
  visit(doc.body, 0);
  const focused = doc.activeElement?.closest?.('[role="dialog"], [role="alertdialog"]');
  if (roles === DIALOGS && focused && !found.includes(focused)) found.push(focused);
  return found;
}

const MAIN_SEARCH = 5000; // elements before role="main" (banner, navigation); beyond that, the body it is

/**
 * The page's main region (<main> or role="main"), else its body. Found by walking from the top and stopping at
 * the first: a selector query would look at every element of a large page first (in jsdom, and in browsers
 * for selector lists).
 */
export function mainOf(doc) {
  // Kept while it stays in the page: after any change, looking again costs a walk of the whole document.
  const known = mains.get(doc);
  if (known?.isConnected && known !== doc.body) return known;
  const found = findMain(doc);
  mains.set(doc, found);
  return found;
}
const mains = new WeakMap();

function findMain(doc) {
  const main = doc.getElementsByTagName("main")[0];
  if (main) return main;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(), seen = 0; node && seen < MAIN_SEARCH; node = walker.nextNode(), seen++) {
    if (node.getAttribute("role") === "main") return node;
  }
  return doc.body;
}

/**
 * The control for one field of fields.json inside `root`, or null. Each candidate scores: a label in any
 * language (3), a telling type or autocomplete (2), a select that lists countries (2). A candidate needs 2;
 * a field marked `alone` also takes the only control of its kind. Controls already `claimed` are skipped.
 */
export function locate(engine, root, fieldName, claimed = new Set(), controls = controlsIn(root)) {
  const field = engine.knowledge.fields[fieldName];
  const labels = engine.phrases(field.label);
  const candidates = controls.filter((c) => field.controls.includes(c.kind) && !claimed.has(c.element) && c.usable());
  let best = null;
  for (const candidate of candidates) {
    const score = scoreOf(field, labels, candidate);
    if (score >= 2 && (!best || score > best.score)) best = { element: candidate.element, score };
  }
  if (best) return best.element;
  return field.alone && candidates.length === 1 ? candidates[0].element : null;
}

/**
 * The controls under `root` with their kind; label and visibility are worked out once, when first needed.
 * A detection pass shares one list between its lookups (the page does not change during a pass).
 */
export function controlsIn(root) {
  return [...root.querySelectorAll(CONTROLS)]
    .map((element) => {
      let label;
      let shown;
      return {
        element,
        kind: controlKind(element),
        label: () => (label ??= labelOf(element)),
        usable: () => (shown ??= usable(element)),
      };
    })
    .filter((c) => c.kind);
}

function scoreOf(field, labels, candidate) {
  const control = candidate.element;
  let score = findPhrase(candidate.label(), labels) ? 3 : 0;
  if (field.inputmode?.includes((control.getAttribute("inputmode") ?? "").toLowerCase())) score += 2;
  if (field.looksLike === "email" && [control.value, control.getAttribute("placeholder")].some(looksLikeEmail))
    score += 2;
  const type = (control.getAttribute("type") ?? "").toLowerCase();
  const autocomplete = (control.getAttribute("autocomplete") ?? "").toLowerCase().split(/\s+/);
  if (field.types?.includes(type)) score += 2;
  if (field.autocomplete?.some((token) => autocomplete.includes(token))) score += 2;
  if (field.countryOptions && control.tagName === "SELECT" && control.options.length >= 20) score += 2;
  if (field.short && score > 0 && isShortInput(control)) score += 1;
  return score;
}

// An address Meta filled in, or a placeholder such as "name@example.com": the field is for an e-mail address.
const looksLikeEmail = (text) => typeof text === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());

/** The form's free-text area (a <textarea> a person can type in), or null. */
export function freeTextIn(root, controls = controlsIn(root)) {
  return controls.find((c) => c.kind === "textarea" && c.usable())?.element ?? null;
}

/** A field sized for a one-time code (maxlength up to 8, numeric keyboard, or one-time-code autocomplete). */
export function isShortInput(control) {
  const max = Number(control.getAttribute("maxlength"));
  return (
    (max > 0 && max <= 8) ||
    control.getAttribute("inputmode") === "numeric" ||
    (control.getAttribute("autocomplete") ?? "").includes("one-time-code")
  );
}

/**
 * The answer to a question on the page: a radio, a radio-like or a plain button whose label is `answer`
 * (e.g. "Ja") and which sits within a few levels of the `question` text (e.g. "Bezieht sich deine Anfrage auf
 * KI bei Meta?"). Returns null when the question is not on the page.
 */
export function locateAnswer(engine, root, answer, question, controls = controlsIn(root)) {
  const answers = engine.phrases(answer);
  const questions = engine.phrases(question);
  const options = controls
    .filter((c) => ["radio", "button"].includes(c.kind) && matchesWhole(c.label(), answers) && c.usable())
    .map((c) => c.element);
  for (const option of options) {
    let wrapper = option.parentElement;
    for (let depth = 0; wrapper && depth < 6; depth++, wrapper = wrapper.parentElement) {
      if (findPhrase(visibleText(wrapper), questions)) return option;
      if (wrapper === root) break;
    }
  }
  return null;
}

// An answer label must be the answer and little else ("Ja", "Yes, it is"), not a sentence that contains it.
function matchesWhole(label, answers) {
  const hit = findExact(label, answers);
  return Boolean(hit) && label.length <= hit.phrase.length + 12;
}

/**
 * The control that sends the form held by `root`: the button labelled like a send button in any language, else
 * the form's own submit button, else the last plain button of the form (Meta puts Send last). Radios, check
 * boxes and the answers to a question are never it. Null when the form has no button at all.
 */
export function sendControl(engine, root, controls = controlsIn(root)) {
  const labelled = locate(engine, root, "submit", undefined, controls);
  if (labelled) return labelled;
  const buttons = controls.filter((c) => c.kind === "button" && c.usable());
  const submit = buttons.filter(
    (c) =>
      ["submit", ""].includes((c.element.getAttribute("type") ?? "").toLowerCase()) &&
      (c.element.tagName === "BUTTON" || c.element.type === "submit"),
  );
  return (submit.at(-1) ?? buttons.at(-1))?.element ?? null;
}
