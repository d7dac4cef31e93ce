// Text as the engine sees it: normalised, matched at word boundaries, read only where a person could see it.

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "HEAD"]);
const MAX_TEXT = 200_000; // Meta's pages are large; the text we need is near the form, not in the feed.

/** Lower case, accents and compatibility forms folded, apostrophes and dashes unified, spaces collapsed. */
export function normalize(text) {
  return String(text ?? "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether a person could see a control. Browsers answer with checkVisibility() (CSS included, so a honeypot
 * field hidden by a class is never filled); without it (jsdom) the hidden attribute and inline styles decide.
 */
export function isVisible(element) {
  if (typeof element.checkVisibility === "function") return element.checkVisibility({ visibilityProperty: true });
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    if (!isShownSelf(node) || (node.tagName === "INPUT" && node.type === "hidden")) return false;
  }
  return true;
}

/** The visible text under `root`, joined by spaces and normalised for matching. */
export function visibleText(root, options) {
  return normalize(readText(root, options));
}

// What other people wrote: a feed, a post, a comment, a message thread. Meta's answer to the user is never there.
const QUOTED_ROLES = new Set(["feed", "article", "comment", "log"]);
const isQuoted = (element) => element.tagName === "ARTICLE" || QUOTED_ROLES.has(element.getAttribute("role"));

// Elements that start a new line when a person reads the page (by tag: computed styles are too slow here).
const BLOCKS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "HEADER",
  "FOOTER",
  "MAIN",
  "ASIDE",
  "NAV",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "TABLE",
  "TR",
  "BLOCKQUOTE",
  "PRE",
  "FIGURE",
  "FIGCAPTION",
  "DIALOG",
  "ADDRESS",
  "FIELDSET",
  "LEGEND",
]);

/**
 * The visible text under `root` as a person reads it (spaces collapsed, nothing else changed). `skipQuoted`
 * leaves out feeds, posts, comments and message threads inside `root`. `blocks` keeps one line break between
 * blocks (a heading and the paragraph under it, two paragraphs), as a stored text should read; otherwise
 * everything is on one line.
 */
