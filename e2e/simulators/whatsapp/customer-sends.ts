/** A customer writes: record it (opens the 24 h window), then deliver the webhook like WhatsApp does. */
import type { z } from 'zod';
import { HttpError } from '../http';
import { type SimulatorContext, deliver } from './context';
import type { customerMessageSchema, customerSendSchema } from './control-schemas';
import { newWamid } from './ids';
import { createImage } from './media';
import type { Batching, OutboundItem } from './payloads';
import type { Account, InboundMessage } from './types';
import type { AttemptResult } from './webhook-sender';

export type CustomerMessageInput = z.input<typeof customerMessageSchema>;
export type CustomerSendInput = z.input<typeof customerSendSchema>;
type Message = z.output<typeof customerMessageSchema>;

export interface CustomerSendResult {
  /** wamid of the main message, then of every message in the POST. */
  wamid: string;
  wamids: string[];
  /** How the POST was packed (one value, or several changes / entries). */
  batching: Batching;
  /** First attempt of each copy; retries continue in the background. */
  deliveries: AttemptResult[];
}

export function registeredAccount(ctx: SimulatorContext, phoneNumberId: string): Account {
  const account = ctx.state.accounts.get(phoneNumberId);
  if (!account) throw new HttpError(404, { error: `unknown phone number ${phoneNumberId}: register it first (POST /_sim/accounts)` });
  return account;
}

export async function customerSends(ctx: SimulatorContext, input: z.output<typeof customerSendSchema>): Promise<CustomerSendResult> {
  const target = registeredAccount(ctx, input.phoneNumberId);
  if (!target.webhookUrl) throw new HttpError(409, { error: `number ${target.phoneNumberId} has no webhookUrl to deliver to` });
  const { duplicate, batching, batchWith = [], ...main } = input;
  const items = [main, ...batchWith].map((m) => inbound(ctx, m));
  // Several messages usually share one value; sometimes WhatsApp spreads them over changes.
  const packing = batching ?? (items.length > 1 && ctx.random() < ctx.options.multiChangeRate ? 'changes' : 'value');
  const deliveries = await deliver(ctx, target, items, { batching: packing, duplicate });
  return { wamid: items[0].eventId, wamids: items.map((i) => i.eventId), batching: packing, deliveries };
}

function inbound(ctx: SimulatorContext, m: Message): OutboundItem {
  const account = registeredAccount(ctx, m.phoneNumberId);
  const now = ctx.now();
  const customer = ctx.state.upsertCustomer(m.phoneNumberId, { waId: m.waId, userId: m.userId }, {
    name: m.name, username: m.username, hidePhone: m.hidePhone, lastInboundAt: now,
  });
  const [type, content] = contentOf(ctx, m);
  const message: Record<string, unknown> = {
    ...(m.replyTo ? { context: { from: account.displayPhoneNumber.replace(/\D/g, ''), id: m.replyTo } } : {}),
    ...(customer.waId && !customer.hidePhone ? { from: customer.waId } : {}),
    ...(customer.userId ? { from_user_id: customer.userId } : {}),
    id: newWamid(),
    timestamp: String(Math.floor(now / 1000)),
    type,
    [type]: content,
  };
  const record: InboundMessage = { seq: ctx.state.nextSeq(), phoneNumberId: m.phoneNumberId, customer: customer.address, wamid: String(message.id), time: now, type, message };
  ctx.state.inbound.push(record);
  const contact = {
    profile: { name: customer.name, ...(customer.username ? { username: customer.username } : {}) },
    ...(customer.waId && !customer.hidePhone ? { wa_id: customer.waId } : {}),
    ...(customer.userId ? { user_id: customer.userId } : {}),
  };
  return { account, kind: 'message', eventId: record.wamid, item: message, contact };
}

function contentOf(ctx: SimulatorContext, m: Message): [string, Record<string, unknown>] {
  if (m.text !== undefined) return ['text', { body: m.text }];
  if (m.image) {
    const media = createImage(ctx, m.phoneNumberId);
    return ['image', { ...(m.image.caption ? { caption: m.image.caption } : {}), mime_type: media.mimeType, sha256: media.sha256, id: media.id }];
  }
  if (m.location) return ['location', m.location];
  if (m.buttonReply) return ['interactive', { type: 'button_reply', button_reply: m.buttonReply }];
  if (m.listReply) return ['interactive', { type: 'list_reply', list_reply: m.listReply }];
  if (m.templateButton) return ['button', m.templateButton];
  const reaction = m.reaction!;
  // A removed reaction arrives without an emoji.
  return ['reaction', { message_id: reaction.messageId, ...(reaction.emoji ? { emoji: reaction.emoji } : {}) }];
}
