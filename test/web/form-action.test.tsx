/** The one form pipeline, on a small app of its own: every outcome a form can have. */
import fastifyFormbody from "@fastify/formbody";
import { Type } from "@sinclair/typebox";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportingConflictError } from "../../src/app/reports/reporting-support.js";
import { AppError } from "../../src/errors.js";
import { ErrorSummary } from "../../src/web/components/error-summary/error-summary.js";
import { TextField } from "../../src/web/components/form/controls.js";
import { errorOf, valueOf } from "../../src/web/components/form/failed-form.js";
import { formAction } from "../../src/web/http/form-action.js";
import {
  FormInteger,
  FormRequiredText,
  FormText,
  schemaField,
  VersionedChange,
} from "../../src/web/http/form-schema.js";
import { installRoutePolicies } from "../../src/web/http/route-policy.js";

const NoteBody = Type.Object({
  ...VersionedChange,
  titel: FormRequiredText(20),
  anzahl: FormInteger({ minimum: 1 }),
  notiz: FormText(100),
});

/** What the use case saw, and what it answers next. */
let calls: unknown[] = [];
let answer: () => Promise<void> = async () => undefined;

async function buildFormApp(): Promise<FastifyInstance> {
  const app = Fastify();
  installRoutePolicies(app);
  await app.register(fastifyFormbody);
  app.post(
    "/:slug/notizen",
    formAction({
      policy: "public",
      params: Type.Object({ slug: Type.String({ maxLength: 20 }) }),
      body: NoteBody,
      form: "notiz",
      run: async (input, { params }) => {
        calls.push(input);
        await answer();
        return `/${params.slug}/notizen?gespeichert=notiz`;
      },
      render: async ({ reply, form }, failure) => {
        const html = await (
          <main>
            {failure.failed.summary.length + failure.failed.messages.length >
            0 ? (
              <ErrorSummary
                title="Es gibt ein Problem"
                messages={failure.failed.messages}
                links={failure.failed.summary}
              />
            ) : (
              ""
            )}
            {failure.conflict === undefined ? (
              ""
            ) : (
              <p
                id="konflikt"
                safe
              >{`Geändert: ${failure.conflict.rows.length}`}</p>
            )}
            <TextField
              id={`${form}-titel`}
              label="Titel"
              {...schemaField(NoteBody, "titel")}
              value={valueOf(failure.failed, form, "titel", "")}
              error={errorOf(failure.failed, form, "titel")}
            />
          </main>
        );
        return reply
          .code(failure.status)
          .type("text/html; charset=utf-8")
          .send(html);
      },
      labelOf: (field) =>
        field === "titel" ? "Titel" : field === "anzahl" ? "Anzahl" : field,
      compare: () => ({
        rows: [{ label: "Titel", theirs: "Alt", yours: "Neu" }],
      }),
    }),
  );
  await app.ready();
  return app;
}

function post(app: FastifyInstance, fields: Readonly<Record<string, string>>) {
  return app.inject({
    method: "POST",
    url: "/kleve/notizen",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe("formAction", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildFormApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const reset = () => {
    calls = [];
    answer = async () => undefined;
  };

  it("converts the text of a valid form, calls the use case and answers 303 with the next page", async () => {
    reset();
    const response = await post(app, {
      version: "4",
      titel: "Haushalt",
      anzahl: "12",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/kleve/notizen?gespeichert=notiz");
    expect(calls).toEqual([
      { version: 4, grund: "", titel: "Haushalt", anzahl: 12, notiz: "" },
    ]);
  });

  it("shows the page again with 400, the summary linked to the field and the input kept, without calling the use case", async () => {
    reset();
    const response = await post(app, {
      version: "4",
      titel: "Ein viel zu langer Titel <b>",
      anzahl: "zwölf",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#notiz-titel"');
    expect(response.body).toContain(
      "Titel darf höchstens 20 Zeichen lang sein",
    );
    expect(response.body).toContain("Anzahl muss eine ganze Zahl sein");
    expect(response.body).toContain('value="Ein viel zu langer Titel <b>"');
    expect(response.body).toContain('maxlength="20"');
    expect(calls).toEqual([]);
  });

  it("answers a form without its version with 400 instead of assuming one", async () => {
    reset();
    const response = await post(app, { titel: "Haushalt", anzahl: "1" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Das Formular ist unvollständig");
    expect(calls).toEqual([]);
  });

  it("speaks English on English pages", async () => {
    reset();
    const response = await app.inject({
      method: "POST",
      url: "/kleve/notizen?lang=en",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "version=1&titel=&anzahl=1",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Titel must not be empty");
  });

  it("answers a stale version with 409, the comparison and the input kept", async () => {
    reset();
    answer = async () => {
      throw new ReportingConflictError([]);
    };
    const response = await post(app, {
      version: "2",
      titel: "Neu",
      anzahl: "1",
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("Geändert: 1");
    expect(response.body).toContain('value="Neu"');
  });

  it("answers a refusal with 403 and says so in the summary", async () => {
    reset();
    answer = async () => {
      throw new AppError("ERR_FORBIDDEN");
    };
    const response = await post(app, {
      version: "2",
      titel: "Neu",
      anzahl: "1",
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("Es gibt ein Problem");
    expect(response.body).toContain('value="Neu"');
  });

  it("places the use case's own problems at the fields", async () => {
    reset();
    answer = async () => {
      throw new AppError("ERR_VALIDATION", {
        problems: [{ path: "/form/titel", message: "ist schon vergeben" }],
      });
    };
    const response = await post(app, {
      version: "2",
      titel: "Doppelt",
      anzahl: "1",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Titel ist schon vergeben");
  });
});
