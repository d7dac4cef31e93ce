// Confirmations waiting for the host, kept in extension storage so that none is lost when the
// host is missing, fails, or the browser restarts. Items are delivered oldest first and removed
// only after the host acknowledged them (a duplicate answer is an acknowledgement too).
//
// Layout in storage.local: "pending:order" → [item ids, oldest first]; "pending:item:<id>" → item.
// The item is written before the order, so a crash in between leaves an orphan that recover()
// puts back, never an order entry without its item.
//
// No "unlimitedStorage": storage.local holds 10 MiB, room for dozens of JPEG screenshots; when it
// is full the item is kept without its screenshot (the text is the main evidence) and says so.
import { errorMessage } from "../shared/error-message.js";
import { unreachableOf } from "./host-errors.js";
const ORDER_KEY = "pending:order";
const ITEM_PREFIX = "pending:item:";

export class PendingQueue {
  // storage: a storage.local-like object (get, set, remove returning promises).
  /**
   * @param {import("../shared/browser-api.js").StorageArea} storage
   * @param {{ now?: () => Date, newId?: () => string }} [options]
   */
  constructor(storage, { now = () => new Date(), newId = () => crypto.randomUUID() } = {}) {
    this.storage = storage;
    this.now = now;
    this.newId = newId;
    /** @type {Promise<unknown>} */
    this.chain = Promise.resolve(); // serialises every operation on the queue
  }

  /**
   * @template T
   * @param {() => Promise<T>} task
   * @returns {Promise<T>}
   */
  exclusive(task) {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => {});
    return run;
  }

  async order() {
    const stored = await this.storage.get(ORDER_KEY);
    return Array.isArray(stored[ORDER_KEY]) ? stored[ORDER_KEY] : [];
  }

  async readItem(id) {
    const key = ITEM_PREFIX + id;
    return (await this.storage.get(key))[key] ?? null;
  }

  // Adds the host call's params (confirmation.save) at the end; returns the item id.
  enqueue(params) {
    return this.exclusive(async () => {
      const id = this.newId();
      const item = { id, params, created_at: this.now().toISOString(), attempts: 0, last_error: null, rejected: null };
      try {
        await this.storage.set({ [ITEM_PREFIX + id]: item });
      } catch (error) {
        if (!params.screenshot) throw error;
        // Storage full: keep the confirmation, give up only its picture.
        const { screenshot, ...rest } = params;
        item.params = rest;
        item.screenshot_dropped = String(errorMessage(error) || error);
        await this.storage.set({ [ITEM_PREFIX + id]: item });
      }
      const order = await this.order();
      order.push(id);
      await this.storage.set({ [ORDER_KEY]: order });
      return id;
    });
  }

  // deliver(params) → host result; throws an error with `unreachable` true when the host cannot
  // be reached (stop and keep the order) or false when the host refused this item (mark it and
  // go on, so one bad item does not block the others; it stays listed for the user).
  // Returns {delivered: Map(id → result), stopped: error|null, remaining}.
  flush(deliver) {
    return this.exclusive(async () => {
      const delivered = new Map();
      let stopped = null;
      for (const id of await this.order()) {
        const item = await this.readItem(id);
        if (!item) {
          await this.dropFromOrder(id);
          continue;
        }
        if (item.rejected) continue;
        try {
          const result = await deliver(item.params);
          await this.dropFromOrder(id);
          await this.storage.remove(ITEM_PREFIX + id);
          delivered.set(id, result);
        } catch (error) {
          item.attempts += 1;
          item.last_error = { message: String(errorMessage(error) || error), at: this.now().toISOString() };
          const unreachable = unreachableOf(error);
          if (unreachable === false) item.rejected = item.last_error;
          await this.storage.set({ [ITEM_PREFIX + id]: item });
          if (unreachable !== false) {
            stopped = error;
            break;
          }
        }
      }
      return { delivered, stopped, remaining: (await this.order()).length };
    });
  }

  async dropFromOrder(id) {
    const order = (await this.order()).filter((entry) => entry !== id);
    await this.storage.set({ [ORDER_KEY]: order });
  }

  // Summaries for the interface, without screenshot data.
  list() {
    return this.exclusive(async () => {
      const items = [];
      for (const id of await this.order()) {
        const item = await this.readItem(id);
        if (!item) continue;
        const { screenshot, ...params } = item.params;
        items.push({
          id,
          service: params.service,
          kind: params.kind,
          url: params.url,
          captured_at: params.captured_at,
          created_at: item.created_at,
          attempts: item.attempts,
          last_error: item.last_error,
          rejected: item.rejected,
          has_screenshot: Boolean(screenshot),
          screenshot_dropped: Boolean(item.screenshot_dropped),
        });
      }
      return items;
    });
  }

  async count() {
    return (await this.order()).length;
  }

  // "Retry now" also gives refused items another chance (the host may have been fixed).
  unreject() {
    return this.exclusive(async () => {
      for (const id of await this.order()) {
        const item = await this.readItem(id);
        if (item?.rejected) {
          item.rejected = null;
          await this.storage.set({ [ITEM_PREFIX + id]: item });
        }
      }
    });
  }

  // Puts back items whose order entry was lost (a crash between the two writes).
  recover() {
    return this.exclusive(async () => {
      const everything = await this.storage.get(null);
      const order = Array.isArray(everything[ORDER_KEY]) ? everything[ORDER_KEY] : [];
      const known = new Set(order);
      const orphans = Object.entries(everything)
        .filter(([key, item]) => key.startsWith(ITEM_PREFIX) && item?.id && !known.has(item.id))
        .map(([, item]) => item)
        .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
      if (orphans.length === 0) return 0;
      await this.storage.set({ [ORDER_KEY]: [...order, ...orphans.map((item) => item.id)] });
      return orphans.length;
    });
  }
}
