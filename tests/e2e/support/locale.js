// The extension's own texts, read from the build (never copied into the tests), so a test asserts what the
// user reads in their language. `text(key, subs)` fills $1.. and drops the `backticks` the UI turns into <code>.
import { readFileSync } from "node:fs";
import path from "node:path";
import { paths } from "./paths.js";

export function messages(lang, browser = "chromium") {
  const file = path.join(paths.extension, browser, "_locales", lang, "messages.json");
  const table = JSON.parse(readFileSync(file, "utf8"));
  const messagesOf = {
    text(key, substitutions = []) {
      const entry = table[key];
      if (!entry) throw new Error(`no message ${key} in ${lang}`);
      return entry.message.replace(/\$(\d)/g, (_, n) => substitutions[Number(n) - 1] ?? "").replaceAll("`", "");
    },
    /** A counted message in the plural form `lang` uses for `count`, as the extension picks it. */
    count(key, count, more = []) {
      const form = new Intl.PluralRules(lang).select(count);
      return messagesOf.text(table[`${key}_${form}`] ? `${key}_${form}` : `${key}_other`, [String(count), ...more]);
    },
  };
  return messagesOf;
}
