// The content script as the browser runs it: bundled by esbuild into one IIFE, in a fixture page, talking to a
// fake extension API that answers like the background. The bundle's entry passes two test seams to start():
// whether an event counts as the user's own (jsdom's dispatched events are never trusted; a test decides with
// window.__trusted) and the clock (window.__now), so that the ten-minute wait needs no waiting.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { build } from "esbuild";
import { loadPage, manifest, root, tick } from "./helpers/fixtures.js";

const content = join(root, "extension", "src", "content", "content.js").replaceAll("\\", "/");
const bundle = (
  await build({
    stdin: {
      contents: `import { start } from ${JSON.stringify(content)};
      start({ api: globalThis.chrome, document, window: globalThis,
        isTrusted: (event) => (globalThis.__trusted ? globalThis.__trusted(event) : event.isTrusted),
        now: () => (globalThis.__now ? globalThis.__now() : Date.now()) });`,
      resolveDir: root,
    },
    bundle: true,
    format: "iife",
    write: false,
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  })
).outputFiles[0].text;

const SETTLE = 450;
// Waits until `test()` holds (the script looks after its own delay, longer on a busy machine), or fails.
async function eventually(test, what, timeout = 5000) {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeout) assert.fail(`never happened: ${what}`);
    await tick(25);
  }
}
const plain = (value) => JSON.parse(JSON.stringify(value)); // objects from the page's realm, compared as data
const opened = []; // the script looks at most 300 ms after a change (no requestIdleCallback in jsdom)

// A page with the bundled content script and a fake `chrome` API in it; `sent` collects its messages.
// `stored`: what storage.local holds (the auto-fill switch). `trusted`: clicks the user made (default: all).
/**
 * @param {string} file
 * @param {string} url
 * @param {{ profile?: object, navigation?: boolean, stored?: Record<string, unknown>, trusted?: (event: Event) => boolean,
 *   sentBefore?: object | null }} [options]
 */
function withContentScript(
  file,
  url,
  { profile = manifest.profile, navigation = false, stored = {}, trusted = () => true, sentBefore = null } = {},
) {
  const page = loadPage(file, url);
  if (navigation) page.window.navigation = new page.window.EventTarget(); // the Navigation API, as in Chromium
  const sent = [];
  let listener = null;
  const storageListeners = [];
  let clock = Date.now();
  page.window.__trusted = trusted;
  page.window.__now = () => clock;
  page.window.chrome = {
    runtime: {
      id: "test",
      sendMessage: async (message) => {
        sent.push(structuredClone(message));
        if (message.type === "get-profile") return { profile, source: "host" };
        if (message.type === "take-sent-form") return { sent: sentBefore };
        if (message.type === "confirmation-seen") return { status: "saved", id: 1 };
        return { ok: true };
      },
      onMessage: {
        addListener: (fn) => {
          listener = fn;
        },
      },
    },
    storage: {
      local: { get: async (key) => (key in stored ? { [key]: stored[key] } : {}) },
      onChanged: { addListener: (fn) => storageListeners.push(fn) },
    },
    i18n: { getMessage: (key, subs) => (subs ? `${key}:${subs.join(",")}` : key) },
  };
  page.window.eval(bundle);
  opened.push(page);
  const ask = (message) =>
    new Promise((resolve) => {
      assert.equal(
        listener(message, {}, (answer) => resolve(plain(answer))),
        true,
        "answers asynchronously",
      );
    });
  const ofType = (type) => sent.filter((m) => m.type === type);
  const setSwitch = (on) => storageListeners.forEach((fn) => fn({ autofill: { newValue: on } }, "local"));
  const advance = (ms) => {
    clock += ms;
  };
  return { ...page, sent, ask, ofType, setSwitch, advance };
}

const lastState = (page) => page.ofType("page-state").at(-1)?.state;
const noticeText = (page) => page.document.querySelector("notrain-notice") !== null;

