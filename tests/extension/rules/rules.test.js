// The page knowledge itself: every file valid against the schema, complete, and consistent with the others.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import { isMetaUrl } from "../../../extension/src/shared/meta-domains.js";
import { platforms } from "../../../extension/rules/platforms/index.js";
import { emailRules } from "../../../extension/rules/emails/index.js";
import { engine, knowledge, manifest, root } from "../engine/helpers/fixtures.js";

const rulesDir = join(root, "extension", "rules");
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(JSON.parse(readFileSync(join(rulesDir, "schema.json"), "utf8")));
/** @param {string} def */
function validator(def) {
  const validate = ajv.getSchema(`https://notrain.invalid/rules/schema.json#/$defs/${def}`);
  if (!validate) throw new Error(`schema.json has no $defs/${def}`);
  return validate;
}
const jsonFiles = (dir) => readdirSync(join(rulesDir, dir)).filter((f) => f.endsWith(".json"));
const read = (path) => JSON.parse(readFileSync(join(rulesDir, path), "utf8"));

function assertValid(def, path) {
  const validate = validator(def);
  assert.ok(validate(read(path)), `${path}: ${ajv.errorsText(validate.errors)}`);
}

describe("rule files", () => {
  it("should all be valid against the schema", () => {
    for (const file of jsonFiles("pages")) assertValid("pageRule", `pages/${file}`);
    for (const file of jsonFiles("lang")) assertValid("language", `lang/${file}`);
    assertValid("hosts", "hosts.json");
    assertValid("services", "services.json");
    assertValid("authorities", "authorities.json");
    assertValid("announcements", "announcements.json");
    assertValid("fields", "fields.json");
    assertValid("plans", "plans.json");
    assertValid("noticeMessages", "notice-messages.json");
    for (const file of jsonFiles("platforms")) assertValid("platform", `platforms/${file}`);
    for (const file of jsonFiles("emails")) assertValid("emailRule", `emails/${file}`);
  });

  it("should import every e-mail rule in rules/emails/index.js, and name no platform twice", () => {
    assert.deepEqual(
      emailRules.map((r) => r.name).sort(),
      jsonFiles("emails")
        .map((f) => read(`emails/${f}`).name)
        .sort(),
    );
    const names = [...platforms, ...emailRules].map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
  });

  it("should import every platform rule pack in rules/platforms/index.js, each once, with only verified labels it has", () => {
    assert.deepEqual(
      platforms.map((p) => p.name).sort(),
      jsonFiles("platforms")
        .map((f) => read(`platforms/${f}`).name)
        .sort(),
    );
    for (const platform of platforms) {
      for (const setting of platform.settings) {
        for (const [language, labels] of Object.entries(setting.verified)) {
          for (const label of labels)
            assert.ok(setting.labels[language]?.includes(label), `${platform.name}: "${label}"`);
        }
        for (const language of ["en", "fr", "nl", "de"])
          assert.ok(setting.labels[language]?.length, `${platform.name}: ${language}`);
      }
    }
  });

  it("should refuse a rule with a misspelt key", () => {
    const rule = { ...read("pages/facebook-ai-objection-2025.json"), pln: "ai-objection" };
    assert.equal(validator("pageRule")(rule), false);
  });

  it("should all be imported by rules/index.js, each once", () => {
    const loaded = (list) => list.map((x) => x.name ?? x.language).sort();
    assert.deepEqual(
      loaded(knowledge.pages),
      jsonFiles("pages")
        .map((f) => read(`pages/${f}`).name)
        .sort(),
    );
    assert.deepEqual(
      loaded(knowledge.languages),
      jsonFiles("lang")
        .map((f) => f.replace(".json", ""))
        .sort(),
    );
  });

  it("should name each page rule after its file", () => {
    for (const file of jsonFiles("pages")) assert.equal(read(`pages/${file}`).name, file.replace(".json", ""));
  });
});

