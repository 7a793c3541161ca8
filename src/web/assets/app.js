// Fortschritt — progressive enhancement for the public portal.
//
// Every page works without this file. Components opt in with data-module="…" (as in
// GOV.UK Frontend); this script only adds convenience on top of plain HTML forms.

/** @type {Record<string, (element: HTMLElement) => void>} */
const modules = {
  /**
   * Submits a GET filter form as soon as a select changes, and leaves empty choices out
   * of the URL. The hint that announces this is shown only now (WCAG 3.2.2 On Input).
   */
  "app-auto-submit"(element) {
    if (!(element instanceof HTMLFormElement)) return;
    const form = element;
    const hint = form.querySelector("[data-auto-submit-hint]");
    if (hint instanceof HTMLElement) hint.hidden = false;

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (typeof value === "string" && value !== "") params.append(name, value);
      }
      const query = params.toString();
      window.location.assign(form.action + (query === "" ? "" : `?${query}`));
    });

    form.addEventListener("change", (event) => {
      if (event.target instanceof HTMLSelectElement) form.requestSubmit();
    });
  },
};

for (const element of document.querySelectorAll("[data-module]")) {
  if (!(element instanceof HTMLElement)) continue;
  for (const name of (element.dataset.module ?? "").split(/\s+/)) {
    const start = modules[name];
    if (start !== undefined) start(element);
  }
}
