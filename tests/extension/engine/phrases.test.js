// Phrases as the engine finds them in a page: exactly first (whole words, in order), then loosely for phrases of
// three words or more (most of their words close together, any order, other endings).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findExact, findPhrase, phraseMatcher } from "../../../extension/src/engine/phrases.js";
import { normalize } from "../../../extension/src/engine/text.js";

const matcher = (phrases, options) =>
  phraseMatcher(
    phrases.map((phrase) => ({ phrase, language: "xx" })),
    options,
  );
const match = (phrases, text) => findExact(normalize(text), matcher(phrases));
const loose = (phrases, text, options) => findPhrase(normalize(text), matcher(phrases, options));

describe("phraseMatcher, exactly", () => {
  it("should match whole words only", () => {
    assert.equal(match(["land"], "Deutschland"), null);
    assert.equal(match(["land"], "Land des Wohnsitzes")?.phrase, "land");
    assert.equal(match(["name"], "Username"), null);
  });

  it("should prefer the longest phrase that starts at the same place", () => {
    assert.equal(match(["e-mail", "e-mail-adresse"], "Deine E-Mail-Adresse")?.phrase, "e-mail-adresse");
  });

  it("should match phrases written with other apostrophes or accents on the page", () => {
    assert.equal(match(["l'ia chez meta"], "pour l’IA chez Meta")?.phrase, "l'ia chez meta");
    assert.equal(match(["país"], "Pais de residencia")?.phrase, "país");
  });

  it("should treat regular-expression characters in phrases as text", () => {
    assert.equal(match(["(optional)"], "impact (optional)")?.phrase, "(optional)");
    assert.equal(match(["a.b"], "axb"), null);
  });

  it("should find nothing with no phrases", () => {
    assert.equal(match([], "anything"), null);
  });
});

describe("phraseMatcher, loosely", () => {
  it("should accept a word more, words in another order and other endings", () => {
    assert.equal(
      loose(["nous avons reçu votre demande"], "Merci ! Nous avons bien reçu votre demande.")?.phrase,
      "nous avons bien recu votre demande",
    );
    assert.ok(loose(["we will honour your objection"], "Your objection will be honoured by us"));
    assert.ok(loose(["wir haben deine anfrage erhalten"], "Deine Anfrage haben wir erhalten"));
    assert.ok(loose(["uw bezwaar wordt gehonoreerd"], "Wij honoreren uw bezwaar: zo wordt het.", { prefixes: ["ge"] }));
  });

  it("should ignore a word-start prefix only where the language's rules name it", () => {
    assert.equal(loose(["uw bezwaar wordt gehonoreerd"], "Wij honoreren uw bezwaar: zo wordt het."), null);
  });

  it("should say where in the text it matched, so the span can be found again", () => {
    const text = normalize("Header. Nous avons bien reçu votre demande. Footer");
    const hit = findPhrase(text, matcher(["nous avons reçu votre demande"]));
    assert.equal(hit.loose, true);
    assert.equal(text.slice(hit.index, hit.index + hit.phrase.length), hit.phrase);
  });

  it("should not match words scattered far apart, too few of them, or short phrases", () => {
    const far = `nous avons ${"mot ".repeat(40)} reçu ${"mot ".repeat(40)} votre demande`;
    assert.equal(loose(["nous avons reçu votre demande"], far), null);
    assert.equal(loose(["we will honour your objection"], "we will look at it"), null);
    assert.equal(loose(["ki bei meta"], "Meta und KI"), null, "two significant words: exact only");
  });

  it("should need a phrase's telling words: \"couldn't\" is what makes an error", () => {
    assert.equal(
      loose(["we couldn't process your request"], "Tell us about your request. How does this processing affect you?"),
      null,
    );
    assert.ok(loose(["we couldn't process your request"], "Sorry, your request: we couldn’t process it"));
  });

  it("should keep different words apart: a shared beginning is not enough for short words", () => {
    assert.equal(loose(["your request was sent"], "your requirement was sensible"), null);
  });

  it("should leave large texts to exact matching (a feed is not a message)", () => {
    const large = `${"filler ".repeat(4000)} nous avons bien reçu votre demande`;
    assert.equal(loose(["nous avons reçu votre demande"], large), null);
  });
});
