/**
 * An SVG drawing that is one image for assistive technology: role="img", named by its
 * <title> and described by its <desc> (ids `<idPrefix>-titel` and
 * `<idPrefix>-beschreibung`). The caller hides the drawing itself from the accessibility
 * tree (a `<g aria-hidden="true">`), so that screen readers meet the image once.
 */
import type { Children } from "@kitajs/html";

export function SvgImage(props: {
  class: string;
  width: number;
  height: number;
  idPrefix: string;
  title: string;
  description: string;
  /** The id of an alternative with the same data (a table or list beside the image). */
  detailsId?: string | undefined;
  fontFamily?: string;
  children: Children;
}): JSX.Element {
  const titleId = `${props.idPrefix}-titel`;
  const descId = `${props.idPrefix}-beschreibung`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class={props.class}
      width={props.width}
      height={props.height}
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      aria-details={props.detailsId}
      font-family={props.fontFamily}
    >
      <title id={titleId} safe>
        {props.title}
      </title>
      <desc id={descId} safe>
        {props.description}
      </desc>
      {props.children}
    </svg>
  );
}
