// Pre-filling the fixture forms: the values must reach the page's (React) state, and nothing is ever submitted.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setValue } from "../../../extension/src/engine/fill.js";
import { engine, entry, loadPage, manifest, open, tick } from "./helpers/fixtures.js";

const { profile } = manifest;
const statuses = (outcome) => Object.fromEntries(outcome.results.map((r) => [r.field, r.status]));

// What a user typing does: the native setter, then the events React listens for.
function typeAsUser(element, value) {
  setValue(element, value);
}

async function detectAndFill(page, who = profile, options) {
  const loaded = await open(page);
  const detection = engine.detect(loaded.document, loaded.href);
  const outcome = await engine.fill(loaded.document, detection, who, options);
  return { ...loaded, detection, outcome };
}

describe("the React stand-in in the fixtures", () => {
  it("should drop a value set with element.value = x, as React does", () => {
    const { document, window } = loadPage(
      "facebook-2025-nl.html",
      "https://www.facebook.com/help/contact/712876720715583",
    );
    const email = document.querySelector("input");
    email.value = "naive@example.com";
    email.dispatchEvent(new window.Event("input", { bubbles: true }));
    assert.equal(window.fixtureState(email), "");
    assert.equal(email.value, "");
  });

  it("should keep a value set through the native setter", () => {
    const { document, window } = loadPage(
      "facebook-2025-nl.html",
      "https://www.facebook.com/help/contact/712876720715583",
    );
    const email = document.querySelector("input");
    setValue(email, "jane.doe@example.com");
    assert.equal(window.fixtureState(email), "jane.doe@example.com");
  });

  it("should throw away text written into its rich-text editor without an input event, as Lexical does", () => {
    const { document, window } = loadPage(
      "facebook-2025-fr-editor.html",
      "https://www.facebook.com/help/contact/712876720715583",
    );
    const editor = document.querySelector('[role="textbox"]');
    editor.textContent = "written behind the editor's back";
    editor.dispatchEvent(
      new window.InputEvent("beforeinput", { bubbles: true, cancelable: true, inputType: "insertText", data: "a" }),
    );
    assert.deepEqual([window.fixtureState(editor), editor.textContent], ["a", "a"]);
    setValue(editor, "typed as the editor takes it");
    assert.deepEqual(
      [window.fixtureState(editor), editor.textContent],
      ["typed as the editor takes it", "typed as the editor takes it"],
    );
  });
});

describe("fill on the fixture forms", () => {
  for (const page of manifest.pages.filter((p) => p.fill)) {
    it(`should fill ${page.file} (${page.expect.rule ?? page.url}) and the page should keep every value`, async () => {
      const { window, outcome } = await detectAndFill(page);
      assert.deepEqual(Object.fromEntries(Object.keys(page.fill).map((f) => [f, statuses(outcome)[f]])), page.fill);
      await tick(50);
      assert.deepEqual(outcome.verify(), []);
      for (const { element, value } of outcome.filled.filter(
        (f) =>
          typeof f.value === "string" &&
          f.element.tagName !== "SELECT" &&
          f.element.getAttribute("role") !== "combobox",
      )) {
        assert.equal(window.fixtureState(element), value, `${page.file}: React state of ${element.tagName}`);
      }
    });
  }

  it("should never submit: the page after Send is not shown after a fill", async () => {
    for (const page of manifest.pages.filter((p) => p.fill)) {
      const { document } = await detectAndFill(page);
      await tick(60);
      assert.ok(
        document.querySelector('form, [role="dialog"], [data-fixture-form], [role="main"] textarea'),
        page.file,
      );
      assert.equal(engine.detect(document, page.url).page_kind, page.expect.page_kind, page.file);
    }
  });

  it("should write the objection in the page language when the profile has none", async () => {
    const { outcome } = await detectAndFill(entry("facebook-2025-fr.html"));
    const reason = outcome.filled.find((f) => f.field === "reason");
    assert.ok(reason, "the reason was filled");
    assert.equal(reason.value, engine.template("reason", "fr"));
    assert.match(String(reason.value), /article 21 du règlement général sur la protection des données/);
  });

  it("should use the user's own objection text, and leave the box empty when the user chose an empty text", async () => {
    const own = await detectAndFill(entry("facebook-2025-nl.html"), {
      ...profile,
      objection_text: "Mijn eigen tekst.",
    });
    assert.equal(own.outcome.filled.find((f) => f.field === "reason")?.value, "Mijn eigen tekst.");
    const empty = await detectAndFill(entry("facebook-2025-nl.html"), { ...profile, objection_text: "" });
    assert.equal(statuses(empty.outcome).reason, "no-value");
  });
});

