/**
 * The catalogue's frame in the editor (administrators): programme and priorities, impact
 * areas and action fields, org units, and creating a project. Same pattern as the project
 * forms: formAction with the form's schema, use case → 303 with a notice, or the page
 * again with problems (400), the conflict (409) or the refusal (403, logged by the use case).
 */
import { FLAT_ROOT_KEY } from "../../domain/catalogue/levels.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
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
import { updateLevels } from "../../app/catalogue/update-levels.js";
import type { AppContext } from "../../app/context.js";
import { AppError } from "../../errors.js";
import { type ViewContext } from "../components/view.js";
import { MunicipalityParams } from "../http/params.js";
import { runUseCase } from "../http/use-case.js";
import { sendStaffPage } from "../http/staff-page.js";
import { formAction, type FormFailure } from "../http/form-action.js";
import { reasonOrNull } from "../http/form-schema.js";
import { pathMapper } from "../http/path-mapper.js";
import type { ConflictRow } from "./conflict-notice.js";
import { EDITOR_ROUTES, editorPaths } from "./editor-paths.js";
import type { FormFields } from "../components/form/failed-form.js";
import { noticeOf, type EditorSection } from "./editor-view.js";
import { calendarDateOf, germanDayOf } from "../../domain/calendar/calendar.js";
import {
  ActionFieldBody,
  ImpactAreaBody,
  LevelsBody,
  NewActionFieldBody,
  NewImpactAreaBody,
  NewOrgUnitBody,
  NewProjectBody,
  OrgUnitBody,
  PrioritiesBody,
  ProgrammeBody,
} from "./editor-forms.js";
import { fieldList, fieldText } from "../http/form-schema.js";
import { parseTags } from "./project-forms.js";
import {
  NewProjectPage,
  OrgUnitsEditPage,
  ProgrammeEditPage,
  StructureEditPage,
} from "./structure-pages.js";

