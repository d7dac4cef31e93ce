// The toolbar popup, status first: is each service and account covered, then this page and the one next step, the
// forms, the host's state. Also works opened as a tab: popup.html?tab=<id>.
import { getApi } from "../shared/browser-api.js";
import { applyI18n, t, tn } from "../shared/i18n.js";
import { el, clear, byId } from "../shared/dom.js";
import { ask } from "../shared/messaging.js";
import { renderHostStatus } from "../shared/host-status.js";
import { serviceLinks, serviceLabel } from "../shared/services.js";
import { answersQuestionKeys, describePage, primaryStep } from "./page-summary.js";
import { formatDate } from "../shared/format.js";
import { bindAutofillSwitch } from "../shared/autofill-setting.js";
import { loadCoverage } from "../shared/coverage-data.js";
import { renderCoverage, renderPlatforms } from "./coverage-view.js";
import { checkLookalike } from "./lookalike-check.js";
import { outcomeText, renderSetting } from "./setting-view.js";

/** @param {string} id */
const $ = (id) => byId(document, id);
/** @type {{ tabId: number | null, state: object | null, lines: import("../shared/coverage.js").CoverageLine[],
 *   lookalike: string | null, answering: boolean, platform: boolean }} lookalike: whose form the tab copies */
const view = { tabId: null, state: null, lines: [], lookalike: null, answering: false, platform: false };

