/**
 * Serving the documents of published editions and reports from storage (ADR 0046), and the
 * worker that builds the requested ones outside the request. A download sends the stored
 * bytes with a strong ETag (their SHA-256) and answers 304 to a matching If-None-Match. A
 * missing or outdated document is built on demand, once for all who ask at the same time
 * (single-flight), and stored; a browser meanwhile gets a page that says so and reloads
 * itself (meta refresh, no script), other clients wait for the file.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import {
  claimRequestedDocument,
  failClaimedDocument,
  publishedDocumentStates,
  readStoredDocument,
  requestPublishedDocuments,
  saveBuiltDocument,
  type DocumentBuildState,
  type DocumentMaker,
  type DocumentSubject,
  type StoredDocument,
  type StoredDocumentKind,
} from "../../app/documents/published-documents.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import {
  matchesIfNoneMatch,
  NO_STORE,
  PUBLIC_CACHE_CONTROL,
  sendNoStore,
} from "../http/cache.js";
import { PageHeading } from "../components/page-heading/page-heading.js";

/** How the service waits and leases. */
export interface StoredDocumentsOptions {
  /** A browser waits this long for a document being built before it gets the progress page. */
  readonly waitMs?: number;
  /** The lease a worker holds on a document while building it. */
  readonly leaseMs?: number;
  /** How often the worker looks for requested documents (0: only when told). */
  readonly pollMs?: number;
  /**
   * How long after the start the worker first looks for documents left requested (by an
   * earlier run, or after a format change): a build loads the document libraries and the
   * browser, which would delay the server's first answers on a small machine.
   */
  readonly startDelayMs?: number;
  /** Told about a build that failed. */
  readonly onError?: (error: unknown) => void;
}

/** What the progress page shows. */
export interface ProgressPage {
  readonly view: ViewContext;
  readonly requestUrl: string;
  /** The document's name in the sentence "… wird gerade erstellt". */
  readonly name: string;
  /** Where "Zurück" leads. */
  readonly backHref: string;
}

/** A published subject's documents as its routes name them. */
export interface SubjectDocuments {
  readonly slug: string;
  readonly subject: DocumentSubject;
  readonly view: ViewContext;
  /** The subject's page (a path without the language), where "Zurück" leads. */
  readonly pagePath: string;
}

const DOCUMENT_KINDS: readonly StoredDocumentKind[] = ["pdf", "docx", "pptx"];

const keyOf = (
  slug: string,
  subject: DocumentSubject,
  kind: StoredDocumentKind,
): string => `${slug}\u0000${subject.type}\u0000${subject.key}\u0000${kind}`;

