// Small helpers to build DOM without parsing HTML: text always goes in through textContent,
// so text from a page, an e-mail or the host can never become markup.

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {Document} doc
 * @param {K} tag
 * @param {Record<string, unknown>} [attributes]  "text" is the text content, "dataset" an object of data-* values;
 *   null, undefined and false leave an attribute out, true sets it empty
 * @param {Child | Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(doc, tag, attributes = {}, children = []) {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") element.textContent = String(value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of /** @type {Child[]} */ ([]).concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return element;
}

/** @param {Element} element */
export function clear(element) {
  element.replaceChildren();
}

/**
 * The element with this id, which the page's own HTML has: a missing one is a mistake in the page, said at once
 * rather than as a TypeError later on.
 * @param {Document} doc
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(doc, id) {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`the page has no element #${id}`);
  return element;
}
