/**
 * The catalogue's frame in the editor (administrators): programme and priorities, impact
 * areas and action fields, org units, and creating a project. Same pattern as the project
 * forms: use case → 303 with a notice, or the page again with problems (400) or the
 * conflict (409); the use cases log refusals.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type {
  CreateActionFieldInput,
  CreateOrgUnitInput,
  CreateProjectInput,
  UpdateActionFieldInput,
  UpdateOrgUnitInput,
  UpdateProgrammeInput,
} from "../../app/catalogue/catalogue-edit.schema.js";
import { createActionField } from "../../app/catalogue/create-action-field.js";
import { createImpactArea } from "../../app/catalogue/create-impact-area.js";
import { createOrgUnit } from "../../app/catalogue/create-org-unit.js";
import { createProject } from "../../app/catalogue/create-project.js";
import {
  isEditConflict,
  type ConflictState,
} from "../../app/catalogue/edit-conflict.js";
import { getStructureForEditing } from "../../app/catalogue/read-editor.js";
import { setPriorities } from "../../app/catalogue/set-priorities.js";
import { updateActionField } from "../../app/catalogue/update-action-field.js";
import { updateImpactArea } from "../../app/catalogue/update-impact-area.js";
import { updateOrgUnit } from "../../app/catalogue/update-org-unit.js";
import { updateProgramme } from "../../app/catalogue/update-programme.js";
import type { AppContext } from "../../app/context.js";
import { isAppError } from "../../errors.js";
import type { ViewContext } from "../components/view.js";
import { csrfToken } from "../plugins/session.js";
import { sendHtmlError } from "../portal/portal.routes.js";
import { presentAuditEvent } from "./audit.presenter.js";
import type { ConflictRow, ConflictView } from "./conflict-notice.js";
import { EDITOR_ROUTES, editorPaths } from "./editor-paths.js";
import {
  answerRefusals,
  editorChrome,
  formFields,
  formValues,
  formVersion,
  noticeOf,
  originOf,
  placeProblems,
  sendEditorPage,
  viewOf,
  type EditorSection,
  type FailedForm,
  type FormFields,
} from "./editor-view.js";
import { calendarDateOf, germanDayOf } from "../../domain/calendar/calendar.js";
import { parseTags, reasonOf } from "./project-forms.js";
import {
  NewProjectPage,
  OrgUnitsEditPage,
  ProgrammeEditPage,
  StructureEditPage,
  type StructurePageProps,
} from "./structure-pages.js";

/** What the structure routes need. */
export interface StructureRoutesOptions {
  readonly ctx: AppContext;
}

const Params = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const KeyParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  key: Type.String({ maxLength: 100 }),
});
const CodeParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  code: Type.String({ maxLength: 100 }),
});
const ProgrammeQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  jahr: Type.Optional(Type.String({ maxLength: 6 })),
});

/** Which page renders a form, and how its fields are named. */
type StructurePage = "programme" | "structure" | "orgUnits" | "newProject";

/** A number as typed; left as text when it is none, so that the schema names the problem. */
function numberOf(text: string | undefined): number {
  const trimmed = (text ?? "").trim();
  return (/^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed) as number;
}

/**
 * Maps a use case's JSON pointer to a form field: `map` keys are paths below /data with
 * list indexes as "*" ("goals/*\/title"), values are field names with "#" for the row.
 */
export function pathMapper(
  map: Readonly<Record<string, string>>,
  rows: readonly number[] = [],
): (path: string) => string | null {
  return (path) => {
    if (path === "/reason") return "grund";
    if (path.startsWith("/form/")) return path.slice("/form/".length);
    if (!path.startsWith("/data/")) return null;
    let first: number | null = null;
    const pattern = path
      .slice("/data/".length)
      .replace(
        /(^|\/)(\d+)(?=\/|$)/g,
        (_match, slash: string, digits: string) => {
          first ??= Number(digits);
          return `${slash}*`;
        },
      );
    for (
      let candidate = pattern;
      candidate !== "";
      candidate = candidate.includes("/")
        ? candidate.slice(0, candidate.lastIndexOf("/"))
        : ""
    ) {
      const field = map[candidate];
      if (field !== undefined)
        return field.replace(
          "#",
          String(first === null ? 0 : (rows[first] ?? first)),
        );
    }
    return null;
  };
}

