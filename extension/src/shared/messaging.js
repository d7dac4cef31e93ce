// How the popup and the full page talk to the background: one request, one answer.
import { getApi } from "./browser-api.js";

export async function ask(type, fields = {}) {
  const answer = await getApi().runtime.sendMessage({ type, ...fields });
  if (answer === undefined) throw new Error("No answer from the background");
  return answer;
}

// Calls a host method through the background; throws an Error that carries the mapped problem.
export async function callHost(method, params = {}) {
  const answer = await ask("host-call", { method, params });
  if (answer.error) {
    const error = new Error(answer.error.message);
    Object.assign(error, answer.error);
    throw error;
  }
  return answer.result;
}
