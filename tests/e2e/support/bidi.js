// A minimal WebDriver BiDi client (commands and events over one WebSocket): enough to drive Firefox, which
// has no driver package here and which Playwright's Firefox cannot drive.
import WebSocket from "ws";

export async function connectBidi(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.type === "event") {
      for (const listener of listeners) listener(message);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.type === "error") waiter.reject(new Error(`${waiter.method}: ${message.error}: ${message.message}`));
    else waiter.resolve(message.result);
  });
  socket.on("close", () => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`${waiter.method}: the browser closed the connection`));
    pending.clear();
  });

  return {
    send(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
