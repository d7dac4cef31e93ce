// The platforms beyond Meta whose AI-training choice is a setting, one rule pack each (see ../README.md).
// tests/extension/rules/platforms.test.js fails if a JSON file here is not imported.
import adobe from "./adobe.json" with { type: "json" };
import anthropic from "./anthropic.json" with { type: "json" };
import linkedin from "./linkedin.json" with { type: "json" };
import microsoftCopilot from "./microsoft-copilot.json" with { type: "json" };
import openai from "./openai.json" with { type: "json" };
import pinterest from "./pinterest.json" with { type: "json" };
import quora from "./quora.json" with { type: "json" };
import tumblr from "./tumblr.json" with { type: "json" };
import wordpressCom from "./wordpress-com.json" with { type: "json" };
import x from "./x.json" with { type: "json" };

/**
 * A rule pack as the extension reads it. rules/schema.json ($defs/platform) is the authority on its shape; the rules'
 * tests check every pack against it, which is what lets `platforms` carry this type.
 * @typedef {{ name: string, page: string, paths: string[], control: { roles: ("switch" | "checkbox")[] },
 *   notUsedWhen: "on" | "off", labels: Record<string, string[]>, verified: Record<string, string[]>,
 *   optional?: boolean }} PlatformSetting
 * @typedef {{ name: string, label: string, shape: "setting", hosts: string[], sources: string[],
 *   settings: PlatformSetting[], objection_form?: { rule: string, page: string } }} Platform
 */

export const platforms = /** @type {readonly Platform[]} */ (
  /** @type {unknown} */ (
    Object.freeze([adobe, anthropic, linkedin, microsoftCopilot, openai, pinterest, quora, tumblr, wordpressCom, x])
  )
);
