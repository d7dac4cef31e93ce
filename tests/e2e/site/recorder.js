// Added by the test site to every fixture page (in the page's own world, as Meta's scripts run). When a
// form is sent — its send button pressed, or a plain submit event — it posts to the site what React holds
// for each field (the values Meta would receive), whether the event came from the user (isTrusted) and
// whether the page accepted the form (the fixture replaces an accepted form with what Meta shows next).
// It listens in the capture phase, before the fixture's own handlers, which may remove the form.
(() => {
  const stateOf = (node) => (typeof window.fixtureState === "function" ? window.fixtureState(node) : undefined);

  function labelOf(node) {
    const byId = node.getAttribute("aria-labelledby");
    const text =
      node.labels?.[0]?.textContent ??
      (byId && document.getElementById(byId)?.textContent) ??
      node.getAttribute("aria-label") ??
      node.closest("div")?.parentElement?.querySelector("span")?.textContent;
    return (text ?? "").replace(/\s+/g, " ").trim();
  }

  function fieldsOf(form) {
    const fields = [];
    for (const node of form.querySelectorAll('input, textarea, select, [role="combobox"]')) {
      const base = {
        tag: node.tagName.toLowerCase(),
        type: node.getAttribute("type") ?? null,
        name: node.getAttribute("name"),
        label: labelOf(node),
      };
      if (node.type === "checkbox" || node.type === "radio") fields.push({ ...base, checked: node.checked });
      else if (node.getAttribute("role") === "combobox")
        fields.push({ ...base, state: stateOf(node) ?? null, shown: node.textContent.trim() });
      else fields.push({ ...base, state: stateOf(node) ?? null, shown: node.value });
    }
    return fields;
  }

  function report(form, event, how) {
    const fields = fieldsOf(form);
    const hasAfter = Boolean(document.querySelector("template[data-fixture-after]"));
    setTimeout(() => {
      const body = JSON.stringify({
        url: location.href,
        how,
        trusted: event.isTrusted,
        fields,
        accepted: hasAfter ? !form.isConnected : null,
      });
      fetch("/__e2e/submit", { method: "POST", headers: { "content-type": "application/json" }, body });
    }, 0);
  }

  document.addEventListener(
    "click",
    (event) => {
      const button = /** @type {Element} */ (event.target).closest?.("[data-fixture-submit]");
      if (button) report(button.closest("form, [data-fixture-form]"), event, "send-button");
    },
    true,
  );
  // Fixtures without the send-button hook: the browser's submit event (the fixture cancels the load).
  document.addEventListener("submit", (event) => report(event.target, event, "submit-event"), true);
})();
