// Detection against every fixture page: what each page is, in which state, in which language.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { engine, loadPage, manifest, open, pick, scrambleIdentifiers, tick } from "./helpers/fixtures.js";

describe("detect on the fixture pages", () => {
  for (const page of manifest.pages) {
    it(`should see ${page.file} at ${page.url} as ${page.expect.page_kind ?? "not Meta"}${page.about ? ` (${page.about})` : ""}`, async () => {
      const { document, href } = await open(page);
      assert.deepEqual(pick(engine.detect(document, href), page.expect), page.expect);
    });
  }

  it("should see the same on every page after Meta renames all ids and classes", async () => {
    for (const page of manifest.pages) {
      const { document, href } = await open(page);
      const before = engine.detect(document, href);
      scrambleIdentifiers(document);
      const after = engine.detect(document, href);
      assert.deepEqual(after, before, `${page.file} at ${page.url}`);
    }
  });

  it("should find a form that renders after the page loaded", async () => {
    const page = manifest.pages.find((p) => p.wait);
    const { document, href } = loadPage(page.file, page.url);
    assert.equal(engine.detect(document, href).status, "recognised", "before the form is there");
    await tick(page.wait);
    assert.equal(engine.detect(document, href).status, "form-ready", "once it rendered");
  });

  it("should fill the objection form, not a search form or a cookie dialog beside it", async () => {
    const { document, href } = loadPage(
      "facebook-2025-nl.html",
      "https://www.facebook.com/help/contact/712876720715583",
    );
    document.body.insertAdjacentHTML(
      "afterbegin",
      '<form role="search"><input type="text" aria-label="Zoeken in het Helpcentrum"><button>Zoeken</button></form>',
    );
    document.body.insertAdjacentHTML(
      "beforeend",
      '<div role="dialog"><p>Cookies</p><label><input type="checkbox"> Optionele cookies</label><button>Toestaan</button></div>',
    );
    const detection = engine.detect(document, href);
    assert.equal(detection.status, "form-ready");
    const outcome = await engine.fill(document, detection, manifest.profile);
    assert.equal(outcome.filled.find((f) => f.field === "email")?.element.getAttribute("type"), "email");
  });

  it("should never take a post quoting a confirmation for one: detection reads no confirmation outside the inbox", async () => {
    const { document } = loadPage("facebook-feed-quote.html", "https://www.facebook.com/");
    const detection = engine.detect(document, "https://www.facebook.com/");
    assert.equal(detection.page_kind, "other_meta");
    assert.equal(detection.confirmation, undefined);
  });

  it("should report plain data only, so that it can be posted to the background", async () => {
    for (const page of manifest.pages) {
      const { document, href } = await open(page);
      const detection = engine.detect(document, href);
      assert.deepEqual(structuredClone(JSON.parse(JSON.stringify(detection))), detection, page.file);
    }
  });
});