const PROGRAMME_FIELDS = {
  title: "titel",
  subtitle: "untertitel",
  horizonStart: "von",
  horizonEnd: "bis",
  summary: "einleitung",
  "goals/*/title": "ziel-#",
  "goals/*/description": "ziel-#-text",
  "goals/*": "ziel-#",
};
const PRIORITY_FIELDS = {
  "priorities/*/title": "prioritaet-#",
  "priorities/*/projects": "prioritaet-#-projekte",
  "priorities/*": "prioritaet-#",
};
const IMPACT_AREA_FIELDS = {
  key: "schluessel",
  name: "name",
  description: "beschreibung",
};
const ACTION_FIELD_FIELDS = {
  impactArea: "wirkungsbereich",
  key: "schluessel",
  number: "nummer",
  name: "name",
  colour: "farbe",
  description: "beschreibung",
};
const ORG_UNIT_FIELDS = {
  code: "kuerzel",
  name: "name",
  kind: "art",
  parent: "uebergeordnet",
};
const NEW_PROJECT_FIELDS = {
  actionField: "aktionsfeld",
  slug: "kurzname",
  code: "nummer",
  title: "titel",
  summary: "zusammenfassung",
  status: "status",
  tags: "schlagwoerter",
  responsibilities: "federfuehrend",
};

function labelOf(view: ViewContext, field: string): string {
  const t = view.t.editor;
  const base = field
    .replace(/^ziel-\d+-text$/, "ziel-text")
    .replace(/^ziel-\d+$/, "ziel")
    .replace(/^prioritaet-\d+-projekte$/, "projekte")
    .replace(/^prioritaet-\d+$/, "prioritaet");
  const labels: Readonly<Record<string, string>> = {
    titel: t.fieldTitle,
    untertitel: t.fieldSubtitle,
    von: t.fieldHorizonStart,
    bis: t.fieldHorizonEnd,
    einleitung: t.fieldProgrammeSummary,
    ziel: t.fieldGoalTitle,
    "ziel-text": t.fieldGoalDescription,
    prioritaet: t.fieldPriorityTitle,
    projekte: t.fieldPriorityProjects,
    schluessel: t.fieldKey,
    name: t.fieldName,
    beschreibung: t.fieldDescription,
    wirkungsbereich: t.fieldImpactArea,
    nummer: t.fieldNumber,
    farbe: t.fieldColour,
    kuerzel: t.fieldCode,
    art: t.fieldKind,
    uebergeordnet: t.fieldParent,
    aktionsfeld: t.fieldActionField,
    kurzname: t.fieldSlug,
    zusammenfassung: t.fieldSummary,
    status: t.fieldStatus,
    schlagwoerter: t.fieldTags,
    federfuehrend: t.fieldLeadUnit,
    grund: t.reasonLabel,
  };
  return labels[base] ?? field;
}

