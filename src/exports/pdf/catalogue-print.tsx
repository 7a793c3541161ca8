/**
 * The print view of an edition's catalogue: one accessible HTML document (landmarks,
 * headings h1–h4, lists, the timeline as an SVG image with title and description) that
 * Chromium prints to the tagged PDF, and that readers can open as a page at
 * /{kommune}/fortschreibungen/{n}/druckansicht. Its headings become the PDF's outline.
 * No script, no inline style: the look comes from print.css.
 */
import type {
  CatalogueDocumentModel,
  DocumentChange,
  DocumentChangedProject,
} from "../catalogue/catalogue-document-model.js";

/**
 * The timeline drawing as the one tagged figure of its section, named by the document's
 * alt text: the wrapping figure of the shared chart component is dropped (Chromium would
 * tag it as a figure without alt text around the picture), and the picture's own name and
 * description (which point to a table the portal shows beside it, not printed here) give
 * way to the alt text that says where the data stand in the document.
 */
export function printedPicture(markup: string, alt: string): string {
  const label = alt
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;");
  return markup
    .replace(/<figure\b/g, "<div")
    .replace(/<\/figure>/g, "</div>")
    .replace(/ aria-(labelledby|describedby|details)="[^"]*"/g, "")
    .replace(
      /<svg\b([^>]*?) role="img"/,
      `<svg$1 role="img" aria-label="${label}"`,
    );
}

/** An entry of the printed table of contents: a heading's id, its text and its level (1 or 2). */
export interface ContentsEntry {
  readonly id: string;
  readonly title: string;
  readonly level: 1 | 2;
}

/** The headings the table of contents lists, in document order. */
export function contentsOf(model: CatalogueDocumentModel): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  if (model.foreword.length > 0)
    entries.push({ id: "vorwort", title: "Vorwort", level: 1 });
  entries.push({ id: "struktur", title: model.structureTitle, level: 1 });
  if (model.priorities !== null)
    entries.push({
      id: "prioritaeten",
      title: `Prioritäten in ${model.priorities.year}`,
      level: 2,
    });
  entries.push({
    id: "zeitstrahl",
    title: "Zeitstrahl zur Umsetzung",
    level: 1,
  });
  entries.push({
    id: "detail",
    title: "Detailbetrachtung: Digitalisierungsprojekte",
    level: 1,
  });
  for (const field of model.fields)
    entries.push({ id: `feld-${field.key}`, title: field.heading, level: 2 });
  entries.push({
    id: "veraenderungen",
    title: "Veränderungen gegenüber der letzten Fortschreibung",
    level: 1,
  });
  return entries;
}

/** Props of the print view. */
export interface CataloguePrintProps {
  readonly model: CatalogueDocumentModel;
  /** The stylesheet's URL (the app's /assets/print.css). */
  readonly stylesheet: string;
  /**
   * A second stylesheet with the running header and page numbers of the PDF (made per
   * document by `runningHeaderCss`); the page in the browser has none.
   */
  readonly furnitureStylesheet?: string;
  /**
   * The page of each heading (by id) for the printed table of contents; "reserve" keeps
   * the room for the numbers without showing any (the first of the two printings).
   */
  readonly pageNumbers?: ReadonlyMap<string, number> | "reserve";
  /**
   * The timeline: one figure per action field, each an SVG with its legend (rendered by the
   * web layer's print timeline), as markup in the order of the fields.
   */
  readonly timelines: readonly string[];
}

function ChangeItem(props: { change: DocumentChange }): JSX.Element {
  return (
    <li class={props.change.isShift ? "shift" : undefined}>
      <span safe>{props.change.text}</span>
      {props.change.reason === null ? (
        ""
      ) : (
        <span class="reason">
          <span class="reason__label">Grund: </span>
          <span safe>{props.change.reason}</span>
        </span>
      )}
    </li>
  );
}

