/**
 * The bodies of the operators' forms. The rules (slug free and not reserved, the
 * Regionalschlüssel fits the Land, the e-mail address) stay with the use cases in
 * app/municipalities; the schemas only say what must not be empty and keep absurd
 * input out.
 */
import { Type } from "@sinclair/typebox";
import { FormRequiredText, FormText } from "../http/form-schema.js";

/** Creating a municipality. */
export const CreateMunicipalityBody = Type.Object({
  name: FormRequiredText(200, {
    formMessage: (t) => t.operations.nameRequired,
  }),
  slug: FormRequiredText(60, {
    formMessage: (t) => t.operations.slugRequired,
  }),
  state: FormRequiredText(40, {
    formMessage: (t) => t.operations.stateRequired,
  }),
  regionalKey: FormRequiredText(20, {
    formMessage: (t) => t.operations.regionalKeyRequired,
  }),
  website: FormText(300),
  contactEmail: FormText(254),
  template: FormText(80),
});

/** Inviting a municipality's administrator. */
export const InviteAdministratorBody = Type.Object({
  email: FormText(320),
  name: FormText(200),
  /** admin, editor or committee; empty means admin (a form from before the choice). */
  role: FormText(20),
});

/** Deactivating or reactivating, after the confirmation step. */
export const MunicipalityStateBody = Type.Object({ grund: FormText(1000) });
