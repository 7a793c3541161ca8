/**
 * The answer to a stale save (409): nothing was saved and nothing overwritten; here is
 * who changed what since the form was opened, and field by field the value stored now
 * beside the one typed. The form below keeps the input.
 */
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import type { ViewContext } from "../components/view.js";
import { AuditList } from "./audit-list.js";
import type { PresentedAuditEvent } from "./audit.presenter.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";

/** A field whose stored value differs from the input. */
export interface ConflictRow {
  readonly label: string;
  readonly theirs: string;
  readonly yours: string;
}

/** What the notice shows. */
export interface ConflictView {
  readonly changes: readonly PresentedAuditEvent[];
  readonly rows: readonly ConflictRow[];
  /** The record itself is gone. */
  readonly isDeleted: boolean;
  /** The form that was sent, e.g. "#phase-12". */
  readonly formHref: string;
}

/** The conflict box at the top of the page. */
export function ConflictNotice(props: {
  readonly view: ViewContext;
  readonly conflict: ConflictView;
}): JSX.Element {
  const { view, conflict } = props;
  const t = view.t.editor;
  return (
    <NotificationBanner title={t.conflictTitle} kind="important">
      <p class="app-body-text" safe>
        {conflict.isDeleted ? t.conflictDeleted : t.conflictText}
      </p>
      {conflict.isDeleted ? (
        ""
      ) : (
        <ItemsOrNone items={conflict.rows} none={t.conflictSame}>
          <DataTable
            variant="app-diff-table"
            id="konflikt-unterschiede"
            caption={t.conflictTableCaption}
            columns={[t.conflictField, t.conflictTheirs, t.conflictYours]}
          >
            {conflict.rows.map((row) => (
              <tr>
                <th scope="row" safe>
                  {row.label}
                </th>
                <td lang={view.contentLang} safe>
                  {row.theirs}
                </td>
                <td lang={view.contentLang} safe>
                  {row.yours}
                </td>
              </tr>
            ))}
          </DataTable>
        </ItemsOrNone>
      )}
      {conflict.changes.length === 0 ? (
        ""
      ) : (
        <>
          <h3 class="app-heading-s" safe>
            {t.conflictChanges}
          </h3>
          <AuditList view={view} events={conflict.changes} headingLevel={4} />
        </>
      )}
      <ParagraphLink href={conflict.formHref} text={t.conflictGoToForm} />
    </NotificationBanner>
  );
}