/** What the structure routes need. */
export interface StructureRoutesOptions {
  readonly ctx: AppContext;
}

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
const LEVELS_FIELDS = {
  flat: "flach",
  "impactArea/singular": "wb-einzahl",
  "impactArea/plural": "wb-mehrzahl",
  "actionField/singular": "af-einzahl",
  "actionField/plural": "af-mehrzahl",
  "project/singular": "projekt-einzahl",
  "project/plural": "projekt-mehrzahl",
  "measure/singular": "massnahme-einzahl",
  "measure/plural": "massnahme-mehrzahl",
  orgUnitKinds: "arten",
  "orgUnitKinds/*": "arten",
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
    flach: t.fieldFlat,
    "wb-einzahl": t.fieldLevelSingular(t.levelTop),
    "wb-mehrzahl": t.fieldLevelPlural(t.levelTop),
    "af-einzahl": t.fieldLevelSingular(t.levelSecond),
    "af-mehrzahl": t.fieldLevelPlural(t.levelSecond),
    "projekt-einzahl": t.fieldLevelSingular(t.levelThird),
    "projekt-mehrzahl": t.fieldLevelPlural(t.levelThird),
    "massnahme-einzahl": t.fieldLevelSingular(t.levelFourth),
    "massnahme-mehrzahl": t.fieldLevelPlural(t.levelFourth),
    arten: t.fieldOrgUnitKinds,
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
    slug: string,
    page: StructurePage,
    failure?: FormFailure,
    year?: number,
  ): Promise<FastifyReply> {
    return sendStaffPage(request, reply, failure?.status ?? 200, {
      section: sectionOf[page],
      load: () => runUseCase(ctx, request, getStructureForEditing, slug),
      notice: (view, data) =>
        failure === undefined
          ? noticeOf(request, view, data.catalogue)
          : undefined,
      failure,
      page: (frame, data) => {
        switch (page) {
          case "programme": {
            const today = calendarDateOf(germanDayOf(ctx.clock())).year;
            const fallback = Math.min(
              Math.max(today, data.programme.horizonStart),
              data.programme.horizonEnd,
            );
            return (
              <ProgrammeEditPage
                {...frame}
                data={data}
                year={year ?? fallback}
              />
            );
          }
          case "structure":
            return <StructureEditPage {...frame} data={data} />;
          case "orgUnits":
            return <OrgUnitsEditPage {...frame} data={data} />;
          case "newProject":
            return <NewProjectPage {...frame} data={data} />;
        }
      },
    });
  }

  /** A form of the frame: the page it is on, how use-case paths map to its fields, its rows. */
  function structureForm<P extends TObject, B extends TObject>(spec: {
    readonly params: P;
    readonly body: B;
    readonly page: StructurePage;
    readonly form: string | ((params: Static<P>) => string);
    readonly fields: Readonly<Record<string, string>>;
    /** The form rows behind the use case's list indexes (goals, priorities). */
    readonly rows?: (input: Static<B>) => readonly number[];
    readonly run: (
      input: Static<B>,
      request: FastifyRequest,
      params: Static<P>,
      view: ViewContext,
    ) => Promise<string>;
  }) {
    let rows: readonly number[] = [];
    return formAction({
      policy: "admin",
      params: spec.params,
      body: spec.body,
      form: spec.form,
      run: async (input, { request, params, view }) => {
        rows = spec.rows?.(input) ?? [];
        return spec.run(input, request, params, view);
      },
      render: ({ request, reply, fields }, failure) => {
        const year = /^\d{4}$/.test(fields.jahr ?? "")
          ? Number(fields.jahr)
          : undefined;
        return render(
          request,
          reply,
          slugOf(request.params),
          spec.page,
          failure,
          year,
        );
      },
      fieldOf: (path) => pathMapper(spec.fields, rows)(path),
      labelOf: (field, { view }) => labelOf(view, field),
      compare: (error, { view, fields }) =>
        isEditConflict(error)
          ? structureConflictRows(view, error.current, fields)
          : { rows: [] },
    });
  }

  app.get(
    EDITOR_ROUTES.programme,
    {
      config: policy,
      schema: {
        hide: true,
        params: MunicipalityParams,
        querystring: ProgrammeQuery,
      },
    },
    async (request, reply) => {
      const year = /^\d{4}$/.test(request.query.jahr ?? "")
        ? Number(request.query.jahr)
        : undefined;
      return render(
        request,
        reply,
        request.params.slug,
        "programme",
        undefined,
        year,
      );
    },
  );

  app.post(
    EDITOR_ROUTES.programme,
    structureForm({
      params: MunicipalityParams,
      body: ProgrammeBody,
      page: "programme",
      form: "programm",
      fields: PROGRAMME_FIELDS,
      rows: (input) => goalsOf(input).rows,
      run: async (input, request, { slug }, view) => {
        await runUseCase(ctx, request, updateProgramme, {
          municipality: slug,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
          data: {
            title: input.titel.trim(),
            subtitle: input.untertitel,
            horizonStart: input.von,
            horizonEnd: input.bis,
            summary: input.einleitung,
            goals: goalsOf(input).goals,
          },
        });
        return view.link(editorPaths.programme(slug), {
          gespeichert: "programm",
        });
      },
    }),
  );

  app.post(
    EDITOR_ROUTES.levels,
    structureForm({
      params: MunicipalityParams,
      body: LevelsBody,
      page: "programme",
      form: "ebenen",
      fields: LEVELS_FIELDS,
      run: async (input, request, { slug }, view) => {
        const level = (singular: string, plural: string) => ({
          singular: singular.trim(),
          plural: plural.trim(),
        });
        await runUseCase(ctx, request, updateLevels, {
          municipality: slug,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
          data: {
            flat: input.flach !== "",
            impactArea: level(input["wb-einzahl"], input["wb-mehrzahl"]),
            actionField: level(input["af-einzahl"], input["af-mehrzahl"]),
            project: level(input["projekt-einzahl"], input["projekt-mehrzahl"]),
            measure: level(
              input["massnahme-einzahl"],
              input["massnahme-mehrzahl"],
            ),
            orgUnitKinds: input.arten
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter((line) => line !== ""),
          },
        });
        return view.link(editorPaths.programme(slug), {
          gespeichert: "ebenen",
        });
      },
    }),
  );

  app.post(
    EDITOR_ROUTES.priorities,
    structureForm({
      params: MunicipalityParams,
      body: PrioritiesBody,
      page: "programme",
      form: "prioritaeten",
      fields: PRIORITY_FIELDS,
      rows: (input) => prioritiesOf(input).rows,
      run: async (input, request, { slug }, view) => {
        await runUseCase(ctx, request, setPriorities, {
          municipality: slug,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
          year: input.jahr,
          data: { priorities: prioritiesOf(input).priorities },
        });
        return view.link(editorPaths.programme(slug), {
          gespeichert: "prioritaeten",
          jahr: String(input.jahr),
        });
      },
    }),
  );

  /** A page of the frame without a form of its own to answer for. */
  function framePage(url: string, page: StructurePage): void {
    app.get(
      url,
      { config: policy, schema: { hide: true, params: MunicipalityParams } },
      async (request, reply) =>
        render(request, reply, request.params.slug, page),
    );
  }

  /**
   * The two forms of one kind of record on a list page of the frame: `<prefix>-neu` adds
   * one, `<prefix>-<id>` changes one; both go back to the list with the saved notice, a
   * changed record at its anchor.
   */
  function recordForms<
    N extends TObject,
    P extends TObject,
    B extends TObject,
  >(spec: {
    readonly page: "structure" | "orgUnits";
    readonly prefix: string;
    readonly saved: string;
    readonly fields: Readonly<Record<string, string>>;
    readonly create: {
      readonly url: string;
      readonly body: N;
      readonly run: (
        input: Static<N>,
        request: FastifyRequest,
        slug: string,
      ) => Promise<unknown>;
    };
    readonly update: {
      readonly url: string;
      readonly params: P;
      readonly body: B;
      /** The record's key or code in the route. */
      readonly id: (params: Static<P>) => string;
      readonly run: (
        input: Static<B>,
        request: FastifyRequest,
        slug: string,
        id: string,
      ) => Promise<unknown>;
    };
  }): void {
    const { page, prefix, fields } = spec;
    const listPath =
      page === "structure" ? editorPaths.structure : editorPaths.orgUnits;
    const savedLink = (view: ViewContext, slug: string): string =>
      view.link(listPath(slug), { gespeichert: spec.saved });
    app.post(
      spec.create.url,
      structureForm({
        params: MunicipalityParams,
        body: spec.create.body,
        page,
        form: `${prefix}-neu`,
        fields,
        run: async (input, request, { slug }, view) => {
          await spec.create.run(input, request, slug);
          return savedLink(view, slug);
        },
      }),
    );
    app.post(
      spec.update.url,
      structureForm({
        params: spec.update.params,
        body: spec.update.body,
        page,
        form: (params) => `${prefix}-${spec.update.id(params)}`,
        fields,
        run: async (input, request, params, view) => {
          const slug = slugOf(params);
          const id = spec.update.id(params);
          await spec.update.run(input, request, slug, id);
          return `${savedLink(view, slug)}#${prefix}-${id}`;
        },
      }),
    );
  }

  framePage(EDITOR_ROUTES.structure, "structure");

  recordForms({
    page: "structure",
    prefix: "wb",
    saved: "wirkungsbereich",
    fields: IMPACT_AREA_FIELDS,
    create: {
      url: EDITOR_ROUTES.impactAreas,
      body: NewImpactAreaBody,
      run: (input, request, slug) =>
        runUseCase(ctx, request, createImpactArea, {
          municipality: slug,
          reason: reasonOrNull(input.grund),
          data: {
            key: input.schluessel.trim(),
            name: input.name,
            description: input.beschreibung,
          },
        }),
    },
    update: {
      url: EDITOR_ROUTES.impactArea,
      params: KeyParams,
      body: ImpactAreaBody,
      id: ({ key }) => key,
      run: (input, request, slug, key) =>
        runUseCase(ctx, request, updateImpactArea, {
          municipality: slug,
          impactArea: key,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
          data: { name: input.name, description: input.beschreibung },
        }),
    },
  });

  recordForms({
    page: "structure",
    prefix: "af",
    saved: "aktionsfeld",
    fields: ACTION_FIELD_FIELDS,
    create: {
      url: EDITOR_ROUTES.actionFields,
      body: NewActionFieldBody,
      run: (input, request, slug) =>
        runUseCase(ctx, request, createActionField, {
          municipality: slug,
          reason: reasonOrNull(input.grund),
          data: {
            // A flat programme's form names no area: the field goes into its one root.
            impactArea:
              input.wirkungsbereich === ""
                ? FLAT_ROOT_KEY
                : input.wirkungsbereich,
            key: input.schluessel.trim(),
            number: input.nummer,
            name: input.name,
            colour: input.farbe.trim(),
            description: input.beschreibung,
          },
        }),
    },
    update: {
      url: EDITOR_ROUTES.actionField,
      params: KeyParams,
      body: ActionFieldBody,
      id: ({ key }) => key,
      run: (input, request, slug, key) =>
        runUseCase(ctx, request, updateActionField, {
          municipality: slug,
          actionField: key,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
          data: {
            number: input.nummer,
            name: input.name,
            colour: input.farbe.trim(),
            description: input.beschreibung,
          },
        }),
    },
  });

  framePage(EDITOR_ROUTES.orgUnits, "orgUnits");

  recordForms({
    page: "orgUnits",
    prefix: "oe",
    saved: "einheit",
    fields: ORG_UNIT_FIELDS,
    create: {
      url: EDITOR_ROUTES.orgUnits,
      body: NewOrgUnitBody,
      run: (input, request, slug) =>
        runUseCase(ctx, request, createOrgUnit, {
          municipality: slug,
          reason: reasonOrNull(input.grund),
          data: {
            code: input.kuerzel.trim(),
            name: input.name,
            kind: input.art,
            parent: emptyToNull(input.uebergeordnet),
          },
        }),
    },
    update: {
      url: EDITOR_ROUTES.orgUnit,
      params: CodeParams,
      body: OrgUnitBody,
      id: ({ code }) => code,
      run: (input, request, slug, code) =>
        runUseCase(ctx, request, updateOrgUnit, {
          municipality: slug,
          orgUnit: code,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
          data: {
            name: input.name,
            kind: input.art,
            parent: emptyToNull(input.uebergeordnet),
          },
        }),
    },
  });

  framePage(EDITOR_ROUTES.newProject, "newProject");

  app.post(
    EDITOR_ROUTES.projects,
    structureForm({
      params: MunicipalityParams,
      body: NewProjectBody,
      page: "newProject",
      form: "projekt-neu",
      fields: NEW_PROJECT_FIELDS,
      run: async (input, request, { slug }, view) => {
        const lead = input.federfuehrend.trim();
        const result = await runUseCase(ctx, request, createProject, {
          municipality: slug,
          reason: reasonOrNull(input.grund),
          data: {
            actionField: input.aktionsfeld,
            slug: input.kurzname.trim(),
            code: input.nummer.trim(),
            title: input.titel.trim(),
            summary: input.zusammenfassung.trim(),
            status: input.status,
            tags: parseTags(input.schlagwoerter),
            responsibilities:
              lead === "" ? [] : [{ orgUnit: lead, role: "lead" }],
          },
        });
        return view.link(editorPaths.project(slug, result.project.slug), {
          gespeichert: "projekt",
        });
      },
    }),
  );
}

