// What the popup says about the current tab: what the page is and what to do next.
// Pure: takes the page state from the content script (or null) and returns message keys.
export const FILLABLE_KINDS = new Set(["objection_form", "third_party_form"]);

export function describePage(state) {
  if (!state) return { summaryKey: "page_not_meta", nextKey: "next_not_meta", canFill: false };
  const summaryKey = `kind_${state.page_kind}`;
  let nextKey = `next_${state.page_kind}`;
  if (FILLABLE_KINDS.has(state.page_kind)) {
    if (state.status === "filled") nextKey = "next_form_filled";
    else if (state.status === "confirmed") nextKey = "next_confirmation";
  }
  return { summaryKey, nextKey, canFill: FILLABLE_KINDS.has(state.page_kind) && state.status !== "confirmed" };
}
