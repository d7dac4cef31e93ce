// How long after the user sent a form NoTrain waits for Meta's answer, shared by the content script (which
// watches the page) and the background (which carries a send over to the page it led to).
export const ANSWER_WINDOW_MS = 10 * 60_000;
// A new address this soon after the send is where the send led (Meta's result page); any later one ends the wait.
export const NAVIGATION_GRACE_MS = 15_000;