describe("the content script", () => {
  after(() => opened.forEach((page) => page.close()));

  it("should report a recognised form and answer get-page-state", async () => {
    const page = withContentScript("facebook-2025-en.html", "https://www.facebook.com/help/contact/712876720715583", {
      stored: { autofill: false },
    });
    await tick(20);
    const [first] = page.ofType("page-state");
    assert.deepEqual(first.state, {
      service: "facebook",
      page_kind: "objection_form",
      form_id: "712876720715583",
      variant: "2025",
      language: "en",
      status: "form-ready",
      filled: [],
      notes: [],
    });
    assert.deepEqual((await page.ask({ type: "get-page-state" })).state, first.state);
  });

  it("should fill the form on load, outline the fields and say what it filled", async () => {
    const page = withContentScript(
      "facebook-2025-nl.html",
      "https://www.facebook.com/help/contact/712876720715583?locale=nl_NL",
    );
    await eventually(() => lastState(page)?.status === "filled", "the form was filled without a click");
    const state = lastState(page);
    assert.deepEqual(
      state.filled.map((f) => f.field),
      ["email", "reason"],
    );
    assert.match(state.filled[0].label, /e-mailadres/);
    assert.ok(state.notes.includes("review_and_send"));
    assert.equal(page.ofType("get-profile").length, 1);
    assert.equal(page.document.querySelectorAll(".notrain-filled").length, 2);
    const notice = page.document.querySelector("notrain-notice");
    assert.ok(notice, "an in-page notice");
    assert.equal(notice.shadowRoot, null, "its shadow root is closed to the page");
    assert.equal(
      page.window.fixtureState(page.document.querySelector("textarea")).length > 50,
      true,
      "React saw the value",
    );
  });

  it("should fill nothing while the switch is off, and fill when the user asks", async () => {
    const page = withContentScript("facebook-2025-nl.html", "https://www.facebook.com/help/contact/712876720715583", {
      stored: { autofill: false },
    });
    await tick(SETTLE);
    assert.equal(page.ofType("get-profile").length, 0);
    assert.equal(page.document.querySelector("textarea").value, "");
    const answer = await page.ask({ type: "fill-now" });
    assert.equal(answer.ok, true);
    assert.equal(answer.state.status, "filled");
    assert.deepEqual(
      answer.state.filled.map((f) => f.field),
      ["email", "reason"],
    );
  });

  it("should fill nothing without a saved profile and offer to set one up", async () => {
    const page = withContentScript("facebook-2025-nl.html", "https://www.facebook.com/help/contact/712876720715583", {
      profile: {},
    });
    await eventually(() => page.ofType("get-profile").length === 1, "the profile was asked for");
    await tick(SETTLE);
    assert.equal(page.document.querySelector("textarea").value, "");
    assert.equal(page.document.querySelector('input[type="email"]').value, "");
    assert.ok(noticeText(page), "the notice offers to set up a profile");
    assert.equal(lastState(page).status, "form-ready");
  });

  it("should undo exactly what it filled, React state included, and leave what the user changed since", async () => {
    const page = withContentScript("facebook-2025-nl.html", "https://www.facebook.com/help/contact/712876720715583");
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    const email = page.document.querySelector('input[type="email"]');
    const text = page.document.querySelector("textarea");
    const filledText = text.value;
    // The user corrects the e-mail address NoTrain filled, as React sees typing.
    const setter = Object.getOwnPropertyDescriptor(page.window.HTMLInputElement.prototype, "value")?.set;
    assert.ok(setter && email);
    setter.call(email, "my.other@example.com");
    email.dispatchEvent(new page.window.Event("input", { bubbles: true }));
    const answer = await page.ask({ type: "undo-fill" });
    assert.equal(answer.restored, 1);
    assert.equal(text.value, "");
    assert.equal(page.window.fixtureState(text), "", "React state follows the undo");
    assert.equal(email.value, "my.other@example.com", "the user's own change stays");
    assert.equal(page.document.querySelectorAll(".notrain-filled").length, 0);
    assert.deepEqual(answer.state.filled, []);
    page.document.body.append(page.document.createElement("div")); // the page changes again
    await tick(SETTLE);
    assert.equal(text.value, "", "no auto-fill again after Undo");
    const again = await page.ask({ type: "fill-now" });
    assert.equal(again.ok, true);
    assert.equal(text.value, filledText, '"Fill now" after Undo fills the emptied field again');
    assert.equal(email.value, "my.other@example.com", "the user's own address is still left alone");
  });

  it("should say when it has nothing under way: the fill done and checked, nothing scheduled", async () => {
    const page = withContentScript("facebook-2025-nl.html", "https://www.facebook.com/help/contact/712876720715583");
    const answer = await page.ask({ type: "when-settled" });
    assert.equal(answer.settled, true);
    assert.equal(answer.state.status, "filled", "settled only once the auto-fill is done");
    assert.ok(page.document.querySelector("textarea").value, "the text box holds the objection");
  });

  it("should not look again for changes beside the found form (a feed), only for changes in it", async () => {
    const page = withContentScript("facebook-2025-nl.html", "https://www.facebook.com/help/contact/712876720715583");
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    // A password box would make the page a login wall: seen inside the form, never looked for beside it.
    const feed = page.document.createElement("div");
    feed.setAttribute("role", "feed");
    page.document.querySelector("form").parentElement.append(feed);
    for (let i = 0; i < 5; i++) feed.append(page.document.createElement("p"));
    feed.append(Object.assign(page.document.createElement("input"), { type: "password" }));
    await tick(SETTLE);
    assert.equal(lastState(page).status, "filled", "a change beside the form was not looked at");
    page.document
      .querySelector("form")
      .append(Object.assign(page.document.createElement("input"), { type: "password" }));
    await eventually(() => lastState(page).notes.includes("login_required"), "a change in the form was looked at");
  });

  it('should keep filling after "Ja" reveals the fields late', async () => {
    const page = withContentScript(
      "facebook-privacy-policy-dialog-de.html",
      "https://www.facebook.com/privacy/policy/",
    );
    await eventually(() => lastState(page)?.filled.length === 2, "the revealed fields were filled");
    const last = lastState(page);
    assert.deepEqual(
      last.filled.map((f) => f.field),
      ["email", "reason"],
    );
    assert.ok(last.notes.includes("gate_answered_yes"));
  });

  it("should keep Meta's answer after the user's own send, with when it was sent, what was sent and the verdict", async () => {
    const page = withContentScript("instagram-2025-it.html", "https://help.instagram.com/contact/767264225370182");
    await eventually(() => lastState(page)?.status === "filled", "the late form was filled");
    page.document.querySelector("[data-fixture-submit]").click(); // the user sends
    await eventually(() => page.ofType("confirmation-seen").length > 0, "the answer was kept");
    page.document.body.append(page.document.createElement("div")); // the page keeps changing
    await tick(SETTLE);
    const confirmations = page.ofType("confirmation-seen");
    assert.equal(confirmations.length, 1);
    const { confirmation } = confirmations[0];
    assert.deepEqual(
      [confirmation.service, confirmation.kind, confirmation.language, confirmation.verdict],
      ["instagram", "page", "it", "honoured"],
    );
    assert.match(confirmation.text, /Ciò significa che la tua richiesta verrà applicata d'ora in avanti/);
    assert.equal(confirmation.form.email, manifest.profile.email);
    assert.ok(Date.parse(confirmation.sent_at) <= Date.parse(confirmation.captured_at));
    assert.equal(page.ofType("form-sent").length, 1, "the background heard of the send");
    assert.equal(lastState(page).status, "confirmed");
  });

  it("should fill a rich-text editor as the editor takes typing, undo it, and keep the answer after the send", async () => {
    const page = withContentScript(
      "facebook-2025-fr-editor.html",
      "https://www.facebook.com/help/contact/712876720715583",
    );
    await eventually(() => lastState(page)?.status === "filled", "the form was filled on load");
    const editor = page.document.querySelector('[role="textbox"]');
    assert.match(editor.textContent, /^Je m'oppose/);
    assert.equal(page.window.fixtureState(editor), editor.textContent, "the editor's own state holds the text");
    const undone = await page.ask({ type: "undo-fill" });
    assert.equal(undone.restored, 2);
    assert.deepEqual([editor.textContent, page.window.fixtureState(editor)], ["", ""]);
    await page.ask({ type: "fill-now" });
    await eventually(() => lastState(page)?.status === "filled", "filled again on request");
    assert.match(page.window.fixtureState(editor), /^Je m'oppose/);
    assert.deepEqual(lastState(page).notes, ["review_and_send"], "the Undo is not taken for the page refusing a value");
    page.document.querySelector("[data-fixture-submit]").click(); // the user sends
    await eventually(() => page.ofType("confirmation-seen").length > 0, "the answer was kept");
    const { confirmation } = page.ofType("confirmation-seen")[0];
    assert.deepEqual([confirmation.language, confirmation.verdict], ["fr", "honoured"]);
    assert.match(confirmation.form.reason, /^Je m'oppose/, "what was sent is recorded, the editor's text included");
  });

  it("should fill LinkedIn's objection form on load with the LinkedIn text, undo it, and keep LinkedIn's answer after the send", async () => {
    const url = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
    const page = withContentScript("linkedin-objection-fr.html", url);
    await eventually(() => lastState(page)?.status === "filled", "the form was filled without a click");
    assert.deepEqual(
      lastState(page).filled.map((f) => f.field),
      ["email", "name", "objectionType", "reason"],
    );
    assert.equal(lastState(page).service, "linkedin");
    assert.match(page.document.querySelector("select").selectedOptions[0].textContent, /entraîner des modèles d'IA/);
    const text = page.document.querySelector("textarea");
    assert.match(text.value, /^Je m'oppose.*LinkedIn/);
    const undone = await page.ask({ type: "undo-fill" });
    assert.equal(undone.restored, 4);
    assert.deepEqual(
      [
        text.value,
        page.document.querySelector('input[type="email"]').value,
        page.document.querySelector("select").value,
      ],
      ["", "", "0"],
    );
    const again = await page.ask({ type: "fill-now" });
    assert.equal(again.state.status, "filled");
    assert.equal(page.ofType("confirmation-seen").length, 0, "nothing is kept before the user sends");
    page.document.querySelector("[data-fixture-submit]").click(); // the user sends
    await eventually(() => page.ofType("confirmation-seen").length > 0, "the answer was kept");
    const { confirmation } = page.ofType("confirmation-seen")[0];
    assert.deepEqual(
      [confirmation.service, confirmation.kind, confirmation.verdict, confirmation.language, confirmation.account],
      ["linkedin", "page", "received", "fr", manifest.profile.email],
    );
    assert.match(confirmation.text, /Nous avons bien reçu votre demande/);
    assert.equal(page.ofType("form-sent")[0].sent.detection.service, "linkedin");
    assert.equal(lastState(page).status, "confirmed");
  });

  it("should leave LinkedIn's objection form alone while the auto-fill switch is off", async () => {
    const page = withContentScript("linkedin-objection-en.html", "https://www.linkedin.com/help/linkedin/ask/TS-DPRO", {
      stored: { autofill: false },
    });
    await eventually(() => lastState(page)?.status === "form-ready", "the form was recognised");
    await tick(SETTLE);
    assert.equal(page.ofType("get-profile").length, 0);
    assert.equal(page.document.querySelector("textarea").value, "");
  });

  it("should keep an answer in a wording no rule knows, marked unknown", async () => {
    const page = withContentScript("facebook-2025-en.html", "https://www.facebook.com/help/contact/712876720715583");
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    page.document
      .querySelector("template[data-fixture-after]")
      .content.replaceChildren(
        page.document.createTextNode("Merci ! Votre choix est noté et s'appliquera à vos comptes."),
      );
    page.document.querySelector("[data-fixture-submit]").click();
    await eventually(() => page.ofType("confirmation-seen").length > 0, "the answer was kept");
    const { confirmation } = page.ofType("confirmation-seen")[0];
    assert.equal(confirmation.verdict, "unknown");
    assert.equal(confirmation.text, "Merci ! Votre choix est noté et s'appliquera à vos comptes.");
    assert.deepEqual(lastState(page).notes, ["answer_unknown_wording"]);
  });

  it("should keep nothing when Meta says something went wrong, and say so", async () => {
    const page = withContentScript("facebook-2025-en.html", "https://www.facebook.com/help/contact/712876720715583");
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    page.document
      .querySelector("template[data-fixture-after]")
      .content.replaceChildren(
        page.document.createTextNode("Es ist ein Problem aufgetreten. Versuche es später erneut."),
      );
    page.document.querySelector("[data-fixture-submit]").click();
    await eventually(() => lastState(page)?.notes.includes("meta_reported_error"), "the error was reported");
    assert.equal(page.ofType("confirmation-seen").length, 0);
  });

  it("should keep nothing after a click the user did not make", async () => {
    const page = withContentScript("instagram-2025-it.html", "https://help.instagram.com/contact/767264225370182", {
      trusted: () => false,
    });
    await eventually(() => lastState(page)?.status === "filled", "the late form was filled");
    page.document.querySelector("[data-fixture-submit]").click(); // a script on the page presses Send
    await tick(SETTLE * 2);
    assert.equal(page.ofType("confirmation-seen").length, 0);
    assert.equal(page.ofType("form-sent").length, 0);
  });

  it("should keep nothing when the form is left unsent and the tab moves to a post quoting the confirmation", async () => {
    const page = withContentScript("facebook-2025-en.html", "https://www.facebook.com/help/contact/712876720715583", {
      navigation: true,
    });
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    page.window.history.pushState({}, "", "/groups/123/posts/456");
    page.document.body.replaceChildren(
      Object.assign(page.document.createElement("p"), {
        textContent:
          'Got this from Meta: "We will honour your objection. This means your request will be applied going forward."',
      }),
    );
    page.window.navigation.dispatchEvent(new page.window.Event("navigatesuccess"));
    await tick(SETTLE * 2);
    assert.equal(page.ofType("confirmation-seen").length, 0);
  });

  it("should stop waiting when the user leaves for another page after sending", async () => {
    const page = withContentScript("facebook-2025-en.html", "https://www.facebook.com/help/contact/712876720715583", {
      navigation: true,
    });
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    page.document.querySelector("template[data-fixture-after]").content.replaceChildren(); // Meta shows nothing yet
    page.document.querySelector("[data-fixture-submit]").click();
    await tick(SETTLE);
    page.advance(60_000); // a minute later, the user opens a post
    page.window.history.pushState({}, "", "/groups/123/posts/456");
    page.document.body.replaceChildren(
      Object.assign(page.document.createElement("p"), {
        textContent: "We will honour your objection. This means your request will be applied going forward.",
      }),
    );
    page.window.navigation.dispatchEvent(new page.window.Event("navigatesuccess"));
    await tick(SETTLE * 2);
    assert.equal(page.ofType("form-sent").length, 1);
    assert.equal(page.ofType("confirmation-seen").length, 0);
  });

  it("should stop waiting ten minutes after the send", async () => {
    const page = withContentScript("facebook-2025-en.html", "https://www.facebook.com/help/contact/712876720715583");
    await eventually(() => lastState(page)?.status === "filled", "the form was filled");
    const after = page.document.querySelector("template[data-fixture-after]");
    const answer = after.content.cloneNode(true);
    after.content.replaceChildren(); // Meta shows nothing for now
    page.document.querySelector("[data-fixture-submit]").click();
    await tick(SETTLE);
    page.advance(10 * 60_000 + 1);
    page.document.body.append(answer); // the answer arrives too late to be taken for this send
    await tick(SETTLE * 2);
    assert.equal(page.ofType("confirmation-seen").length, 0);
  });

  it("should go on waiting on the page a send led to (a full page load)", async () => {
    const url = "https://help.instagram.com/contact/767264225370182";
    const page = withContentScript("instagram-2025-it-confirmed.html", url, {
      sentBefore: {
        sent_at: Date.now() - 2000,
        url,
        values: { email: "jane.doe@example.com" },
        detection: { service: "instagram", language: "it" },
      },
    });
    await eventually(() => page.ofType("confirmation-seen").length > 0, "the answer was kept");
    const { confirmation } = page.ofType("confirmation-seen")[0];
    assert.deepEqual(
      [confirmation.verdict, confirmation.account, confirmation.service],
      ["honoured", "jane.doe@example.com", "instagram"],
    );
  });

  it("should report the code step and tell the user to type the code", async () => {
    const page = withContentScript(
      "facebook-2024-code-en.html",
      "https://www.facebook.com/help/contact/6359191084165019",
    );
    await tick(20);
    const { state } = page.ofType("page-state")[0];
    assert.deepEqual([state.page_kind, state.notes], ["code_step", ["enter_code_from_email"]]);
  });

  it("should follow a single-page navigation (Navigation API)", async () => {
    const page = withContentScript("facebook-feed-quote.html", "https://www.facebook.com/", { navigation: true });
    await tick(20);
    page.window.history.pushState({}, "", "/settings/");
    page.window.navigation.dispatchEvent(new page.window.Event("navigatesuccess"));
    await eventually(() => page.ofType("page-state").length === 2, "the new page was reported");
    assert.deepEqual(
      page.ofType("page-state").map((m) => m.state.page_kind),
      ["other_meta", "settings"],
    );
  });

  it("should stay quiet on an ordinary page that keeps changing", async () => {
    const page = withContentScript("facebook-feed-quote.html", "https://www.facebook.com/");
    await tick(20);
    for (let i = 0; i < 5; i++) {
      page.document.querySelector('[role="feed"]').append(page.document.createElement("div"));
      await tick(100);
    }
    await tick(SETTLE);
    assert.deepEqual(
      page.sent.map((m) => m.type),
      ["page-state", "take-sent-form"],
    );
    assert.equal(page.sent[0].state.page_kind, "other_meta");
  });
});
