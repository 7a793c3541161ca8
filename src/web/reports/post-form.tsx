/**
 * A reporting form that changes something: POST to its action, the CSRF token and the
 * version first (see formKit's meta), the browser's own checks off so that the server's
 * messages are the ones shown. With a legend, the fields stand in a fieldset under it.
 */
import type { formKit } from "../components/form/form-kit.js";
import {
  VersionedForm,
  type VersionedFormProps,
} from "../editor/form-frame.js";

/** The form kit of a page (formKit(props)). */
export type FormKit = ReturnType<typeof formKit>;

export function PostForm(props: VersionedFormProps): JSX.Element {
  return <VersionedForm {...props} novalidate />;
}