/** A project of the detail part: summary, periods, measures and responsibility, kept whole on a page. */
function ProjectCard(props: {
  model: CatalogueDocumentModel;
  project: CatalogueDocumentModel["fields"][number]["projects"][number];
}): JSX.Element {
  const { model, project } = props;
  return (
    <article class="project">
      <h4 safe>{`${project.code} ${project.title}`}</h4>
      <p safe>{project.summary}</p>
      {project.periods.length === 0 ? (
        ""
      ) : (
        <>
          <p class="project__label">Zeitplan:</p>
          <ul class="project__periods">
            {project.periods.map((period) => (
              <li class="project__period" safe>
                {period}
              </li>
            ))}
          </ul>
        </>
      )}
      {project.measures.length === 0 ? (
        ""
      ) : (
        <>
          <p class="project__label" safe>{`${model.levels.measure.plural}:`}</p>
          <ul>
            {project.measures.map((measure) => (
              <li safe>{measure}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <span class="project__label">Zuständigkeit: </span>
        <span safe>
          {project.responsibility === "" ? "–" : project.responsibility}
        </span>
      </p>
    </article>
  );
}

/** A project's changes since the last edition, kept whole on a page. */
function ChangedProject(props: {
  project: DocumentChangedProject;
}): JSX.Element {
  return (
    <div class="project">
      <h4 safe>{props.project.title}</h4>
      {props.project.reason === null ? (
        ""
      ) : (
        <p class="reason reason--shared">
          <span class="reason__label">Grund: </span>
          <span safe>{props.project.reason}</span>
        </p>
      )}
      <ul class="changes">
        {props.project.changes.map((change) => (
          <ChangeItem change={change} />
        ))}
      </ul>
    </div>
  );
}

function PageNumberOf(props: {
  entry: ContentsEntry;
  pages: CataloguePrintProps["pageNumbers"];
}): JSX.Element {
  if (props.pages === undefined) return "";
  if (props.pages === "reserve")
    return (
      <span class="contents__page contents__page--reserved" aria-hidden="true">
        000
      </span>
    );
  const page = props.pages.get(props.entry.id);
  return page === undefined ? (
    ""
  ) : (
    <span class="contents__page" safe>
      {String(page)}
    </span>
  );
}

/** The running header (programme and edition) and "Seite x von y" of the printed pages; none on the cover. */
export function runningHeaderCss(title: string): string {
  const text = title
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, " ");
  return `@page {
  @top-right { content: "${text}"; font: 8pt "Liberation Sans", sans-serif; color: #4b5257; }
  @bottom-center { content: "Seite " counter(page) " von " counter(pages); font: 8pt "Liberation Sans", sans-serif; color: #4b5257; }
}
@page :first {
  @top-right { content: none; }
  @bottom-center { content: none; }
}
`;
}

/** The whole print document, starting with the doctype. */
export function CataloguePrint(props: CataloguePrintProps): JSX.Element {
  const { model } = props;
  const title = `${model.programmeTitle} – ${model.editionTitle}`;
  // Our own server-rendered SVG markup, escaped where it was built.
  const [safeFirstTimeline = "", ...safeOtherTimelines] = props.timelines;
  return (
    <>
      {"<!doctype html>"}
      <html lang="de">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{title}</title>
          <meta name="author" content={model.municipalityName} />
          <meta
            name="description"
            content={`Maßnahmenkatalog ${model.programmeTitle}, ${model.editionTitle} vom ${model.publishedOn}`}
          />
          <link rel="stylesheet" href={props.stylesheet} />
          {props.furnitureStylesheet === undefined ? (
            ""
          ) : (
            <link rel="stylesheet" href={props.furnitureStylesheet} />
          )}
        </head>
        <body>
          <header class="cover">
            <p class="cover__municipality" safe>
              {model.municipalityName}
            </p>
            <h1 class="cover__title">
              <span safe>{model.programmeTitle}</span>
              <span class="cover__edition" safe>
                {model.subtitle ?? `Maßnahmenkatalog – ${model.editionTitle}`}
              </span>
            </h1>
            <dl class="cover__facts">
              <dt>Fassung</dt>
              <dd safe>{`${model.editionTitle} vom ${model.publishedOn}`}</dd>
              <dt>Zeitraum</dt>
              <dd safe>{model.horizon}</dd>
              {model.councilReference === null && model.councilUrl === null ? (
                ""
              ) : (
                <>
                  <dt>Beschluss</dt>
                  <dd>
                    {model.councilUrl === null ? (
                      <span safe>{model.councilReference ?? ""}</span>
                    ) : (
                      <a href={model.councilUrl} safe>
                        {model.councilReference ?? model.councilUrl}
                      </a>
                    )}
                  </dd>
                </>
              )}
            </dl>
          </header>
          <nav class="contents" aria-labelledby="inhalt">
            <h2 id="inhalt">Inhalt</h2>
            <ol class="contents__list">
              {contentsOf(model).map((entry) => (
                <li class={`contents__entry contents__entry--${entry.level}`}>
                  <a href={`#${entry.id}`} safe>
                    {entry.title}
                  </a>
                  <PageNumberOf entry={entry} pages={props.pageNumbers} />
                </li>
              ))}
            </ol>
          </nav>
          <main>
            {model.foreword.length === 0 ? (
              ""
            ) : (
              <section class="section" aria-labelledby="vorwort">
                <h2 id="vorwort">Vorwort</h2>
                {model.foreword.map((paragraph) => (
                  <p safe>{paragraph}</p>
                ))}
              </section>
            )}

            <section class="section" aria-labelledby="struktur">
              <h2 id="struktur" safe>
                {model.structureTitle}
              </h2>
              {model.summary === null ? "" : <p safe>{model.summary}</p>}
              {model.structure.map((area) => (
                <div class="structure">
                  {area.name === null ? (
                    ""
                  ) : (
                    <h3
                      safe
                    >{`${model.levels.impactArea.singular} ${area.name}`}</h3>
                  )}
                  {area.description === null ? (
                    ""
                  ) : (
                    <p safe>{area.description}</p>
                  )}
                  <ul class="structure__fields">
                    {area.fields.map((field) => (
                      <li>
                        <span class="structure__field" safe>
                          {field.label}
                        </span>
                        <ul>
                          {field.projects.map((project) => (
                            <li safe>{project}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>

            {model.priorities === null ? (
              ""
            ) : (
              <section
                class="section section--continued"
                aria-labelledby="prioritaeten"
              >
                <h2 id="prioritaeten" safe>
                  {`Prioritäten in ${model.priorities.year}`}
                </h2>
                <ul>
                  {model.priorities.items.map((item) => (
                    <li safe>{item}</li>
                  ))}
                </ul>
              </section>
            )}

            <section
              class="section section--continued section--timeline"
              aria-labelledby="zeitstrahl"
            >
              {/* The heading and its introduction go with the first field's picture. */}
              <div class="section__opening">
                <h2 id="zeitstrahl">Zeitstrahl zur Umsetzung</h2>
                <p class="timeline__intro" safe>
                  {model.timelineAlt}
                </p>
                {safeFirstTimeline}
              </div>
              {safeOtherTimelines}
            </section>

            <section
              class="section section--continued"
              aria-labelledby="detail"
            >
              {model.fields.length === 0 ? (
                <h2 id="detail">Detailbetrachtung: Digitalisierungsprojekte</h2>
              ) : (
                ""
              )}
              {model.fields.map((field, index) => (
                <section class="field" aria-labelledby={`feld-${field.key}`}>
                  <div class="field__opening">
                    {index === 0 ? (
                      // The chapter's heading goes with its first field and project.
                      <>
                        <h2 id="detail">
                          Detailbetrachtung: Digitalisierungsprojekte
                        </h2>
                        {model.periodRemarks.map((remark) => (
                          <p class="remark">
                            <span class="project__label">
                              Hinweis zum Zeitplan:{" "}
                            </span>
                            <span safe>{remark}</span>
                          </p>
                        ))}
                      </>
                    ) : (
                      ""
                    )}
                    <h3 id={`feld-${field.key}`} safe>
                      {field.heading}
                    </h3>
                    {field.description === null ? (
                      ""
                    ) : (
                      <p safe>{field.description}</p>
                    )}
                    {field.projects.slice(0, 1).map((project) => (
                      <ProjectCard model={model} project={project} />
                    ))}
                  </div>
                  {field.projects.slice(1).map((project) => (
                    <ProjectCard model={model} project={project} />
                  ))}
                </section>
              ))}
            </section>

            <section
              class="section section--continued"
              aria-labelledby="veraenderungen"
            >
              <h2 id="veraenderungen">
                Veränderungen gegenüber der letzten Fortschreibung
              </h2>
              {model.changes === null ? (
                <p>
                  Dies ist die erste Fortschreibung; es gibt keine frühere
                  Fassung zum Vergleich.
                </p>
              ) : (
                <>
                  <p
                    safe
                  >{`Gegenüber der ${model.changes.previousTitle}: ${model.changes.summary}.`}</p>
                  {model.changes.reasonCounts.length === 0 ? (
                    ""
                  ) : (
                    <ul class="reason-counts">
                      {model.changes.reasonCounts.map((line) => (
                        <li safe>{line}</li>
                      ))}
                    </ul>
                  )}
                  {model.changes.programme.length === 0 ? (
                    ""
                  ) : (
                    <>
                      <h3>Programm und Prioritäten</h3>
                      <ul class="changes">
                        {model.changes.programme.map((change) => (
                          <ChangeItem change={change} />
                        ))}
                      </ul>
                    </>
                  )}
                  {model.changes.fields.map((field) => (
                    <section
                      class="field"
                      aria-labelledby={`veraenderungen-${field.key}`}
                    >
                      <div class="field__opening">
                        <h3 id={`veraenderungen-${field.key}`} safe>
                          {field.heading}
                        </h3>
                        <p safe>{field.counts}</p>
                        {field.projects.slice(0, 1).map((project) => (
                          <ChangedProject project={project} />
                        ))}
                      </div>
                      {field.projects.slice(1).map((project) => (
                        <ChangedProject project={project} />
                      ))}
                    </section>
                  ))}
                </>
              )}
              {model.takenUpIdeas.length === 0 ? (
                ""
              ) : (
                <section class="field" aria-labelledby="uebernommene-ideen">
                  <h3 id="uebernommene-ideen">
                    Übernommene Ideen und Rückmeldungen
                  </h3>
                  <ul class="changes">
                    {model.takenUpIdeas.map((idea) => (
                      <li>
                        <span safe>{`„${idea.title}“: ${idea.takenUpIn}`}</span>
                        {idea.note === null ? (
                          ""
                        ) : (
                          <>
                            {" "}
                            <strong>– Begründung:</strong>{" "}
                            <span safe>{idea.note}</span>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </section>
          </main>
        </body>
      </html>
    </>
  );
}
