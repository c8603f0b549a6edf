import { MalformedPayloadError, type DeliveryStatus, type NormalizedEvent } from '../types';
import { statusError } from './error-reasons';
import type { WireStatus } from './schemas';

const STATUSES: readonly DeliveryStatus[] = ['sent', 'delivered', 'read', 'failed'];
const isDeliveryStatus = (s: string): s is DeliveryStatus => (STATUSES as readonly string[]).includes(s);

/**
 * One receipt → one StatusEvent, keyed `status:<wamid>:<status>`: redeliveries collapse, while
 * sent/delivered/read of one message stay distinct. Applying them monotonically (read never goes
 * back to delivered) is the app's job: they arrive out of order and sometimes after `failed`.
 */
export function mapStatus(status: WireStatus): NormalizedEvent {
  const contactExternalId = status.recipient_id || status.recipient_user_id;
  if (!contactExternalId) throw new MalformedPayloadError(`WhatsApp status for ${status.id} has no recipient`);
  const timestamp = new Date(status.timestamp * 1000);
  const dedupeKey = `status:${status.id}:${status.status}`;
  if (!isDeliveryStatus(status.status)) {
    // e.g. "deleted" or "warning": kept, not applied to the message.
    return { type: 'unsupported', dedupeKey, timestamp, contactExternalId, description: `WhatsApp "${status.status}" status for ${status.id} (not handled)` };
  }
  const first = status.errors?.[0];
  return {
    type: 'status', dedupeKey, timestamp, contactExternalId, status: status.status, messageExternalIds: [status.id],
    ...(first || status.status === 'failed' ? { error: statusError(first) } : {}),
  };
}
