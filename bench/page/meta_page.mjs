// A large Meta-like page made from a fixture: the fixture's body (the form, the dialog or the feed post the engine
// must find) inside the chrome Facebook puts around everything (banner, navigation, a feed of deeply nested
// articles with generated class names) until the HTML reaches the wanted size. Deterministic for a given seed.
import { readFileSync } from "node:fs";

const WORDS = [
  "photo",
  "weekend",
  "friends",
  "birthday",
  "Brussels",
  "Gent",
  "Liège",
  "match",
  "recipe",
  "concert",
  "vacances",
  "fiets",
  "Wochenende",
  "share",
  "comment",
  "like",
  "story",
  "video",
  "market",
  "group",
];

function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

// Meta's atomic CSS class names: short, meaningless, many per element.
const classes = (next, count) =>
  Array.from({ length: count }, () => "x" + Math.floor(next() * 36 ** 5).toString(36)).join(" ");
const sentence = (next, words) =>
  Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");

/** One feed article, about 3 KB, nested about 14 deep like Facebook's. */
function article(next, index) {
  const open = (depth) => Array.from({ length: depth }, () => `<div class="${classes(next, 3)}">`).join("");
  const close = (depth) => "</div>".repeat(depth);
  const comments = Array.from(
    { length: 3 },
    (_, c) =>
      `<div role="article" aria-label="Comment ${c}">${open(4)}<a href="/profile.php?id=${index}${c}" role="link">` +
      `<span class="${classes(next, 4)}">Person ${index}-${c}</span></a><div dir="auto">${sentence(next, 12)}</div>${close(4)}</div>`,
  ).join("");
  return (
    `<div class="${classes(next, 2)}" aria-posinset="${index}" role="article">${open(8)}` +
    `<h4><a href="/people/${index}" role="link"><span class="${classes(next, 5)}">Author ${index}</span></a></h4>` +
    `<div data-ad-preview="message" dir="auto">${sentence(next, 40)}</div>` +
    `<img alt="${sentence(next, 5)}" src="data:," width="500" height="300">` +
    `<div role="button" aria-label="Like" tabindex="0"><span>Like</span></div>` +
    `<div role="button" aria-label="Leave a comment" tabindex="0"><span>Comment</span></div>` +
    `${comments}${close(8)}</div>`
  );
}

/**
 * @param {string} fixturePath  an HTML fixture from tests/fixtures/pages
 * @param {number} targetBytes  size of the HTML to reach
 */
export function largePage(fixturePath, targetBytes, seed = 7) {
  const fixture = readFileSync(fixturePath, "utf8");
  const title = /<title>([^<]*)<\/title>/i.exec(fixture)?.[1] ?? "Facebook";
  const lang = /<html[^>]*lang="([^"]+)"/i.exec(fixture)?.[1] ?? "en";
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(fixture)?.[1] ?? fixture;
  const next = random(seed);
  const nav = Array.from(
    { length: 40 },
    (_, i) =>
      `<li><a href="/nav/${i}" role="link" class="${classes(next, 4)}"><span>${sentence(next, 2)}</span></a></li>`,
  ).join("");
  const articles = [];
  let size = body.length + nav.length + 1000;
  for (let index = 0; size < targetBytes; index++) {
    const html = article(next, index);
    articles.push(html);
    size += html.length;
  }
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>` +
    `<style>.hidden-sidebar{display:none}</style></head><body>` +
    `<div role="banner" class="${classes(next, 6)}"><input type="search" aria-label="Search Facebook"></div>` +
    `<div role="navigation" class="${classes(next, 4)}"><ul>${nav}</ul></div>` +
    `<div class="${classes(next, 3)}">${body}</div>` +
    `<div role="feed" id="bench-feed" class="${classes(next, 3)}">${articles.join("")}</div>` +
    `<div role="complementary" class="hidden-sidebar">${sentence(next, 200)}</div>` +
    `</body></html>`
  );
}
