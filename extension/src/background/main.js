// The background's entry point: builds the parts and registers every listener synchronously at
// start, as an MV3 service worker (Chromium) or event page (Firefox) must.
import { getApi } from "../shared/browser-api.js";
import { HostClient } from "./host-client.js";
import { PendingQueue } from "./pending-queue.js";
import { TabState, memoryStorage } from "./tab-state.js";
import { Badge } from "./badge.js";
import { ProfileCache } from "./profile-cache.js";
import { Confirmations, makeCapture } from "./confirmations.js";
import { AnswersToConfirm } from "./answers-to-confirm.js";
import { SentForms } from "./sent-forms.js";
import { Accounts } from "./accounts.js";
import { FOLLOW_UP_ALARM, FOLLOW_UP_KEY, FollowUp, NOTIFICATION_PREFIX } from "./follow-up.js";
import { PlatformAccess } from "./platform-access.js";
import { PlatformSeen } from "./platform-seen.js";
import { PlatformSettings } from "./platform-settings.js";
import { createRoutes } from "./routes.js";
import { createRouter } from "./router.js";

const RETRY_ALARM = "notrain-pending-retry";
const RETRY_MINUTES = 5;

const api = getApi();
const host = new HostClient({
  connect: (name) => api.runtime.connectNative(name),
  lastError: () => api.runtime.lastError,
});
const queue = new PendingQueue(api.storage.local);
const tabState = new TabState(api.storage.session ?? memoryStorage());
const badge = new Badge(api.action);
const profiles = new ProfileCache({ host, storage: api.storage.local, onWaitingChanged: () => scheduleRetry() });

// Keeps the badge and the retry alarm in step with the queue.
async function queueChanged(remaining) {
  await badge.setPending(remaining);
  await scheduleRetry(remaining);
}

// A retry every few minutes while a confirmation or a profile saved without the host waits for it.
async function scheduleRetry(remaining = null) {
  const waits = (remaining ?? (await queue.count())) > 0 || Boolean(await profiles.waiting());
  if (waits) await api.alarms.create(RETRY_ALARM, { periodInMinutes: RETRY_MINUTES });
  else await api.alarms.clear(RETRY_ALARM);
}

const answers = new AnswersToConfirm({ storage: api.storage.local, host });
const sentForms = new SentForms(api.storage.session ?? memoryStorage());
const accounts = new Accounts(api.storage.local);
const followUp = new FollowUp({
  accounts,
  host,
  storage: api.storage.local,
  notifications: api.notifications,
  alarms: api.alarms,
});
const confirmations = new Confirmations({
  host,
  queue,
  capture: makeCapture(api.tabs),
  onQueueChanged: queueChanged,
  onUnknownAnswer: (answer) => answers.add(answer),
  onCentreAnswer: ({ service, account, captured_at: at }) => accounts.noteAccountsCentre({ service, account, at }),
});
const platformAccess = new PlatformAccess({ permissions: api.permissions, scripting: api.scripting });
const platformSeen = new PlatformSeen(api.storage.local);
const platformSettings = new PlatformSettings({
  tabs: api.tabs,
  scripting: api.scripting,
  confirmations,
  enabled: (name) => platformAccess.enabled(name),
  capture: makeCapture(api.tabs),
  seen: platformSeen,
});
const route = createRouter(
  createRoutes({
    host,
    tabState,
    badge,
    profiles,
    confirmations,
    queue,
    tabs: api.tabs,
    sentForms,
    answers,
    accounts,
    platformAccess,
    platformSettings,
    platformSeen,
    openOptions: () => api.runtime.openOptionsPage(),
  }),
  { extensionId: api.runtime.id, extensionOrigin: api.runtime.getURL("") },
);

async function retryPending() {
  await profiles.deliverWaiting().catch(() => null); // still unreachable: the alarm tries again
  await queue.recover();
  if ((await queue.count()) === 0) return queueChanged(0);
  await confirmations.deliver();
}

// sendResponse + `return true` works in every supported Chromium and Firefox, unlike returning
// a promise from the listener (Chromium accepts that only in recent versions).
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  route(message, sender).then(sendResponse, (error) =>
    sendResponse({ error: { kind: "internal", message: String(error) } }),
  );
  return true;
});

api.runtime.onStartup.addListener(() => void retryPending().then(() => followUp.schedule()));
api.runtime.onInstalled.addListener(() => void retryPending().then(() => followUp.schedule()));
// A platform's content script runs exactly while its origins are granted: granted or revoked on the full page or in
// the browser's own settings, and checked again whenever the background starts.
const syncPlatforms = () => void platformAccess.sync().catch(() => null);
api.permissions?.onAdded?.addListener(syncPlatforms);
api.permissions?.onRemoved?.addListener(syncPlatforms);
syncPlatforms();
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void retryPending();
  if (alarm.name === FOLLOW_UP_ALARM) void followUp.check().catch(() => null);
});
// Switched on on the full page: what is overdue already is said now, not tomorrow.
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes[FOLLOW_UP_KEY]?.newValue === true) void followUp.check().catch(() => null);
});
// A follow-up notification leads to the full page's complaint text.
api.notifications?.onClicked.addListener((id) => {
  if (id.startsWith(NOTIFICATION_PREFIX)) void api.tabs.create({ url: api.runtime.getURL("options.html#objections") });
});

api.tabs.onRemoved.addListener((tabId) => void tabState.forget(tabId));
api.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // A document is loading: the old page's state no longer applies (the browsers reset a tab's
  // badge on navigation themselves); the content script reports again once it has looked.
  // Not conditioned on changeInfo.url, which is absent for sites outside our host permissions.
  if (changeInfo.status === "loading") void tabState.forget(tabId);
});
