// Reading what Meta says after the user sent a form: in the form's place, in a dialog or a live region that
// appeared after the send, or on the page the send led to; and Meta's reply in the Support Inbox. What counts is
// decided by what the user did (content/send-watch.js arms a watch on the user's own send); the wording only
// classifies what was shown. Text inside a feed, a post, a comment or a message thread never counts.
import { DIALOGS, mainOf, regionsOf } from "./locate.js";
import { findExact, findPhrase, phraseMatcher } from "./phrases.js";
import { EDITORS, fieldText, isVisible, normalize, readText, visibleText } from "./text.js";

// Strongest first: "we will honour your objection" beats a code request, which beats a plain "thanks".
const OUTCOMES = [
  ["honoured", "honoured"],
  ["codeStep", "code"],
  ["sendError", "error"],
  ["received", "received"],
];
const INBOX_VERDICTS = ["honoured"]; // the inbox holds replies to other requests: only an honoured objection counts
const BLOCK_CHARS = 1500; // enough for Meta's longest known reply, little enough to keep the feed out
const MAX_UNKNOWN_CHARS = 3000; // an answer in an unknown wording is a message, not a page
const LIVE = new Set(["status", "alert"]);

/**
 * What a text says Meta did, from the phrases of every language: { outcome, phrase, language } where outcome is
 * honoured | code | error | received, or null for a wording no rule knows. `text` is normalised. `loose`: also
 * phrasings close to the rules' (see phrases.js); not for the text of a form still shown, which speaks of requests.
 */
export function classify(engine, text, { loose = true } = {}) {
  for (const find of loose ? [findExact, findPhrase] : [findExact]) {
    // every exact wording before any loose one
    for (const [concept, outcome] of OUTCOMES) {
      const hit = find(text, engine.phrases(concept));
      if (hit) return { outcome, phrase: hit.phrase, language: hit.language };
    }
  }
  return null;
}

/**
 * Arms a watch at the moment the user sends the form held by `root`: remembers where the form sits, so that what
 * replaces it can be read, and which dialogs and live regions were already open, so that only new ones count.
 */
export function watchSend(doc, root) {
  const places = [];
  const main = mainOf(doc);
  for (let node = root.parentElement; node && node !== doc.body && node !== main; node = node.parentElement)
    places.push(node);
  places.push(main);
  return { root, places, before: new Set(openRegions(doc)), typed: typedValues(root) };
}

// The text fields of the form that held something when it was sent.
function typedValues(root) {
  return [...root.querySelectorAll(`input, textarea, ${EDITORS}`)].filter(
    (field) =>
      !["checkbox", "radio", "hidden", "submit", "button"].includes((field.getAttribute("type") ?? "").toLowerCase()) &&
      fieldText(field).trim() !== "",
  );
}

// A form still shown but emptied of everything it held when sent: Meta reset it after taking the send.
const wasReset = (watch) =>
  watch.typed.length > 0 && watch.typed.every((field) => !field.isConnected || fieldText(field).trim() === "");

/**
 * What Meta shows after the send watched by `watch`, or null while there is nothing to read yet. `navigated`: the
 * send led to a new page, whose main region is then the answer's place. Returns { outcome, text, language?,
 * phrase? }; outcome "unknown" when a message replaced the form (or opened after the send) in a wording that no
 * rule knows: kept, and the user is asked whether it is Meta's answer.
 * @returns {{ outcome: string, text: string, language?: string, phrase?: string } | null}
 */
export function answerAfterSend(engine, doc, watch, { navigated = false } = {}) {
  const formShown = !navigated && watch.root.isConnected && isVisible(watch.root);
  const candidates = [];
  for (const region of openRegions(doc)) {
    if (!watch.before.has(region) && isVisible(region) && !(formShown && region.contains(watch.root)))
      candidates.push(region);
  }
  const place = navigated ? mainOf(doc) : placeOf(watch);
  candidates.push(place);
  let unknown = null;
  for (const region of candidates) {
    const text = readText(region, { skipQuoted: true });
    const known = classify(engine, normalize(text), { loose: !(formShown && region === place) });
    if (known) return { ...known, text: blockAround(region, known.phrase) };
    // Unknown wording counts only once the form is gone, or in a message that appeared when Meta emptied the form:
    // a message beside a form still holding what was sent is more likely a hint about a field than Meta's answer.
    const answered = !formShown || (region !== place && wasReset(watch));
    if (!unknown && answered && text && text.length <= MAX_UNKNOWN_CHARS) {
      unknown = { outcome: "unknown", text: readText(region, { skipQuoted: true, blocks: true }) };
    }
  }
  return unknown;
}

