// The small in-page notice: what NoTrain did and what the user should do next. It lives in a closed shadow root
// so that the page can neither read nor restyle it, takes text only (textContent, never HTML), announces itself
// to screen readers (role="status"), and closes with its button or Escape.
const STYLE = `
  :host { all: initial; }
  .box { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 360px; box-sizing: border-box;
    padding: 12px 40px 12px 14px; border-radius: 8px; background: #fff; color: #1c1e21; border: 2px solid #1a73e8;
    box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 14px/1.4 system-ui, sans-serif; }
  .title { font-weight: 600; margin: 0 0 4px; }
  p { margin: 4px 0 0; }
  button { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 20px;
    line-height: 1; cursor: pointer; color: inherit; padding: 4px 8px; border-radius: 4px; }
  button:focus-visible { outline: 2px solid #1a73e8; }
`;

export function createNotice(doc, translate) {
  let host = null;

  function close() {
    host?.remove();
    host = null;
  }

  /** Shows `lines` (already translated texts), replacing what the notice showed before. */
  function show(lines) {
    close();
    host = doc.createElement('notrain-notice');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const box = doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    const title = doc.createElement('p');
    title.className = 'title';
    title.textContent = translate('notice_title');
    box.append(title);
    for (const line of lines) {
      const p = doc.createElement('p');
      p.textContent = line;
      box.append(p);
    }
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = '×';
    button.setAttribute('aria-label', translate('notice_close'));
    button.addEventListener('click', close);
    box.addEventListener('keydown', (event) => event.key === 'Escape' && close());
    box.append(button);
    shadow.append(style, box);
    doc.documentElement.append(host);
  }

  return { show, close, isShown: () => host !== null };
}
