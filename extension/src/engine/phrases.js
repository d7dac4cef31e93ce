// Matching the phrases of extension/rules/lang in a page's text. First exactly (whole words, in order, one regular
// expression for every language), then loosely: Meta rewords its pages per language, A/B test and month, so a
// phrase of three or more words also matches when most of its words stand close together in any order and in
// another inflection ("nous avons bien reçu votre demande" for "nous avons reçu votre demande", "gehonoreerd"
// for "honoreren"). Loose matching runs only on texts of a form's or a message's size.
import { normalize } from "./text.js";

const LOOSE_MIN_WORDS = 3; // shorter phrases ("ki bei meta", "e-mail") match exactly or not at all
const LOOSE_SHARE = 0.75; // of a phrase's words that must be there
const LOOSE_MAX_CHARS = 20_000; // a form, a dialog, a message: not a feed
const SIGNIFICANT = 3; // shorter words ("de", "je", "to") say little and are left out of loose matching
const STEM_SHARE = 0.6; // of a long word that must match: enough to tell words apart, loose enough for endings
const STEM_MIN = 5;
const TELLING = 6; // a word this long carries the phrase's meaning ("couldn't", "objection"): loose matching needs it

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordPattern = () => /[\p{L}\p{N}]+/gu;

/**
 * A matcher for phrases. `entries` are { phrase, language }; `prefixes` the word-start prefixes loose matching may
 * ignore (rules/lang `inflection.prefixes`, all languages together: the text's language is not known yet).
 */
export function phraseMatcher(entries, { prefixes = [] } = {}) {
  const byPhrase = new Map();
  for (const entry of entries) {
    const key = normalize(entry.phrase);
    if (key && !byPhrase.has(key)) byPhrase.set(key, entry);
  }
  const alternatives = [...byPhrase.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = alternatives.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "u")
    : null;
  const strip = stripper(prefixes);
  const loose = [...byPhrase]
    .map(([key, entry]) => looseForm(key, entry, strip))
    .filter((phrase) => phrase.stems.length >= LOOSE_MIN_WORDS);
  return {
    /** The first phrase in already normalised `text`, exactly: { phrase, language, index } or null. */
    find(text) {
      const match = pattern?.exec(text);
      return match ? { ...byPhrase.get(match[0]), index: match.index } : null;
    },
    /**
     * A phrase whose words mostly stand together in `text`, or null: { phrase, language, index, loose: true },
     * where `phrase` is the span of `text` that matched (so it can be found again in the text's elements).
     */
    findLoose(text) {
      if (!loose.length || text.length > LOOSE_MAX_CHARS) return null;
      const index = indexOf(text, strip);
      let best = null;
      for (const candidate of loose) {
        const span = closestSpan(index, candidate);
        if (span && (!best || span.start < best.start)) best = { ...span, entry: candidate.entry };
      }
      return best && { ...best.entry, phrase: text.slice(best.start, best.end), index: best.start, loose: true };
    },
  };
}

/** The matcher for one concept's phrases across all languages. */
export function phraseTable(languages, concept) {
  const prefixes = languages.flatMap((l) => l.inflection?.prefixes ?? []);
  return phraseMatcher(
    languages.flatMap(({ language, phrases }) => (phrases[concept] ?? []).map((phrase) => ({ phrase, language }))),
    { prefixes },
  );
}

/** First phrase of a matcher found in already normalised `text`: exactly if it can, else loosely; or null. */
export function findPhrase(text, matcher) {
  return matcher.find(text) ?? matcher.findLoose?.(text) ?? null;
}

/** Exactly only: for labels and answers, where one word more or less changes the meaning ("Ja" / "Ja, aber"). */
export function findExact(text, matcher) {
  return matcher.find(text);
}

// A phrase as loose matching sees it: the stems of its significant words, and which of them must be there.
function looseForm(key, entry, strip) {
  const stems = [];
  const telling = new Set();
  for (const word of significantWords(key)) {
    const stem = stemOf(strip(word));
    if (stems.includes(stem)) continue;
    if (word.length >= TELLING) telling.add(stems.length);
    stems.push(stem);
  }
  return { entry, stems, telling };
}

const significantWords = (text) => (text.match(wordPattern()) ?? []).filter((word) => word.length >= SIGNIFICANT);

function stemOf(word) {
  return word.length <= STEM_MIN ? word : word.slice(0, Math.max(STEM_MIN, Math.ceil(word.length * STEM_SHARE)));
}

function stripper(prefixes) {
  const list = [...new Set(prefixes)];
  return (word) => {
    const prefix = list.find((p) => word.startsWith(p) && word.length - p.length >= STEM_MIN + 1);
    return prefix ? word.slice(prefix.length) : word;
  };
}

// The text's significant words by their first letters, with where each stands (word number and characters), built
// once per text: the same form text is looked at for several concepts in one pass.
/** @type {{ text: string | null, strip?: (word: string) => string, index: Map<string, object[]> | null }} */
let lastIndex = { text: null, index: null };
function indexOf(text, strip) {
  if (lastIndex.text === text && lastIndex.strip === strip) return lastIndex.index;
  const byStart = new Map();
  let number = 0;
  for (const match of text.matchAll(wordPattern())) {
    const word = match[0];
    const at = { number: number++, start: match.index, end: match.index + word.length };
    if (word.length < SIGNIFICANT) continue;
    for (const form of new Set([word, strip(word)])) {
      const key = form.slice(0, SIGNIFICANT);
      if (!byStart.has(key)) byStart.set(key, []);
      byStart.get(key).push({ form, ...at });
    }
  }
  lastIndex = { text, strip, index: byStart };
  return byStart;
}

// The earliest run of words holding enough of a phrase's stems close together, its telling ones all among them:
// { start, end } in characters, or null.
function closestSpan(index, { stems, telling }) {
  const needed = Math.max(Math.ceil(stems.length * LOOSE_SHARE), telling.size);
  const window = stems.length * 2 + 2; // words: room for the few a rewording adds
  const hits = [];
  stems.forEach((stem, which) => {
    for (const word of index.get(stem.slice(0, SIGNIFICANT)) ?? []) {
      const matches = stem.length < STEM_MIN ? word.form === stem : word.form.startsWith(stem);
      if (matches) hits.push({ which, ...word });
    }
  });
  if (hits.length < needed) return null;
  hits.sort((a, b) => a.number - b.number);
  const counts = new Map();
  let first = 0;
  for (let last = 0; last < hits.length; last++) {
    counts.set(hits[last].which, (counts.get(hits[last].which) ?? 0) + 1);
    while (hits[last].number - hits[first].number >= window) {
      const left = hits[first++].which;
      counts.set(left, counts.get(left) - 1);
      if (!counts.get(left)) counts.delete(left);
    }
    if (counts.size >= needed && [...telling].every((which) => counts.has(which))) {
      // Take in the phrase's other words that follow within the window, so that the span is the whole phrase.
      let end = last;
      while (
        end + 1 < hits.length &&
        hits[end + 1].number - hits[first].number < window &&
        !counts.has(hits[end + 1].which)
      ) {
        counts.set(hits[++end].which, 1);
      }
      return { start: hits[first].start, end: hits[end].end };
    }
  }
  return null;
}
