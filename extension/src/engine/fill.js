// Pre-filling a recognised form the way a person would: only empty fields, never the code Meta e-mails, never
// the submit button.
import { controlKind, formRoot, locate, locateAnswer } from "./locate.js";
import { findExact } from "./phrases.js";
import { fieldText, isTextEditor, labelOf, normalize, isVisible } from "./text.js";

const COMBOBOX_WAIT_MS = 1500; // a React drop-down renders its options after the click, sometimes lazily
const POLL_MS = 25;

/**
 * @typedef {{ mark(): void, still(): boolean, restore(): void }} Undo
 * @typedef {{ field: string, label: string, value: string | boolean, element: HTMLElement, undo: Undo | null }} Filled
 */

/**
 * Runs the plan of a detection on `doc`. `done` remembers the controls filled in earlier runs on this page, so a
 * later run (after the page showed more fields) never refills a field the user has since cleared.
 * @returns {Promise<{results: {action, field, status, ok, pageValue?}[], filled: {field, label, value, element, undo}[],
 *   notes: string[], values: {}, verify: () => string[]}>}  values: what the text and country fields hold
 *   afterwards, filled by NoTrain or not (field → text); verify() names the fields the page has dropped since.
 * `undo` of a filled entry: { still() (the field shows what NoTrain put there), restore() (puts back what the page
 * held, React state included) }, null where nothing can be put back (a custom drop-down).
 * Statuses: filled, checked, chosen, found; kept (already set, or filled before); differs (the page holds another
 * value, left for the user); no-value (nothing to put there); no-option (the list lacks the country); manual (a
 * control the engine cannot drive); missing (not on the page).
 * @param {import('./index.js').Engine} engine
 * @param {Document} doc
 * @param {{ plan: string, language: string }} detection
 * @param {Record<string, unknown> | null} profile
 * @param {{ done?: WeakSet<object>, root?: Element }} [options]
 */
export async function fillForm(engine, doc, detection, profile, { done = new WeakSet(), root } = {}) {
  const ctx = {
    engine,
    doc,
    root: root ?? formRoot(doc),
    profile: profile ?? {},
    done,
    language: detection.language,
    claimed: new Set(),
    /** @type {{ field: string, holds: () => boolean }[]} */ expected: [],
    /** @type {Filled[]} */ filled: [],
    /** @type {Record<string, string>} */ values: {},
  };
  const results = [];
  const notes = [];
  for (const step of engine.knowledge.plans[detection.plan]?.steps ?? []) {
    const result = await runStep(step, ctx);
    results.push(result);
    const note = step.notes?.[result.status];
    if (note && !notes.includes(note)) notes.push(note);
    if (!result.ok && !step.optional) break;
  }
  return {
    results,
    filled: ctx.filled,
    notes,
    values: ctx.values,
    verify: () => ctx.expected.filter(({ holds }) => !holds()).map(({ field }) => field),
  };
}

/**
 * What the form of a detection holds now, field → the text shown (e-mail, name, country, reason): the values the
 * user sends, whoever typed them. Fields that are empty or missing are left out.
 * @returns {Record<string, string>}
 */
export function readValues(engine, doc, detection, root = formRoot(doc)) {
  /** @type {Record<string, string>} */
  const values = {};
  const claimed = new Set();
  for (const step of engine.knowledge.plans[detection.plan]?.steps ?? []) {
    const field = step.fill ?? step.select ?? step.pick;
    if (!field) continue;
    const element = locate(engine, root, field, claimed);
    if (!element) continue;
    claimed.add(element);
    const shown = shownText(element);
    if (shown) values[field] = shown;
  }
  return values;
}

function shownText(element) {
  if (element.tagName === "SELECT") {
    return element.selectedIndex > 0 || element.value ? (element.selectedOptions[0]?.text?.trim() ?? "") : "";
  }
  return shownValue(element).trim();
}

const ACTIONS = { fill: fillText, select: selectCountry, pick, check: tick, choose, find };

async function runStep(step, ctx) {
  const action = /** @type {(keyof typeof ACTIONS)[]} */ (Object.keys(ACTIONS)).find((name) => name in step);
  // rules/schema.json gives every step one of the actions.
  if (!action) throw new Error(`a plan step without an action: ${Object.keys(step).join(", ")}`);
  const field = step[action];
  const { status, element, pageValue } = await ACTIONS[action](step, field, ctx);
  if (element) ctx.claimed.add(element);
  if (element && ["fill", "select", "pick"].includes(action)) {
    const shown = shownText(element);
    if (shown) ctx.values[field] = shown;
  }
  return { action, field, status, ok: status !== "missing", ...(pageValue !== undefined && { pageValue }) };
}

