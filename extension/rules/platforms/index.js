// The platforms beyond Meta whose AI-training choice is a setting, one rule pack each (see ../README.md).
// tests/extension/rules/platforms.test.js fails if a JSON file here is not imported.
import adobe from './adobe.json' with { type: 'json' };
import anthropic from './anthropic.json' with { type: 'json' };
import linkedin from './linkedin.json' with { type: 'json' };
import microsoftCopilot from './microsoft-copilot.json' with { type: 'json' };
import openai from './openai.json' with { type: 'json' };
import pinterest from './pinterest.json' with { type: 'json' };
import quora from './quora.json' with { type: 'json' };
import tumblr from './tumblr.json' with { type: 'json' };
import wordpressCom from './wordpress-com.json' with { type: 'json' };
import x from './x.json' with { type: 'json' };

export const platforms = Object.freeze([adobe, anthropic, linkedin, microsoftCopilot, openai, pinterest, quora, tumblr, wordpressCom, x]);
