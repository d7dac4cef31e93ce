// The message of anything a `catch` receives: an Error's, or the string `message` of an object that carries one (the
// browser's and the host's errors do); undefined for anything else.
/**
 * @param {unknown} error
 * @returns {string | undefined}
 */
export function errorMessage(error) {
  if (typeof error !== "object" || error === null || !("message" in error)) return undefined;
  return typeof error.message === "string" ? error.message : undefined;
}
