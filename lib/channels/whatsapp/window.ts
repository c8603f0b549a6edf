import { ConnectorError, type OutboundMessage, type WindowState } from '../types';

/** The customer service window: 24 h from the customer's last message (PROTOCOLS.md 2f). */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Same for Cloud API and 360dialog: templates can always be sent, free-form only inside 24 h. */
export function whatsappWindow(lastInboundAt: Date | null, now: Date): WindowState {
  if (!lastInboundAt) {
    return {
      open: false, closesAt: null, allowedWhenClosed: ['template'],
      note: 'The customer has not written yet: start the conversation with an approved template',
    };
  }
  const closesAt = new Date(lastInboundAt.getTime() + CUSTOMER_SERVICE_WINDOW_MS);
  if (now < closesAt) return { open: true, closesAt, allowedWhenClosed: ['template'] };
  return {
    open: false, closesAt, allowedWhenClosed: ['template'],
    note: `The 24-hour customer service window closed at ${closesAt.toISOString()}: only an approved template can be sent until the customer writes again`,
  };
}

/** Refuses a free-form message outside the window before any HTTP call (WhatsApp would 131047 it). */
export function assertWindowAllows(message: OutboundMessage, lastInboundAt: Date | null, now: Date): void {
  if (message.template) return;
  const state = whatsappWindow(lastInboundAt, now);
  if (!state.open) throw new ConnectorError('window_closed', state.note ?? 'The 24-hour window has closed', { retryable: false });
}