function fillText(step, field, ctx) {
  const element = locate(ctx.engine, ctx.root, field, ctx.claimed);
  if (!element) return { status: "missing" };
  if (ctx.done.has(element)) return { status: "kept", element };
  const value = valueFor(step, ctx);
  const current = fieldText(element);
  if (current.trim()) {
    const same = !value || normalize(current) === normalize(value);
    return same ? { status: "kept", element } : { status: "differs", element, pageValue: current };
  }
  if (!value) return { status: "no-value", element };
  const before = undoText(element);
  setValue(element, value);
  return acted(ctx, field, element, value, () => element.isConnected && fieldText(element) === value, "filled", before);
}

async function selectCountry(step, field, ctx) {
  const element = locate(ctx.engine, ctx.root, field, ctx.claimed);
  if (!element) return { status: "missing" };
  if (ctx.done.has(element)) return { status: "kept", element };
  const code = String(valueFor(step, ctx) ?? "").toUpperCase();
  if (!code) return { status: "no-value", element };
  const names = countryNames(ctx.engine, code, ctx.language);
  return controlKind(element) === "select"
    ? pickFromSelect(ctx, field, element, (o) => o.value.toUpperCase() === code || names.has(normalize(o.text)))
    : pickFromCombobox(ctx, field, element, code, names);
}

// An option of a list chosen by what its text means (LinkedIn's type of objection: the one about training AI), in
// any language, while the list shows its placeholder.
function pick(step, field, ctx) {
  const element = locate(ctx.engine, ctx.root, field, ctx.claimed);
  if (!element) return { status: "missing" };
  if (ctx.done.has(element)) return { status: "kept", element };
  const meaning = ctx.engine.phrases(step.option);
  return pickFromSelect(ctx, field, element, (o) => Boolean(findExact(normalize(o.text), meaning)));
}

// The first option of a <select> that `matches`, unless the page or the user chose another one already.
function pickFromSelect(ctx, field, element, matches) {
  const option = [...element.options].find(matches);
  if (!option) return { status: "no-option", element };
  const current = element.selectedOptions[0];
  if (current === option) return { status: "kept", element };
  if (current && current.index > 0 && current.value) return { status: "differs", element, pageValue: current.text };
  const before = undoText(element);
  setValue(element, option.value);
  return acted(
    ctx,
    field,
    element,
    option.text,
    () => element.isConnected && element.value === option.value,
    "filled",
    before,
  );
}

// A custom drop-down (Meta's 2024 country field): open it, type the name when it is a text box, wait for the
// options, click the one named like the country in any known language, and check that it shows.
async function pickFromCombobox(ctx, field, element, code, names) {
  const shows = () => names.has(normalize(shownValue(element)));
  if (shows()) return { status: "kept", element };
  if (shownValue(element).trim() && element.tagName === "INPUT")
    return { status: "differs", element, pageValue: element.value };
  element.focus?.();
  press(element);
  const wanted = displayName(code, ctx.language);
  if (element.tagName === "INPUT" && wanted) setValue(element, wanted);
  const option = await waitFor(ctx.doc, () => optionNamed(ctx.doc, element, names));
  if (!option) return { status: "no-option", element };
  press(option);
  if (!(await waitFor(ctx.doc, shows, 300))) return { status: "manual", element };
  return acted(ctx, field, element, option.textContent.trim(), () => element.isConnected && shows(), "filled");
}

function optionNamed(doc, combobox, names) {
  const listId = combobox.getAttribute("aria-controls") || combobox.getAttribute("aria-owns");
  const list = (listId && doc.getElementById(listId)) || doc;
  return (
    [...list.querySelectorAll('[role="option"]')].find((o) => names.has(normalize(o.textContent)) && isVisible(o)) ??
    null
  );
}

// What a field shows: the value of a text box, the text of a custom drop-down.
const shownValue = (element) =>
  (["INPUT", "TEXTAREA"].includes(element.tagName) ? element.value : element.textContent) ?? "";

// The events a mouse click makes, for widgets that open on mousedown rather than click.
function press(element) {
  const { MouseEvent } = element.ownerDocument.defaultView;
  for (const type of ["mousedown", "mouseup"])
    element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
  element.click();
}

function waitFor(doc, test, timeout = COMBOBOX_WAIT_MS) {
  const view = doc.defaultView;
  const started = Date.now();
  return new Promise((resolve) => {
    const poll = () => {
      const found = test();
      if (found || Date.now() - started >= timeout) resolve(found || null);
      else view.setTimeout(poll, POLL_MS);
    };
    poll();
  });
}

function tick(step, field, ctx) {
  const element = locate(ctx.engine, ctx.root, field, ctx.claimed);
  if (!element) return { status: "missing" };
  if (ctx.done.has(element) || isOn(element)) return { status: "kept", element };
  element.click(); // React listens for click on check boxes; a click also fires input and change
  return acted(ctx, field, element, true, () => element.isConnected && isOn(element), "checked", undoClick(element));
}

