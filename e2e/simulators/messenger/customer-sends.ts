/** A customer writes to a page: record it (opens the 24 h window), then deliver the webhook like Meta. */
import type { z } from 'zod';
import { HttpError } from '../http';
import { type SimulatorContext, sendToPage } from './context';
import type { customerMessageSchema, customerSendSchema } from './control-schemas';
import { customerEvent, echoEvent, PAGE_INBOX_APP_ID } from './events';
import { newMid } from './ids';
import type { InboundMessage, Page, SentMessage } from './types';
import type { AttemptResult } from './webhook-sender';

export type CustomerMessageInput = z.input<typeof customerMessageSchema>;
export type CustomerSendInput = z.input<typeof customerSendSchema>;

export interface CustomerSendResult {
  /** mid of the main event. */
  mid: string;
  /** mids of every event in the POST (main first, then batchWith). */
  mids: string[];
  /** First attempt of each copy sent (two with duplicate); retries continue in the background. */
  deliveries: AttemptResult[];
}

export function registeredPage(ctx: SimulatorContext, pageId: string): Page {
  const page = ctx.state.pages.get(pageId);
  if (!page) throw new HttpError(404, { error: `unknown page ${pageId}: add it first (POST /_sim/pages)` });
  return page;
}

export async function customerSends(ctx: SimulatorContext, input: z.output<typeof customerSendSchema>): Promise<CustomerSendResult> {
  const page = registeredPage(ctx, input.pageId);
  if (!page.webhookUrl) throw new HttpError(409, { error: `page ${page.pageId} has no webhookUrl to deliver to` });
  const { duplicate, batchWith = [], ...main } = input;
  // Other entries of a batch may belong to other pages; Meta sends them to the app's one callback.
  const messages = [main, ...batchWith].map((m) => recordInbound(ctx, m));
  const deliveries = await sendToPage(ctx, page, messages.map(customerEvent), duplicate);
  return { mid: messages[0].mid, mids: messages.map((m) => m.mid), deliveries };
}

function recordInbound(ctx: SimulatorContext, m: z.output<typeof customerMessageSchema>): InboundMessage {
  const time = Date.now();
  ctx.state.upsertCustomer(m.pageId, m.psid, { name: m.name, lastInboundAt: time });
  const message: InboundMessage = {
    seq: ctx.state.nextSeq(),
    pageId: m.pageId,
    psid: m.psid,
    mid: newMid(),
    time,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.attachments ? { attachments: m.attachments } : {}),
    ...(m.quickReplyPayload !== undefined ? { quickReplyPayload: m.quickReplyPayload } : {}),
    ...(m.postback ? { postback: m.postback } : {}),
    ...(m.replyToMid !== undefined ? { replyToMid: m.replyToMid } : {}),
  };
  ctx.state.inbound.push(message);
  return message;
}

/**
 * A person answers from Meta's Page Inbox instead of Switchboard: Meta sends only an echo, with the
 * Page Inbox app id. Switchboard should import it as an outbound agent message.
 */
export async function pageInboxReply(
  ctx: SimulatorContext,
  input: { pageId: string; psid: string; text: string },
): Promise<{ mid: string; deliveries: AttemptResult[] }> {
  const page = registeredPage(ctx, input.pageId);
  const sent: SentMessage = {
    seq: ctx.state.nextSeq(),
    pageId: page.pageId,
    psid: input.psid,
    messageId: newMid(),
    via: 'page_inbox',
    text: input.text,
    body: { text: input.text },
    time: Date.now(),
    status: 'sent',
  };
  ctx.state.sent.push(sent);
  const deliveries = await sendToPage(ctx, page, [echoEvent(sent, PAGE_INBOX_APP_ID)]);
  return { mid: sent.messageId, deliveries };
}
