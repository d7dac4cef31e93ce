// Platforms beyond Meta whose AI-training choice is an e-mail (see ../README.md), one rule each.
// tests/extension/rules/rules.test.js fails if a JSON file here is not imported.
import slack from "./slack.json" with { type: "json" };

export const emailRules = Object.freeze([slack]);
