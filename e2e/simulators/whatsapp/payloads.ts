/** Builds webhook bodies in the Cloud API envelope (PROTOCOLS.md 2c): entry per WABA, change per number. */
import type { Account } from './types';

/** One message or status bound for a webhook. */
export interface OutboundItem {
  account: Account;
  kind: 'message' | 'status';
  /** wamid for messages, `status:<wamid>:<status>` for statuses: what the delivery log records. */
  eventId: string;
  item: Record<string, unknown>;
  /** Messages only: the sender's contacts[] entry (statuses never carry contacts). */
  contact?: Record<string, unknown>;
}

/** 'value': one value per number (Meta's usual batch); 'changes': one change per item; 'entries': one entry per item. */
export type Batching = 'value' | 'changes' | 'entries';

export function envelope(items: OutboundItem[], batching: Batching = 'value') {
  type Change = { value: Record<string, unknown>; field: string };
  const entries: { id: string; changes: Change[] }[] = [];
  for (const item of items) {
    const { wabaId, phoneNumberId } = item.account;
    let entry = batching === 'entries' ? undefined : entries.find((e) => e.id === wabaId);
    if (!entry) entries.push((entry = { id: wabaId, changes: [] }));
    let change = batching === 'value'
      ? entry.changes.find((c) => (c.value.metadata as { phone_number_id: string }).phone_number_id === phoneNumberId)
      : undefined;
    if (!change) entry.changes.push((change = { value: emptyValue(item.account), field: 'messages' }));
    add(change.value, item);
  }
  return { object: 'whatsapp_business_account', entry: entries };
}

function emptyValue(account: Account): Record<string, unknown> {
  return { messaging_product: 'whatsapp', metadata: { display_phone_number: account.displayPhoneNumber, phone_number_id: account.phoneNumberId } };
}

function add(value: Record<string, unknown>, item: OutboundItem): void {
  if (item.kind === 'status') {
    ((value.statuses ??= []) as unknown[]).push(item.item);
    return;
  }
  // contacts[] comes before messages[] and lists each sender once, as Meta writes it.
  const contacts = (value.contacts ??= []) as Record<string, unknown>[];
  if (item.contact && !contacts.some((c) => sameContact(c, item.contact!))) contacts.push(item.contact);
  ((value.messages ??= []) as unknown[]).push(item.item);
}

const sameContact = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  (a.wa_id !== undefined && a.wa_id === b.wa_id) || (a.user_id !== undefined && a.user_id === b.user_id);
