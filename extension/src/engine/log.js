// Logging by category, all off by default: lifecycle (page changes), steps (each fill step), messages.
const enabled = new Set();

export const log = {
  enable(...categories) {
    for (const category of categories) enabled.add(category);
  },
  disable(...categories) {
    for (const category of categories) enabled.delete(category);
  },
  lifecycle: (...args) => enabled.has("lifecycle") && console.debug("[NoTrain lifecycle]", ...args),
  steps: (...args) => enabled.has("steps") && console.debug("[NoTrain steps]", ...args),
  messages: (...args) => enabled.has("messages") && console.debug("[NoTrain messages]", ...args),
};
