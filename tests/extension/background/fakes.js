// Test doubles for the browser pieces the background uses: a native-messaging port that a test
// drives by hand, a storage area that survives "restarts" and can be made to fail.
import { memoryStorage } from "../../../extension/src/background/tab-state.js";

export class FakePort {
  constructor() {
    this.sent = [];
    this.disconnected = false;
    this.messageListeners = [];
    this.disconnectListeners = [];
    this.onMessage = { addListener: (fn) => this.messageListeners.push(fn) };
    this.onDisconnect = { addListener: (fn) => this.disconnectListeners.push(fn) };
  }

  postMessage(message) {
    if (this.disconnected) throw new Error("Attempting to use a disconnected port object");
    this.sent.push(structuredClone(message));
  }

  disconnect() {
    this.disconnected = true;
  }

  // The host answers.
  reply(message) {
    for (const fn of this.messageListeners) fn(structuredClone(message));
  }

  // The browser closes the port (host gone); Firefox puts the reason on port.error.
  close(error) {
    this.disconnected = true;
    if (error) this.error = { message: error };
    for (const fn of this.disconnectListeners) fn(this);
  }
}

// Storage whose writes can be made to fail, to stand in for a full disk or quota.
export function failingStorage(base = memoryStorage()) {
  const storage = {
    /** @type {((values: Record<string, any>) => Error | null) | null} */
    failNextSetWhen: null,
    get: (key) => base.get(key),
    remove: (key) => base.remove(key),
    async set(values) {
      const error = storage.failNextSetWhen?.(values);
      if (error) throw error;
      return base.set(values);
    },
  };
  return storage;
}

// Manual timers so that timeouts are tested without waiting.
export function manualTimers() {
  let next = 1;
  const pending = new Map();
  return {
    setTimeout(fn, ms) {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const { fn } of due) fn();
    },
    get count() {
      return pending.size;
    },
  };
}

export const tick = () => new Promise((resolve) => setImmediate(resolve));
