// Shows the host's state in an element: working (with its version), or the problem and the fix,
// with any `command` in the fix text set in a <code> element.
import { t } from "./i18n.js";
import { el, clear } from "./dom.js";

// `short`: the popup says that the host works, or what is wrong and the fix, without the browser's own message;
// the full page says all.
export function renderHostStatus(container, answer, { short = false } = {}) {
  const doc = container.ownerDocument;
  clear(container);
  if (answer?.ok) {
    container.dataset.state = "ok";
    container.append(
      el(doc, "span", {
        class: "ok",
        text: t(short ? "host_ok_short" : "host_ok", [String(answer.hello?.version ?? "?")]),
      }),
    );
    return;
  }
  container.dataset.state = answer?.error?.kind ?? "host-unavailable";
  container.append(el(doc, "span", { class: "bad", text: t("host_not_working") }), " ");
  container.append(withCode(doc, t(answer?.error?.fix_key || "fix_host_broken")));
  if (answer?.error?.message && !short) {
    container.append(el(doc, "span", { class: "muted", text: ` (${answer.error.message})` }));
  }
}

// What to tell the user about a failed host call: the fix when the host could not be reached, else the host's own
// message (written for a person). `fixShownAbove`: the page shows the host's state and its fix at the top already
// (the full page), so a section only points there: the fix is said once.
export function problemText(error, { fixShownAbove = false } = {}) {
  const reachable =
    !error?.kind || error.kind === "host-error" || error.kind === "refused" || error.kind === "internal";
  if (reachable || !error.fix_key) return String(error?.message ?? error ?? "");
  return fixShownAbove ? t("host_problem_see_above") : t(error.fix_key);
}

// Replaces an element's content with text whose `commands` are set in <code>.
export function setTextWithCode(element, text) {
  element.replaceChildren(withCode(element.ownerDocument, text));
}

// Text with `backticks` → text nodes and <code> elements.
export function withCode(doc, text) {
  const fragment = doc.createDocumentFragment();
  String(text)
    .split("`")
    .forEach((part, index) => {
      if (!part) return;
      fragment.append(index % 2 ? el(doc, "code", { text: part }) : doc.createTextNode(part));
    });
  return fragment;
}
