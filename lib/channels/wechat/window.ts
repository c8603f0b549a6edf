/**
 * WeChat's customer-service window (PROTOCOLS.md 3f): 48 h after the customer's last qualifying
 * interaction (message, menu click, subscribe, QR scan), and at most `windowMessageCap` replies per
 * interaction (45047; published numbers vary, hence configurable). Nothing else may be sent once
 * closed: template messages need their own approval and are not implemented, so allowedWhenClosed is [].
 */
import type { WindowState } from '../types';
import type { WeChatConfig } from './config';

export const WINDOW_MS = 48 * 60 * 60 * 1000;

export function wechatWindow(
  lastInboundAt: Date | null,
  now: Date,
  config: Pick<WeChatConfig, 'windowMessageCap'>,
  usage?: { sentSinceInbound: number },
): WindowState {
  if (!lastInboundAt) {
    return {
      open: false, closesAt: null, allowedWhenClosed: [],
      note: 'The customer has not written yet; WeChat only accepts replies within 48 hours of a customer message',
    };
  }
  const closesAt = new Date(lastInboundAt.getTime() + WINDOW_MS);
  if (now >= closesAt) {
    return {
      open: false, closesAt, allowedWhenClosed: [],
      // Template messages could still go out, but they need WeChat's separate approval and are not implemented.
      note: `The 48-hour reply window closed at ${closesAt.toISOString()}; WeChat accepts no replies until the customer writes again (template messages are not supported by this inbox)`,
    };
  }
  const cap = config.windowMessageCap;
  const sent = usage?.sentSinceInbound ?? 0;
  if (sent >= cap) {
    return {
      // Closed as of now: it reopens as soon as the customer writes again.
      open: false, closesAt: now, allowedWhenClosed: [],
      note: `Reply limit reached: WeChat allows ${cap} replies per customer message; wait for the customer to write again`,
    };
  }
  const left = usage ? `${cap - sent} of ${cap}` : `up to ${cap}`;
  return {
    open: true, closesAt, allowedWhenClosed: [],
    note: `WeChat allows ${left} more replies until the customer writes again (each image counts as one), until ${closesAt.toISOString()}`,
  };
}
