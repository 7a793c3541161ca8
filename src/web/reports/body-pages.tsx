/**
 * The staff page of a body's members: one form per member (name, group, role and the
 * explicit choice whether the name may be public), one to remove each, one to add.
 */
import type { ReportingOverview } from "../../app/reports/read-reports.js";
import { RadioGroup } from "../components/form/controls.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { formKit } from "../components/form/form-kit.js";
import { FormFrame, type FormPageProps } from "../editor/form-frame.js";
import { schemaField } from "../http/form-schema.js";
import { MemberBody } from "./report-forms.js";
import { reportPaths } from "./report-paths.js";

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
  const fields = (
    form: string,
    stored: { name: string; group: string; role: string },
  ) => (
    <>
      {f.text(
        form,
        schemaField(MemberBody, "name"),
        t.fieldMemberName,
        stored.name,
      )}
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(MemberBody, "gruppe"),
          t.fieldMemberGroup,
          stored.group,
          { hint: t.fieldMemberGroupHint },
        )}
        {f.text(
          form,
          schemaField(MemberBody, "rolle"),
          t.fieldMemberRole,
          stored.role,
          { hint: t.fieldMemberRoleHint },
        )}
      </div>
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
      <section
        class="app-section app-editor-section"
        aria-labelledby="abschnitt-mitglieder"
      >
        <h2 class="app-heading-l" id="abschnitt-mitglieder" safe>
          {t.membersHeading}
        </h2>
        {members.length === 0 ? (
          <p class="app-body-text" safe>
            {t.noMembers}
          </p>
        ) : (
          <ol class="app-measure-list">
            {members.map((member) => {
              const form = `mitglied-${member.id}`;
              const removeForm = `mitglied-${member.id}-entfernen`;
              return (
                <li class="app-measure-list__item">
                  <form
                    method="post"
                    action={view.link(
                      reportPaths.committeeMember(slug, body.id, member.id),
                    )}
                    class="app-editor-form"
                    id={form}
                    novalidate
                  >
                    <fieldset class="app-fieldset">
                      <legend
                        class="app-fieldset__legend"
                        lang={view.contentLang}
                        safe
                      >
                        {`${member.name} (${member.isPublic ? t.publicTag : t.internalTag})`}
                      </legend>
                      {f.meta(form, member.version)}
                      {fields(form, {
                        name: member.name,
                        group: member.group ?? "",
                        role: member.role ?? "",
                      })}
                      {visibility(
                        form,
                        member.isPublic ? "oeffentlich" : "intern",
                      )}
                      {f.reason(form)}
                      {f.button(t.saveMember)}
                    </fieldset>
                  </form>
                  <form
                    method="post"
                    action={view.link(
                      reportPaths.committeeMemberRemove(
                        slug,
                        body.id,
                        member.id,
                      ),
                    )}
                    class="app-editor-form"
                    id={removeForm}
                    novalidate
                  >
                    {f.meta(removeForm, member.version)}
                    <div class="app-button-group">
                      <button
                        type="submit"
                        class="app-button app-button--warning"
                        safe
                      >
                        {`${t.removeMember}: ${member.name}`}
                      </button>
                    </div>
                  </form>
                </li>
              );
            })}
          </ol>
        )}
        <form
          method="post"
          action={view.link(reportPaths.committeeMembers(slug, body.id))}
          class="app-editor-form"
          id="mitglied-neu"
          novalidate
        >
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend" safe>
              {t.newMember}
            </legend>
            {f.meta("mitglied-neu", null)}
            {fields("mitglied-neu", { name: "", group: "", role: "" })}
            {visibility("mitglied-neu", "")}
            {f.reason("mitglied-neu")}
            {f.button(t.addMember)}
          </fieldset>
        </form>
      </section>
      <p class="app-body-text">
        <a class="app-link" href={view.link(reportPaths.committees(slug))} safe>
          {t.backToBodies}
        </a>
      </p>
    </FormFrame>
  );
}