/** The stored documents of one app: serving, building on demand and the worker. */
export class StoredDocuments {
  private readonly building = new Map<string, Promise<StoredDocument>>();
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private working: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private firstLook: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly waitMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly ctx: AppContext,
    private readonly maker: DocumentMaker,
    private readonly options: StoredDocumentsOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 2_000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
  }

  /** Starts looking for requested documents now and then (an unref'd timer). */
  start(): void {
    const pollMs = this.options.pollMs ?? 60_000;
    if (this.timer !== null || pollMs <= 0) return;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.firstLook = setTimeout(
      () => this.kick(),
      this.options.startDelayMs ?? 5_000,
    );
    this.firstLook.unref();
  }

  /** Stops the timer and waits for the builds under way. */
  async close(): Promise<void> {
    // No new claims: a requested document left now is built by another process or later.
    this.closed = true;
    if (this.timer !== null) clearInterval(this.timer);
    if (this.firstLook !== null) clearTimeout(this.firstLook);
    this.timer = null;
    this.firstLook = null;
    await this.working?.catch(() => undefined);
    await Promise.allSettled([...this.building.values()]);
  }

  /** Asks for a published subject's documents and starts building them outside the request. */
  async requestBuilds(
    slug: string,
    subject: DocumentSubject,
    kinds: readonly StoredDocumentKind[],
  ): Promise<void> {
    await requestPublishedDocuments(this.ctx, slug, subject, kinds);
    this.kick();
  }

  /** The build state of a subject's documents. */
  async states(
    slug: string,
    subject: DocumentSubject,
  ): Promise<readonly DocumentBuildState[]> {
    const states = await publishedDocumentStates(this.ctx, slug, subject);
    return states.map((state) =>
      state.state !== "ready" &&
      this.building.has(keyOf(slug, subject, state.kind))
        ? { ...state, state: "pending" }
        : state,
    );
  }

  /**
   * Sends the page of a subject's documents with their build state; never kept, since it
   * changes while they are built.
   */
  private async sendStatus(
    reply: FastifyReply,
    slug: string,
    subject: DocumentSubject,
    page: Omit<DocumentStatusPageProps, "states">,
  ): Promise<FastifyReply> {
    const states = await this.states(slug, subject);
    return sendNoStore(
      reply,
      200,
      <DocumentStatusPage {...page} states={states} />,
    );
  }

  /** Sends one of a subject's documents; its progress page names the kind and leads back to the subject. */
  sendDocumentOf(
    request: FastifyRequest,
    reply: FastifyReply,
    of: SubjectDocuments,
    kind: StoredDocumentKind,
  ): Promise<FastifyReply> {
    const { view } = of;
    return this.send(request, reply, of.slug, of.subject, kind, () => ({
      view,
      requestUrl: request.url,
      name: view.t.documents.kinds[kind],
      backHref: view.link(of.pagePath),
    }));
  }

  /** Sends the status page of a subject's documents, headed by its title, with a link to each. */
  sendStatusOf(
    request: FastifyRequest,
    reply: FastifyReply,
    of: SubjectDocuments,
    title: string,
    paths: Readonly<Partial<Record<StoredDocumentKind, string>>>,
  ): Promise<FastifyReply> {
    const { view } = of;
    const links: Partial<Record<StoredDocumentKind, string>> = {};
    for (const kind of DOCUMENT_KINDS) {
      const path = paths[kind];
      if (path !== undefined) links[kind] = view.link(path);
    }
    return this.sendStatus(reply, of.slug, of.subject, {
      view,
      requestUrl: request.url,
      heading: `${view.t.documents.statusTitle}: ${title}`,
      links,
      backHref: view.link(of.pagePath),
    });
  }

  /** Builds the requested documents in the background (one round at a time per process). */
  kick(): void {
    if (this.closed) return;
    if (this.working !== null) {
      this.again = true;
      return;
    }
    this.working = this.runRequested()
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return 0;
      })
      .finally(() => {
        this.working = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Builds every requested document whose lease this process gets; returns how many. */
  async runRequested(): Promise<number> {
    let built = 0;
    while (!this.closed) {
      const claimed = await claimRequestedDocument(
        this.ctx,
        this.owner,
        this.leaseMs,
      );
      if (claimed === null) return built;
      try {
        await this.buildOnce(claimed.slug, claimed.subject, claimed.kind);
        built += 1;
      } catch (error) {
        this.options.onError?.(error);
        await failClaimedDocument(this.ctx, claimed, error);
      }
    }
    return built;
  }

  /** The stored document if it is current, else built (once for all callers) and stored. */
  async document(
    slug: string,
    subject: DocumentSubject,
    kind: StoredDocumentKind,
  ): Promise<StoredDocument> {
    const current = await this.current(slug, subject, kind);
    return current ?? this.buildOnce(slug, subject, kind);
  }

  /** Sends a published document: stored bytes, or a build with a progress page for browsers. */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    subject: DocumentSubject,
    kind: StoredDocumentKind,
    progress: () => ProgressPage,
  ): Promise<FastifyReply> {
    const current = await this.current(slug, subject, kind);
    if (current !== null) return sendStored(request, reply, current);
    return sendWhenBuilt(
      request,
      reply,
      this.buildOnce(slug, subject, kind),
      this.waitMs,
      (stored) => sendStored(request, reply, stored),
      progress,
    );
  }

  /** The stored document when it was made from the current sources, else null. */
  private async current(
    slug: string,
    subject: DocumentSubject,
    kind: StoredDocumentKind,
  ): Promise<StoredDocument | null> {
    // The source key also proves that the subject exists and is published.
    const sourceKey = await this.maker.sourceKey(slug, subject, kind);
    const stored = await readStoredDocument(this.ctx, slug, subject, kind);
    return stored !== null && stored.sourceKey === sourceKey ? stored : null;
  }

  /** Builds and stores a document, once for all who ask at the same time in this process. */
  private buildOnce(
    slug: string,
    subject: DocumentSubject,
    kind: StoredDocumentKind,
  ): Promise<StoredDocument> {
    const key = keyOf(slug, subject, kind);
    const running = this.building.get(key);
    if (running !== undefined) return running;
    const build = (async () => {
      const made = await this.maker.make(slug, subject, kind);
      return saveBuiltDocument(this.ctx, slug, subject, kind, made);
    })().finally(() => this.building.delete(key));
    // A browser that stopped waiting leaves the promise alone: its failure is not unhandled.
    build.catch(() => undefined);
    this.building.set(key, build);
    return build;
  }
}

/**
 * Sends a document once its build is done. A browser (it asks for HTML) waits at most
 * `waitMs`; if the build takes longer, it gets the page "Dokument wird erstellt …", which
 * reloads itself until the build is done. Other clients wait for the file.
 */
