/**
 * A status as a small coloured tag (GOV.UK tag). Colour only repeats what the text says,
 * so nobody depends on telling colours apart (WCAG 1.4.1).
 */
import type {
  MeasureStatus,
  ProjectStatus,
} from "../../../domain/catalogue/catalogue.js";
import type { ViewContext } from "../view.js";

/** The status of a project as a tag. */
export function ProjectStatusTag(props: {
  view: ViewContext;
  status: ProjectStatus;
}): JSX.Element {
  return (
    <strong class={`app-tag app-tag--${props.status}`} safe>
      {props.view.t.projectStatus[props.status]}
    </strong>
  );
}

/** The status of an individual measure as a tag. */
export function MeasureStatusTag(props: {
  view: ViewContext;
  status: MeasureStatus;
}): JSX.Element {
  return (
    <strong class={`app-tag app-tag--measure-${props.status}`} safe>
      {props.view.t.measureStatus[props.status]}
    </strong>
  );
}
