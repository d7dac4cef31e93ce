// Who may talk to the background: our pages and our content script on Meta's origins only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { classifySender } from "../../../extension/src/background/senders.js";
import { isMetaUrl, metaMatchPatterns, META_DOMAINS } from "../../../extension/src/shared/meta-domains.js";

const identity = {
  extensionId: "hlkehipeijabomfkoomegalkblciopck",
  extensionOrigin: "chrome-extension://hlkehipeijabomfkoomegalkblciopck/",
};
const fromTab = (url, extra = {}) => ({ id: identity.extensionId, url, tab: { id: 7, url }, frameId: 0, ...extra });

test("the extension's own pages are 'page', with or without a tab", () => {
  assert.equal(
    classifySender({ id: identity.extensionId, url: `${identity.extensionOrigin}popup.html` }, identity),
    "page",
  );
  assert.equal(
    classifySender(
      { id: identity.extensionId, url: `${identity.extensionOrigin}popup.html?tab=3`, tab: { id: 3 } },
      identity,
    ),
    "page",
  );
});

test("our content script in the top frame of a Meta tab is 'content'", () => {
  for (const url of [
    "https://www.facebook.com/help/contact/712876720715583",
    "https://help.instagram.com/contact/767264225370182",
    "https://accountscenter.meta.com/",
    "https://www.threads.com/",
    "https://m.me/x",
    "https://www.whatsapp.com/contact/forms/1",
  ]) {
    assert.equal(classifySender(fromTab(url), identity), "content", url);
  }
});

test("web pages, look-alike domains, http, subframes and other extensions are refused", () => {
  const refused = [
    fromTab("https://example.org/"),
    fromTab("https://facebook.com.evil.example/help/contact/712876720715583"),
    fromTab("https://notfacebook.com/"),
    fromTab("https://xn--facebok-y0a.com/"),
    fromTab("http://www.facebook.com/"),
    fromTab("https://user:pass@www.facebook.com/"),
    fromTab("https://www.facebook.com/", { frameId: 3 }),
    fromTab("https://www.facebook.com/", { id: "someotherextensionidaaaaaaaaaaaa" }),
    { id: identity.extensionId, url: "https://www.facebook.com/" }, // no tab: not a content script
    { id: identity.extensionId, url: "chrome-extension://someotherextensionidaaaaaaaaaaaa/page.html" },
    { url: `${identity.extensionOrigin}popup.html` }, // no id
    null,
  ];
  for (const sender of refused) assert.equal(classifySender(sender, identity), null, JSON.stringify(sender));
});

test("isMetaUrl compares whole domain labels", () => {
  assert.equal(isMetaUrl("https://facebook.com/"), true);
  assert.equal(isMetaUrl("https://fr-fr.facebook.com/"), true);
  assert.equal(isMetaUrl("https://www.facebook.com./"), true);
  assert.equal(isMetaUrl("https://m.me.evil.example/"), false);
  assert.equal(isMetaUrl("https://evilm.me/"), false);
  assert.equal(isMetaUrl("not a url"), false);
});

test("match patterns cover each domain and its subdomains over https only", () => {
  assert.equal(metaMatchPatterns().length, META_DOMAINS.length);
  for (const pattern of metaMatchPatterns()) assert.match(pattern, /^https:\/\/\*\.[a-z.]+\/\*$/);
});

test("on a platform, only our script on its objection form is 'content': LinkedIn's form, not its other pages", () => {
  for (const url of [
    "https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
    "https://linkedin.com/help/linkedin/ask/ts-dpro?lang=fr",
  ]) {
    assert.equal(classifySender(fromTab(url), identity), "content", url);
  }
  for (const url of [
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com/help/linkedin/ask/TS-DPROX",
    "http://www.linkedin.com/help/linkedin/ask/TS-DPRO",
    "https://fr.linkedin.com/help/linkedin/ask/TS-DPRO",
    "https://www.linkedin.com.evil.example/help/linkedin/ask/TS-DPRO",
  ]) {
    assert.equal(classifySender(fromTab(url), identity), null, url);
  }
});
