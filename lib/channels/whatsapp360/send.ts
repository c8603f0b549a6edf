import type { OutboundMessage, SendContext, SendResult } from '../types';
import { assertWindowAllows, buildCloudBodies, sendCloudBodies } from '../whatsapp';
import type { WhatsApp360Config } from './config';
import { d360Headers, d360Url } from './d360-api';

/** POST {apiBaseUrl}/messages with D360-API-KEY and the Cloud API body (same rules as Meta direct). */
export async function sendWhatsApp360Message(ctx: SendContext<WhatsApp360Config>, message: OutboundMessage): Promise<SendResult> {
  const bodies = buildCloudBodies(ctx.contactExternalId, message);
  assertWindowAllows(message, ctx.lastInboundAt, ctx.now);
  const endpoint = { url: d360Url(ctx.config, 'messages'), headers: d360Headers(ctx.config), who: '360dialog', fetch: ctx.fetch, now: ctx.now };
  return sendCloudBodies(endpoint, bodies);
}
