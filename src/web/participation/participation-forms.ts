/** The form bodies of participation (ADR 0023): one schema per form. */
import { Type } from "@sinclair/typebox";
import {
  BODY_MAX,
  TITLE_MAX,
} from "../../domain/participation/participation.js";
import { FormCheckbox, FormText, FormVersion } from "../http/form-schema.js";
import { HONEYPOT_FIELDS } from "../http/honeypot.js";

/** An idea or feedback: kind, title, text, project, address, and the honeypot. */
export const SubmissionBody = Type.Object({
  art: FormText(20),
  titel: FormText(TITLE_MAX),
  text: FormText(BODY_MAX),
  projekt: FormText(200),
  email: FormText(254),
  ...HONEYPOT_FIELDS,
});

/** A barrier report: the same without kind and project. */
export const BarrierBody = Type.Object({
  titel: FormText(TITLE_MAX),
  text: FormText(BODY_MAX),
  email: FormText(254),
  ...HONEYPOT_FIELDS,
});

/** The moderation of one item. */
export const ModerationBody = Type.Object({
  version: FormVersion(),
  veroeffentlichen: FormCheckbox(),
  status: FormText(20),
  begruendung: FormText(2000),
  organisationseinheit: FormText(50),
  projekt: FormText(200),
  massnahme: FormText(20),
  fortschreibung: FormText(10),
  zusammengefuehrt: FormText(20),
});

/** The settings. */
export const ParticipationSettingsBody = Type.Object({
  modus: FormText(10),
  ueberfaellig: FormText(4),
  aufbewahrung: FormText(4),
});
