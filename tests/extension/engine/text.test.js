// Text as the engine compares it: case, accents, curly apostrophes, dashes and spaces do not matter; words do.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { normalize, readText, shownLabelOf } from "../../../extension/src/engine/text.js";

describe("normalize", () => {
  it("should fold case, accents, curly apostrophes, dashes and non-breaking spaces", () => {
    assert.equal(
      normalize("  Vous OPPOSER à l’utilisation\u00a0de l‘IA —\tMeta "),
      "vous opposer a l'utilisation de l'ia - meta",
    );
    assert.equal(
      normalize("Bezieht sich deine Anfrage auf KI bei Meta?"),
      "bezieht sich deine anfrage auf ki bei meta?",
    );
    assert.equal(normalize("Ciò significa"), "cio significa");
  });

  it("should keep letters that are not accented forms (ß, ł)", () => {
    assert.equal(normalize("Schließen Wyślij"), "schließen wyslij");
    assert.equal(normalize("Zgłoszenie"), "zgłoszenie");
  });
});

describe("readText", () => {
  const body = (html) => new JSDOM(`<body>${html}</body>`).window.document.body;
  const page = body(`<div><h2>Thanks for your <b>request</b></h2><p>We will honour
      your objection.</p><div>Privacy <span>Operations</span><div>Team</div> end</div><p hidden>secret</p></div>`);

  it("keeps one line per block when asked, a heading apart from its paragraph", () => {
    assert.equal(
      readText(page, { blocks: true }),
      "Thanks for your request\nWe will honour your objection.\nPrivacy Operations\nTeam\nend",
    );
  });
  it("puts everything on one line otherwise, and never reads hidden text", () => {
    assert.equal(readText(page), "Thanks for your request We will honour your objection. Privacy Operations Team end");
  });
  it("keeps inline elements inside one line", () => {
    assert.equal(readText(body('<p>one <a href="#">two</a> <em>three</em></p>'), { blocks: true }), "one two three");
  });
});

describe("shownLabelOf in a flat layout", () => {
  it("should take the nearest text before a control, never a heading or the text beyond another control", () => {
    const { document } = new JSDOM(
      "<form><h2>Vos droits d'opposition</h2><input id='first'><div>Nom complet</div><input id='name'>" +
        "<div>Pays</div><select id='country'></select><input id='after'></form>",
    ).window;
    const label = (id) => shownLabelOf(/** @type {Element} */ (document.getElementById(id)));
    assert.deepEqual(["first", "name", "country", "after"].map(label), ["", "Nom complet", "Pays", ""]);
  });
});
