// A readable plain text from an HTML-only e-mail, as text: nothing from the mail is ever rendered as markup.
// One pass over the text, so that a hostile mail cannot make it slow (tests/extension/security/eml-random.test.js).

/** @type {Record<string, string>} */
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
// Elements whose content is not text; line breaks for the ones that end a block.
const HIDDEN_ELEMENTS = new Set(["script", "style", "head", "title", "template"]);
const BLOCK_ELEMENTS = new Set(["p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"]);
const isLetter = (/** @type {string} */ c) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");

/** @param {string} text */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// No regular expression rescans from each "<": an unclosed tag must not make the reading quadratic.
/** @param {string} html @returns {string} */
export function htmlToText(html) {
  const lower = html.toLowerCase();
  let out = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? "";
    if (next === "!") {
      // comment or doctype
      const end = html.startsWith("<!--", lt) ? html.indexOf("-->", lt + 4) : html.indexOf(">", lt + 2);
      i = end < 0 ? html.length : end + (html.startsWith("<!--", lt) ? 3 : 1);
      continue;
    }
    if (!isLetter(next) && !(next === "/" && isLetter(html[lt + 2] ?? ""))) {
      // "a < b" is text
      out += "<";
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt < 0) break; // an unclosed tag runs to the end: nothing after it is text
    const closing = next === "/";
    let nameEnd = lt + (closing ? 2 : 1);
    while (nameEnd < gt && /[A-Za-z0-9]/.test(html[nameEnd])) nameEnd += 1;
    const name = lower.slice(lt + (closing ? 2 : 1), nameEnd);
    i = gt + 1;
    if (!closing && HIDDEN_ELEMENTS.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const close = end < 0 ? -1 : html.indexOf(">", end);
      i = close < 0 ? html.length : close + 1; // unclosed: the rest is the element's content
    } else if (name === "br") {
      out += "\n";
    } else if (closing && BLOCK_ELEMENTS.has(name)) {
      out += "\n";
    }
  }
  const lines = decodeEntities(out).split("\n").map(trimEndSpaces);
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Drops trailing spaces, tabs and no-break spaces (a loop: a regex would rescan long runs).
/** @param {string} line */
function trimEndSpaces(line) {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t" || line[end - 1] === "\u00a0")) end -= 1;
  return line.slice(0, end);
}
