// Small helpers to build DOM without parsing HTML: text always goes in through textContent,
// so text from a page, an e-mail or the host can never become markup.
export function el(doc, tag, attributes = {}, children = []) {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") element.textContent = String(value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return element;
}

export function clear(element) {
  element.replaceChildren();
}
