/** The editor's form controls, rendered on their own: labels, hints and errors tied to the control. */
import { describe, expect, it } from "vitest";
import {
  Checkbox,
  ColourField,
  RadioGroup,
  ReasonField,
  SelectField,
  TextArea,
} from "../../src/web/components/form/controls.js";

describe("form controls", () => {
  it("tie hint and error to a textarea and escape its value", async () => {
    const html = await (
      <TextArea
        id="t"
        name="t"
        label="Worum es geht"
        hint="Kurz"
        error="darf nicht leer sein"
        value={"<script>x</script>"}
      />
    );
    expect(html).toContain(
      '<label class="app-label" for="t">Worum es geht</label>',
    );
    expect(html).toContain('aria-describedby="t-hinweis t-fehler"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("&lt;script>");
    expect(html).not.toContain("<script>");
  });

  it("select the stored choice, or several in a multiple select", async () => {
    const single = await (
      <SelectField
        id="s"
        name="s"
        label="Status"
        value="done"
        choices={[
          { value: "planned", label: "geplant" },
          { value: "done", label: "erledigt" },
        ]}
      />
    );
    expect(single).toMatch(/<option value="done" selected>erledigt<\/option>/);
    const multiple = await (
      <SelectField
        id="m"
        name="m"
        label="Projekte"
        value=""
        values={["a", "c"]}
        multiple
        choices={["a", "b", "c"].map((value) => ({ value, label: value }))}
      />
    );
    expect(multiple).toContain('multiple="multiple"');
    expect(multiple.match(/selected/g)).toHaveLength(2);
  });

  it("group radios under their question and give the first the id the error summary links to", async () => {
    const html = await (
      <RadioGroup
        id="f"
        name="f"
        label="Wie geht es weiter?"
        value="ongoing"
        error="Bitte wählen"
        choices={[
          { value: "", label: "endet" },
          { value: "ongoing", label: "danach laufend" },
        ]}
      />
    );
    expect(html).toContain("<legend");
    expect(html).toContain('id="f"');
    expect(html).toContain('id="f-1"');
    expect(html).toMatch(/value="ongoing" checked/);
    expect(html).toContain('id="f-fehler"');
  });

  it("label a checkbox beside it", async () => {
    const html = await (
      <Checkbox id="c" name="offen" label="offenes Ende" checked />
    );
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(html).toContain(
      '<label class="app-checkbox__label" for="c">offenes Ende</label>',
    );
  });

  it("fold the reason away unless it holds a value or an error", async () => {
    const closed = await (
      <ReasonField
        id="r"
        value=""
        summary="Grund (optional)"
        label="Grund"
        hint="Für den Verlauf"
      />
    );
    expect(closed).not.toMatch(/<details[^>]*open/);
    const open = await (
      <ReasonField
        id="r"
        value="OZG-Aufwand"
        summary="Grund (optional)"
        label="Grund"
        hint="Für den Verlauf"
      />
    );
    expect(open).toMatch(/<details[^>]*open/);
    expect(open).toContain('name="grund"');
  });

  it("show the contrast of a colour and hand the script its template", async () => {
    const html = await (
      <ColourField
        id="farbe"
        name="farbe"
        label="Farbe"
        value="#1d4f91"
        contrastText="Kontrast: 8,14 : 1"
        contrastTemplate="Kontrast: %s"
      />
    );
    expect(html).toContain('type="color"');
    expect(html).toContain('data-module="app-contrast-check"');
    expect(html).toContain('data-contrast-output="Kontrast: %s"');
    expect(html).toContain('aria-describedby="farbe-kontrast"');
  });
});
