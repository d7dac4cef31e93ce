// Interface strings: every key in every locale, every key the markup and code use exists, and
// the translations keep the same placeholders.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { JSDOM } from "jsdom";
import { referencedKeys } from "../../../extension/src/shared/i18n.js";
import { FIX_KEYS } from "../../../extension/src/background/host-errors.js";
import { BADGES } from "../../../extension/src/background/badge.js";
import { EXTENSION } from "./build-support.js";
import { fakeI18n } from "./ui-harness.js";

const LANGS = ["en", "fr", "nl", "de"];
const PAGE_KINDS = [
  "objection_form",
  "code_step",
  "third_party_form",
  "privacy_center",
  "accounts_center",
  "settings",
  "ai_terms",
  "confirmation",
  "inbox_reply",
  "other_meta",
];
const readLocale = async (lang) =>
  JSON.parse(await readFile(path.join(EXTENSION, "_locales", lang, "messages.json"), "utf8"));
const locales = Object.fromEntries(await Promise.all(LANGS.map(async (lang) => [lang, await readLocale(lang)])));

const placeholders = (text) =>
  [...text.matchAll(/\$(\d)/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

test("every locale has exactly the English keys, none empty, with the same placeholders", () => {
  const keys = Object.keys(locales.en).sort();
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(locales[lang]).sort(), keys, lang);
    for (const key of keys) {
      const text = locales[lang][key].message;
      assert.ok(typeof text === "string" && text.trim(), `${lang}/${key} is empty`);
      assert.equal(placeholders(text), placeholders(locales.en[key].message), `${lang}/${key} placeholders`);
      assert.equal((text.match(/`/g) ?? []).length % 2, 0, `${lang}/${key} has an unpaired backtick`);
      assert.doesNotMatch(text, /\$(?!\d)/, `${lang}/${key}: a lone $ would be eaten by getMessage`);
    }
  }
});

test("the translations are translations (French, Dutch and German differ from English)", () => {
  for (const lang of ["fr", "nl", "de"]) {
    const same = Object.keys(locales.en).filter(
      (key) => locales[lang][key].message === locales.en[key].message && locales.en[key].message.length > 12,
    );
    assert.deepEqual(same, [], `${lang} copies English`);
  }
});

test("every data-i18n key in the popup and the full page exists", async () => {
  for (const page of ["src/popup/popup.html", "src/options/options.html"]) {
    const dom = new JSDOM(await readFile(path.join(EXTENSION, page), "utf8"));
    const keys = referencedKeys(dom.window.document);
    assert.ok(keys.size > 5, `${page} uses data-i18n`);
    for (const key of keys) assert.ok(locales.en[key], `${page}: ${key} is not in _locales`);
  }
});

test("every key the code asks for exists, including the ones built from page kinds and errors", async () => {
  const used = new Set();
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.name.endsWith(".js")) {
        const source = await readFile(file, "utf8");
        for (const [, key] of source.matchAll(/\bt\("([A-Za-z0-9_]+)"/g)) used.add(key);
        // Counted messages: the forms English needs (one, other); other languages' forms fall back to "other".
        for (const [, key] of source.matchAll(/\btn\("([A-Za-z0-9_]+)"/g)) used.add(`${key}_one`).add(`${key}_other`);
      }
    }
  };
  for (const part of ["background", "popup", "options", "shared"]) await walk(path.join(EXTENSION, "src", part));
  for (const kind of PAGE_KINDS) used.add(`kind_${kind}`).add(`next_${kind}`);
  for (const kind of ["page", "inbox", "email", "manual"]) used.add(`kind_label_${kind}`);
  for (const field of ["email", "country", "language", "name", "objection_text"]) used.add(`error_field_${field}`);
  for (const key of Object.values(FIX_KEYS)) used.add(key);
  for (const badge of Object.values(BADGES)) used.add(badge.title);
  for (const key of [
    "next_form_filled",
    "next_confirmation",
    "page_not_meta",
    "next_not_meta",
    "ext_name",
    "ext_description",
  ])
    used.add(key);
  const missing = [...used].filter((key) => !locales.en[key]);
  assert.deepEqual(missing, []);
});

test('counted messages take the plural form of the interface language, with no "(s)" left', async () => {
  const { tn } = await import("../../../extension/src/shared/i18n.js");
  const { setApi } = await import("../../../extension/src/shared/browser-api.js");
  for (const [lang, zero, one, two] of [
    ["en", "0 fields", "1 field ", "2 fields"],
    ["fr", "0 champ ", "1 champ ", "2 champs"],
    ["nl", "0 velden", "1 veld ", "2 velden"],
    ["de", "0 Felder", "1 Feld ", "2 Felder"],
  ]) {
    setApi({ i18n: fakeI18n(lang) });
    assert.ok(tn("popup_fill_done", 0).startsWith(zero), `${lang}: ${tn("popup_fill_done", 0)}`);
    assert.ok(tn("popup_fill_done", 1).startsWith(one), `${lang}: ${tn("popup_fill_done", 1)}`);
    assert.ok(tn("popup_fill_done", 2).startsWith(two), `${lang}: ${tn("popup_fill_done", 2)}`);
  }
  for (const lang of ["en", "fr", "nl", "de"]) {
    for (const [key, entry] of Object.entries(locales[lang]))
      assert.doesNotMatch(entry.message, /\((s|en|e|n)\)/, `${lang}/${key}`);
  }
});

test("the manifest's __MSG_ names exist", async () => {
  const manifest = await readFile(path.join(EXTENSION, "manifest.json"), "utf8");
  for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) assert.ok(locales.en[key], key);
});
