// The full page's other platforms: each off until the user enables it, which asks the browser for that platform's
// own sites only; disabling gives them back; a refusal changes nothing. Slack's opt-out is a ready e-mail in the
// user's language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settle } from "./ui-harness.js";
import { PlatformsView, slackMailto } from "../../../extension/src/options/platforms-view.js";
import { applyI18n } from "../../../extension/src/shared/i18n.js";

/** @param {{ lang?: string, grant?: boolean, enabled?: string[] }} [options] */
function page({ lang = "en", grant = true, enabled = [] } = {}) {
  const granted = new Set(enabled);
  const calls = [];
  const opened = openPage("options", {
    lang,
    background: {
      "platforms-list": () => ({
        items: [
          {
            name: "linkedin",
            label: "LinkedIn",
            enabled: granted.has("linkedin"),
            page: "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
          },
          { name: "x", label: "X", enabled: false, page: "https://x.com/settings/grok_settings" },
        ],
      }),
      "platforms-sync": () => ({ result: {} }),
    },
  });
  opened.api.permissions = {
    request: async (asked) => {
      calls.push(["request", asked.origins]);
      if (grant) granted.add("linkedin");
      return grant;
    },
    remove: async (asked) => {
      calls.push(["remove", asked.origins]);
      granted.delete("linkedin");
      return true;
    },
  };
  applyI18n(opened.document);
  return { ...opened, calls };
}

const click = async (opened, name) => {
  const box = opened.document.querySelector(`input[data-platform=${name}]`);
  box.click();
  await settle(opened.window, () => opened.document.getElementById("platforms-status").textContent !== "");
  return box;
};

test("enabling a platform asks for its own sites only, then the background registers its script", async () => {
  const opened = page();
  await new PlatformsView(opened.document).start();
  const box = await click(opened, "linkedin");
  assert.deepEqual(opened.calls, [["request", ["https://www.linkedin.com/*", "https://linkedin.com/*"]]]);
  assert.ok(opened.sent.some((m) => m.type === "platforms-sync"));
  assert.equal(box.checked, true);
  assert.match(opened.document.getElementById("platforms-status").textContent, /^LinkedIn enabled/);
});

test("a grant the browser refuses leaves the switch off and says so; disabling gives the sites back", async () => {
  const refused = page({ grant: false });
  await new PlatformsView(refused.document).start();
  assert.equal((await click(refused, "linkedin")).checked, false);
  assert.match(refused.document.getElementById("platforms-status").textContent, /did not let NoTrain on LinkedIn/);

  const enabled = page({ enabled: ["linkedin"], lang: "de" });
  await new PlatformsView(enabled.document).start();
  const box = enabled.document.querySelector("input[data-platform=linkedin]");
  assert.equal(box.checked, true);
  await click(enabled, "linkedin");
  assert.deepEqual(
    enabled.calls.map(([call]) => call),
    ["remove"],
  );
  assert.match(enabled.document.getElementById("platforms-status").textContent, /^LinkedIn deaktiviert/);
});

test("Slack: a ready e-mail to Slack's address with its own subject, the body in the user's language", async () => {
  const mail = new URL(slackMailto("https://acme.slack.com", "fr"));
  assert.equal(mail.protocol, "mailto:");
  assert.equal(mail.pathname, "feedback@slack.com");
  assert.equal(mail.searchParams.get("subject"), "Slack Global model opt-out request");
  assert.match(
    mail.searchParams.get("body") ?? "",
    /^Bonjour,\n\nEn tant que propriétaire de l'espace de travail Slack https:\/\/acme\.slack\.com,/,
  );
  assert.match(
    new URL(slackMailto("x", "pt-BR")).searchParams.get("body") ?? "",
    /^Hello,/,
    "another language: English",
  );

  const opened = page({ lang: "nl" });
  await new PlatformsView(opened.document).start();
  const input = /** @type {HTMLInputElement} */ (opened.document.getElementById("slack-workspace"));
  input.value = "https://team.slack.com";
  input.dispatchEvent(new opened.window.Event("input"));
  const link = new URL(/** @type {HTMLAnchorElement} */ (opened.document.getElementById("slack-mail")).href);
  assert.match(link.searchParams.get("body") ?? "", /Als eigenaar van de Slack-werkruimte https:\/\/team\.slack\.com/);
  assert.equal(opened.document.getElementById("slack-mail").textContent, "De e-mail aan Slack opstellen");
});

