/**
 * The button that sends a form, in the button group that keeps it apart from the fields,
 * with what stands beside it (a cancel link, a second button).
 */
import type { Children } from "@kitajs/html";

/** How the button looks: the main action, a lesser one, or one that is hard to undo. */
export type SubmitKind = "primary" | "secondary" | "warning";

/** The submit button of a form and what stands beside it. */
export function SubmitButtons(props: {
  readonly label: string;
  readonly kind?: SubmitKind | undefined;
  readonly children?: Children;
}): JSX.Element {
  const kind = props.kind ?? "primary";
  return (
    <div class="app-button-group">
      <button
        type="submit"
        class={["app-button", kind !== "primary" && `app-button--${kind}`]}
        safe
      >
        {props.label}
      </button>
      {props.children}
    </div>
  );
}