const policy = { policy: "admin" as const };

/** The municipality of a frame route (every one has it). */
function slugOf(params: unknown): string {
  if (!Value.Check(MunicipalityParams, params))
    throw new AppError("ERR_NOT_FOUND");
  return params.slug;
}

/** An empty field as null (no parent unit). */
function emptyToNull(text: string): string | null {
  return text.trim() === "" ? null : text;
}

/** The goals of the programme form, without empty rows; `rows` gives each goal's form row. */
function goalsOf(input: Static<typeof ProgrammeBody>): {
  readonly goals: { title: string; description: string | null }[];
  readonly rows: readonly number[];
} {
  const goals: { title: string; description: string | null }[] = [];
  const rows: number[] = [];
  for (let index = 0; index < input.ziele; index += 1) {
    const title = fieldText(input, `ziel-${index}`).trim();
    const description = fieldText(input, `ziel-${index}-text`).trim();
    if (title === "" && description === "") continue;
    goals.push({ title, description: description === "" ? null : description });
    rows.push(index);
  }
  return { goals, rows };
}

/** The priorities of the form, without empty rows; `rows` gives each priority's form row. */
function prioritiesOf(input: Static<typeof PrioritiesBody>): {
  readonly priorities: { title: string; projects: string[] }[];
  readonly rows: readonly number[];
} {
  const priorities: { title: string; projects: string[] }[] = [];
  const rows: number[] = [];
  for (let index = 0; index < input.zeilen; index += 1) {
    const title = fieldText(input, `prioritaet-${index}`).trim();
    const projects = [...fieldList(input, `prioritaet-${index}-projekte`)];
    if (title === "" && projects.length === 0) continue;
    priorities.push({ title, projects });
    rows.push(index);
  }
  return { priorities, rows };
}