test("each enabled platform says when its setting was last seen, and offers a check once that is older than the chosen interval", async () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const days = [];
  const opened = openPage("options", {
    lang: "en",
    background: {
      "platforms-list": () => ({
        recheckDays: days.at(-1) ?? 90,
        items: [
          {
            name: "linkedin",
            label: "LinkedIn",
            enabled: true,
            seen: { trainsAi: false, at: "2026-04-01T10:00:00Z" },
            page: "https://www.linkedin.com/x",
          },
          {
            name: "quora",
            label: "Quora",
            enabled: true,
            seen: { trainsAi: true, at: "2025-12-01T10:00:00Z" },
            page: "https://www.quora.com/settings/privacy",
          },
          { name: "x", label: "X", enabled: true, seen: null, page: "https://x.com/settings/grok_settings" },
          { name: "openai", label: "ChatGPT", enabled: false, seen: null, page: "https://chatgpt.com/" },
        ],
      }),
      "platforms-recheck-days": (message) => {
        days.push(message.days);
        return { result: null };
      },
    },
  });
  applyI18n(opened.document);
  const view = new PlatformsView(opened.document, { now: () => now });
  await view.start();
  const row = (name) => opened.document.querySelector(`li[data-platform=${name}]`);
  const recheck = (name) => row(name).querySelector('[data-testid="platform-recheck"]');
  assert.match(row("linkedin").querySelector('[data-testid="platform-seen"]').textContent, /does not train AI/);
  assert.equal(recheck("linkedin"), null, "61 days ago: within 90");
  assert.match(row("quora").querySelector('[data-testid="platform-seen"]').textContent, /trains AI/);
  assert.ok(recheck("quora"), "182 days ago: due");
  assert.ok(recheck("x"), "never seen: due");
  assert.equal(row("openai").querySelector('[data-testid="platform-seen"]'), null, "not enabled: nothing said");
  const interval = opened.document.getElementById("platforms-recheck-days");
  assert.equal(interval.value, "90");
  interval.value = "30";
  interval.dispatchEvent(new opened.window.Event("change"));
  await settle(opened.window, () => recheck("linkedin") !== null);
  assert.deepEqual(days, [30]);
});

test("LinkedIn, once enabled, links to its objection form and says where each account's objection stands", async () => {
  const form = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
  const opened = openPage("options", {
    lang: "nl",
    background: {
      "platforms-list": () => ({
        recheckDays: 90,
        items: [
          {
            name: "linkedin",
            label: "LinkedIn",
            enabled: true,
            seen: null,
            page: "https://www.linkedin.com/x",
            objectionForm: form,
          },
          {
            name: "quora",
            label: "Quora",
            enabled: true,
            seen: null,
            page: "https://www.quora.com/settings/privacy",
            objectionForm: null,
          },
        ],
      }),
      "accounts-list": () => ({
        items: [{ service: "linkedin", account: "sanne@example.nl", sent_at: "2026-12-01T10:00:00Z" }],
      }),
      "host-call": () => ({
        result: {
          items: [
            {
              id: 7,
              service: "linkedin",
              kind: "page",
              account: "sanne@example.nl",
              captured_at: "2026-12-01T10:01:00Z",
            },
          ],
        },
      }),
    },
  });
  applyI18n(opened.document);
  await new PlatformsView(opened.document).start();
  const row = (name) => opened.document.querySelector(`li[data-platform=${name}]`);
  assert.equal(row("linkedin").querySelector('[data-testid="platform-objection-form"]').getAttribute("href"), form);
  const state = row("linkedin").querySelector('[data-testid="platform-objection"]');
  assert.equal(state.dataset.objection, "confirmed");
  assert.match(state.textContent, /^sanne@example\.nl: Bezwaar verstuurd, antwoord bewaard op/);
  assert.equal(row("quora").querySelector('[data-testid="platform-objection-form"]'), null, "Quora has no form");
});
