import type { OutboundMessage, SendContext, SendResult } from '../types';
import { bearer, cloudUrl } from './cloud-api';
import type { WhatsAppConfig } from './config';
import { buildCloudBodies } from './outbound';
import { sendCloudBodies } from './post-message';
import { assertWindowAllows } from './window';

/** POST {apiBaseUrl}/{apiVersion}/{phoneNumberId}/messages with the Bearer token (PROTOCOLS.md 2e). */
export async function sendWhatsAppMessage(ctx: SendContext<WhatsAppConfig>, message: OutboundMessage): Promise<SendResult> {
  const bodies = buildCloudBodies(ctx.contactExternalId, message);
  assertWindowAllows(message, ctx.lastInboundAt, ctx.now);
  const endpoint = {
    url: cloudUrl(ctx.config, `${encodeURIComponent(ctx.config.phoneNumberId)}/messages`),
    headers: bearer(ctx.config), who: 'WhatsApp', fetch: ctx.fetch, now: ctx.now,
  };
  return sendCloudBodies(endpoint, bodies);
}
