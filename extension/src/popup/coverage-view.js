// The popup's first section: one line per service and account — confirmed, waiting, or not yet.
import { el, clear } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { accountText, serviceText, stateClass, stateText } from "../shared/coverage-text.js";

/** Shows `lines` in the list; a confirmed line links to its confirmation on the full page. */
export function renderCoverage(list, lines, { confirmationsRead = true } = {}) {
  const doc = list.ownerDocument;
  clear(list);
  for (const line of lines) {
    const state = line.confirmationId === null
      ? el(doc, "span", { class: `state ${stateClass(line)}`, text: stateText(line) })
      : el(doc, "a", { class: `state ${stateClass(line)}`, href: `options.html#confirmation-${encodeURIComponent(line.confirmationId)}`,
        target: "_blank", text: stateText(line) });
    list.append(el(doc, "li", { dataset: { service: line.service, state: line.state, account: line.account ?? "" } }, [
      el(doc, "span", { class: "who" }, [
        el(doc, "strong", { text: serviceText(line) }),
        line.account || line.state !== "none" ? el(doc, "span", { class: "account muted", text: accountText(line) }) : null,
      ]),
      state,
    ]));
  }
  // Without the host only the forms sent are known: say so rather than show a confirmed objection as not made.
  if (!confirmationsRead) list.append(el(doc, "li", { class: "muted", dataset: { note: "unavailable" }, text: t("latest_unavailable") }));
}
