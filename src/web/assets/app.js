// Fortschritt — progressive enhancement for the portal and the editor.
//
// Every page works without this file. Components opt in with data-module="…" (as in
// GOV.UK Frontend); this script only adds convenience on top of plain HTML forms.

/** @type {Record<string, (element: HTMLElement) => void>} */
const modules = {
  /**
   * Shows a progress indicator while an uploaded file is sent and checked (a large
   * catalogue takes seconds), and keeps the button from sending it twice. Without
   * JavaScript the form says instead that it may take a moment.
   */
  "app-upload-progress"(element) {
    if (!(element instanceof HTMLFormElement)) return;
    const form = element;
    const note = form.querySelector("[data-upload-note]");
    const progress = form.querySelector("[data-upload-progress]");
    if (note instanceof HTMLElement) note.hidden = true;
    form.addEventListener("submit", () => {
      if (progress instanceof HTMLElement) progress.hidden = false;
      for (const button of form.querySelectorAll("button[type=submit]")) {
        if (!(button instanceof HTMLButtonElement)) continue;
        // Disabled after this event, so that the browser still sends the form.
        window.setTimeout(() => {
          button.disabled = true;
        }, 0);
      }
    });
  },

  /**
   * Leaves empty choices out of a GET filter form's URL. Choosing in a select changes
   * nothing by itself: the person confirms with the form's button (WCAG 3.2.2 On Input),
   * so an arrow key in a closed select neither reloads the page nor saves anything.
   */
  "app-filter-form"(element) {
    if (!(element instanceof HTMLFormElement)) return;
    const form = element;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (typeof value === "string" && value !== "")
          params.append(name, value);
      }
      const query = params.toString();
      window.location.assign(form.action + (query === "" ? "" : `?${query}`));
    });
  },

  /**
   * Warns two minutes before a staff session ends without activity (WCAG 2.2.1): the alert
   * region beside the "extend" button gets its text then, so screen readers announce it.
   * Without JavaScript the account bar still names the time and offers the button.
   */
  "app-session-timeout"(element) {
    const remaining = Number(element.dataset.remainingSeconds ?? "NaN");
    const alert = element.querySelector("[data-session-warning]");
    if (!Number.isFinite(remaining) || !(alert instanceof HTMLElement)) return;
    const warnIn = Math.max(0, remaining - 120) * 1000;
    window.setTimeout(() => {
      alert.textContent = alert.dataset.sessionWarning ?? "";
    }, warnIn);
  },

  /**
   * Shows the contrast white text reaches on the chosen colour while it is being chosen
   * (WCAG 2.1, 1.4.3 asks 4.5:1). The server checks the same rule when the form is saved.
   */
  "app-contrast-check"(element) {
    const input = element.querySelector('input[type="color"]');
    const output = element.querySelector("[data-contrast-output]");
    if (
      !(input instanceof HTMLInputElement) ||
      !(output instanceof HTMLElement)
    )
      return;
    const template = output.dataset.contrastOutput ?? "%s";
    const decimal = document.documentElement.lang === "de" ? "," : ".";
    const luminance = (hex) => {
      const channels = [1, 3, 5].map(
        (index) => Number.parseInt(hex.slice(index, index + 2), 16) / 255,
      );
      const [r, g, b] = channels.map((c) =>
        c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
      );
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const update = () => {
      if (!/^#[0-9a-f]{6}$/i.test(input.value)) return;
      const ratio = 1.05 / (luminance(input.value) + 0.05);
      output.textContent = template.replace(
        "%s",
        `${ratio.toFixed(2).replace(".", decimal)} : 1`,
      );
    };
    input.addEventListener("input", update);
  },

  /**
   * Counts down the characters left in a field with a limit (the line under it says the
   * limit without JavaScript). Screen readers hear the count once typing pauses, not at
   * every key.
   */
  "app-character-count"(element) {
    const line = element.querySelector("[data-character-count-for]");
    if (!(line instanceof HTMLElement)) return;
    const field = document.getElementById(line.dataset.characterCountFor ?? "");
    if (
      !(field instanceof HTMLInputElement) &&
      !(field instanceof HTMLTextAreaElement)
    )
      return;
    const max = Number(line.dataset.max);
    if (!Number.isInteger(max) || max <= 0) return;
    const spoken = document.createElement("span");
    spoken.className = "app-visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    element.append(spoken);
    let timer = 0;
    const text = () => {
      const length = field.value.length;
      const template =
        length > max ? line.dataset.over : line.dataset.remaining;
      return (template ?? "")
        .replace("{n}", String(Math.abs(max - length)))
        .replace("{max}", String(max));
    };
    const update = () => {
      line.textContent = text();
      line.classList.toggle(
        "app-character-count--over",
        field.value.length > max,
      );
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        spoken.textContent = text();
      }, 1000);
    };
    line.textContent = text();
    field.addEventListener("input", update);
  },

  /**
   * The progress page of a document that is being built: asks in the background every
   * few seconds and, once the file is there, says so and starts the download. Without
   * JavaScript the page offers a button to ask again (no timed reload).
   */
  "app-wait-for-document"(element) {
    const url = element.dataset.documentUrl;
    if (url === undefined) return;
    const ask = async () => {
      try {
        const response = await fetch(url, {
          method: "HEAD",
          headers: { accept: "text/html" },
          cache: "no-store",
        });
        if (response.status === 200) {
          element.textContent = element.dataset.readyText ?? "";
          window.location.assign(url);
          return;
        }
      } catch {
        // The network hiccupped: ask again later.
      }
      window.setTimeout(ask, 3000);
    };
    window.setTimeout(ask, 3000);
  },

  /**
   * The list of a subject's documents while one is built: fetches the page again every
   * few seconds and replaces the list, until nothing is built any more.
   */
  "app-refresh-while-building"(element) {
    const refresh = async () => {
      let building = true;
      try {
        const response = await fetch(window.location.href, {
          headers: { accept: "text/html" },
          cache: "no-store",
        });
        const page = new DOMParser().parseFromString(
          await response.text(),
          "text/html",
        );
        const fresh = page.getElementById(element.id);
        if (fresh !== null) {
          element.innerHTML = fresh.innerHTML;
          building = fresh.dataset.module === "app-refresh-while-building";
        }
      } catch {
        // The network hiccupped: ask again later.
      }
      if (building) window.setTimeout(refresh, 3000);
    };
    window.setTimeout(refresh, 3000);
  },
};

for (const element of document.querySelectorAll("[data-module]")) {
  if (!(element instanceof HTMLElement)) continue;
  for (const name of (element.dataset.module ?? "").split(/\s+/)) {
    const start = modules[name];
    if (start !== undefined) start(element);
  }
}
