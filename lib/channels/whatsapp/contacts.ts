import { MalformedPayloadError, type ContactProfile } from '../types';
import type { WireContact } from './schemas';

/** Who sent a message or received a status: the phone number (wa_id), else the BSUID. */
export interface WhatsAppIdentity {
  waId?: string;
  userId?: string;
}

/**
 * The contact for an identity: externalId = wa_id (a digit string, never a number), or the
 * business-scoped user id when a user with a username hides their number (2026). The name comes
 * from `value.contacts[]`, matched by wa_id or user_id, because one value can hold several senders.
 */
const findContact = (who: WhatsAppIdentity, contacts: WireContact[] | undefined) =>
  (contacts ?? []).find((c) => (who.waId !== undefined && c.wa_id === who.waId) || (who.userId !== undefined && c.user_id === who.userId));

export function resolveContact(who: WhatsAppIdentity, contacts: WireContact[] | undefined, where: string): ContactProfile {
  const match = findContact(who, contacts);
  const externalId = who.waId || match?.wa_id || who.userId || match?.user_id;
  if (!externalId) throw new MalformedPayloadError(`WhatsApp ${where} without a sender (no from, from_user_id)`);
  const name = match?.profile?.name || undefined;
  return name ? { externalId, name } : { externalId };
}

/** The BSUID next to a phone number, so the app can link both identities of one customer. */
export function identityReference(who: WhatsAppIdentity, contacts: WireContact[] | undefined): Record<string, unknown> | undefined {
  const match = findContact(who, contacts);
  const userId = who.userId ?? match?.user_id;
  const username = match?.profile?.username;
  if (!userId && !username) return undefined;
  return { ...(userId ? { whatsappUserId: userId } : {}), ...(username ? { whatsappUsername: username } : {}) };
}
