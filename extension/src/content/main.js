// The content script's entry point in the browser: starts it on the page it was injected into.
import { start } from "./content.js";

const api = globalThis.browser ?? globalThis.chrome;
if (api?.runtime?.id && globalThis.document) start({ api, document: globalThis.document, window });