describe("references between rule files", () => {
  const stepsOf = Object.entries(knowledge.plans).filter(([name]) => name !== "$comment");

  it("should link each service to forms that a rule recognises", () => {
    for (const [service, links] of Object.entries(knowledge.services)) {
      for (const link of [links.objection_form, ...(links.other_forms ?? [])]) {
        const found = engine.classifyUrl(String(link));
        assert.ok(["objection_form", "third_party_form"].includes(found.page_kind ?? ""), `${service}: ${link}`);
      }
    }
  });

  it("should give every note a plan can raise a text in notice-messages.json", () => {
    const notices = read("notice-messages.json");
    for (const [plan, { steps }] of stepsOf) {
      for (const note of steps.flatMap((s) => Object.values(s.notes ?? {})))
        assert.ok(notices[note], `${plan}: ${note}`);
    }
  });

  it("should point every form at a plan that exists", () => {
    for (const rule of knowledge.pages) if (rule.plan) assert.ok(knowledge.plans[rule.plan], rule.name);
  });

  it("should use in plans only fields and concepts that are defined", () => {
    const english = knowledge.languages.find((l) => l.language === "en");
    assert.ok(english);
    for (const [plan, { steps, variants }] of stepsOf) {
      for (const { field } of variants)
        if (field) assert.ok(knowledge.fields[field], `${plan}: variant field ${field}`);
      for (const step of steps) {
        for (const field of [step.fill, step.select, step.pick, step.check, step.find]) {
          if (field) assert.ok(knowledge.fields[field], `${plan}: field ${field}`);
        }
        for (const concept of [step.choose, step.question, step.option]) {
          if (!concept) continue;
          assert.ok(english.phrases[concept], `${plan}: concept ${concept}`);
        }
        if (step.template) assert.ok(english.templates?.[step.template], `${plan}: template ${step.template}`);
      }
    }
  });

  it("should give every field label a phrase list in English", () => {
    const english = knowledge.languages.find((l) => l.language === "en");
    assert.ok(english);
    for (const [name, field] of Object.entries(knowledge.fields)) {
      if (name !== "$comment") assert.ok(english.phrases[field.label], `${name} → ${field.label}`);
    }
  });

  it("should use in every language only the concepts English defines, and all of them", () => {
    const english = knowledge.languages.find((l) => l.language === "en");
    assert.ok(english);
    const concepts = Object.keys(english.phrases).sort();
    for (const language of knowledge.languages) {
      assert.deepEqual(Object.keys(language.phrases).sort(), concepts, language.language);
      assert.deepEqual(
        Object.keys(language.templates ?? {}).sort(),
        Object.keys(english.templates ?? {}).sort(),
        language.language,
      );
    }
  });

  it("should cover the 24 official languages of the EU", () => {
    const EU_LANGUAGES = [
      "bg",
      "cs",
      "da",
      "de",
      "el",
      "en",
      "es",
      "et",
      "fi",
      "fr",
      "ga",
      "hr",
      "hu",
      "it",
      "lt",
      "lv",
      "mt",
      "nl",
      "pl",
      "pt",
      "ro",
      "sk",
      "sl",
      "sv",
    ];
    const covered = new Set(knowledge.languages.map((l) => l.language));
    assert.deepEqual(
      EU_LANGUAGES.filter((code) => !covered.has(code)),
      [],
    );
  });

  it("should say in every language file which texts are verified, each one among its phrases", () => {
    for (const language of knowledge.languages) {
      assert.ok(
        language.verified && language.sources?.length,
        `${language.language}: verified texts and their sources`,
      );
      for (const [concept, texts] of Object.entries(language.verified)) {
        for (const text of texts)
          assert.ok(
            language.phrases[concept]?.includes(text),
            `${language.language}: "${text}" is a ${concept} phrase`,
          );
      }
    }
  });

  it("should name in page rules only hosts on Meta's own domains, or the hosts of the platform whose objection form it is", () => {
    for (const rule of knowledge.pages) {
      const platform = platforms.find((p) => p.objection_form?.rule === rule.name);
      for (const host of rule.url.hosts.filter((h) => h !== "*")) {
        assert.ok(isMetaUrl(`https://${host}/`) || platform?.hosts.includes(host), `${rule.name}: ${host}`);
      }
    }
  });

  it("should link each platform's objection form to a form rule that recognises its address", () => {
    const withForms = platforms.filter((p) => p.objection_form);
    assert.ok(withForms.length > 0);
    for (const platform of withForms) {
      const form = platform.objection_form;
      assert.ok(form);
      const found = engine.classifyUrl(form.page);
      assert.deepEqual([found.page_kind, found.rule, found.service], ["objection_form", form.rule, platform.name]);
    }
  });
});

describe("fixtures", () => {
  it("should prove every page rule with at least one fixture page", () => {
    const proven = new Set(manifest.pages.map((p) => p.expect.rule));
    const unproven = knowledge.pages.map((r) => r.name).filter((name) => !proven.has(name));
    assert.deepEqual(unproven, []);
  });

  it("should list every fixture file in pages.json", () => {
    const dir = join(root, "tests", "fixtures", "pages");
    const listed = new Set(manifest.pages.map((p) => p.file));
    const files = readdirSync(dir).filter((f) => f.endsWith(".html"));
    assert.deepEqual(
      files.filter((f) => !listed.has(f)),
      [],
      `unlisted in ${relative(root, dir)}/pages.json`,
    );
  });
});