describe("fill leaves the user in charge", () => {
  it("should leave an e-mail address Meta pre-filled and say so", async () => {
    const { document, outcome } = await detectAndFill(entry("facebook-2025-en.html"), {
      ...profile,
      email: "other@example.org",
    });
    assert.equal(statuses(outcome).email, "differs");
    assert.equal(outcome.results.find((r) => r.field === "email")?.pageValue, "jane.doe@example.com");
    assert.equal(document.querySelector('input[type="email"]').value, "jane.doe@example.com");
    assert.ok(outcome.notes.includes("email_prefilled_by_meta"));
  });

  it("should not refill a field the user cleared after the first fill", async () => {
    const page = entry("facebook-2025-nl.html");
    const done = new WeakSet();
    const { document, detection } = await detectAndFill(page, profile, { done });
    const reason = document.querySelector("textarea");
    typeAsUser(reason, "");
    const again = await engine.fill(document, detection, profile, { done });
    assert.equal(statuses(again).reason, "kept");
    assert.equal(reason.value, "");
  });

  it("should say when the profile has no e-mail address, and still fill the rest", async () => {
    const { outcome } = await detectAndFill(entry("facebook-2025-nl.html"), {});
    assert.equal(statuses(outcome).email, "no-value");
    assert.equal(statuses(outcome).reason, "filled");
    assert.ok(outcome.notes.includes("profile_missing"));
  });

  it('should answer the German question "Ja" first, then fill the fields it reveals', async () => {
    const { outcome, window } = await detectAndFill(entry("facebook-2025-de-gate.html"));
    assert.deepEqual([statuses(outcome).yes, statuses(outcome).email], ["chosen", "filled"]);
    assert.ok(outcome.notes.includes("gate_answered_yes"));
    const email = outcome.filled.find((f) => f.field === "email")?.element;
    assert.equal(window.fixtureState(email), profile.email);
  });

  it("should fill the fields that appear after the answer on a later run (fields rendered late)", async () => {
    const page = entry("facebook-privacy-policy-dialog-de.html");
    const done = new WeakSet();
    const { document, detection, outcome } = await detectAndFill(page, profile, { done });
    assert.deepEqual([statuses(outcome).yes, statuses(outcome).email], ["chosen", "missing"]);
    await tick(20);
    const later = await engine.fill(document, engine.detect(document, page.url), profile, { done });
    assert.equal(detection.rule, "objection-form-by-content");
    assert.deepEqual(
      [statuses(later).yes, statuses(later).email, statuses(later).reason],
      ["missing", "filled", "filled"],
    );
  });

  it("should pick the country in the 2024 drop-down as a person would, by its name", async () => {
    const { document, window, outcome } = await detectAndFill(entry("facebook-2024-en.html"));
    const box = document.querySelector('[role="combobox"]');
    assert.equal(statuses(outcome).country, "filled");
    assert.equal(box.textContent.trim(), "France");
    assert.equal(window.fixtureState(box), "1009");
  });

  it("should say so when the country is not in the list", async () => {
    const { outcome } = await detectAndFill(entry("facebook-2025-combined-en.html"), { ...profile, country: "JP" });
    assert.equal(statuses(outcome).country, "no-option");
    assert.ok(outcome.notes.includes("country_not_found"));
  });

  it("should notice when the page throws a value away", async () => {
    const { document, window, outcome } = await detectAndFill(entry("facebook-2025-nl.html"));
    const reason = document.querySelector("textarea");
    Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, "value")?.set?.call(reason, ""); // React resets it
    assert.deepEqual(outcome.verify(), ["reason"]);
  });
});

describe("LinkedIn's type of objection", () => {
  const URL = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
  const statusOf = async (prepare) => {
    const { document } = loadPage("linkedin-objection-de.html", URL);
    const select = document.querySelector("select");
    prepare(select);
    const outcome = await engine.fill(document, engine.detect(document, URL), profile);
    return [statuses(outcome).objectionType, select.selectedOptions[0].textContent];
  };

  it("should pick the option about training AI models only while the list shows its placeholder", async () => {
    assert.deepEqual(await statusOf(() => {}), [
      "filled",
      "Nutzung meiner personenbezogenen Daten zum Training von KI-Modellen",
    ]);
    assert.deepEqual(
      await statusOf((select) => {
        select.selectedIndex = 2;
      }),
      ["differs", "Personalisierte Werbung"],
      "the user's own choice stays",
    );
  });

  it("should pick nothing in a list without that option", async () => {
    assert.deepEqual(await statusOf((select) => select.options[1].remove()), ["no-option", "Option auswählen"]);
  });
});
