/**
 * The reporting components rendered without database or HTTP: a key figure shows its
 * definition and as-of date next to the number, the chart is one image with a text
 * alternative, text is escaped, and every status has an icon of its own shape.
 */
import { describe, expect, it } from "vitest";
import { REPORT_STATUSES } from "../../src/domain/report/report-status.js";
import { IndicatorFigure } from "../../src/web/components/indicator-chart/indicator-chart.js";
import { ReportStatusTag } from "../../src/web/components/report-status-tag/report-status-tag.js";
import { createViewContext } from "../../src/web/components/view.js";
import {
  AS_OF,
  buildCountIndicator,
  buildRatioIndicator,
  count,
  day,
  INSTAGRAM,
  MOBILE_OFFICE,
} from "../unit/domain/indicator/factory.js";

const german = createViewContext("de");

describe("a key figure", () => {
  it("shows the value with unit and as-of date, what is counted, source and owner", async () => {
    const html = await (
      <IndicatorFigure
        view={german}
        indicator={buildRatioIndicator()}
        observations={MOBILE_OFFICE}
        chartKind="bar"
        asOf={AS_OF}
        idPrefix="k"
      />
    );
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("144 von 572 (25,2 %) Mitarbeitende");
    expect(text).toMatch(/Stand: 28\.11\.2022 \)/);
    expect(text).toContain(
      "Was gezählt wird Mitarbeitende, die regelmäßig im Mobile Office arbeiten (Anteil an: Mitarbeitende insgesamt einschließlich GSK)",
    );
    expect(text).toContain("Quelle Personalverwaltung");
    expect(text).toContain("Verantwortlich FB 10");
  });

  it("draws one SVG image labelled by its title and summary, with the values as a table", async () => {
    const html = await (
      <IndicatorFigure
        view={german}
        indicator={buildCountIndicator({ name: "Instagram" })}
        observations={INSTAGRAM}
        chartKind="line"
        asOf={AS_OF}
        idPrefix="i"
      />
    );
    expect(html).toMatch(
      /<svg class="app-chart"[^>]*role="img"[^>]*aria-labelledby="i-grafik-titel i-grafik-beschreibung"/,
    );
    expect(html).toContain(
      '<desc id="i-grafik-beschreibung">Instagram, 2 Werte vom 05.11.2021 bis 22.11.2022: von 0 auf 1.420.</desc>',
    );
    expect(html).toContain('<time datetime="2022-11-22">22.11.2022</time>');
    expect(html).not.toContain("style=");
  });

  it("leaves out values after the as-of date and escapes text", async () => {
    const indicator = buildCountIndicator({
      name: "<script>alert(1)</script>",
    });
    const html = await (
      <IndicatorFigure
        view={german}
        indicator={indicator}
        observations={[count(day(2022, 1, 1), 5), count(day(2023, 1, 1), 9)]}
        chartKind="bar"
        asOf={AS_OF}
        idPrefix="x"
      />
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script>alert(1)&lt;/script>");
    expect(html).not.toContain(">9<");
  });
});

describe("the report status tag", () => {
  it("names every status and gives each an icon of its own shape", async () => {
    const tags = await Promise.all(
      REPORT_STATUSES.map(
        async (status) =>
          await (<ReportStatusTag view={german} status={status} />),
      ),
    );
    const icons = tags.map((html) => /<svg[^>]*>(.*)<\/svg>/.exec(html)?.[1]);
    expect(new Set(icons).size).toBe(REPORT_STATUSES.length);
    expect(tags.map((html) => html.replace(/<[^>]+>/g, ""))).toEqual([
      "im Plan",
      "gefährdet",
      "verzögert",
      "abgeschlossen",
      "nicht begonnen",
      "ruhend",
    ]);
    expect(tags.every((html) => html.includes('aria-hidden="true"'))).toBe(
      true,
    );
  });

  it("says when the status is missing", async () => {
    expect(await (<ReportStatusTag view={german} status={null} />)).toContain(
      "Status fehlt",
    );
  });
});
