// Reading what Meta says after a submission: on the form's page, in the Support Inbox, or in an e-mail.
import { findPhrase, phraseMatcher, readText, visibleText } from './text.js';

const VERDICTS = ['honoured', 'received']; // strongest first: "we will honour your objection" beats "thanks"
const BLOCK_CHARS = 1500; // enough for Meta's longest known reply, little enough to keep the feed out

/** The strongest confirmation phrase in `text` (normalised): { verdict, phrase, language, index } or null. */
function verdictOf(engine, text, verdicts = VERDICTS) {
  for (const verdict of verdicts) {
    const hit = findPhrase(text, engine.phrases(verdict));
    if (hit) return { verdict, ...hit };
  }
  return null;
}

/**
 * A confirmation on a page read by detect(): the verdict and the paragraph-sized block that states it, looked
 * for in the page's content regions (detect.js) only.
 */
export function confirmationOf(engine, page, verdicts = VERDICTS) {
  if (!verdictOf(engine, page.text(), verdicts)) return null;
  for (const region of page.regions()) {
    const hit = verdictOf(engine, visibleText(region), verdicts);
    if (hit) return { verdict: hit.verdict, phrase: hit.phrase, language: hit.language, text: blockAround(region, hit.phrase) };
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
      if (findPhrase(visibleText(child), table)) {
        node = child;
        continue descend;
      }
    }
    break;
  }
  while (node !== region && node.parentElement !== region.ownerDocument.body && readText(node.parentElement).length <= BLOCK_CHARS &&
    headedSections(node.parentElement) < 2) {
    node = node.parentElement;
  }
  return readText(node).slice(0, BLOCK_CHARS * 2);
}

// Compiling a \p{L} pattern costs far more than running it: one matcher per phrase, kept.
const matchers = new Map();
function matcherOf(phrase) {
  if (!matchers.has(phrase)) matchers.set(phrase, phraseMatcher([{ phrase }]));
  return matchers.get(phrase);
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const headedSections = (element) => [...element.children].filter((c) => c.matches(HEADINGS) || c.querySelector(HEADINGS)).length;

const MAX_TEXT = 20_000; // the host takes up to 200,000; a confirmation is a paragraph

/**
 * The `confirmation` of a confirmation-seen message (the extension's contract): what Meta said, where and when,
 * with the values the user's form held just before (`form`, field → value) when this tab filled one; the
 * account is the e-mail address that form carried.
 */
export function confirmationRecord(detection, { url, capturedAt = new Date(), form } = {}) {
  const { confirmation } = detection;
  if (!confirmation) return null;
  return {
    service: detection.service,
    kind: detection.page_kind === 'inbox_reply' ? 'inbox' : 'page',
    url: url ?? detection.url,
    text: confirmation.text.slice(0, MAX_TEXT),
    captured_at: capturedAt.toISOString(),
    language: confirmation.language,
    ...(form?.email && { account: form.email }),
    ...(form && Object.keys(form).length && { form }),
  };
}
