/**
 * The parts a file import in the editor is made of (the catalogue's spreadsheets, the OZG
 * register): the upload form "import" with its file field, the lists of what a preview
 * adds or removes, and the section that takes a previewed import over.
 */
import type { Children } from "@kitajs/html";
import { CsrfField } from "../components/form/csrf-field.js";
import { errorOf, type FailedForm } from "../components/form/failed-form.js";
import type { formKit } from "../components/form/form-kit.js";
import { EditorSection } from "./form-frame.js";

/** The file field "datei" of the upload form "import", with its hint and its error. */
function ImportFileField(props: {
  readonly failed: FailedForm | undefined;
  readonly label: string;
  readonly hint: string;
  /** The file types the browser offers to pick. */
  readonly accept: string;
}): JSX.Element {
  const error = errorOf(props.failed, "import", "datei");
  return (
    <div
      class={["app-form-group", error !== undefined && "app-form-group--error"]}
    >
      <label class="app-label" for="import-datei" safe>
        {props.label}
      </label>
      <p class="app-hint" id="import-datei-hinweis" safe>
        {props.hint}
      </p>
      {error === undefined ? (
        ""
      ) : (
        <p class="app-error-message" id="import-datei-fehler" safe>
          {error}
        </p>
      )}
      <input
        class="app-file-upload"
        type="file"
        id="import-datei"
        name="datei"
        accept={props.accept}
        aria-describedby={
          error === undefined
            ? "import-datei-hinweis"
            : "import-datei-hinweis import-datei-fehler"
        }
      />
    </div>
  );
}

/**
 * The upload form "import": the file field first, then the caller's fields and button.
 * With `progress`, a note that checking may take a moment and, with JavaScript, a
 * progress indicator while the file is sent and checked.
 */
export function ImportUploadForm(props: {
  readonly action: string;
  readonly csrfToken: string;
  readonly failed: FailedForm | undefined;
  readonly label: string;
  readonly hint: string;
  /** The file types the browser offers to pick. */
  readonly accept: string;
  readonly progress?: { readonly note: string; readonly uploading: string };
  readonly children?: Children;
}): JSX.Element {
  const { progress } = props;
  return (
    <form
      method="post"
      action={props.action}
      enctype="multipart/form-data"
      class="app-editor-form"
      id="import"
      data-module={progress === undefined ? undefined : "app-upload-progress"}
      novalidate
    >
      <CsrfField token={props.csrfToken} />
      <ImportFileField
        failed={props.failed}
        label={props.label}
        hint={props.hint}
        accept={props.accept}
      />
      {progress === undefined ? (
        ""
      ) : (
        <>
          <p class="app-hint" data-upload-note safe>
            {progress.note}
          </p>
          <div role="status" aria-live="polite" data-upload-status>
            <p class="app-body-text" hidden data-upload-progress>
              <progress aria-label={progress.uploading}></progress>{" "}
              <span safe>{progress.uploading}</span>
            </p>
          </div>
        </>
      )}
      {props.children}
    </form>
  );
}

/** What a preview lists under a heading (keys, names, warnings); nothing when the list is empty. */
export function ImportList(props: {
  readonly heading: string;
  readonly headingLevel: 2 | 3;
  readonly items: readonly string[];
  /** The items' language when they are stored content (view.contentLang). */
  readonly lang?: string | undefined;
}): JSX.Element {
  const Heading = props.headingLevel === 2 ? "h2" : "h3";
  return props.items.length === 0 ? (
    ""
  ) : (
    <>
      <Heading
        class={props.headingLevel === 2 ? "app-heading-m" : "app-heading-s"}
        safe
      >
        {props.heading}
      </Heading>
      <ul class="app-list app-list--bullet" lang={props.lang}>
        {props.items.map((item) => (
          <li safe>{item}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The section "uebernehmen" that takes a previewed import over: the state the preview was
 * made on ("stand"), the hidden fields the caller adds before it, a reason and the button.
 */
export function ImportConfirmSection(props: {
  readonly kit: ReturnType<typeof formKit>;
  readonly csrfToken: string;
  readonly title: string;
  readonly text: string;
  readonly action: string;
  /** The state the preview compared against. */
  readonly base: string;
  readonly button: string;
  readonly children?: Children;
}): JSX.Element {
  return (
    <EditorSection id="uebernehmen" title={props.title} intro={props.text}>
      <form
        method="post"
        action={props.action}
        class="app-editor-form"
        id="uebernehmen-form"
        novalidate
      >
        <CsrfField token={props.csrfToken} />
        {props.children}
        <input type="hidden" name="stand" value={props.base} />
        {props.kit.reason("uebernehmen-form")}
        {props.kit.button(props.button)}
      </form>
    </EditorSection>
  );
}
