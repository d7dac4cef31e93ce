// Outlines the fields NoTrain filled, with one class and one injected style rule: nothing else on the page
// changes, and React re-rendering a field simply drops the outline.
const CLASS = 'notrain-filled';
const RULE = `.${CLASS} { outline: 2px solid #1a73e8 !important; outline-offset: 2px !important; }`;

export function highlight(doc, elements) {
  if (!doc.querySelector('style[data-notrain]')) {
    const style = doc.createElement('style');
    style.dataset.notrain = '';
    style.textContent = RULE;
    (doc.head ?? doc.documentElement).append(style);
  }
  for (const element of elements) element.classList.add(CLASS);
}
