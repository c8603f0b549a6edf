import type { WindowState } from '../types';
import type { MessengerConfig } from './config';

const HOUR_MS = 60 * 60 * 1000;
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;

/** How a reply may go out right now (PROTOCOLS.md 1f); null when Messenger would refuse it. */
export type ReplyPolicy =
  | { messagingType: 'RESPONSE'; closesAt: Date }
  | { messagingType: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT'; closesAt: Date };

export function replyPolicy(
  lastInboundAt: Date | null,
  now: Date,
  config: Pick<MessengerConfig, 'humanAgentTag'>,
): ReplyPolicy | null {
  if (!lastInboundAt) return null;
  const standardEnd = new Date(lastInboundAt.getTime() + STANDARD_WINDOW_MS);
  if (now < standardEnd) return { messagingType: 'RESPONSE', closesAt: standardEnd };
  const humanAgentEnd = new Date(lastInboundAt.getTime() + HUMAN_AGENT_WINDOW_MS);
  if (config.humanAgentTag && now < humanAgentEnd) {
    return { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', closesAt: humanAgentEnd };
  }
  return null;
}

/** Messenger has no templates here, so nothing is allowed once closed. */
export function messengerWindow(
  lastInboundAt: Date | null,
  now: Date,
  config: Pick<MessengerConfig, 'humanAgentTag'>,
): WindowState {
  if (!lastInboundAt) {
    return {
      open: false, closesAt: null, allowedWhenClosed: [],
      note: 'The customer has not written yet; Messenger only accepts replies after a customer message',
    };
  }
  const policy = replyPolicy(lastInboundAt, now, config);
  if (policy?.messagingType === 'RESPONSE') return { open: true, closesAt: policy.closesAt, allowedWhenClosed: [] };
  if (policy) {
    return {
      open: true, closesAt: policy.closesAt, allowedWhenClosed: [],
      note: `Outside 24 h: replies use the HUMAN_AGENT tag until ${policy.closesAt.toISOString()}`,
    };
  }
  const closedAt = new Date(
    lastInboundAt.getTime() + (config.humanAgentTag ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS),
  );
  const which = config.humanAgentTag ? '7-day human agent' : '24-hour';
  return {
    open: false, closesAt: closedAt, allowedWhenClosed: [],
    note: `The ${which} reply window closed at ${closedAt.toISOString()}; Messenger accepts no free-form replies until the customer writes again`,
  };
}