/** Field by field, the stored value beside the typed one, for a record of the frame. */
function structureConflictRows(
  view: ViewContext,
  current: ConflictState,
  fields: FormFields,
): { rows: ConflictRow[]; isDeleted: boolean } {
  const t = view.t.editor;
  const rows: ConflictRow[] = [];
  const compare = (
    label: string,
    theirs: string | number | null,
    yours: string | undefined,
  ): void => {
    const left = theirs === null ? "" : String(theirs);
    const right = (yours ?? "").trim();
    if (left.trim() !== right)
      rows.push({
        label,
        theirs: left === "" ? t.emptyValue : left,
        yours: right === "" ? t.emptyValue : right,
      });
  };
  switch (current.kind) {
    case "programme": {
      const { programme } = current;
      compare(t.fieldProgrammeTitle, programme.title, fields.titel);
      compare(t.fieldSubtitle, programme.subtitle, fields.untertitel);
      compare(t.fieldHorizonStart, programme.horizonStart, fields.von);
      compare(t.fieldHorizonEnd, programme.horizonEnd, fields.bis);
      compare(t.fieldProgrammeSummary, programme.summary, fields.einleitung);
      return { rows, isDeleted: false };
    }
    case "impactArea":
      if (current.impactArea === null) return { rows, isDeleted: true };
      compare(t.fieldName, current.impactArea.name, fields.name);
      compare(
        t.fieldDescription,
        current.impactArea.description,
        fields.beschreibung,
      );
      return { rows, isDeleted: false };
    case "actionField":
      if (current.actionField === null) return { rows, isDeleted: true };
      compare(t.fieldNumber, current.actionField.number, fields.nummer);
      compare(t.fieldName, current.actionField.name, fields.name);
      compare(
        t.fieldColour,
        current.actionField.colour,
        fields.farbe?.toLowerCase(),
      );
      compare(
        t.fieldDescription,
        current.actionField.description,
        fields.beschreibung,
      );
      return { rows, isDeleted: false };
    case "orgUnit":
      if (current.orgUnit === null) return { rows, isDeleted: true };
      compare(t.fieldName, current.orgUnit.name, fields.name);
      compare(
        t.fieldKind,
        t.orgUnitKind[current.orgUnit.kind] ?? current.orgUnit.kind,
        t.orgUnitKind[fields.art ?? ""] ?? fields.art,
      );
      compare(t.fieldParent, current.orgUnit.parentCode, fields.uebergeordnet);
      return { rows, isDeleted: false };
    case "project":
      return { rows, isDeleted: current.project === null };
  }
}

