/** Random identifiers shaped like Meta's. */
import { randomBytes, randomInt } from 'node:crypto';

export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10)); // no leading zero: ids look like integers
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

/** Message id, e.g. "m_AG5Hz2Uq7tuw...". */
export function newMid(): string {
  return `m_${randomBytes(45).toString('base64url')}`;
}

export function newFbtraceId(): string {
  return randomBytes(8).toString('base64url').slice(0, 11);
}

/** Page-scoped user id: a 16-digit numeric string. */
export function newPsid(): string {
  return randomDigits(16);
}

export function newPageId(): string {
  return randomDigits(15);
}

export function newAttachmentId(): string {
  return randomDigits(16);
}

export function randomBetween([min, max]: [number, number]): number {
  return min >= max ? min : randomInt(min, max + 1);
}