describe("structure before wording", () => {
  const KNOWN = "https://www.facebook.com/help/contact/712876720715583";
  // A form written from structure alone: generated classes, no label elements, wording chosen by each test.
  const formPage = ({
    lang = "en",
    title = "",
    email = '<input type="text" class="x1i10hfl" placeholder="name@example.com">',
    text = '<textarea class="x1a2a7pz"></textarea>',
    button = '<div role="button" tabindex="0" class="x1i10hfl"><span>OK</span></div>',
  } = {}) =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>x</title></head><body><div role="main"><form class="x9f619">` +
    `<h2 class="x1heor9g">${title}</h2><div class="x1n2onr6">${email}</div><div class="x1n2onr6">${text}</div>${button}</form></div></body></html>`;
  const detectHtml = (html, url = KNOWN) => engine.detect(loadPage(null, url, { html, react: false }).document, url);

  it("should fill a known address by its shape in a language NoTrain has no phrases for", () => {
    const detection = detectHtml(
      formPage({ lang: "tr", title: "Bilgilerinin Meta'daki yapay zeka için kullanılmasına itiraz et" }),
    );
    assert.equal(detection.status, "form-ready");
    assert.deepEqual(
      detection.signals.filter((s) => s.endsWith("-field") || s === "send-control"),
      ["email-field", "text-field", "send-control"],
    );
  });

  it("should speak the language of the form's own title when the page declares another, and the declared one else", async () => {
    const french = "Vous opposer à l’utilisation de vos informations pour l’IA chez Meta";
    const shown = loadPage(null, KNOWN, { html: formPage({ lang: "en", title: french }) });
    const detection = engine.detect(shown.document, KNOWN);
    assert.equal(detection.language, "fr");
    await engine.fill(shown.document, detection, { email: "camille@example.be" });
    assert.match(
      shown.document.querySelector("textarea").value,
      /^Je m'oppose/,
      "the objection in the form's language",
    );
    assert.equal(detectHtml(formPage({ lang: "nl", title: "Privacy" })).language, "nl");
  });

  it("should fill a known address whose title is reworded, as long as something speaks of AI at Meta or objecting", () => {
    const detection = detectHtml(
      formPage({
        title: "Your choice about the use of your information for generative AI models by Meta: tell us you object",
      }),
    );
    assert.equal(detection.status, "form-ready");
  });

  it("should fill nothing where the shape is there but the wording, in a language NoTrain reads, is about something else", () => {
    const detection = detectHtml(formPage({ title: "Report a problem with your payment" }));
    assert.equal(detection.fillable, false);
    assert.deepEqual(detection.notes, ["form_not_about_ai"]);
  });

  it("should fill nothing where the wording is there but the shape is not (no text area)", () => {
    const detection = detectHtml(formPage({ title: "Object to your information being used for AI at Meta", text: "" }));
    assert.equal(detection.fillable, false);
    assert.deepEqual(detection.notes, ["form_changed"]);
  });

  it("should take an e-mail field by what it holds or how it is typed on, not only by its label", () => {
    for (const email of ['<input type="text" value="someone@example.org">', '<input type="text" inputmode="email">']) {
      const detection = detectHtml(formPage({ title: "Object to your information being used for AI at Meta", email }));
      assert.ok(detection.signals.includes("email-field"), email);
    }
  });

  it("should need both shape and wording at an address NoTrain does not know", () => {
    const url = "https://www.facebook.com/help/998877665544";
    assert.equal(detectHtml(formPage({ lang: "tr", title: "Bir sorun bildir" }), url).page_kind, "other_meta");
    assert.equal(
      detectHtml(formPage({ title: "Object to your information being used for AI at Meta" }), url).status,
      "form-ready",
    );
  });
});

describe("detect on a large page", () => {
  // A feed of 3,000 posts around the form. How fast a pass is, is measured by bench/page (a benchmark,
  // not a test: timings on a shared machine are noise); here the answers must stay the same.
  const posts = Array.from(
    { length: 3000 },
    (_, i) =>
      `<div role="article" class="x1yztbdb x${i}"><span>Person ${i}</span><div>Post text ${i} about a weekend, with a <a href="/p/${i}">link</a></div><textarea aria-label="Write a comment"></textarea></div>`,
  ).join("");
  const html = `<!DOCTYPE html><html lang="en"><head><title>Facebook</title></head><body><div role="feed">${posts}</div></body></html>`;

  for (const file of ["facebook-2025-en.html", "facebook-privacy-policy-dialog-de.html"]) {
    it(`should find the form of ${file} beside a large feed as it does alone`, () => {
      const page = manifest.pages.find((p) => p.file === file);
      const small = loadPage(file, page.url, { react: false });
      const fixture = small.document.body.innerHTML;
      const large = loadPage(null, page.url, {
        react: false,
        html: `<!DOCTYPE html><html lang="${small.document.documentElement.lang}"><head><title>Facebook</title></head><body><div role="banner"><input type="search" aria-label="Search"></div><div>${fixture}</div><div role="feed">${posts}</div></body></html>`,
      });
      const alone = engine.detect(small.document, page.url);
      const beside = engine.detect(large.document, page.url);
      assert.equal(beside.status, "form-ready");
      assert.deepEqual(
        [beside.page_kind, beside.variant, beside.language],
        [alone.page_kind, alone.variant, alone.language],
      );
    });
  }

  it("should see a feed as an ordinary Meta page, with nothing to fill", () => {
    const { document } = loadPage(null, "https://www.facebook.com/", { html, react: false });
    const detection = engine.detect(document, "https://www.facebook.com/");
    assert.equal(detection.fillable, false);
    assert.notEqual(detection.page_kind, "objection_form");
  });
});

describe("a copy of the objection form on another site", () => {
  const OTHER = "https://facebook-help-privacy.example/help/contact/712876720715583";

  it("should be told apart from Meta's own page: not Meta, nothing fillable, a look-alike", async () => {
    for (const file of [
      "facebook-2025-en.html",
      "facebook-2025-fr.html",
      "facebook-2024-en.html",
      "instagram-2025-it.html",
    ]) {
      const { document, href } = loadPage(file, OTHER);
      await tick(150); // the Italian form renders late
      const detection = engine.detect(document, href);
      assert.deepEqual([detection.page_kind, detection.fillable, detection.lookalike], [null, false, "meta"], file);
    }
  });

  it("should be a look-alike by its shape and wording, with the title reworded", () => {
    const { document, href } = loadPage("facebook-2025-en.html", OTHER);
    document.querySelector("h2").textContent = "Privacy request";
    assert.equal(engine.detect(document, href).lookalike, "meta");
  });

  it("should be a look-alike whatever its ids and classes", () => {
    const { document, href } = loadPage("facebook-2025-nl.html", OTHER);
    scrambleIdentifiers(document);
    assert.equal(engine.detect(document, href).lookalike, "meta");
  });

  it("should not take other pages with a form for a copy: a newsletter, another contact form, a feed quoting Meta", () => {
    const newsletter =
      '<html lang="en"><body><main><form><h2>Our newsletter</h2><label>E-mail <input type="email"></label>' +
      "<label>Message <textarea></textarea></label><button>Send</button></form></main></body></html>";
    assert.equal(engine.detect(loadPage(null, OTHER, { html: newsletter }).document, OTHER).lookalike, null);
    for (const file of ["facebook-unrelated-contact.html", "facebook-feed-quote.html", "whatsapp-home.html"]) {
      const { document, href } = loadPage(file, OTHER);
      assert.equal(engine.detect(document, href).lookalike, null, file);
    }
  });

  it("should not take a company's own objection form for a copy of Meta's: it names neither Meta nor its services", () => {
    const shop = (lang, title, intro, send) =>
      `<html lang="${lang}"><body><main><form><h2>${title}</h2><p>${intro}</p><label>E-mail <input type="email"></label>` +
      `<label>Message <textarea></textarea></label><button>${send}</button></form></main></body></html>`;
    for (const html of [
      shop(
        "en",
        "Data processing objection request",
        "Object to the processing of your data by Example Shop.",
        "Submit",
      ),
      shop(
        "fr",
        "Droit d'opposition",
        "Vous pouvez vous opposer au traitement de vos données par notre boutique.",
        "Envoyer",
      ),
      shop("nl", "Bezwaar maken", "Maak bezwaar tegen het gebruik van je gegevens voor generatieve AI.", "Verzenden"),
    ]) {
      assert.equal(engine.detect(loadPage(null, OTHER, { html }).document, OTHER).lookalike, null, html);
    }
    const named = shop("en", "Data processing objection request", "Object to the use of your Instagram posts.", "Send");
    assert.equal(engine.detect(loadPage(null, OTHER, { html: named }).document, OTHER).lookalike, "meta");
  });

  it("should name LinkedIn as the owner of a copy of LinkedIn's form, in every language, and nobody on LinkedIn", () => {
    for (const file of ["linkedin-objection-en.html", "linkedin-objection-fr.html", "linkedin-objection-de.html"]) {
      assert.equal(engine.detect(loadPage(file, OTHER).document, OTHER).lookalike, "linkedin", file);
      const elsewhereOnLinkedIn = "https://www.linkedin.com/help/linkedin/answer/a5538339";
      assert.equal(engine.detect(loadPage(file, elsewhereOnLinkedIn).document, elsewhereOnLinkedIn).lookalike, null);
    }
    const { document } = loadPage("linkedin-objection-en.html", OTHER);
    for (const node of document.querySelectorAll("body *")) {
      for (const text of [...node.childNodes].filter((child) => child.nodeType === 3)) {
        text.textContent = text.textContent.replaceAll("LinkedIn", "Example Corp");
      }
    }
    document.title = document.title.replaceAll("LinkedIn", "Example Corp");
    assert.equal(engine.detect(document, OTHER).lookalike, null, "the same form without LinkedIn's name is anyone's");
  });

  it("should never call Meta's own form a look-alike", async () => {
    const { document, href } = loadPage(
      "facebook-2025-en.html",
      "https://www.facebook.com/help/contact/712876720715583",
    );
    assert.equal(engine.detect(document, href).lookalike, undefined);
  });
});
