/**
 * A small OParl 1.1 server on 127.0.0.1 for tests: fixture JSON after the 1.1 schema (a
 * System, a Body, a paper list paginated with `links.next`, a meeting list with an embedded
 * agenda item, an Organization, one deleted paper). Paths in `broken` answer malformed JSON.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const SCHEMA = "https://schema.oparl.org/1.1";

/** A running server. */
export interface OparlServer {
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** Paths answered with broken JSON. */
  readonly broken: Set<string>;
  close(): Promise<void>;
}

function fixture(base: string, path: string): unknown {
  const o = `${base}/oparl/v1`;
  const paper = (
    n: number,
    reference: string,
    name: string,
    extra: Record<string, unknown> = {},
  ) => ({
    id: `${o}/paper/${n}`,
    type: `${SCHEMA}/Paper`,
    body: `${o}/body/1`,
    name,
    reference,
    date: "2022-11-10",
    paperType: "Mitteilungsvorlage",
    web: `https://ratsinfo.example/vo0050.asp?__kvonr=${n}`,
    created: "2022-11-10T08:00:00+01:00",
    modified: "2022-11-10T08:00:00+01:00",
    ...extra,
  });
  const body = {
    id: `${o}/body/1`,
    type: `${SCHEMA}/Body`,
    name: "Stadt Kleve",
    paper: `${o}/body/1/paper`,
    meeting: `${o}/body/1/meeting`,
  };
  const pages: Record<string, unknown> = {
    "/oparl/v1/body/1": body,
    // Not in any list the sync reads: fetched by its own URL.
    "/oparl/v1/organization/3": {
      id: `${o}/organization/3`,
      type: `${SCHEMA}/Organization`,
      body: `${o}/body/1`,
      name: "Ausschuss für Planung und Digitalisierung",
      shortName: "APD",
      organizationType: "Gremium",
      web: "https://ratsinfo.example/kp0040.asp?__kgrnr=3",
    },
    "/oparl/v1/system": {
      id: `${o}/system`,
      type: `${SCHEMA}/System`,
      oparlVersion: "https://schema.oparl.org/1.1/",
      name: "Ratsinformationssystem Kleve",
      body: `${o}/bodies`,
    },
    "/oparl/v1/bodies": {
      data: [body],
      pagination: {
        totalElements: 1,
        elementsPerPage: 20,
        currentPage: 1,
        totalPages: 1,
      },
      links: {},
    },
    "/oparl/v1/body/1/paper": {
      data: [paper(1, "A 10/100/2022", "Haushalt 2023")],
      pagination: {
        totalElements: 3,
        elementsPerPage: 1,
        currentPage: 1,
        totalPages: 3,
      },
      links: { next: `${o}/body/1/paper?page=2` },
    },
    "/oparl/v1/body/1/paper?page=2": {
      data: [paper(185, "A 10/185/2022", "Sachstandsbericht Digitalisierung")],
      pagination: {
        totalElements: 3,
        elementsPerPage: 1,
        currentPage: 2,
        totalPages: 3,
      },
      links: { next: `${o}/body/1/paper?page=3` },
    },
    "/oparl/v1/body/1/paper?page=3": {
      data: [{ id: `${o}/paper/7`, type: `${SCHEMA}/Paper`, deleted: true }],
      pagination: {
        totalElements: 3,
        elementsPerPage: 1,
        currentPage: 3,
        totalPages: 3,
      },
      links: {},
    },
    "/oparl/v1/body/1/meeting": {
      data: [
        {
          id: `${o}/meeting/42`,
          type: `${SCHEMA}/Meeting`,
          name: "Ausschuss für Digitalisierung",
          start: "2023-03-14T17:00:00+01:00",
          web: "https://ratsinfo.example/to0040.asp?__ksinr=42",
          agendaItem: [
            {
              id: `${o}/agendaitem/9`,
              type: `${SCHEMA}/AgendaItem`,
              number: "5",
              name: "Sachstand Digitalisierung",
              web: "https://ratsinfo.example/to0050.asp?__ktonr=9",
            },
          ],
        },
      ],
      links: {},
    },
  };
  return pages[path];
}

/** Starts the server on a random port. */
export async function startOparlServer(): Promise<OparlServer> {
  const broken = new Set<string>();
  let base = "";
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    if (broken.has(path)) {
      response
        .writeHead(200, { "content-type": "application/json" })
        .end("{ kein JSON");
      return;
    }
    const body = fixture(base, path);
    if (body === undefined)
      response.writeHead(404, { "content-type": "application/json" }).end("{}");
    else
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    broken,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
