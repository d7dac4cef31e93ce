// Injected by the popup, on demand, into a tab that is not on Meta's sites (activeTab, granted by the user's click
// on NoTrain's icon): tells whose objection form the page copies (Meta's, LinkedIn's), if any. It reads the page and
// changes nothing.
// The answer is read by a second injected call (popup/lookalike-check.js), in this same isolated world, which the
// page's own scripts cannot reach.
import { knowledge } from "../../rules/index.js";
import { createEngine } from "../engine/index.js";

globalThis.notrainLookalike = () => createEngine(knowledge).detect(document, location.href).lookalike ?? null;