// The nearest place the form sat in that is still on the page (React may replace the form's container too).
function placeOf(watch) {
  return watch.places.find((node) => node.isConnected) ?? watch.places.at(-1);
}

function openRegions(doc) {
  return [...regionsOf(doc, DIALOGS), ...regionsOf(doc, LIVE)];
}

/**
 * Meta's reply about the objection in the Support Inbox, read from a detection pass (`page`, see detect.js), or
 * null: { verdict, phrase, language, text }.
 */
export function inboxReplyOf(engine, page) {
  if (!findAny(engine, page.text(), INBOX_VERDICTS)) return null;
  for (const region of page.regions()) {
    const hit = findAny(engine, visibleText(region), INBOX_VERDICTS);
    if (hit)
      return {
        verdict: hit.verdict,
        phrase: hit.phrase,
        language: hit.language,
        text: blockAround(region, hit.phrase),
      };
  }
  return null;
}

function findAny(engine, text, verdicts) {
  for (const verdict of verdicts) {
    const hit = findPhrase(text, engine.phrases(verdict));
    if (hit) return { verdict, ...hit };
  }
  return null;
}

// The deepest element of `region` that still holds the whole phrase, widened to its message: while the parent
// stays paragraph-sized, inside the region, and does not hold several headed sections (the Support Inbox lists
// replies to other requests side by side, each under its own heading).
function blockAround(region, phrase) {
  const table = matcherOf(phrase);
  let node = region;
  descend: for (;;) {
    for (const child of node.children) {
      if (findExact(visibleText(child, { skipQuoted: true }), table)) {
        node = child;
        continue descend;
      }
    }
    break;
  }
  while (
    node !== region &&
    node.parentElement !== region.ownerDocument.body &&
    readText(node.parentElement, { skipQuoted: true }).length <= BLOCK_CHARS &&
    headedSections(node.parentElement) < 2
  ) {
    node = node.parentElement;
  }
  return readText(node, { skipQuoted: true, blocks: true }).slice(0, BLOCK_CHARS * 2);
}

// Compiling a \p{L} pattern costs far more than running it: one matcher per phrase, kept.
const matchers = new Map();
function matcherOf(phrase) {
  if (!matchers.has(phrase)) matchers.set(phrase, phraseMatcher([{ phrase }]));
  return matchers.get(phrase);
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const headedSections = (element) =>
  [...element.children].filter((c) => c.matches(HEADINGS) || c.querySelector(HEADINGS)).length;

const MAX_TEXT = 20_000; // the host takes up to 200,000; a confirmation is a paragraph

/**
 * The `confirmation` of a confirmation-seen message (the extension's contract) for an answer seen after the
 * user's send: what Meta said, where and when, how it was classified, when the user sent the form, and the values
 * the form held at that moment (`form`, field → value); the account is the e-mail address the form carried.
 */
/**
 * @param {{ text: string, outcome: string, language?: string | null }} answer
 * @param {{ service: string, url: string, language?: string | null, sentAt: Date, capturedAt?: Date,
 *   form?: Record<string, string> | null }} context
 */
export function answerRecord(answer, { service, url, language, sentAt, capturedAt = new Date(), form }) {
  return {
    service,
    kind: "page",
    url,
    text: answer.text.slice(0, MAX_TEXT),
    captured_at: capturedAt.toISOString(),
    verdict: answer.outcome === "unknown" ? "unknown" : answer.outcome,
    sent_at: sentAt.toISOString(),
    ...((answer.language ?? language) && { language: answer.language ?? language }),
    ...(form?.email && { account: form.email }),
    ...(form && Object.keys(form).length && { form }),
  };
}

/**
 * The `confirmation` for Meta's reply in the Support Inbox found by detect() (`detection.confirmation`).
 * @param {{ service: string, url: string, confirmation?: { text: string, language: string, verdict: string } | null }} detection
 * @param {{ url?: string, capturedAt?: Date }} [context]
 */
export function inboxRecord(detection, { url, capturedAt = new Date() } = {}) {
  const { confirmation } = detection;
  if (!confirmation) return null;
  return {
    service: detection.service,
    kind: "inbox",
    url: url ?? detection.url,
    text: confirmation.text.slice(0, MAX_TEXT),
    captured_at: capturedAt.toISOString(),
    language: confirmation.language,
    verdict: confirmation.verdict,
  };
}
