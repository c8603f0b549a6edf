/** Identifiers shaped like WhatsApp's, and a seeded PRNG so "random" behaviour is reproducible. */
import { randomBytes, randomInt } from 'node:crypto';

export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

/** wamid.HBgL… : base64 of a random blob, like Meta's. */
export function newWamid(): string {
  return `wamid.HBgL${randomBytes(30).toString('base64')}`;
}

export const newMediaId = () => randomDigits(16);
export const newFbtraceId = () => randomBytes(8).toString('base64url').slice(0, 11);

/** mulberry32: tiny, fast, deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
