// What the test site's pages hold on `window` besides the browser's own, for the code the scenarios run inside
// those pages (page.evaluate) and the site's own scripts (tests/e2e/site/).
interface Window {
  /**
   * React's state for a field, kept by the fixtures' stand-in for React (tests/fixtures/pages/react-like.js);
   * absent on a page that does not run it, or before it has started (a single-page app's first route).
   */
  fixtureState?: (node: Element) => unknown;
  /** Set by a scenario on the page it opened: still there after a route change means no new document was loaded. */
  sameDocument?: boolean;
}
