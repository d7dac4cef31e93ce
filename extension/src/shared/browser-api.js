// One name for the extension API in both browsers: Firefox exposes `browser` (promises),
// Chromium exposes `chrome` (promises too in MV3). Tests inject a fake through setApi().
let api = globalThis.browser ?? globalThis.chrome;

export function getApi() {
  return api;
}

export function setApi(fake) {
  api = fake;
}
