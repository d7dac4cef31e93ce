// What a user does with NoTrain, as steps a scenario reads like: open the popup from the toolbar and press
// "Fill now", press Meta's send button, open the full page.
import { messages } from "./locale.js";

/**
 * Opens the popup on `page` once NoTrain is done with it, and fills with NoTrain: presses "Fill now" when the popup
 * offers it (auto-fill off, or after Undo) and waits for its answer; a form NoTrain filled on load offers Undo
 * instead, and the status says what auto-fill did. Returns { popup, status }.
 */
export async function fillFromPopup(browser, page, lang = "en") {
  await browser.settled(page);
  const popup = await browser.clickToolbarIcon(page);
  const fillNow = popup.locator('[data-testid="fill-now"]');
  if (await fillNow.isVisible()) await fillNow.click();
  const filling = messages(lang).text("popup_filling");
  await popup.waitForFunction(
    (busy) => {
      const status = /** @type {Element} */ (document.querySelector('[data-testid="fill-status"]')).textContent;
      return status && status !== busy;
    },
    filling,
    { timeout: 15_000 },
  );
  return { popup, status: await popup.locator('[data-testid="fill-status"]').textContent() };
}

/** React's state for each field the page holds now (the fixture's stand-in for React keeps it). */
export function reactState(page) {
  return page.evaluate(() =>
    [
      .../** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (
        document.querySelectorAll("input:not([type=radio]):not([type=checkbox]):not([type=search]), textarea")
      ),
    ].map((node) => ({
      tag: node.tagName.toLowerCase(),
      shown: node.value,
      state: window.fixtureState?.(node) ?? null,
    })),
  );
}

/**
 * The submitted value field (not a radio or check box) whose tag, and optionally label, match.
 * @param {RegExp | null} [labelPattern]
 */
export function field(submission, tag, labelPattern = null) {
  return submission.fields.find(
    (f) => f.tag === tag && !("checked" in f) && (!labelPattern || labelPattern.test(f.label)),
  );
}