export async function sendWhenBuilt<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  build: Promise<T>,
  waitMs: number,
  send: (built: T) => FastifyReply,
  progress: () => ProgressPage,
): Promise<FastifyReply> {
  if (!acceptsHtml(request)) return send(await build);
  const waited = await Promise.race([
    build.then((built) => ({ built })),
    new Promise<null>((resolve) => {
      setTimeout(() => resolve(null), waitMs).unref();
    }),
  ]);
  if (waited !== null) return send(waited.built);
  return reply
    .code(202)
    .header("cache-control", NO_STORE)
    .header("retry-after", "3")
    .type("text/html; charset=utf-8")
    .send(await (<BuildingPage {...progress()} />));
}

/** A browser navigating to the link asks for HTML; a script or download tool does not. */
function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? "").includes("text/html");
}

/** The stored bytes with their hash as the strong ETag, or 304. */
function sendStored(
  request: FastifyRequest,
  reply: FastifyReply,
  stored: StoredDocument,
): FastifyReply {
  const tag = `"${stored.contentHash}"`;
  reply.header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL);
  if (matchesIfNoneMatch(request.headers["if-none-match"], tag))
    return reply.code(304).send();
  return reply
    .type(stored.mediaType)
    .header("content-disposition", `attachment; filename="${stored.fileName}"`)
    .header("x-content-type-options", "nosniff")
    .send(stored.body);
}

/**
 * "Dokument wird erstellt …". No timed reload (WCAG 2.2.1): with JavaScript the page asks
 * in the background and starts the download when the file is there; without, the reader
 * asks again with the button.
 */
function BuildingPage(props: ProgressPage): JSX.Element {
  const { view } = props;
  const t = view.t.documents;
  return (
    <PageLayout
      view={view}
      title={t.buildingTitle}
      requestUrl={props.requestUrl}
    >
      <PageHeading title={t.buildingTitle} />
      <p
        class="app-lead"
        role="status"
        data-module="app-wait-for-document"
        data-document-url={props.requestUrl}
        data-ready-text={t.buildingReady}
        safe
      >
        {t.buildingLead(props.name)}
      </p>
      <p class="app-body-text">
        <a class="app-button" href={props.requestUrl} safe>
          {t.buildingRetry}
        </a>{" "}
        <a class="app-link" href={props.backHref} safe>
          {t.back}
        </a>
      </p>
    </PageLayout>
  );
}

/** The list of a published subject's documents with their state (the editor's view after publishing). */
export function DocumentStateList(props: {
  readonly view: ViewContext;
  readonly states: readonly DocumentBuildState[];
  readonly links: Readonly<Partial<Record<StoredDocumentKind, string>>>;
}): JSX.Element {
  const t = props.view.t.documents;
  const kinds = Object.keys(props.links) as StoredDocumentKind[];
  return (
    <ul class="app-list" id="dokumente-stand">
      {kinds.map((kind) => {
        const state = props.states.find((candidate) => candidate.kind === kind);
        const label =
          state === undefined ? t.states.missing : t.states[state.state];
        const size =
          state?.state === "ready" && state.size !== null
            ? `, ${t.size(new Intl.NumberFormat(props.view.lang === "de" ? "de-DE" : "en-GB").format(Math.round(state.size / 1024)))}`
            : "";
        return (
          <li>
            <a class="app-link" href={props.links[kind] ?? "#"} safe>
              {t.kinds[kind]}
            </a>
            <span safe>{`: ${label}${size}`}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Whether any of the listed documents is still being built. */
export function anyBuilding(states: readonly DocumentBuildState[]): boolean {
  return states.some((state) => state.state === "pending");
}

/** What the page of a published subject's documents shows. */
export interface DocumentStatusPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly heading: string;
  readonly states: readonly DocumentBuildState[];
  readonly links: Readonly<Partial<Record<StoredDocumentKind, string>>>;
  readonly backHref: string;
}

/** The page that lists a published subject's documents with their build state. */
export function DocumentStatusPage(
  props: DocumentStatusPageProps,
): JSX.Element {
  const { view } = props;
  const t = view.t.documents;
  return (
    <PageLayout view={view} title={props.heading} requestUrl={props.requestUrl}>
      <PageHeading title={props.heading} intro={t.statusLead} />
      <div
        role="status"
        id="dokumente-stand-bereich"
        {...(anyBuilding(props.states)
          ? { "data-module": "app-refresh-while-building" }
          : {})}
      >
        <DocumentStateList
          view={view}
          states={props.states}
          links={props.links}
        />
      </div>
      <p class="app-body-text">
        {anyBuilding(props.states) ? (
          <>
            <a class="app-button" href={props.requestUrl} safe>
              {t.statusRetry}
            </a>{" "}
          </>
        ) : (
          ""
        )}
        <a class="app-link" href={props.backHref} safe>
          {t.back}
        </a>
      </p>
    </PageLayout>
  );
}
