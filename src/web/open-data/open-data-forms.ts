/**
 * The body of the open data settings form: field names and limits. The rules (a licence
 * from the list, a Regionalschlüssel of 12 digits, web origins) stay with the use case.
 */
import { Type } from "@sinclair/typebox";
import { FormText } from "../http/form-schema.js";

/** Licence, amtlicher Regionalschlüssel and the websites that may embed the portal's pages. */
export const OpenDataSettingsBody = Type.Object({
  lizenz: FormText(60),
  regionalschluessel: FormText(20),
  einbettung: FormText(4000),
});

/** The OParl endpoint to synchronise with (empty: the one of the last sync). */
export const OparlSyncBody = Type.Object({
  "oparl-adresse": FormText(2000),
});
