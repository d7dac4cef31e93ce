// Message types between the content script and the rest of the extension (the extension's internal contract).
export const MSG = Object.freeze({
  pageState: "page-state", // → background: { state }; the background keeps it per tab and sets the badge
  getProfile: "get-profile", // → background: {} ← { profile: { email?, country?, language?, name?, objection_text? }, source }
  confirmationSeen: "confirmation-seen", // → background: { confirmation } ← { status: saved | duplicate | queued }
  formSent: "form-sent", // → background: { sent: { sent_at, url, values, detection } }: the user sent a form in this tab
  takeSentForm: "take-sent-form", // → background: {} ← { sent } when a send in this tab led to this new page
  openOptions: "open-options", // → background: {}: the user wants to set up a profile (the full page opens)
  fillNow: "fill-now", // ← popup: {} → { ok, state }
  getPageState: "get-page-state", // ← popup: {} → { state }
  undoFill: "undo-fill", // ← popup: {} → { ok, restored, state }
  hideMarks: "hide-marks", // ← background: {} → { ok } once NoTrain's notice and outlines are out of sight
  whenSettled: "when-settled", // ← extension: {} → { settled, state } once no look, fill or delivery is under way
});
