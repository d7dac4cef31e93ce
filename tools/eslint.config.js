// ESLint for every JavaScript file of the project: the recommended rules, the environments each part runs in,
// and the few rules NoTrain needs on top (run by CTest as lint.javascript; `npx eslint -c tools/eslint.config.js .`).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["build/**", "build-*/**", "node_modules/**"] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: "latest", sourceType: "module" },
    rules: {
      // A rest sibling leaves out what a copy must not carry ({ screenshot, ...rest }).
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
      // Page text is never parsed as HTML or code (SECURITY.md; tests/extension/security checks the sinks too).
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  // The extension: browser pages, the service worker and content scripts.
  { files: ["extension/**/*.js"], languageOptions: { globals: { ...globals.browser, ...globals.webextensions } } },
  { files: ["extension/build.mjs", "extension/icons/*.mjs"], languageOptions: { globals: globals.node } },
  // Tests, benchmarks and tools run in Node; some of their functions run inside a page (page.evaluate).
  {
    files: ["tests/**/*.{js,mjs}", "bench/**/*.{js,mjs}", "tools/**/*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ["tests/fixtures/**/*.js", "tests/e2e/site/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
];
