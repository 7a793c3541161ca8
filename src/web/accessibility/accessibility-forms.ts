/**
 * The body of the accessibility statement form: field names and limits. The rules (a
 * status from the list, a real date, an address, reason beside content) stay with the use case.
 */
import { Type, type TSchema } from "@sinclair/typebox";
import { MAX_KNOWN_BARRIERS } from "../../domain/accessibility/statement.js";
import { FormText, type RowFieldName } from "../http/form-schema.js";

/** The row fields of one non-accessible content, numbered from 0. */
export const barrierField = {
  content: (row: number): RowFieldName => `inhalt-${row}`,
  reason: (row: number): RowFieldName => `grund-${row}`,
  alternative: (row: number): RowFieldName => `alternative-${row}`,
};

const rows: Record<string, TSchema> = {};
for (let row = 0; row < MAX_KNOWN_BARRIERS; row++) {
  rows[barrierField.content(row)] = FormText(500);
  rows[barrierField.reason(row)] = FormText(1000);
  rows[barrierField.alternative(row)] = FormText(1000);
}

/** Status, last review, contact, and up to MAX_KNOWN_BARRIERS rows of non-accessible content. */
export const StatementSettingsBody = Type.Object({
  stand: FormText(20),
  "letzte-pruefung": FormText(20),
  "kontakt-email": FormText(200),
  "kontakt-telefon": FormText(60),
  "kontakt-anschrift": FormText(500),
  ...(rows as Record<string, ReturnType<typeof FormText>>),
});
