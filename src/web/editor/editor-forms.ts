/**
 * The bodies of the editor's forms: field names (German, as in the HTML), limits and the
 * messages of the checks the form makes itself. The limits are those of the use cases'
 * schemas, so the browser's maxlength never cuts off what would be accepted; the rules
 * of the catalogue (dates, cycles, contrast) stay with the use cases.
 */
import { Type } from "@sinclair/typebox";
import {
  MEASURE_STATUSES,
  PROJECT_STATUSES,
} from "../../domain/catalogue/catalogue.js";
import {
  FormCheckbox,
  FormChoice,
  FormInteger,
  FormList,
  FormReason,
  FormRequiredText,
  FormText,
  formRows,
  VersionedChange,
} from "../http/form-schema.js";

/** How many rows a list form (goals, priorities, responsibilities) may send. */
export const MAX_FORM_ROWS = 60;

/** The number of rows a list form sends. */
const RowCount = () =>
  FormInteger({ minimum: 0, maximum: MAX_FORM_ROWS, formHidden: true });

/** A change without fields of its own (delete, remove): version and reason. */
export const VersionedBody = Type.Object(VersionedChange);

/** A delete of a phase, measure or dependency: "ja" once the person has confirmed it. */
export const DeleteBody = Type.Object({
  ...VersionedChange,
  bestaetigt: FormText(10),
});

/** Basic data of a project. */
export const ProjectFieldsBody = Type.Object({
  ...VersionedChange,
  titel: FormText(200),
  zusammenfassung: FormText(5000),
  status: FormChoice(PROJECT_STATUSES),
  schlagwoerter: FormText(2000),
});

/** A phase: label, start and end typed the German way, open end with its continuation, note. */
export const PhaseBody = Type.Object({
  ...VersionedChange,
  bezeichnung: FormText(80),
  beginn: FormText(40),
  ende: FormText(40),
  offen: FormCheckbox(),
  fortsetzung: FormText(20),
  notiz: FormText(500),
});

/** A measure: title and status. */
export const MeasureBody = Type.Object({
  ...VersionedChange,
  titel: FormText(300),
  status: FormChoice(MEASURE_STATUSES),
  beginn: FormText(40),
  ende: FormText(40),
  einheit: FormText(40),
  phase: FormText(80),
  beschreibung: FormText(500),
});

/** Moving a measure with the buttons "Nach oben" / "Nach unten". */
export const MeasureMoveBody = Type.Object({
  ...VersionedChange,
  richtung: FormChoice(["hoch", "runter"], {
    formMessage: (t) => t.form.moveDirectionRequired,
  }),
});

/** The responsibilities, one row per unit: unit, role, note, "remove". */
export const ResponsibilitiesBody = Type.Object({
  ...VersionedChange,
  zeilen: RowCount(),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `einheit-${number}` => `einheit-${index}`,
    () => FormText(40),
  ),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `rolle-${number}` => `rolle-${index}`,
    () => FormText(20),
  ),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `notiz-${number}` => `notiz-${index}`,
    () => FormText(300),
  ),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `entfernen-${number}` => `entfernen-${index}`,
    () => FormCheckbox(),
  ),
});

/** A dependency on another project. */
export const DependencyBody = Type.Object({
  ...VersionedChange,
  projekt: FormRequiredText(80, {
    formMessage: (t) => t.editor.dependencyRequired,
  }),
});

/** Deleting a project: the confirmation must be ticked. */
export const ProjectDeleteBody = Type.Object({
  ...VersionedChange,
  bestaetigung: FormRequiredText(10, {
    formMessage: (t) => t.editor.deleteConfirmRequired,
  }),
});

/** The programme's frame with its goals. */
export const ProgrammeBody = Type.Object({
  ...VersionedChange,
  titel: FormText(200),
  untertitel: FormText(300),
  von: FormInteger({ minimum: 1990, maximum: 2100 }),
  bis: FormInteger({ minimum: 1990, maximum: 2100 }),
  einleitung: FormText(5000),
  ziele: RowCount(),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `ziel-${number}` => `ziel-${index}`,
    () => FormText(1000),
  ),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `ziel-${number}-text` => `ziel-${index}-text`,
    () => FormText(2000),
  ),
});

/** The names of the levels, the flat switch and the org unit kinds (one per line). */
export const LevelsBody = Type.Object({
  ...VersionedChange,
  flach: FormCheckbox(),
  "wb-einzahl": FormText(40),
  "wb-mehrzahl": FormText(40),
  "af-einzahl": FormText(40),
  "af-mehrzahl": FormText(40),
  "projekt-einzahl": FormText(40),
  "projekt-mehrzahl": FormText(40),
  "massnahme-einzahl": FormText(40),
  "massnahme-mehrzahl": FormText(40),
  arten: FormText(2000),
});

/** The priorities of a year: a title and projects per row. */
export const PrioritiesBody = Type.Object({
  ...VersionedChange,
  jahr: FormInteger({ minimum: 1990, maximum: 2100, formHidden: true }),
  zeilen: RowCount(),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `prioritaet-${number}` => `prioritaet-${index}`,
    () => FormText(300),
  ),
  ...formRows(
    MAX_FORM_ROWS,
    (index): `prioritaet-${number}-projekte` => `prioritaet-${index}-projekte`,
    () => FormList(80, 200),
  ),
});

/** A new impact area. */
export const NewImpactAreaBody = Type.Object({
  grund: FormReason(),
  schluessel: FormText(80),
  name: FormText(120),
  beschreibung: FormText(5000),
});

/** Changing an impact area. */
export const ImpactAreaBody = Type.Object({
  ...VersionedChange,
  name: FormText(120),
  beschreibung: FormText(5000),
});

/** A new action field. */
export const NewActionFieldBody = Type.Object({
  grund: FormReason(),
  wirkungsbereich: FormText(80),
  schluessel: FormText(80),
  nummer: FormInteger({ minimum: 1, maximum: 99 }),
  name: FormText(120),
  farbe: FormText(7),
  beschreibung: FormText(5000),
});

/** Changing an action field. */
export const ActionFieldBody = Type.Object({
  ...VersionedChange,
  nummer: FormInteger({ minimum: 1, maximum: 99 }),
  name: FormText(120),
  farbe: FormText(7),
  beschreibung: FormText(5000),
});

/** A new org unit. */
export const NewOrgUnitBody = Type.Object({
  grund: FormReason(),
  kuerzel: FormText(40),
  name: FormText(200),
  art: FormText(40),
  uebergeordnet: FormText(40),
});

/** Changing an org unit. */
export const OrgUnitBody = Type.Object({
  ...VersionedChange,
  name: FormText(200),
  art: FormText(40),
  uebergeordnet: FormText(40),
});

/** A new project. */
export const NewProjectBody = Type.Object({
  grund: FormReason(),
  aktionsfeld: FormText(80),
  kurzname: FormText(80),
  nummer: FormText(20),
  titel: FormText(200),
  zusammenfassung: FormText(5000),
  status: FormChoice(PROJECT_STATUSES),
  schlagwoerter: FormText(2000),
  federfuehrend: FormText(40),
});
