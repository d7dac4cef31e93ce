// axe-core in a page the test drives (the popup, the full page): the violations it finds, as short lines, in the light
// and the dark theme. Evaluated through the driver, so the extension pages' content security policy stays as it is.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Runs in the page, once axe is there.
const violationsHere = async () =>
  (await globalThis.axe.run(document, { resultTypes: ["violations"] })).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

async function inBothThemes(setScheme, inject, check) {
  const found = [];
  await inject();
  for (const scheme of ["light", "dark"]) {
    await setScheme(scheme);
    found.push(...(await check()).map((line) => `${scheme} ${line}`));
  }
  await setScheme(null);
  return found;
}

/** The accessibility violations in `page` (Playwright, Chromium). */
export function axeViolations(page) {
  return inBothThemes(
    (colorScheme) => page.emulateMedia({ colorScheme }),
    () => page.evaluate(axeSource),
    () => page.evaluate(violationsHere),
  );
}

/** The same in the tab `context` of Firefox (support/firefox.js). */
export function axeViolationsFirefox(browser, context) {
  return inBothThemes(
    (scheme) => browser.colorScheme(context, scheme),
    () => browser.runSource(context, axeSource),
    () => browser.evaluate(context, violationsHere),
  );
}
