import { it } from "vitest";
import { openBrowserRig } from "../support/browser.js";
it("shots", async () => {
  const rig = await openBrowserRig();
  const page = await rig.newPage(true);
  await page.setViewportSize({ width: 1300, height: 1000 });
  await page.goto(`${rig.baseUrl}/kleve/zeitstrahl?vergleich=1`);
  await page.locator(".app-comparison-chart").screenshot({ path: "/tmp/rp/cmp-chart.png" });
  await page.locator("#vergleich-tabelle-1").screenshot({ path: "/tmp/rp/cmp-table.png" });
  await page.goto(`${rig.baseUrl}/kleve/fortschreibungen/2/aenderungen`);
  await page.evaluate(() => window.scrollTo(0, 1400));
  await page.screenshot({ path: "/tmp/rp/changes-mid.png" });
  await rig.close();
}, 120000);
