/**
 * The pages of the catalogue as a spreadsheet: downloads and the upload form, and the
 * preview of an import with its counts per sheet, every changed cell and the button that
 * takes it over. Without JavaScript the upload page says that checking may take a
 * moment; with it, a progress indicator appears while the file is sent and checked.
 */
import type { SheetImportPreview } from "../../app/catalogue/sheets/import-sheets.js";
import { changeCount } from "../../app/catalogue/sheets/sheet-diff.js";
import { formKit } from "../components/form/form-kit.js";
import {
  EditorSection,
  FormFrame,
  type FormPageProps,
} from "../editor/form-frame.js";
import {
  ImportConfirmSection,
  ImportUploadForm,
  ImportList,
} from "../editor/import-preview.js";
import { sheetsPaths } from "./sheets-paths.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { BeforeAfterCells } from "../components/diff-cells/diff-cells.js";

/** The upload page. */
export function SheetsPage(
  props: FormPageProps & { readonly slug: string },
): JSX.Element {
  const { view, slug } = props;
  const t = view.t.sheets;
  const f = formKit(props);
  return (
    <FormFrame {...props} title={t.title} lead={t.lead}>
      <EditorSection id="export" title={t.exportHeading} intro={t.exportText}>
        <ul class="app-list app-list--bullet">
          <li>
            <a class="app-link" href={sheetsPaths.xlsx(slug)} safe>
              {t.downloadXlsx}
            </a>
          </li>
          <li>
            <a class="app-link" href={sheetsPaths.zip(slug)} safe>
              {t.downloadZip}
            </a>
          </li>
        </ul>
      </EditorSection>
      <EditorSection id="import" title={t.importHeading} intro={t.importText}>
        <ImportUploadForm
          action={view.link(sheetsPaths.sheets(slug))}
          csrfToken={props.csrfToken}
          failed={props.failed}
          label={t.fieldFile}
          hint={t.fieldFileHint}
          accept=".xlsx,.zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip"
          progress={{ note: t.mayTakeAMoment, uploading: t.uploading }}
        >
          {f.button(t.uploadButton)}
        </ImportUploadForm>
      </EditorSection>
    </FormFrame>
  );
}

/** The preview of an import. */
export function SheetPreviewPage(
  props: FormPageProps & {
    readonly slug: string;
    readonly token: string;
    readonly preview: SheetImportPreview;
  },
): JSX.Element {
  const { view, slug, preview } = props;
  const t = view.t.sheets;
  const f = formKit(props);
  const sheets = preview.sheets.filter((sheet) => changeCount(sheet) > 0);
  return (
    <FormFrame
      {...props}
      title={t.previewTitle}
      lead={t.previewLead(preview.fileName)}
    >
      <p class="app-heading-m" id="vorschau-summe" safe>
        {preview.total === 0 ? t.noChanges : t.changeTotal(preview.total)}
      </p>
      {preview.ignored.length === 0 ? (
        ""
      ) : (
        <EditorSection id="nicht-gelesen" title={t.ignoredHeading}>
          <ul class="app-list app-list--bullet">
            {preview.ignored.map((message) => (
              <li safe>{message}</li>
            ))}
          </ul>
        </EditorSection>
      )}
      {sheets.length === 0 ? (
        ""
      ) : (
        <DataTable
          id="vorschau-blaetter"
          caption={t.summaryCaption}
          isCaptionHidden
          columns={[
            t.sheetHeading,
            t.createdHeading,
            t.changedHeading,
            t.removedHeading,
          ]}
          numericFrom={1}
        >
          {sheets.map((sheet) => (
            <tr>
              <th scope="row">
                <a href={`#abschnitt-blatt-${sheet.sheet}`} safe>
                  {sheet.title}
                </a>
                {sheet.reordered ? (
                  <>
                    {" "}
                    <span class="app-hint" safe>
                      ({t.reordered})
                    </span>
                  </>
                ) : (
                  ""
                )}
              </th>
              <td class="app-table__numeric" safe>
                {String(sheet.created.length)}
              </td>
              <td class="app-table__numeric" safe>
                {String(sheet.changed.length)}
              </td>
              <td class="app-table__numeric" safe>
                {String(sheet.removed.length)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {sheets.map((sheet) => (
        <EditorSection id={`blatt-${sheet.sheet}`} title={sheet.title}>
          {sheet.changed.length === 0 ? (
            ""
          ) : (
            <DataTable
              variant="app-diff-table"
              caption={t.changedCaption(sheet.title)}
              isCaptionHidden
              columns={[
                t.lineHeading,
                t.keyHeading,
                t.columnHeading,
                t.beforeHeading,
                t.afterHeading,
              ]}
            >
              {sheet.changed.flatMap((row) =>
                row.cells.map((cell) => (
                  <tr>
                    <td safe>{row.line === null ? "" : String(row.line)}</td>
                    <th scope="row" lang={view.contentLang} safe>
                      {row.key}
                    </th>
                    <td safe>{cell.column}</td>
                    <BeforeAfterCells
                      before={cell.before}
                      after={cell.after}
                      lang={view.contentLang}
                    />
                  </tr>
                )),
              )}
            </DataTable>
          )}
          <ImportList
            heading={t.createdList(sheet.created.length)}
            headingLevel={3}
            items={sheet.created.map((row) =>
              row.line === null
                ? row.key
                : `${row.key} (${t.lineOf(row.line)})`,
            )}
            lang={view.contentLang}
          />
          <ImportList
            heading={t.removedList(sheet.removed.length)}
            headingLevel={3}
            items={sheet.removed.map((row) => row.key)}
            lang={view.contentLang}
          />
        </EditorSection>
      ))}
      {preview.total === 0 ? (
        ""
      ) : (
        <ImportConfirmSection
          kit={f}
          csrfToken={props.csrfToken}
          title={t.confirmHeading}
          text={t.confirmText}
          action={view.link(sheetsPaths.preview(slug, props.token))}
          base={preview.base}
          button={t.confirmButton}
        />
      )}
      <ParagraphLink
        href={view.link(sheetsPaths.sheets(slug))}
        text={t.backToSheets}
      />
    </FormFrame>
  );
}
