// The small in-page notice: what NoTrain did and what the user should do next, with at most a few actions (Undo,
// set up a profile). It lives in a closed shadow root so that the page can neither read, press nor restyle it,
// takes text only (textContent, never HTML), announces itself to screen readers (role="status"), and closes with
// its button or Escape. It hides while the extension takes a screenshot as evidence (see hidden()).
const STYLE = `
  :host { all: initial; }
  .box { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 360px; box-sizing: border-box;
    padding: 12px 40px 12px 14px; border-radius: 8px; background: #fff; color: #1c1e21; border: 2px solid #1a73e8;
    box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 14px/1.4 system-ui, sans-serif; }
  .title { font-weight: 600; margin: 0 0 4px; }
  p { margin: 4px 0 0; }
  .actions { margin-top: 8px; display: flex; gap: 8px; }
  .actions button { position: static; font: 600 14px/1.2 system-ui, sans-serif; padding: 6px 12px; border-radius: 6px;
    border: 1px solid #1a73e8; background: #1a73e8; color: #fff; }
  button.close { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 20px;
    line-height: 1; cursor: pointer; color: inherit; padding: 4px 8px; border-radius: 4px; }
  button:focus-visible { outline: 2px solid #1a73e8; }
`;

export function createNotice(doc, translate) {
  let host = null;

  function close() {
    host?.remove();
    host = null;
  }

  /**
   * Shows `lines` (already translated texts) and `actions` ({ label, run }: a button that runs `run` and closes
   * the notice), replacing what the notice showed before.
   */
  function show(lines, actions = []) {
    close();
    host = doc.createElement("notrain-notice");
    const shadow = host.attachShadow({ mode: "closed" });
    const style = doc.createElement("style");
    style.textContent = STYLE;
    const box = doc.createElement("div");
    box.className = "box";
    box.setAttribute("role", "status");
    box.setAttribute("aria-live", "polite");
    const title = doc.createElement("p");
    title.className = "title";
    title.textContent = translate("notice_title");
    box.append(title);
    for (const line of lines) {
      const p = doc.createElement("p");
      p.textContent = line;
      box.append(p);
    }
    if (actions.length) {
      const row = doc.createElement("div");
      row.className = "actions";
      for (const action of actions) {
        const button = doc.createElement("button");
        button.type = "button";
        button.textContent = action.label;
        button.addEventListener("click", () => {
          close();
          action.run();
        });
        row.append(button);
      }
      box.append(row);
    }
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "close";
    button.textContent = "×";
    button.setAttribute("aria-label", translate("notice_close"));
    button.addEventListener("click", close);
    box.addEventListener("keydown", (event) => event.key === "Escape" && close());
    box.append(button);
    shadow.append(style, box);
    doc.documentElement.append(host);
  }

  /** Runs `work` (a screenshot) with the notice out of sight, then shows it again as it was. */
  async function hidden(work) {
    const shown = host;
    if (shown) shown.style.setProperty("display", "none", "important");
    try {
      return await work();
    } finally {
      if (shown) shown.style.removeProperty("display");
    }
  }

  return { show, close, hidden, isShown: () => host !== null };
}
