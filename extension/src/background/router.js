// The message router: checks who sent a message, then looks its type up in a dispatch table.
// Each route says which senders may use it ("content", "page"); anything else is refused.
import { classifySender } from "./senders.js";
import { errorMessage } from "../shared/error-message.js";

export function createRouter(routes, identity) {
  return async function route(message, sender) {
    const from = classifySender(sender, identity);
    if (!from) return { error: { kind: "refused", message: "This sender may not talk to NoTrain" } };
    const type = message && typeof message === "object" ? message.type : undefined;
    const entry = typeof type === "string" && Object.hasOwn(routes, type) ? routes[type] : null;
    if (!entry) return { error: { kind: "unknown-message", message: `Unknown message type: ${String(type)}` } };
    if (!entry.from.includes(from)) {
      return { error: { kind: "refused", message: `Message ${type} is not allowed from this sender` } };
    }
    try {
      return await entry.handle(message, { sender, from });
    } catch (error) {
      return { error: { kind: "internal", message: String(errorMessage(error) || error) } };
    }
  };
}
