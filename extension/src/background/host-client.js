// JSON-RPC 2.0 client for the native host over one runtime.connectNative port.
// One port (not sendNativeMessage) because every sendNativeMessage starts a new host process and
// the options page fetches screenshots in many chunks. The port is closed after a short idle time
// so the host exits and the service worker may sleep.
import { HostError, fromBrowserError, fromRpcError } from "./host-errors.js";
import { errorMessage } from "../shared/error-message.js";

export const HOST_NAME = "org.notrain.host";
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_IDLE_MS = 30_000;

export class HostClient {
  /**
   * @param {object} options
   * @param {(name: string) => import("../shared/browser-api.js").Port} options.connect  runtime.connectNative, or a
   *   stand-in
   * @param {() => { message?: string } | null | undefined} [options.lastError]  the browser's reason for a disconnect
   *   (chrome.runtime.lastError; Firefox's is port.error)
   * @param {number} [options.timeoutMs]
   * @param {number} [options.idleMs]
   * @param {{ setTimeout(run: () => void, ms: number): any, clearTimeout(id: any): void }} [options.timers]
   */
  constructor({
    connect,
    lastError = () => null,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    idleMs = DEFAULT_IDLE_MS,
    timers = globalThis,
  }) {
    this.connect = connect;
    this.lastError = lastError;
    this.timeoutMs = timeoutMs;
    this.idleMs = idleMs;
    this.timers = timers;
    this.port = null;
    this.nextId = 1;
    this.pending = new Map(); // id → {resolve, reject, timer}
    this.idleTimer = null;
  }

  call(method, params = {}) {
    let port;
    try {
      port = this.ensurePort();
    } catch (error) {
      return Promise.reject(fromBrowserError(errorMessage(error)));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.pending.delete(id);
        reject(new HostError("host-timeout", `The host did not answer ${method} in time`));
        // A host that stopped answering is not trusted with the next request either.
        this.closePort();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.cancelIdle();
      try {
        port.postMessage({ jsonrpc: "2.0", id, method, params });
      } catch (error) {
        this.settle(id, null, fromBrowserError(errorMessage(error)));
      }
    });
  }

  ensurePort() {
    if (this.port) return this.port;
    const port = this.connect(HOST_NAME);
    port.onMessage.addListener((message) => this.onMessage(port, message));
    port.onDisconnect.addListener((closed) => this.onDisconnect(port, closed));
    this.port = port;
    return port;
  }

  onMessage(port, message) {
    if (port !== this.port || !message || typeof message !== "object") return;
    if (!this.pending.has(message.id)) return; // late answer after a timeout: ignore
    if (message.error) this.settle(message.id, null, fromRpcError(message.error));
    else if ("result" in message) this.settle(message.id, message.result, null);
    else this.settle(message.id, null, fromRpcError({ message: "The host sent an answer without a result" }));
  }

  onDisconnect(port, closed) {
    if (port !== this.port) return;
    this.port = null;
    this.cancelIdle();
    // Chromium reports the reason in runtime.lastError, Firefox in port.error.
    const reason = closed?.error?.message ?? this.lastError()?.message;
    const error = fromBrowserError(reason);
    for (const id of [...this.pending.keys()]) this.settle(id, null, error);
  }

  settle(id, result, error) {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.timers.clearTimeout(entry.timer);
    if (error) entry.reject(error);
    else entry.resolve(result);
    if (this.pending.size === 0) this.scheduleIdle();
  }

  scheduleIdle() {
    this.cancelIdle();
    if (!this.port) return;
    this.idleTimer = this.timers.setTimeout(() => this.closePort(), this.idleMs);
  }

  cancelIdle() {
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  closePort() {
    const port = this.port;
    this.port = null;
    this.cancelIdle();
    if (port) {
      try {
        port.disconnect();
      } catch {
        // already gone
      }
    }
    const error = new HostError("host-unavailable", "The connection to the host was closed");
    for (const id of [...this.pending.keys()]) this.settle(id, null, error);
  }
}
