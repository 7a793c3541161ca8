/**
 * Embeds in a real browser: a page on a listed origin shows the project card in its
 * iframe, a page on another origin gets nothing (Chromium enforces frame-ancestors). The
 * two outside websites are served by Playwright's routing; the embed comes from the app.
 * Axe checks the embeds and the staff page with the code to copy.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { changeOpenDataSettings } from "../../src/app/open-data/settings.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { buildPrincipal } from "../support/principals.js";

const CARD = "/kleve/einbetten/projekte/e-rechnungsworkflow";

let rig: BrowserRig;
/** Two outside websites on their own ports (so their own origins), each with the card in an iframe. */
const websites: Server[] = [];
let listed = "";
let other = "";

async function startWebsite(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="de"><head><title>Website</title></head><body><main><h1>Website</h1><iframe title="Projekt" src="${rig.baseUrl}${CARD}" width="600" height="400"></iframe></main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  websites.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  rig = await openBrowserRig({ demo: "with-reports" });
  listed = await startWebsite();
  other = await startWebsite();
  const catalogue = await getCatalogue(rig.ctx, "kleve");
  const admin = buildPrincipal(catalogue.municipality.id, {
    role: "admin",
    orgUnitCodes: [],
  });
  await changeOpenDataSettings(rig.ctx, admin, {
    municipality: "kleve",
    data: {
      licence: "dl-by-de/2.0",
      regionalKey: "051540036036",
      embedOrigins: listed,
    },
  });
});

afterAll(async () => {
  for (const server of websites)
    await new Promise((resolve) => server.close(resolve));
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

describe("embeds in Chromium", () => {
  async function websiteWithEmbed(origin: string) {
    const page = await rig.newPage(true);
    // goto waits for the load event, which waits for the iframe too.
    await page.goto(`${origin}/`);
    return page;
  }

  it("renders in an iframe on a listed origin", async () => {
    const page = await websiteWithEmbed(listed);
    try {
      await expect
        .poll(() =>
          page
            .frameLocator("iframe")
            .getByRole("heading", { name: "2.5 E-Rechnungsworkflow" })
            .count(),
        )
        .toBe(1);
    } finally {
      await page.close();
    }
  });

  it("is refused in an iframe on any other origin", async () => {
    const page = await websiteWithEmbed(other);
    try {
      const frame = page.frames().find((each) => each !== page.mainFrame());
      expect(frame).toBeDefined();
      expect(frame?.url()).not.toBe(`${rig.baseUrl}${CARD}`);
      expect(
        await page
          .frameLocator("iframe")
          .getByRole("heading", { name: "2.5 E-Rechnungsworkflow" })
          .count(),
      ).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe.each(JAVASCRIPT_MODES)(
  "embed accessibility $mode",
  ({ javaScriptEnabled }) => {
    it.each([
      CARD,
      "/kleve/einbetten/aktionsfelder/smart-working",
      "/kleve/einbetten/kennzahlen/mobile-office?lang=en",
    ])("%s has no axe violations", async (path) => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        expect((await page.goto(path))?.status()).toBe(200);
        expect(await findAccessibilityViolations(page), path).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it("the staff page with the code and previews has no axe violations", async () => {
      const user = await createTestUser(rig.ctx, {
        role: "editor",
        orgUnitCodes: ["10.1"],
      });
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.context().clearCookies();
        await page.goto("/anmelden");
        await page.locator("#email").fill(user.email);
        await page.locator("#password").fill(user.password);
        await page
          .getByRole("button", { name: "Anmelden", exact: true })
          .click();
        await page
          .locator("#code")
          .fill(
            totpCodeAt(
              user.totpSecret!,
              new Date(rig.ctx.clock().getTime() + 30_000),
            ),
          );
        await page.getByRole("button", { name: "Bestätigen" }).click();
        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe("/kleve/verwaltung/");
        await page.goto("/kleve/verwaltung/einbetten");
        await expect
          .poll(() =>
            page
              .frameLocator("iframe.app-embed-preview >> nth=0")
              .getByRole("heading")
              .count(),
          )
          .toBe(1);
        expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
      } finally {
        await page.close();
      }
    });
  },
);
