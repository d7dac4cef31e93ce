// The platform content script's entry point in the browser. The background may inject it into a tab opened before
// the platform was enabled, where the registered script did not run: once per page is enough.
import { startPlatform } from "./platform.js";

const api = globalThis.browser ?? globalThis.chrome;
if (api?.runtime?.id && globalThis.document && !globalThis.notrainPlatformStarted) {
  globalThis.notrainPlatformStarted = true;
  startPlatform({ api, document: globalThis.document, window });
}