export function readText(root, { skipQuoted = false, blocks = false } = {}) {
  if (!root) return "";
  const doc = root.ownerDocument ?? root;
  const hidden = new Map();
  const isShown = (element) => {
    if (!element || element === root.parentElement) return true;
    let shown = hidden.get(element);
    if (shown === undefined) {
      shown =
        !SKIP.has(element.tagName.toUpperCase()) &&
        isShownSelf(element) &&
        !(skipQuoted && isQuoted(element)) &&
        element.nodeName !== "NOTRAIN-NOTICE" &&
        isShown(element.parentElement);
      hidden.set(element, shown);
    }
    return shown;
  };
  const blockOf = (element) => {
    let node = element;
    while (
      node &&
      node !== root &&
      !BLOCKS.has(node.tagName.toUpperCase()) &&
      node.getAttribute("role") !== "heading"
    ) {
      node = node.parentElement;
    }
    return node;
  };
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts = [];
  let length = 0;
  let block = null;
  for (let node = walker.nextNode(); node && length < MAX_TEXT; node = walker.nextNode()) {
    if (!node.data.trim() || !isShown(node.parentElement)) continue;
    length += node.data.length + 1;
    // A detection pass reads the whole page's text: one join and one replace at the end, nothing per node.
    if (!blocks) {
      parts.push(node.data);
      continue;
    }
    // The page's own line breaks are layout, not reading: only a new block starts a line.
    const nodeBlock = blockOf(node.parentElement);
    if (parts.length && nodeBlock !== block) parts.push("\n");
    parts.push(node.data.replace(/\s+/g, " "));
    block = nodeBlock;
  }
  if (!blocks) return parts.join(" ").replace(/\s+/g, " ").trim();
  return parts
    .join(" ")
    .split("\n")
    .map((line) => line.replace(/ +/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

// Hidden by markup: the hidden attribute, aria-hidden, or an inline style. Text reading stays with these cheap
// checks: computed styles cost a style recalculation per element, far too slow for a detection pass.
function isShownSelf(element) {
  if (element.hidden || element.getAttribute("aria-hidden") === "true") return false;
  if (!element.hasAttribute("style")) return true; // reading .style builds a declaration object: skip when unset
  return element.style.display !== "none" && element.style.visibility !== "hidden";
}

// A rich-text editor (Lexical, Draft.js: the editable root only; a part marked contenteditable="false" is not one).
const EDITORS = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const CONTROLS = `input, select, textarea, button, [role="button"], [role="checkbox"], [role="radio"], [role="combobox"], ${EDITORS}`;

/**
 * Whether an element is a rich-text editor that stands for a text area: the root of an editable region, a text box
 * (no role, or role="textbox") that is not declared single-line.
 */
export function isTextEditor(element) {
  const role = element.getAttribute("role");
  return (
    element.matches(EDITORS) &&
    (role === null || role === "textbox") &&
    element.getAttribute("aria-multiline") !== "false" &&
    !element.parentElement?.closest(EDITORS)
  );
}

/** The text a field holds: an input's or a text area's value, an editor's text. */
export function fieldText(element) {
  return (isTextEditor(element) ? element.textContent : element.value) ?? "";
}

/**
 * What a control says it is, the way a screen reader would find it: aria-labelledby, aria-label, <label>,
 * placeholder, title and aria-describedby, then the text of the nearest wrapper that holds no other control
 * (Meta's React forms often put the label in a sibling <div> without `for`).
 */
export function labelOf(control) {
  return normalize(shownLabelOf(control));
}

/** A control's label as a person reads it (spaces collapsed, nothing else changed): what evidence quotes. */
export function shownLabelOf(control) {
  const doc = control.ownerDocument;
  const parts = [];
  const byIds = (attribute) =>
    (control.getAttribute(attribute) ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => doc.getElementById(id)?.textContent ?? "");
  parts.push(...byIds("aria-labelledby"), control.getAttribute("aria-label") ?? "");
  for (const label of labelsOf(control)) parts.push(label.textContent);
  parts.push(
    control.getAttribute("placeholder") ?? "",
    control.getAttribute("title") ?? "",
    ...byIds("aria-describedby"),
  );
  if (isButtonLike(control)) parts.push(control.textContent, control.tagName === "INPUT" ? control.value : "");
  const own = parts.join(" ").replace(/\s+/g, " ").trim();
  if (own) return own;
  let alone = control; // the largest element around the control that holds no other control
  let wrapper = control.parentElement;
  for (let depth = 0; wrapper && depth < 4; depth++, alone = wrapper, wrapper = wrapper.parentElement) {
    const others = [...wrapper.querySelectorAll(CONTROLS)].filter((c) => c !== control && !control.contains(c));
    if (others.length) break;
    const text = readText(wrapper);
    if (text) return text.slice(0, 300);
  }
  return textBefore(alone);
}

// A flat layout puts each label and its control side by side in one container with the other fields: the label is
// the nearest text before the control, unless another control or a heading (the form's or a section's title, not a
// label) stands between them.
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
function textBefore(element) {
  for (let node = element.previousElementSibling; node; node = node.previousElementSibling) {
    if (node.matches(CONTROLS) || node.matches(HEADINGS) || node.querySelector(CONTROLS)) return "";
    const text = readText(node);
    if (text) return text.slice(0, 300);
  }
  return "";
}

// The <label>s of a control: the one around it, and those naming its id, looked for in its form (or dialog, or main
// region) only. The browser's own `control.labels` searches the whole document again after every change to it,
// which on a large page costs more than the rest of a detection pass.
const LABEL_SCOPE = 'form, dialog, [role="dialog"], [role="alertdialog"], main, [role="main"]';
function labelsOf(control) {
  const labels = [];
  const around = control.closest("label");
  if (around) labels.push(around);
  if (control.id) {
    const scope = control.closest(LABEL_SCOPE) ?? control.ownerDocument;
    for (const label of scope.getElementsByTagName("label")) {
      if (label.htmlFor === control.id && label !== around) labels.push(label);
    }
  }
  return labels;
}

function isButtonLike(control) {
  return (
    control.tagName === "BUTTON" ||
    control.getAttribute("role") === "button" ||
    control.getAttribute("role") === "radio" ||
    control.getAttribute("role") === "checkbox" ||
    (control.tagName === "INPUT" && ["submit", "button"].includes(control.type))
  );
}

export { CONTROLS, EDITORS };
