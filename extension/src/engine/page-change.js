// Waiting for a page to change, by its own events: each DOM mutation (attributes such as aria-checked included) and
// each input or change event re-runs a test; no polling. Used after NoTrain operated a platform's control, to see
// the platform save (or refuse) the change.

/**
 * Resolves with the first truthy value of `test()` — checked at once, then after every change of the page — or with
 * null once `timeoutMs` passed without one.
 * @template T
 * @param {Document} doc
 * @param {() => T | null | undefined | false} test
 * @param {number} timeoutMs
 * @returns {Promise<T | null>}
 */
export function whenPage(doc, test, timeoutMs) {
  const view = doc.defaultView;
  // A document without a window (detached, or being torn down) changes no more: nothing to wait for.
  if (!view) return Promise.resolve(test() || null);
  return new Promise((resolve) => {
    const first = test();
    if (first) return resolve(first);
    const observer = new view.MutationObserver(check);
    const finish = (value) => {
      observer.disconnect();
      doc.removeEventListener("input", check, true);
      doc.removeEventListener("change", check, true);
      view.clearTimeout(timer);
      resolve(value);
    };
    function check() {
      const found = test();
      if (found) finish(found);
    }
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    // A native check box changes its `checked` property, which no mutation reports: its events do.
    doc.addEventListener("input", check, true);
    doc.addEventListener("change", check, true);
    // Declared last: `finish` runs only from the callbacks above, which the page fires after this line.
    const timer = view.setTimeout(() => finish(test() || null), timeoutMs);
  });
}
