// The local HTTPS test site: serves the fixture pages under Meta's real addresses and records what the pages
// submit. Into each fixture it adds the page's stand-in for React (tests/fixtures/pages/react-like.js) and
// the recorder (site/recorder.js) that posts the React state of a form when the user presses its send
// button; any other POST is recorded too, so a form sent by anything but the user's click shows up.
import { readFileSync } from "node:fs";
import https from "node:https";
import path from "node:path";
import { makeCertificate } from "./certificate.js";
import { paths } from "./paths.js";
/** @import { AddressInfo } from "node:net" */

const SITE_PREFIX = "/__e2e/";
const SCRIPTS = {
  "react-like.js": path.join(paths.fixtures, "react-like.js"),
  "recorder.js": path.join(paths.siteScripts, "recorder.js"),
  "spa-router.js": path.join(paths.siteScripts, "spa-router.js"),
  "toggle-like.js": path.join(paths.fixtures, "..", "platforms", "toggle-like.js"),
};

const routeKey = (url) => {
  const { hostname, pathname } = new URL(url);
  return `${hostname}${pathname.replace(/\/+$/, "") || "/"}`;
};

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

// The fixture with our scripts added before </body>. An SPA page starts without React: the router
// loads it after it has swapped in the next page, as a real single-page app renders the new route.
function withScripts(html, { spa, scripts: own }) {
  const scripts = own ?? (spa ? ["recorder.js", "spa-router.js"] : ["react-like.js", "recorder.js"]);
  const tags = scripts.map((name) => `<script src="${SITE_PREFIX}${name}"></script>`).join("");
  return html.includes("</body>") ? html.replace("</body>", `${tags}</body>`) : html + tags;
}

export async function startSite({ dir, names }) {
  const certificate = makeCertificate(dir, names);
  const routes = new Map(); // host+path → { file, spa }
  const requests = [];
  const submissions = [];
  const waiters = new Set();

  const fixture = (file) => readFileSync(path.join(paths.fixtures, file), "utf8");
  const send = (response, status, type, body) => {
    response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    response.end(body);
  };

  function record(submission) {
    submissions.push(submission);
    for (const waiter of waiters) waiter();
  }

  async function handle(request, response) {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "");
    const url = new URL(request.url, `https://${host}`);
    requests.push({ method: request.method, host, path: url.pathname, search: url.search, at: Date.now() });
    if (url.pathname === `${SITE_PREFIX}submit` && request.method === "POST") {
      record({ via: "page", host, ...JSON.parse(await readBody(request)) });
      return send(response, 204, "text/plain", "");
    }
    if (request.method === "POST") {
      record({ via: "post", host, path: url.pathname, body: await readBody(request) });
      return send(response, 204, "text/plain", "");
    }
    if (url.pathname.startsWith(SITE_PREFIX)) {
      const name = url.pathname.slice(SITE_PREFIX.length);
      if (SCRIPTS[name]) return send(response, 200, "text/javascript", readFileSync(SCRIPTS[name]));
      if (name === "page") {
        // The SPA router asks for the next route's page without a document load.
        const route = routes.get(routeKey(`https://${host}${url.searchParams.get("path")}`));
        return route
          ? send(response, 200, "text/html; charset=utf-8", fixture(route.file))
          : send(response, 404, "text/plain", "no route");
      }
    }
    const route = routes.get(routeKey(url.href));
    if (!route)
      return send(response, 404, "text/html; charset=utf-8", "<!doctype html><title>Not found</title><p>Not found");
    return send(response, 200, "text/html; charset=utf-8", withScripts(fixture(route.file), route));
  }

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    handle(request, response).catch((error) => send(response, 500, "text/plain", String(error)));
  });
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)));

  return {
    port: /** @type {AddressInfo} */ (server.address()).port,
    spkiSha256: certificate.spkiSha256,
    /**
     * Serves `file` (a fixture page) at the real address `url`; `spa` makes same-site links route without reload;
     * `scripts` replaces the scripts added to the page (a platform's page takes toggle-like.js).
     * @param {string} url
     * @param {string} file
     * @param {{ spa?: boolean, scripts?: string[] }} [options]
     */
    route(url, file, { spa = false, scripts } = {}) {
      routes.set(routeKey(url), { file, spa, scripts });
    },
    requests: () => [...requests],
    submissions: () => [...submissions],
    /** Resolves with the submissions once there are at least `count`; rejects after `timeoutMs`. */
    waitForSubmissions(count = 1, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (submissions.length < count) return;
          cleanup();
          resolve([...submissions]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the page submitted ${submissions.length} time(s), expected ${count}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          server.closeAllConnections?.();
          server.close(() => resolve());
        })
      ),
  };
}
