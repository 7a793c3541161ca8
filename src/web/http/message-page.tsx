/** The portal's message page, sent by the public pages that only have something to say. */
import type { Children } from "@kitajs/html";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import { getPublishedCatalogue } from "../../app/edition/read-editions.js";
import { viewOf } from "../identity/identity-view.js";
import { MessagePage } from "../portal/portal-frame.js";
import { sendNoStore } from "./cache.js";

/** What a message page says, and what it shows under its text (a button). */
export interface Message {
  readonly title: string;
  readonly text: string;
  readonly children?: Children;
  /** The page's URL carries a token: no other site may see it in a Referer header. */
  readonly tokenInUrl?: boolean;
}

/** Sends a message page in the frame of the municipality's published programme, never kept. */
export async function sendMessagePage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  message: Message,
): Promise<FastifyReply> {
  const { catalogue } = await getPublishedCatalogue(ctx, slug);
  const html = await (
    <MessagePage
      view={viewOf(request)}
      catalogue={catalogue}
      requestUrl={request.url}
      title={message.title}
      text={message.text}
    >
      {message.children}
    </MessagePage>
  );
  if (message.tokenInUrl === true)
    reply.header("referrer-policy", "no-referrer");
  return sendNoStore(reply, 200, html);
}
