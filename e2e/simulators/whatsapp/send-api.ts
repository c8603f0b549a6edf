/**
 * The messages endpoint both modes share (Cloud: /{version}/{phone-number-id}/messages, 360dialog:
 * /messages), with WhatsApp's checks in WhatsApp's order. A 200 means accepted; what happens next
 * (statuses, or a failed status for 131047 / 131026) arrives later by webhook.
 */
import type { SimulatorContext } from './context';
import { newWamid } from './ids';
import { validateSend } from './send-validate';
import { scheduleFailure, scheduleStatuses } from './statuses';
import type { Account, Customer, SentMessage } from './types';
import { errorFor, waErrors } from './wa-errors';

const WINDOW_MS = 24 * 60 * 60 * 1000;

export function handleSend(ctx: SimulatorContext, account: Account, raw: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw waErrors.param('Request body is not valid JSON');
  }
  const request = parsed as { status?: unknown; message_id?: unknown };
  if (request?.status === 'read' && typeof request.message_id === 'string') return { success: true }; // mark as read

  const now = ctx.now();
  if (!ctx.globalLimit.tryTake(account.phoneNumberId, now)) throw waErrors.throughput();
  const failure = ctx.state.takeFailure(account.phoneNumberId);
  if (failure && !failure.async) throw errorFor(failure.code, failure);

  const { body, type, to } = validateSend(parsed);
  let customer = ctx.state.customer(account.phoneNumberId, to);
  const windowOpen = customer?.lastInboundAt != null && now - customer.lastInboundAt < WINDOW_MS;
  const reengagement = type !== 'template' && !windowOpen;
  if (reengagement && ctx.options.reengagementError === 'sync') throw waErrors.reengagement();
  if (!ctx.pairLimit.tryTake(`${account.phoneNumberId}:${to}`, now)) throw waErrors.pairRate();

  // A business may start a conversation (with a template) with anyone: the customer then exists.
  customer ??= ctx.state.upsertCustomer(account.phoneNumberId, typeof body.recipient === 'string' && !body.to ? { userId: to } : { waId: to });
  const sent = record(ctx, account, customer, body, type, now);
  if (failure) scheduleFailure(ctx, account, sent, customer, errorFor(failure.code, failure));
  else if (customer.notOnWhatsApp) scheduleFailure(ctx, account, sent, customer, waErrors.undeliverable());
  else if (reengagement) scheduleFailure(ctx, account, sent, customer, waErrors.reengagement());
  else scheduleStatuses(ctx, account, sent, customer);

  const contact = customer.waId && !customer.hidePhone ? { input: to, wa_id: customer.waId } : { input: to, user_id: customer.userId ?? to };
  return {
    messaging_product: 'whatsapp',
    contacts: [contact],
    messages: [{ id: sent.wamid, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
  };
}

function record(ctx: SimulatorContext, account: Account, customer: Customer, body: Record<string, unknown>, type: string, now: number): SentMessage {
  const sent: SentMessage = {
    seq: ctx.state.nextSeq(), phoneNumberId: account.phoneNumberId, to: customer.address, wamid: newWamid(),
    type, body, time: now, status: 'accepted', emitted: [],
  };
  ctx.state.sent.push(sent);
  return sent;
}