/** Registers the frame's pages and forms. */
export async function structureRoutes(
  instance: FastifyInstance,
  options: StructureRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  const sectionOf: Readonly<Record<StructurePage, EditorSection>> = {
    programme: "programme",
    structure: "structure",
    orgUnits: "orgUnits",
    newProject: "home",
  };

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    page: StructurePage,
    status: number,
    extra: {
      readonly failed?: FailedForm;
      readonly conflict?: ConflictView;
      readonly year?: number;
    } = {},
  ): Promise<FastifyReply> {
    return answerRefusals(request, reply, async () => {
      const slug = (request.params as { slug: string }).slug;
      const data = await getStructureForEditing(
        ctx,
        request.principal,
        slug,
        originOf(request),
      );
      const view = viewOf(request);
      const props: StructurePageProps = {
        view,
        requestUrl: request.url,
        chrome: editorChrome(
          request,
          view,
          data.catalogue,
          data.rights,
          sectionOf[page],
        ),
        data,
        csrfToken: csrfToken(request),
        notice: status === 200 ? noticeOf(request, view) : undefined,
        failed: extra.failed,
        conflict: extra.conflict,
      };
      let html: string;
      switch (page) {
        case "programme": {
          const today = calendarDateOf(germanDayOf(ctx.clock())).year;
          const fallback = Math.min(
            Math.max(today, data.programme.horizonStart),
            data.programme.horizonEnd,
          );
          html = await (
            <ProgrammeEditPage {...props} year={extra.year ?? fallback} />
          );
          break;
        }
        case "structure":
          html = await (<StructureEditPage {...props} />);
          break;
        case "orgUnits":
          html = await (<OrgUnitsEditPage {...props} />);
          break;
        case "newProject":
          html = await (<NewProjectPage {...props} />);
          break;
      }
      return sendEditorPage(reply, status, html);
    });
  }

  /** Runs a change from a form of the frame; see handleProjectForm in editor.routes.tsx. */
  async function handle(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      readonly page: StructurePage;
      readonly form: string;
      readonly fields: Readonly<Record<string, string>>;
      readonly rows?: readonly number[];
      readonly lists?: Readonly<Record<string, readonly string[]>>;
      readonly year?: number;
      readonly change: (fields: FormFields) => Promise<string>;
    },
  ): Promise<FastifyReply> {
    const fields = formFields(request.body);
    const view = viewOf(request);
    let destination: string;
    try {
      destination = await options.change(fields);
    } catch (error) {
      const year = options.year === undefined ? {} : { year: options.year };
      if (isEditConflict(error)) {
        const { rows, isDeleted } = structureConflictRows(
          view,
          error.current,
          fields,
        );
        const conflict: ConflictView = {
          changes: error.changes.map((event) => presentAuditEvent(view, event)),
          rows,
          isDeleted,
          formHref: `#${options.form}`,
        };
        const failed: FailedForm = {
          form: options.form,
          values: fields,
          errors: {},
          summary: [],
          messages: [],
          ...(options.lists === undefined ? {} : { lists: options.lists }),
        };
        return render(request, reply, options.page, 409, {
          failed,
          conflict,
          ...year,
        });
      }
      if (isAppError(error, "ERR_VALIDATION")) {
        const failed = placeProblems(
          options.form,
          fields,
          error.problems,
          pathMapper(options.fields, options.rows),
          (field) => labelOf(view, field),
          options.lists,
        );
        return render(request, reply, options.page, 400, { failed, ...year });
      }
      if (isAppError(error, "ERR_FORBIDDEN"))
        return sendHtmlError(error, request, reply);
      throw error;
    }
    return reply.redirect(destination, 303);
  }

  const policy = { policy: "admin" as const };

  app.get(
    EDITOR_ROUTES.programme,
    {
      config: policy,
      schema: { hide: true, params: Params, querystring: ProgrammeQuery },
    },
    async (request, reply) => {
      const year = /^\d{4}$/.test(request.query.jahr ?? "")
        ? Number(request.query.jahr)
        : undefined;
      return render(
        request,
        reply,
        "programme",
        200,
        year === undefined ? {} : { year },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.programme,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { slug } = request.params;
      const fields = formFields(request.body);
      const count = Math.min(
        Math.max(Number.parseInt(fields.ziele ?? "0", 10) || 0, 0),
        60,
      );
      const rows: number[] = [];
      const goals: { title: string; description: string | null }[] = [];
      for (let index = 0; index < count; index += 1) {
        const title = (fields[`ziel-${index}`] ?? "").trim();
        const description = (fields[`ziel-${index}-text`] ?? "").trim();
        if (title === "" && description === "") continue;
        goals.push({
          title,
          description: description === "" ? null : description,
        });
        rows.push(index);
      }
      return handle(request, reply, {
        page: "programme",
        form: "programm",
        fields: PROGRAMME_FIELDS,
        rows,
        change: async (sent) => {
          const data: UpdateProgrammeInput["data"] = {
            title: (sent.titel ?? "").trim(),
            subtitle: sent.untertitel ?? null,
            horizonStart: numberOf(sent.von),
            horizonEnd: numberOf(sent.bis),
            summary: sent.einleitung ?? null,
            goals,
          };
          await updateProgramme(
            ctx,
            request.principal,
            {
              municipality: slug,
              expectedVersion: formVersion(sent),
              reason: reasonOf(sent),
              data,
            },
            originOf(request),
          );
          return viewOf(request).link(editorPaths.programme(slug), {
            gespeichert: "programm",
          });
        },
      });
    },
  );

  app.post(
    EDITOR_ROUTES.priorities,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { slug } = request.params;
      const fields = formFields(request.body);
      const year = numberOf(fields.jahr);
      const count = Math.min(
        Math.max(Number.parseInt(fields.zeilen ?? "0", 10) || 0, 0),
        60,
      );
      const rows: number[] = [];
      const lists: Record<string, readonly string[]> = {};
      const priorities: { title: string; projects: string[] }[] = [];
      for (let index = 0; index < count; index += 1) {
        const title = (fields[`prioritaet-${index}`] ?? "").trim();
        const projects = [
          ...formValues(request.body, `prioritaet-${index}-projekte`),
        ];
        lists[`prioritaet-${index}-projekte`] = projects;
        if (title === "" && projects.length === 0) continue;
        priorities.push({ title, projects });
        rows.push(index);
      }
      return handle(request, reply, {
        page: "programme",
        form: "prioritaeten",
        fields: PRIORITY_FIELDS,
        rows,
        lists,
        ...(Number.isInteger(year) ? { year } : {}),
        change: async (sent) => {
          await setPriorities(
            ctx,
            request.principal,
            {
              municipality: slug,
              expectedVersion: formVersion(sent),
              reason: reasonOf(sent),
              year,
              data: { priorities },
            },
            originOf(request),
          );
          return viewOf(request).link(editorPaths.programme(slug), {
            gespeichert: "prioritaeten",
            jahr: String(year),
          });
        },
      });
    },
  );

  app.get(
    EDITOR_ROUTES.structure,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => render(request, reply, "structure", 200),
  );

  app.post(
    EDITOR_ROUTES.impactAreas,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { slug } = request.params;
      return handle(request, reply, {
        page: "structure",
        form: "wb-neu",
        fields: IMPACT_AREA_FIELDS,
        change: async (sent) => {
          await createImpactArea(
            ctx,
            request.principal,
            {
              municipality: slug,
              reason: reasonOf(sent),
              data: {
                key: (sent.schluessel ?? "").trim(),
                name: sent.name ?? "",
                description: sent.beschreibung ?? null,
              },
            },
            originOf(request),
          );
          return viewOf(request).link(editorPaths.structure(slug), {
            gespeichert: "wirkungsbereich",
          });
        },
      });
    },
  );

  app.post(
    EDITOR_ROUTES.impactArea,
    { config: policy, schema: { hide: true, params: KeyParams } },
    async (request, reply) => {
      const { slug, key } = request.params;
      return handle(request, reply, {
        page: "structure",
        form: `wb-${key}`,
        fields: IMPACT_AREA_FIELDS,
        change: async (sent) => {
          await updateImpactArea(
            ctx,
            request.principal,
            {
              municipality: slug,
              impactArea: key,
              expectedVersion: formVersion(sent),
              reason: reasonOf(sent),
              data: {
                name: sent.name ?? "",
                description: sent.beschreibung ?? null,
              },
            },
            originOf(request),
          );
          return `${viewOf(request).link(editorPaths.structure(slug), { gespeichert: "wirkungsbereich" })}#wb-${key}`;
        },
      });
    },
  );

  app.post(
    EDITOR_ROUTES.actionFields,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { slug } = request.params;
      return handle(request, reply, {
        page: "structure",
        form: "af-neu",
        fields: ACTION_FIELD_FIELDS,
        change: async (sent) => {
          const data: CreateActionFieldInput["data"] = {
            impactArea: sent.wirkungsbereich ?? "",
            key: (sent.schluessel ?? "").trim(),
            number: numberOf(sent.nummer),
            name: sent.name ?? "",
            colour: (sent.farbe ?? "").trim(),
            description: sent.beschreibung ?? null,
          };
          await createActionField(
            ctx,
            request.principal,
            { municipality: slug, reason: reasonOf(sent), data },
            originOf(request),
          );
          return viewOf(request).link(editorPaths.structure(slug), {
            gespeichert: "aktionsfeld",
          });
        },
      });
    },
  );

  app.post(
    EDITOR_ROUTES.actionField,
    { config: policy, schema: { hide: true, params: KeyParams } },
    async (request, reply) => {
      const { slug, key } = request.params;
      return handle(request, reply, {
        page: "structure",
        form: `af-${key}`,
        fields: ACTION_FIELD_FIELDS,
        change: async (sent) => {
          const data: UpdateActionFieldInput["data"] = {
            number: numberOf(sent.nummer),
            name: sent.name ?? "",
            colour: (sent.farbe ?? "").trim(),
            description: sent.beschreibung ?? null,
          };
          await updateActionField(
            ctx,
            request.principal,
            {
              municipality: slug,
              actionField: key,
              expectedVersion: formVersion(sent),
              reason: reasonOf(sent),
              data,
            },
            originOf(request),
          );
          return `${viewOf(request).link(editorPaths.structure(slug), { gespeichert: "aktionsfeld" })}#af-${key}`;
        },
      });
    },
  );

  app.get(
    EDITOR_ROUTES.orgUnits,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => render(request, reply, "orgUnits", 200),
  );

  app.post(
    EDITOR_ROUTES.orgUnits,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { slug } = request.params;
      return handle(request, reply, {
        page: "orgUnits",
        form: "oe-neu",
        fields: ORG_UNIT_FIELDS,
        change: async (sent) => {
          const data = {
            code: (sent.kuerzel ?? "").trim(),
            name: sent.name ?? "",
            kind: (sent.art ?? "") as CreateOrgUnitInput["data"]["kind"],
            parent:
              (sent.uebergeordnet ?? "") === ""
                ? null
                : (sent.uebergeordnet ?? null),
          };
          await createOrgUnit(
            ctx,
            request.principal,
            { municipality: slug, reason: reasonOf(sent), data },
            originOf(request),
          );
          return viewOf(request).link(editorPaths.orgUnits(slug), {
            gespeichert: "einheit",
          });
        },
      });
    },
  );

  app.post(
    EDITOR_ROUTES.orgUnit,
    { config: policy, schema: { hide: true, params: CodeParams } },
    async (request, reply) => {
      const { slug, code } = request.params;
      return handle(request, reply, {
        page: "orgUnits",
        form: `oe-${code}`,
        fields: ORG_UNIT_FIELDS,
        change: async (sent) => {
          const data = {
            name: sent.name ?? "",
            kind: (sent.art ?? "") as UpdateOrgUnitInput["data"]["kind"],
            parent:
              (sent.uebergeordnet ?? "") === ""
                ? null
                : (sent.uebergeordnet ?? null),
          };
          await updateOrgUnit(
            ctx,
            request.principal,
            {
              municipality: slug,
              orgUnit: code,
              expectedVersion: formVersion(sent),
              reason: reasonOf(sent),
              data,
            },
            originOf(request),
          );
          return `${viewOf(request).link(editorPaths.orgUnits(slug), { gespeichert: "einheit" })}#oe-${code}`;
        },
      });
    },
  );

  app.get(
    EDITOR_ROUTES.newProject,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => render(request, reply, "newProject", 200),
  );

  app.post(
    EDITOR_ROUTES.projects,
    { config: policy, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const { slug } = request.params;
      return handle(request, reply, {
        page: "newProject",
        form: "projekt-neu",
        fields: NEW_PROJECT_FIELDS,
        change: async (sent) => {
          const lead = (sent.federfuehrend ?? "").trim();
          const data = {
            actionField: sent.aktionsfeld ?? "",
            slug: (sent.kurzname ?? "").trim(),
            code: (sent.nummer ?? "").trim(),
            title: (sent.titel ?? "").trim(),
            summary: (sent.zusammenfassung ?? "").trim(),
            status: (sent.status ?? "") as CreateProjectInput["data"]["status"],
            tags: parseTags(sent.schlagwoerter ?? ""),
            responsibilities:
              lead === "" ? [] : [{ orgUnit: lead, role: "lead" as const }],
          };
          const result = await createProject(
            ctx,
            request.principal,
            { municipality: slug, reason: reasonOf(sent), data },
            originOf(request),
          );
          return viewOf(request).link(
            editorPaths.project(slug, result.project.slug),
            { gespeichert: "projekt" },
          );
        },
      });
    },
  );
}
