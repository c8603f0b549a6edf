/** Messenger's messaging windows (PROTOCOLS.md 1f). */
import { GraphError, graphErrors } from './graph-errors';

const HOUR = 3_600_000;
export const STANDARD_WINDOW_MS = 24 * HOUR;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR;

export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
/** Tags that are still accepted; retired ones (ISSUE_RESOLUTION, ...) are rejected with code 100. */
export const MESSAGE_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'HUMAN_AGENT'] as const;

/**
 * Returns the error Meta would give, or null when the send is allowed.
 * RESPONSE/UPDATE (and sender actions): 24 h after the last inbound; HUMAN_AGENT: 7 days;
 * the other tags: any time (they are policy-restricted, not time-restricted).
 */
export function checkWindow(
  messagingType: string | undefined,
  tag: string | undefined,
  lastInboundAt: number | null,
  now = Date.now(),
): GraphError | null {
  const since = lastInboundAt === null ? Infinity : now - lastInboundAt;
  if (messagingType === 'MESSAGE_TAG') {
    if (tag !== 'HUMAN_AGENT') return null;
    return since <= HUMAN_AGENT_WINDOW_MS ? null : graphErrors.outsideWindow();
  }
  return since <= STANDARD_WINDOW_MS ? null : graphErrors.outsideWindow();
}
