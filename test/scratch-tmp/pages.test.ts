import { it } from "vitest";
import { writeFileSync } from "node:fs";
import { openWebApp } from "../web/support/web-app.js";
import { signInAs } from "../support/accounts.js";
it("pages", async () => {
  const web = await openWebApp("sqlite");
  const urls = ["/kleve/", "/kleve/zeitstrahl", "/kleve/zeitstrahl?vergleich=1", "/kleve/zeitstrahl?vergleich=9", "/kleve/fortschreibungen", "/kleve/fortschreibungen/1", "/kleve/fortschreibungen/2", "/kleve/fortschreibungen/2/aenderungen", "/kleve/fortschreibungen/2/zeitstrahl?vergleich=1", "/kleve/fortschreibungen/1/projekte/internet", "/kleve/fortschreibungen/2/druckansicht", "/kleve/suche?q=rechnung", "/kleve/projekte/internet", "/api/v1/municipalities/kleve/editions", "/api/v1/municipalities/kleve/editions/2", "/api/v1/municipalities/kleve/editions/2/changes", "/kleve/entwurf", "/kleve/entwurf/aenderungen"];
  for (const url of urls) {
    const r = await web.app.inject(url);
    console.log(url, r.statusCode, r.statusCode >= 400 ? r.body.slice(0, 600).replace(/\s+/g," ") : "");
    writeFileSync(`/tmp/rp/${url.replace(/[^a-z0-9]+/gi, "_")}.html`, r.body);
  }
  const { cookie } = await signInAs(web.app, web.ctx, "admin");
  for (const url of ["/kleve/entwurf", "/kleve/entwurf/aenderungen", "/kleve/entwurf/zeitstrahl?vergleich=1", "/kleve/entwurf/projekte/internet", "/kleve/verwaltung/begruendungen"]) {
    const r = await web.app.inject({ url, headers: { cookie } });
    console.log(url, r.statusCode, r.statusCode >= 400 ? r.body.slice(0, 600).replace(/\s+/g," ") : "");
    writeFileSync(`/tmp/rp/admin${url.replace(/[^a-z0-9]+/gi, "_")}.html`, r.body);
  }
  for (const url of ["/kleve/fortschreibungen/2/katalog.docx", "/kleve/fortschreibungen/2/katalog.pdf", "/kleve/fortschreibungen/2/folien.pptx"]) {
    const t0 = Date.now();
    const r = await web.app.inject(url);
    console.log(url, r.statusCode, r.headers["content-type"], r.rawPayload.length, Date.now() - t0, r.statusCode >= 400 ? r.body.slice(0, 300) : "");
    writeFileSync(`/tmp/rp/doc.${url.split(".").pop()}`, r.rawPayload);
  }
  await web.close();
}, 120000);
