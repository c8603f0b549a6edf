/**
 * After a successful send, Meta emits an echo, a delivery and a read webhook. They are scheduled
 * independently with random delays, so they arrive in random order, as they can in production.
 */
import { type SimulatorContext, sendToPage } from './context';
import { deliveryEvent, echoEvent, readEvent, type OutboundEvent } from './events';
import { randomBetween } from './ids';
import type { ReceiptSettings } from './options';
import type { DeliveryStatus, SentMessage } from './types';

const RANK: Record<DeliveryStatus, number> = { sent: 0, delivered: 1, read: 2 };

export function receiptSettings(ctx: SimulatorContext, pageId: string): ReceiptSettings {
  return { ...ctx.options.autoReceipts, ...ctx.state.pages.get(pageId)?.receipts };
}

export function scheduleReceipts(ctx: SimulatorContext, sent: SentMessage): void {
  const settings = receiptSettings(ctx, sent.pageId);
  const appId = Number(ctx.options.appId);
  const jobs: [keyof ReceiptSettings, () => OutboundEvent][] = [
    ['echo', () => echoEvent(sent, appId)],
    ['delivery', () => deliveryEvent(sent.pageId, sent.psid, [sent.messageId], watermark(sent))],
    ['read', () => readEvent(sent.pageId, sent.psid, watermark(sent), Date.now())],
  ];
  for (const [kind, build] of jobs) {
    if (!settings[kind]) continue;
    ctx.timers.later(randomBetween(ctx.options.receiptDelayMs), () => {
      if (kind !== 'echo') advanceStatus(sent, kind === 'read' ? 'read' : 'delivered');
      const page = ctx.state.pages.get(sent.pageId);
      if (page) void sendToPage(ctx, page, [build()]);
    });
  }
}

/** "Everything sent before this ms was delivered/read": always later than the send itself. */
function watermark(sent: SentMessage): number {
  return Math.max(Date.now(), sent.time + 1);
}

/** Receipts can arrive out of order; status only ever moves forward. */
function advanceStatus(sent: SentMessage, status: DeliveryStatus): void {
  if (RANK[status] > RANK[sent.status]) sent.status = status;
}
