// The popup's first section, compact enough for 600 px: each service with an account seen, its accounts one row
// each (confirmed, waiting, or overdue), then one row naming the services not objected on yet.
import { el, clear } from "../shared/dom.js";
import { t, uiLanguage } from "../shared/i18n.js";
import { accountText, objectionText, stateClass, stateText } from "../shared/coverage-text.js";
import { dueForRecheck, seenText } from "../shared/platform-recheck.js";

/** Shows `lines` in the list; a confirmed row links to its confirmation on the full page. */
export function renderCoverage(list, lines, { confirmationsRead = true } = {}) {
  const doc = list.ownerDocument;
  clear(list);
  // A service covered through the Accounts Centre has a line of its own, not a place among the "not yet".
  const started = lines.filter((line) => line.state !== "none" || line.viaCentre);
  for (const service of [...new Set(started.map((line) => line.service))]) {
    const rows = started.filter((line) => line.service === service);
    const { label, also } = rows[0];
    list.append(
      el(doc, "li", { class: "service", dataset: { service } }, [
        el(doc, "strong", { text: label }),
        also.length ? el(doc, "span", { class: "also muted", text: t("coverage_also", [joined(also)]) }) : null,
        el(
          doc,
          "ul",
          { class: "plain" },
          rows.map((line) => row(doc, line)),
        ),
      ]),
    );
  }
  const notYet = lines.filter((line) => line.state === "none" && !line.viaCentre);
  if (notYet.length) {
    const names = notYet.map((line) =>
      el(doc, "span", { dataset: { service: line.service, state: "none" }, text: line.label }),
    );
    list.append(
      el(doc, "li", { class: "not-yet muted" }, [
        `${t("coverage_none")}: `,
        ...names.flatMap((name, i) => (i ? [", ", name] : [name])),
      ]),
    );
  }
  // Without the host only the forms sent are known: say so rather than show a confirmed objection as not made.
  if (!confirmationsRead)
    list.append(el(doc, "li", { class: "muted", dataset: { note: "unavailable" }, text: t("coverage_unavailable") }));
}

function row(doc, line) {
  const state =
    line.confirmationId === null
      ? el(doc, "span", { class: `state ${stateClass(line)}`, text: stateText(line) })
      : el(doc, "a", {
          class: `state ${stateClass(line)}`,
          href: `options.html#confirmation-${encodeURIComponent(line.confirmationId)}`,
          target: "_blank",
          text: stateText(line),
        });
  return el(
    doc,
    "li",
    { dataset: { service: line.service, account: line.account ?? "", state: line.viaCentre ? "centre" : line.state } },
    [line.viaCentre && !line.account ? null : el(doc, "span", { class: "account", text: accountText(line) }), state],
  );
}

const joined = (names) => new Intl.ListFormat(uiLanguage(), { type: "conjunction" }).format(names);

/**
 * The platforms beyond Meta the user enabled, one line each: when the setting was last seen and what it said; a line
 * due for a look (older than the user's interval) links to the setting's page. A platform with an objection form
 * (LinkedIn) also says, below, where its objection stands (`formLines`, one per account), linking to the form until
 * one was sent.
 * @param {HTMLElement} list
 * @param {object[]} items
 * @param {{ days?: number, now?: Date, formLines?: import("../shared/coverage.js").CoverageLine[] }} options
 */
export function renderPlatforms(list, items, { days, now = new Date(), formLines = [] }) {
  const doc = list.ownerDocument;
  clear(list);
  for (const { name, label, seen = null, page = null, objectionForm = null } of items.filter((item) => item.enabled)) {
    const due = dueForRecheck(seen, days, now);
    const state =
      due && page
        ? el(doc, "a", {
            class: "state warn",
            href: page,
            target: "_blank",
            rel: "noopener noreferrer",
            text: seenText(seen),
          })
        : el(doc, "span", { class: `state ${seen && !seen.trainsAi ? "ok" : "warn"}`, text: seenText(seen) });
    const objections = objectionForm ? formLines.filter((line) => line.service === name) : [];
    list.append(
      el(doc, "li", { dataset: { platform: name, due: String(due) } }, [
        el(doc, "strong", { text: label }),
        " ",
        state,
        objections.length
          ? el(
              doc,
              "ul",
              { class: "plain" },
              objections.map((line) => objectionRow(doc, line, objectionForm)),
            )
          : null,
      ]),
    );
  }
  list.hidden = !list.children.length;
}

function objectionRow(doc, line, form) {
  const text = objectionText(line);
  const state =
    line.state === "none"
      ? el(doc, "a", { class: "state muted", href: form, target: "_blank", rel: "noopener noreferrer", text })
      : el(doc, "span", { class: `state ${stateClass(line)}`, text });
  return el(doc, "li", { dataset: { objection: line.state, account: line.account ?? "" } }, [
    line.account ? el(doc, "span", { class: "account", text: accountText(line) }) : null,
    state,
  ]);
}
