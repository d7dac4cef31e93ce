// Loading fixture pages into jsdom at the address they stand for, with the React stand-in running in them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { createEngine } from "../../../../extension/src/engine/index.js";
import { knowledge } from "../../../../extension/rules/index.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const fixtureDir = join(root, "tests", "fixtures", "pages");
export const manifest = JSON.parse(readFileSync(join(fixtureDir, "pages.json"), "utf8"));
export const engine = createEngine(knowledge);
export { knowledge };

const reactLike = readFileSync(join(fixtureDir, "react-like.js"), "utf8");

/**
 * A fixture page as a live window at `url`: { window, document, href, close }.
 * @param {string | null} file  null with `html`
 * @param {string} url
 * @param {{ react?: boolean, html?: string }} [options]  html: the page's source instead of the file's
 */
export function loadPage(file, url, { react = true, html } = {}) {
  if (html === undefined && file === null) throw new Error("loadPage needs a fixture file or the html");
  const source = html ?? readFileSync(join(fixtureDir, file ?? ""), "utf8");
  const virtualConsole = new VirtualConsole().sendTo(console, { omitJSDOMErrors: true });
  const dom = new JSDOM(source, { url, runScripts: "outside-only", pretendToBeVisual: true, virtualConsole });
  if (react) dom.window.eval(reactLike);
  return { window: dom.window, document: dom.window.document, href: url, close: () => dom.window.close() };
}

/** The fixture entry of pages.json for `file` (the first one, or the one whose URL contains `urlPart`). */
export function entry(file, urlPart = "") {
  const found = manifest.pages.find((p) => p.file === file && p.url.includes(urlPart));
  if (!found) throw new Error(`no fixture ${file} ${urlPart}`);
  return found;
}

/** Loads a fixture entry and waits for what the page renders late. */
export async function open(page) {
  const loaded = loadPage(page.file, page.url);
  if (page.wait) await tick(page.wait);
  return loaded;
}

/**
 * Renames every id and class in the page (keeping the references of for, aria-labelledby, aria-describedby and
 * aria-controls consistent), as Meta's build does from one release to the next. What still works afterwards
 * does not depend on them.
 */
export function scrambleIdentifiers(document, salt = "z9") {
  const rename = (name) => `${salt}${[...name].reverse().join("")}`;
  const references = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"];
  for (const element of document.querySelectorAll("*")) {
    if (element.id) element.id = rename(element.id);
    for (const attribute of references) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.split(/\s+/).map(rename).join(" "));
    }
    if (element.hasAttribute("class")) {
      element.setAttribute("class", element.getAttribute("class").split(/\s+/).filter(Boolean).map(rename).join(" "));
    }
  }
}

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** The parts of a detection that a fixture's `expect` names (verdict is the confirmation's). */
export function pick(detection, expect) {
  return Object.fromEntries(
    Object.keys(expect).map((key) => {
      if (key === "verdict") return [key, detection.confirmation?.verdict ?? null];
      if (key === "signals") return [key, expect.signals.filter((s) => detection.signals.includes(s))];
      return [key, detection[key]];
    }),
  );
}
