/** Random identifiers shaped like Telegram's. */
import { randomBytes, randomInt } from 'node:crypto';

/** User ids: 10 digits, many beyond 2^32 (Telegram ids need up to 52 bits). */
export const newUserId = () => randomInt(1_000_000_000, 8_000_000_000);
/** Basic groups: negative, e.g. -4012345678. */
export const newGroupId = () => -randomInt(4_000_000_000, 5_000_000_000);
/** Supergroups: -100 followed by 10 digits, e.g. -1001987654321. */
export const newSupergroupId = () => -(1_000_000_000_000 + randomInt(1_000_000_000, 9_999_999_999));
export const newBotId = () => randomInt(5_000_000_000, 8_000_000_000);

/** Callback query ids are large decimal strings. */
export function newCallbackId(): string {
  return (randomBytes(8).readBigUInt64BE() >> 1n).toString();
}

/** chat_instance: a signed 64-bit decimal string. */
export function newChatInstance(): string {
  return randomBytes(8).readBigInt64BE().toString();
}

export function newFileId(prefix: string): { fileId: string; fileUniqueId: string } {
  return { fileId: `${prefix}ACAgQAAxkBAAI${randomBytes(24).toString('base64url')}`, fileUniqueId: `AgAD${randomBytes(6).toString('base64url')}` };
}

export function randomBetween([min, max]: [number, number]): number {
  return min >= max ? min : randomInt(min, max + 1);
}