function choose(step, answer, ctx) {
  const element = locateAnswer(ctx.engine, ctx.root, answer, step.question);
  if (!element) return { status: "missing" };
  if (ctx.done.has(element) || isOn(element)) return { status: "kept", element };
  element.click();
  ctx.done.add(element); // the question often disappears once answered: nothing to verify
  return { status: "chosen", element };
}

function find(step, field, ctx) {
  const element =
    locate(ctx.engine, ctx.root, field, ctx.claimed) ??
    (ctx.root !== ctx.doc.body ? locate(ctx.engine, ctx.doc.body, field, ctx.claimed) : null);
  return element ? { status: "found", element } : { status: "missing" };
}

/**
 * @param {string} field
 * @param {HTMLElement} element
 * @param {string | boolean} value
 * @param {() => boolean} holds
 * @param {string} status
 * @param {Undo | null} [undo]
 */
function acted(ctx, field, element, value, holds, status, undo = null) {
  ctx.done.add(element);
  ctx.expected.push({ field, holds });
  undo?.mark();
  ctx.filled.push({ field, label: labelOf(element).slice(0, 200), value, element, undo });
  return { status, element };
}

// How to put a field back as the page held it, if it still shows what NoTrain put there (a field the user
// changed since is theirs): { still(), restore() }.
/** @returns {Undo} */
function undoText(element) {
  const before = fieldText(element);
  const after = () => fieldText(element);
  let filled;
  return {
    mark() {
      filled = after();
    },
    still: () => element.isConnected && after() === filled,
    restore: () => setValue(element, before),
  };
}

/** @returns {Undo} */
function undoClick(element) {
  return { mark() {}, still: () => element.isConnected && isOn(element), restore: () => element.click() };
}

// The user's own value; for a text with a template, the template in the page's language when the user left
// the value unset (an empty string means "leave it empty").
function valueFor(step, ctx) {
  const own = ctx.profile[step.value];
  if (own !== undefined && own !== null) return String(own);
  return step.template ? ctx.engine.template(step.template, ctx.language) : undefined;
}

function isOn(element) {
  return (
    element.checked === true ||
    element.getAttribute("aria-checked") === "true" ||
    element.getAttribute("aria-pressed") === "true"
  );
}

function displayName(code, language) {
  try {
    return new Intl.DisplayNames([language || "en"], { type: "region" }).of(code);
  } catch {
    return null; // an unknown language tag or region code
  }
}

function countryNames(engine, code, language) {
  const names = new Set();
  for (const lang of new Set([language, ...engine.languageCodes].filter(Boolean))) {
    const name = displayName(code, lang);
    if (name && name !== code) names.add(normalize(name));
  }
  return names;
}

/**
 * Sets a value so that React sees it. React keeps the last value it saw on the element and ignores an input
 * event when the value seems unchanged, and a plain `element.value = x` run in the page's world updates that
 * record too. The prototype's setter bypasses it; the bubbling input and change events then reach React's
 * root listener. https://github.com/facebook/react/issues/10135
 */
export function setValue(element, value) {
  if (isTextEditor(element)) {
    setEditorText(element, value);
    return;
  }
  let proto = Object.getPrototypeOf(element);
  let descriptor;
  while (proto && !(descriptor = Object.getOwnPropertyDescriptor(proto, "value"))) proto = Object.getPrototypeOf(proto);
  // Every form control has a value setter on its prototype chain; anything else gets a plain assignment.
  if (descriptor?.set) descriptor.set.call(element, value);
  else element.value = value;
  const { Event } = element.ownerDocument.defaultView;
  element.dispatchEvent(new Event("input", { bubbles: true }));
  element.dispatchEvent(new Event("change", { bubbles: true }));
}

/**
 * Puts a text in a rich-text editor so that the editor takes it as typed: Lexical and Draft.js keep their own state
 * and rebuild the DOM from it, so text written into the DOM directly is lost at their next render. The browser's
 * insertText command edits the selection as typing does and fires the input event those editors read their state
 * from; where it does nothing (no editing support, as in jsdom), the text is set and an input event says so. Focus
 * goes back where it was.
 */
function setEditorText(element, value) {
  const doc = element.ownerDocument;
  const before = doc.activeElement;
  element.focus();
  const selection = doc.getSelection();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const command = value ? ["insertText", false, value] : ["delete", false];
  let taken = false;
  try {
    taken = typeof doc.execCommand === "function" && doc.execCommand(...command);
  } catch {
    taken = false; // no editing commands here
  }
  if (!taken || element.textContent !== value) {
    element.textContent = value;
    const { InputEvent } = doc.defaultView;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value }));
  }
  if (before instanceof doc.defaultView.HTMLElement && before !== element) before.focus();
  else element.blur();
}
