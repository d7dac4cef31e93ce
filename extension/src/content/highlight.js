// Outlines the fields NoTrain filled, with one class and one injected style rule: nothing else on the page
// changes, and React re-rendering a field simply drops the outline.
const CLASS = "notrain-filled";
const RULE = `.${CLASS} { outline: 2px solid #1a73e8 !important; outline-offset: 2px !important; }`;

/** Takes the outline off `elements` (after Undo). */
export function unhighlight(elements) {
  for (const element of elements) element.classList.remove(CLASS);
}

/** Shows or hides every outline at once (hidden while a screenshot is taken as evidence). */
export function showHighlights(doc, shown) {
  const style = doc.querySelector("style[data-notrain]");
  if (style) style.media = shown ? "" : "not all";
}

export function highlight(doc, elements) {
  if (!doc.querySelector("style[data-notrain]")) {
    const style = doc.createElement("style");
    style.dataset.notrain = "";
    style.textContent = RULE;
    (doc.head ?? doc.documentElement).append(style);
  }
  for (const element of elements) element.classList.add(CLASS);
}
