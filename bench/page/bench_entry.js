// What the page bench injects into a page (bundled by esbuild as the extension's build does): the engine, the
// rules and the content script's start(), exactly as shipped.
import { knowledge } from "../../extension/rules/index.js";
import { createEngine } from "../../extension/src/engine/index.js";
import { start } from "../../extension/src/content/content.js";

globalThis.__notrainBench = { createEngine, knowledge, start };
