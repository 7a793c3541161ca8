/**
 * What a project's heading says: its code, then its title in the municipality's language,
 * linked to the project's page where the caller gives a link.
 */
import type { ViewContext } from "../view.js";
import { LinkedText } from "../linked-text/linked-text.js";

/** The code and the title of a project, the title linked when there is an href. */
export function ProjectCodeTitle(props: {
  readonly view: ViewContext;
  readonly code: string;
  readonly title: string;
  /** Where the title leads; null or absent for a plain title (print, no page). */
  readonly href?: string | null | undefined;
}): JSX.Element {
  return (
    <>
      <span class="app-project__code" safe>
        {props.code}
      </span>{" "}
      <LinkedText
        text={props.title}
        href={props.href}
        lang={props.view.contentLang}
      />
    </>
  );
}
