/**
 * The bodies of the forms of the revision (reasons, foreword, publishing) and of the reason
 * categories: field names, limits and the messages of the form's own checks. The rules of
 * publishing (reasons complete, conflicts confirmed) stay with the use cases.
 */
import { Type } from "@sinclair/typebox";
import {
  FormCheckbox,
  FormRequiredText,
  FormText,
  FormVersion,
} from "../http/form-schema.js";

/** The reason of one change of the draft: its key, category and text. */
export const DraftReasonBody = Type.Object({
  version: FormVersion(),
  schluessel: Type.String({ maxLength: 300, formHidden: true }),
  kategorie: FormRequiredText(60, {
    formMessage: (t) => t.form.reasonCategoryRequired,
  }),
  text: FormText(2000),
});

/** The foreword of the next edition. */
export const DraftForewordBody = Type.Object({
  version: FormVersion(),
  vorwort: FormText(20000),
});

/** Publishing the draft as the next edition. */
export const PublishBody = Type.Object({
  /** The data version the page showed; a different one means the draft changed meanwhile. */
  stand: FormVersion(),
  titel: FormText(120),
  datum: FormText(40),
  beschluss: FormText(500),
  "beschluss-adresse": FormText(500),
  "oparl-vorlage": FormText(2000),
  bestaetigt: FormCheckbox(),
});

/** A new reason category. */
export const NewReasonCategoryBody = Type.Object({
  schluessel: FormText(60),
  bezeichnung: FormText(80),
  erlaeuterung: FormCheckbox(),
});

/** Changing a reason category. */
export const ReasonCategoryBody = Type.Object({
  version: FormVersion(),
  bezeichnung: FormText(80),
  erlaeuterung: FormCheckbox(),
});

/** Removing a reason category. */
export const RemoveReasonCategoryBody = Type.Object({
  version: FormVersion(),
});
