/**
 * The staff page of a body's members: one form per member (name, group, role and the
 * explicit choice whether the name may be public), a link to remove each, one to add.
 */
import type { ReportingOverview } from "../../app/reports/read-reports.js";
import { RadioGroup } from "../components/form/controls.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { formKit } from "../components/form/form-kit.js";
import {
  FormFrame,
  type FormPageProps,
  EditorSection,
} from "../editor/form-frame.js";
import { schemaField } from "../http/form-schema.js";
import { MemberBody } from "./report-forms.js";
import { reportPaths } from "./report-paths.js";
import { RecordForms } from "./record-forms.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";

/** The members page of one body. */
export function MembersPage(
  props: FormPageProps & {
    readonly overview: ReportingOverview;
    readonly bodyId: number;
  },
): JSX.Element {
  const { view, overview, failed } = props;
  const t = view.t.bodies;
  const slug = overview.catalogue.municipality.slug;
  const body = overview.committees.find((each) => each.id === props.bodyId);
  const f = formKit(props);
  if (body === undefined) return <></>;
  const label = `${body.name} (${body.abbreviation})`;
  const members = overview.members.filter(
    (member) => member.bodyId === body.id,
  );
  const visibility = (form: string, stored: string) => (
    <RadioGroup
      id={`${form}-sichtbarkeit`}
      name={schemaField(MemberBody, "sichtbarkeit").name}
      label={t.fieldVisibility}
      value={valueOf(failed, form, "sichtbarkeit", stored)}
      error={errorOf(failed, form, "sichtbarkeit")}
      choices={[
        { value: "oeffentlich", label: t.visibilityPublic },
        { value: "intern", label: t.visibilityInternal },
      ]}
    />
  );
  /** A member's fields: a stored one's values, or a new one's empty fields (null). */
  const fields = (form: string, stored: (typeof members)[number] | null) => (
    <>
      {f.text(
        form,
        schemaField(MemberBody, "name"),
        t.fieldMemberName,
        stored?.name ?? "",
      )}
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(MemberBody, "gruppe"),
          t.fieldMemberGroup,
          stored?.group ?? "",
          { hint: t.fieldMemberGroupHint },
        )}
        {f.text(
          form,
          schemaField(MemberBody, "rolle"),
          t.fieldMemberRole,
          stored?.role ?? "",
          { hint: t.fieldMemberRoleHint },
        )}
      </div>
      {visibility(
        form,
        stored === null ? "" : stored.isPublic ? "oeffentlich" : "intern",
      )}
    </>
  );
  return (
    <FormFrame
      {...props}
      title={
        view.contentLang === undefined
          ? t.membersTitle(label)
          : t.membersTitle(body.abbreviation)
      }
      heading={
        view.contentLang === undefined ? undefined : (
          <>
            <span safe>{t.membersTitle("")}</span>
            <span lang={view.contentLang} safe>
              {label}
            </span>
          </>
        )
      }
      lead={t.membersLead}
    >
      <EditorSection id="mitglieder" title={t.membersHeading}>
        <RecordForms
          kit={f}
          records={members}
          prefix="mitglied"
          empty={t.noMembers}
          action={(member) =>
            view.link(reportPaths.committeeMember(slug, body.id, member.id))
          }
          legend={(member) =>
            `${member.name} (${member.isPublic ? t.publicTag : t.internalTag})`
          }
          legendLang={view.contentLang}
          fields={fields}
          save={t.saveMember}
          below={(member) => (
            <ParagraphLink
              href={view.link(
                reportPaths.committeeMemberRemove(slug, body.id, member.id),
              )}
              text={`${t.removeMember}: ${member.name}`}
            />
          )}
          create={{
            action: view.link(reportPaths.committeeMembers(slug, body.id)),
            legend: t.newMember,
            button: t.addMember,
          }}
        />
      </EditorSection>
      <ParagraphLink
        href={view.link(reportPaths.committees(slug))}
        text={t.backToBodies}
      />
    </FormFrame>
  );
}
