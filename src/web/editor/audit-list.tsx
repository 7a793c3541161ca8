/**
 * A list of audit events (Verlauf, Protokoll, the changes behind an edit conflict): what
 * happened, when, who, why, and a small table of each changed field before and after.
 */
import { Html } from "@kitajs/html";
import type { ViewContext } from "../components/view.js";
import type { PresentedAuditEvent } from "./audit.presenter.js";
import { DataTable } from "../components/data-table/data-table.js";
import { BeforeAfterCells } from "../components/diff-cells/diff-cells.js";

/** Props of the list. */
export interface AuditListProps {
  readonly view: ViewContext;
  readonly events: readonly PresentedAuditEvent[];
  /** The heading level of each entry, so that the list fits the page's outline. */
  readonly headingLevel: 2 | 3 | 4;
  /** A link per entry, e.g. to the project it concerns. */
  readonly linkOf?: (
    event: PresentedAuditEvent,
  ) => { readonly href: string; readonly label: string } | null;
}

/** The events, newest first as given. */
export function AuditList(props: AuditListProps): JSX.Element {
  const { view } = props;
  const t = view.t.editor;
  const Heading = `h${props.headingLevel}` as const;
  return (
    <ol class="app-audit-list">
      {props.events.map((event) => {
        const link = props.linkOf?.(event) ?? null;
        return (
          <li class="app-audit-list__item">
            <Heading class="app-heading-s app-audit-list__heading">
              {Html.escapeHtml(
                event.subject.text === ""
                  ? event.heading
                  : `${event.heading}: `,
              )}
              {event.subject.text === "" ? (
                ""
              ) : (
                <span lang={event.subject.lang} safe>
                  {event.subject.text}
                </span>
              )}
            </Heading>
            <p class="app-audit-list__meta" safe>
              {t.auditWhoWhen(event.actor, event.when)}
            </p>
            {event.reason === null ? (
              ""
            ) : (
              <p class="app-audit-list__reason">
                <strong safe>{`${t.auditReason}: `}</strong>
                <span lang={view.contentLang} safe>
                  {event.reason}
                </span>
              </p>
            )}
            {event.rows.length === 0 ? (
              ""
            ) : (
              <DataTable
                variant="app-diff-table"
                caption={t.auditChangeCaption}
                isCaptionHidden
                columns={[t.auditFieldHeading, t.auditBefore, t.auditAfter]}
              >
                {event.rows.map((row) => (
                  <tr>
                    <th scope="row" safe>
                      {row.field}
                    </th>
                    <BeforeAfterCells
                      before={row.before}
                      after={row.after}
                      lang={view.contentLang}
                    />
                  </tr>
                ))}
              </DataTable>
            )}
            {link === null ? (
              ""
            ) : (
              <p class="app-audit-list__link">
                <a class="app-link" href={link.href} safe>
                  {link.label}
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
