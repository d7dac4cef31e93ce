// A ready complaint for an objection Meta left unanswered past the follow-up clock: the authority (the user's
// country's — in Germany their Land's — else the lead one for Meta, from rules/authorities.json), its contact page,
// the text to send and the evidence pack to attach.
import { el } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { authorities, authorityFor, regionalAuthorities } from "../shared/authorities.js";
import { formatDay } from "../shared/format.js";
import { serviceText, accountText } from "../shared/coverage-text.js";

let made = 0; // ids for the labels of several complaints on one page

/**
 * The complaint for an overdue coverage line, for a user living in `country` and named `name` (either may be empty).
 * `onPack(status)` downloads the evidence pack, saying how it went in `status`.
 * @param {Document} doc
 * @param {import("../shared/coverage.js").CoverageLine} line
 * @param {{ country?: string, name?: string, onPack?: (status: HTMLElement) => Promise<unknown> }} [options]
 */
export function complaintFor(doc, line, { country = "", name = "", onPack = async () => {} } = {}) {
  const id = `complaint-${++made}`;
  const select = el(doc, "select", { id: `${id}-authority` });
  for (const authority of authorities())
    select.append(el(doc, "option", { value: authority.country, text: authority.name }));
  select.value = authorityFor(country)?.country ?? select.value;
  const region = el(doc, "select", { id: `${id}-region`, dataset: { testid: "complaint-region" } });
  const regionField = el(doc, "p", { class: "field" }, [
    el(doc, "label", { for: region.id, text: t("complaint_region") }),
    region,
  ]);
  const link = el(doc, "a", {
    target: "_blank",
    rel: "noopener noreferrer",
    text: t("complaint_open"),
    dataset: { testid: "complaint-link" },
  });
  const text = el(doc, "textarea", {
    id: `${id}-text`,
    rows: "14",
    readonly: true,
    dataset: { testid: "complaint-text" },
  });
  const status = el(doc, "p", { role: "status", "aria-live": "polite" });
  const copy = el(doc, "button", { type: "button", text: t("complaint_copy") });
  const pack = el(doc, "button", { type: "button", text: t("complaint_pack"), dataset: { testid: "complaint-pack" } });
  const listRegions = () => {
    const regions = regionalAuthorities(select.value);
    region.replaceChildren(
      el(doc, "option", { value: "", text: t("complaint_region_list") }),
      ...regions.map((r) => el(doc, "option", { value: r.code, text: r.region })),
    );
    regionField.hidden = regions.length === 0;
  };
  const show = () => {
    const authority = authorityFor(select.value, region.value);
    if (!authority) return; // the list holds only authorities: each has its page and name
    link.href = authority.contact;
    text.value = t("complaint_text", [
      authority.name,
      line.label,
      line.account,
      formatDay(line.since),
      name || t("complaint_your_name"),
    ]);
  };
  select.addEventListener("change", () => {
    listRegions();
    show();
  });
  region.addEventListener("change", show);
  copy.addEventListener("click", async () => {
    const view = doc.defaultView;
    if (!view) return; // a document without a window: no page to copy from
    await view.navigator.clipboard.writeText(text.value);
    status.textContent = t("complaint_copied");
  });
  pack.addEventListener("click", () => void onPack(status));
  listRegions();
  show();
  return el(
    doc,
    "article",
    {
      class: "complaint",
      "aria-labelledby": `${id}-heading`,
      dataset: { service: line.service, account: line.account },
    },
    [
      el(doc, "h3", { id: `${id}-heading`, text: t("complaint_heading", [serviceText(line), accountText(line)]) }),
      el(doc, "p", { text: t("complaint_intro") }),
      el(doc, "p", { class: "field" }, [el(doc, "label", { for: select.id, text: t("complaint_authority") }), select]),
      regionField,
      el(doc, "p", {}, [link]),
      el(doc, "p", { class: "field" }, [el(doc, "label", { for: text.id, text: t("complaint_text_label") }), text]),
      el(doc, "p", { class: "actions" }, [copy, pack]),
      status,
    ],
  );
}
