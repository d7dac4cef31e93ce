// Added by the test site to pages served as a single-page app (Meta's Privacy Center and Help Centre
// move between pages without loading a document). A click on a same-site link fetches the next page,
// swaps it into this document and changes the address with history.pushState; React (the fixtures'
// stand-in) starts once the new route is on screen.
(() => {
  let reactStarted = false;

  async function go(url) {
    const answer = await fetch(`/__e2e/page?path=${encodeURIComponent(url.pathname)}`);
    if (!answer.ok) {
      location.href = url.href;
      return;
    }
    const next = new DOMParser().parseFromString(await answer.text(), "text/html");
    history.pushState({}, "", url.href);
    document.title = next.title;
    document.body.replaceChildren(...[...next.body.childNodes].map((node) => document.importNode(node, true)));
    if (!reactStarted) {
      reactStarted = true;
      const script = document.createElement("script");
      script.src = "/__e2e/react-like.js";
      document.body.append(script);
    }
  }

  document.addEventListener("click", (event) => {
    const link = /** @type {HTMLAnchorElement | null} */ (/** @type {Element} */ (event.target).closest?.("a[href]"));
    if (!link) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    go(url);
  });
})();
