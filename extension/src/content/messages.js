// Message types between the content script and the rest of the extension (the extension's internal contract).
export const MSG = Object.freeze({
  pageState: 'page-state', // → background: { state }; the background keeps it per tab and sets the badge
  getProfile: 'get-profile', // → background: {} ← { profile: { email?, country?, language?, name?, objection_text? }, source }
  confirmationSeen: 'confirmation-seen', // → background: { confirmation } ← { status: saved | duplicate | queued }
  fillNow: 'fill-now', // ← popup: {} → { ok, state }
  getPageState: 'get-page-state', // ← popup: {} → { state }
});
