// The host names the test site answers for. Meta's are the real names the extension knows; every other
// name resolves nowhere (Chromium: MAP * ~NOTFOUND), so a test can never reach the real sites.
export const META_NAMES = Object.freeze([
  "www.facebook.com",
  "m.facebook.com",
  "fr-fr.facebook.com",
  "nl-nl.facebook.com",
  "de-de.facebook.com",
  "accountscenter.facebook.com",
  "help.instagram.com",
  "privacycenter.instagram.com",
  "www.instagram.com",
  "accountscenter.meta.com",
  "help.meta.com",
  "www.whatsapp.com",
  "www.threads.com",
  "www.messenger.com",
  "l.facebook.com",
]);

// Look-alikes: a phishing copy of the form must get nothing from NoTrain.
export const LOOKALIKE_NAMES = Object.freeze([
  "facebook-help-privacy.example",
  "www.facebook.com.help-privacy.example",
]);

// Platforms beyond Meta whose settings pages the scenarios show (the fixtures in tests/fixtures/platforms).
export const PLATFORM_NAMES = Object.freeze(["www.linkedin.com", "www.quora.com", "copilot.microsoft.com"]);

export const SITE_NAMES = Object.freeze([...META_NAMES, ...LOOKALIKE_NAMES, ...PLATFORM_NAMES]);