async function currentTabId() {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get("tab") ?? "", 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [tab] = await getApi().tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// Fresh state from the tab's content script; the background's copy when the tab does not answer.
async function pageState(tabId) {
  if (tabId === null) return null;
  try {
    const answer = await getApi().tabs.sendMessage(tabId, { type: "get-page-state" });
    if (answer?.state) return answer.state;
  } catch {
    // no content script in this tab (not a Meta page, or loaded before the extension)
  }
  return (await ask("get-tab-state", { tabId }).catch(() => null))?.state ?? null;
}

function showPage(state) {
  view.state = state;
  const { summaryKey, nextKey, canUndo, sameAsNext } = describePage(state);
  $("page-summary").textContent = t(summaryKey, [state ? serviceLabel(state.service) : ""]);
  $("page-summary").dataset.kind = state?.page_kind ?? "none";
  // While the popup asks whether an answer is Meta's, "done, kept as proof" would answer before the user did.
  $("page-next").textContent = view.answering && state?.page_kind === "confirmation" ? "" : t(nextKey);
  $("undo-fill").hidden = !canUndo;
  $("capture-now").hidden = !state; // on Meta's pages only
  // What auto-fill did, said once; the instruction that follows is the next-step line above.
  // What the user's own Fill now or Undo said stands until the page moves on.
  const filled = state?.status === "filled" ? (state.filled?.length ?? 0) : 0;
  if (filled > 0 && !$("fill-status").textContent) $("fill-status").textContent = tn("popup_autofilled", filled);
  else if (filled === 0 && state?.status !== "form-ready") $("fill-status").textContent = "";
  const notes = $("page-notes");
  clear(notes);
  // The question about an answer in unknown words is asked below: the note saying so would repeat it.
  const shown = (state?.notes ?? []).filter(
    (key) => !(view.answering && key === "answer_unknown_wording") && !sameAsNext.includes(key),
  );
  for (const key of shown) notes.append(el(document, "li", { text: t(key), dataset: { note: key } }));
  showPrimary();
}

// The one primary button: "Fill in the form now", or "Object on <service>" for a service not objected on yet.
function showPrimary() {
  // While the popup asks whether an answer is Meta's, that question's "Yes" is the primary button; on another
  // platform's page, that platform's own step is.
  const step = view.answering || view.platform ? null : primaryStep(view.state, view.lines);
  $("fill-now").hidden = step?.kind !== "fill";
  const link = /** @type {HTMLAnchorElement} */ ($("object-on"));
  const service = step?.kind === "object" ? serviceLinks().find((s) => s.id === step.service) : null;
  link.hidden = !service?.objectionForm;
  if (service?.objectionForm) {
    link.href = service.objectionForm;
    link.textContent = t("popup_form_link", [service.label]);
    link.dataset.service = service.id;
  }
}

async function showCoverage() {
  const { lines, formLines, confirmationsRead } = await loadCoverage();
  view.lines = lines;
  renderCoverage($("coverage-list"), lines, { confirmationsRead });
  showPrimary();
  const { items = [], recheckDays } = await ask("platforms-list").catch(() => ({}));
  renderPlatforms($("platforms-list"), items, { days: recheckDays, formLines });
  showPlatformForms(items);
}

async function undoFill(tabId) {
  try {
    const answer = await getApi().tabs.sendMessage(tabId, { type: "undo-fill" });
    if (answer?.state) showPage(answer.state);
    $("fill-status").textContent = t("popup_undone");
  } catch {
    $("fill-status").textContent = t("popup_fill_failed");
  }
}

async function fillNow(tabId) {
  const button = /** @type {HTMLButtonElement} */ ($("fill-now"));
  button.disabled = true;
  $("fill-status").textContent = t("popup_filling");
  try {
    const answer = await getApi().tabs.sendMessage(tabId, { type: "fill-now" });
    if (answer?.state) showPage(answer.state);
    const count = answer?.state?.filled?.length ?? 0;
    $("fill-status").textContent = answer?.ok ? tn("popup_fill_done", count) : t("popup_fill_nothing");
  } catch {
    $("fill-status").textContent = t("popup_fill_failed");
  } finally {
    button.disabled = false;
  }
}

// A screenshot of the tab as evidence, e.g. of a confirmation captured before any grant existed.
async function captureNow(tabId) {
  const button = /** @type {HTMLButtonElement} */ ($("capture-now"));
  button.disabled = true;
  $("capture-status").textContent = t("popup_capturing");
  const answer = await ask("capture-tab", { tabId }).catch((error) => ({ status: "refused", error: String(error) }));
  const keys = { saved: "popup_capture_saved", duplicate: "popup_capture_saved", queued: "popup_capture_queued" };
  $("capture-status").textContent = t(keys[answer.status] ?? "popup_capture_failed");
  button.disabled = false;
}

function showServiceLinks() {
  const list = $("service-links");
  clear(list);
  for (const service of serviceLinks()) {
    if (!service.objectionForm) continue;
    const item = el(document, "li", { dataset: { service: service.id } }, [
      el(document, "a", {
        href: service.objectionForm,
        target: "_blank",
        rel: "noopener noreferrer",
        text: t("popup_form_link", [service.label]),
      }),
    ]);
    if (service.privacyCenter) {
      item.append(
        el(document, "a", {
          class: "secondary",
          href: service.privacyCenter,
          target: "_blank",
          rel: "noopener noreferrer",
          text: t("popup_privacy_center"),
        }),
      );
    }
    list.append(item);
  }
}

// The objection forms of the platforms the user enabled (LinkedIn's), after Meta's in "All objection forms".
function showPlatformForms(items) {
  const list = $("service-links");
  for (const old of list.querySelectorAll("li[data-platform]")) old.remove();
  for (const { name, label, objectionForm } of items.filter((item) => item.enabled && item.objectionForm)) {
    list.append(
      el(document, "li", { dataset: { service: name, platform: name } }, [
        el(document, "a", {
          href: objectionForm,
          target: "_blank",
          rel: "noopener noreferrer",
          text: t("popup_form_link", [label]),
        }),
      ]),
    );
  }
}

// Returns whether confirmations were delivered meanwhile (the coverage lines then change).
async function showHostAndPending() {
  renderHostStatus($("host-status"), await ask("host-status").catch(() => null), { short: true });
  let { items = [] } = await ask("pending-list").catch(() => ({}));
  const waiting = items.length;
  // Opening the popup is one of the moments to retry delivering waiting confirmations.
  if (items.length > 0) {
    await ask("pending-retry").catch(() => null);
    ({ items = [] } = await ask("pending-list").catch(() => ({})));
  }
  const pending = $("pending-status");
  pending.dataset.count = String(items.length);
  pending.textContent = items.length ? tn("pending_count", items.length) : "";
  pending.className = items.length ? "warn" : "muted";
  return items.length < waiting;
}

// Answers shown after a send in a wording NoTrain did not know (Meta's, or a platform's form's): the user says
// whether each is the answer.
async function showAnswersToConfirm() {
  const { items = [] } = await ask("answers-to-confirm").catch(() => ({}));
  const list = $("answers-list");
  clear(list);
  $("answers-section").hidden = items.length === 0;
  const { headingKey, introKey } = answersQuestionKeys(items);
  $("answers-heading").textContent = t(headingKey);
  $("answers-intro").textContent = t(introKey);
  if (view.answering !== items.length > 0) {
    view.answering = items.length > 0;
    showPage(view.state);
  }
  for (const item of items) {
    const settle = async (isMetaAnswer) => {
      await ask("answer-confirmed", { id: item.id, isMetaAnswer }).catch(() => null);
      await Promise.all([showAnswersToConfirm(), showCoverage()]);
    };
    const yes = el(document, "button", {
      type: "button",
      class: "primary",
      text: t("popup_answer_yes"),
      dataset: { answer: "yes" },
    });
    const no = el(document, "button", { type: "button", text: t("popup_answer_no"), dataset: { answer: "no" } });
    yes.addEventListener("click", () => settle(true));
    no.addEventListener("click", () => settle(false));
    list.append(
      el(document, "li", { dataset: { id: String(item.id) } }, [
        el(document, "q", { text: item.text }),
        el(document, "p", { class: "actions" }, [
          el(document, "span", {
            class: "muted",
            text: `${serviceLabel(item.service)}, ${formatDate(item.captured_at)}`,
          }),
          yes,
          no,
        ]),
      ]),
    );
  }
}

// Not a Meta page: the engine looks at it once (activeTab, granted by the click on the icon) for a copy of Meta's
// form or a platform's, and the popup (naming whose form it imitates) and the toolbar badge warn when it is one.
async function showLookalike(tabId) {
  view.lookalike = await checkLookalike(getApi(), tabId);
  const copied = view.lookalike !== null;
  $("lookalike").hidden = !copied;
  if (copied) $("lookalike-text").textContent = t("lookalike_warning", [serviceLabel(view.lookalike)]);
  // The warning says what the page is and what to do: "not one of Meta's pages" would only repeat it.
  $("page-summary").hidden = copied;
  $("page-next").hidden = copied;
  if (copied) await ask("lookalike-seen", { tabId }).catch(() => null);
}

// A platform beyond Meta: its AI-training setting replaces "not one of Meta's pages" and the look-alike check.
// Returns whether this tab is a platform's page.
async function showSetting(tabId) {
  const { setting = null } = await ask("setting-read", { tabId }).catch(() => ({}));
  renderSetting($("setting-section"), setting, { onTurnOff: (button) => turnSettingOff(tabId, setting, button) });
  view.platform = Boolean(setting);
  $("page-summary").hidden = view.platform;
  $("page-next").hidden = view.platform;
  showPrimary();
  return view.platform;
}

// The user's click: NoTrain operates the platform's own control, waits for the platform to save, reads it again.
async function turnSettingOff(tabId, setting, button) {
  button.disabled = true;
  const statusLine = () => $("setting-section").querySelector("[data-testid=setting-status]");
  const before = statusLine();
  if (before) before.textContent = t("setting_turning", [setting.label]);
  const outcome = await ask("setting-turn-off", { tabId }).catch(() => null);
  // The platform's line in the coverage says what the setting says now, not what it said when the popup opened.
  await Promise.all([showSetting(tabId), showCoverage()]);
  // Read again, the tab may no longer be the platform's page (it navigated): then there is no setting to speak of.
  const after = statusLine();
  if (after) after.textContent = outcomeText(outcome, setting.label);
  $("setting-section").dataset.outcome = outcome?.status ?? "failed";
}

// The page changes while the popup is open (filled, sent, answered): its state follows, with no stale hint left.
function followTab(tabId) {
  getApi().storage?.onChanged?.addListener((changes, area) => {
    const key = `tab:${tabId}`;
    if (area === "session" && key in changes && changes[key].newValue) showPage(changes[key].newValue);
    if (area === "local" && "accounts" in changes) void showCoverage();
  });
}

async function start() {
  applyI18n(document);
  showServiceLinks();
  const tabId = await currentTabId();
  view.tabId = tabId;
  $("fill-now").addEventListener("click", () => fillNow(tabId));
  $("capture-now").addEventListener("click", () => captureNow(tabId));
  $("undo-fill").addEventListener("click", () => undoFill(tabId));
  await bindAutofillSwitch($("autofill-switch"));
  const state = await pageState(tabId);
  showPage(state);
  followTab(tabId);
  const onPlatform = state ? false : await showSetting(tabId);
  const [, delivered] = await Promise.all([
    showCoverage(),
    showHostAndPending(),
    showAnswersToConfirm(),
    state || onPlatform ? null : showLookalike(tabId),
  ]);
  if (delivered) await showCoverage();
  document.body.dataset.ready = "true"; // for end-to-end tests
}

start();
