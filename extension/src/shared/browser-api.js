// One name for the extension API in both browsers: Firefox exposes `browser` (promises),
// Chromium exposes `chrome` (promises too in MV3). Tests inject a fake through setApi().
let api = globalThis.browser ?? globalThis.chrome;

// What the background's classes use of the API, so that a test can hand each one a stand-in.
/**
 * @typedef {{ get(keys?: string | string[] | null): Promise<Record<string, any>>,
 *   set(items: Record<string, unknown>): Promise<void>, remove(keys: string | string[]): Promise<void> }} StorageArea
 * @typedef {{ id?: number, url?: string, windowId?: number }} Tab
 * @typedef {{ get(tabId: number): Promise<Tab>, sendMessage(tabId: number, message: object): Promise<any> }} Tabs
 * @typedef {{ postMessage(message: object): void, disconnect(): void,
 *   onMessage: { addListener(listener: (message: any) => void): void },
 *   onDisconnect: { addListener(listener: (port: object) => void): void } }} Port  Firefox's carries the reason in port.error
 * @typedef {{ create(id: string, options: { type: "basic", iconUrl: string, title: string, message: string }): Promise<unknown> }} Notifications
 * @typedef {{ create(name: string, info: { delayInMinutes?: number, periodInMinutes?: number }): Promise<unknown> }} Alarms
 * @typedef {{ id: string, js: string[], matches: string[], runAt: "document_idle", allFrames: boolean,
 *   persistAcrossSessions: boolean }} ContentScript
 * @typedef {{ getRegisteredContentScripts(): Promise<{ id: string }[]>,
 *   registerContentScripts(scripts: ContentScript[]): Promise<unknown>,
 *   unregisterContentScripts(filter: { ids: string[] }): Promise<unknown> }} ContentScripts
 */

export function getApi() {
  return api;
}

export function setApi(fake) {
  api = fake;
}
