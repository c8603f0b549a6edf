/**
 * Password hashing with scrypt (memory-hard, in node:crypto). Format: scrypt$N$r$p$salt$hash.
 * Parameters follow OWASP's Password Storage Cheat Sheet (N=2^17, r=8, p=1: 128 MiB and a few
 * hundred ms per hash), so every hash runs through a small gate: at most HASH_CONCURRENCY at once
 * per process and a bounded queue; beyond that callers get PasswordHasherBusy at once instead of
 * piling up work (a sign-in flood cannot take the CPU or the memory).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { WorkGate } from './work-gate';

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEYLEN = 64;
/** scrypt needs 128·N·r bytes; the old limit (32 MiB default) refuses N=2^17. Cap what a stored hash may ask for. */
const MAX_N = 2 ** 20;
const maxmemFor = (N: number, r: number) => 128 * N * r + 16 * 1024 * 1024;

export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 32;
const gate = new WorkGate(HASH_CONCURRENCY, HASH_QUEUE);

export class PasswordHasherBusy extends Error {
  constructor() {
    super('Too many password checks are running; try again in a few seconds');
    this.name = 'PasswordHasherBusy';
  }
}

/** How many hashes run and wait right now, and the most that ever ran at once (for tests and health). */
export const hashingLoad = () => gate.stats();

function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const run = () =>
    new Promise<Buffer>((resolve, reject) =>
      scryptCb(password, salt, KEYLEN, { ...params, maxmem: maxmemFor(params.N, params.r) }, (err, key) => (err ? reject(err) : resolve(key))),
    );
  const queued = gate.run(run);
  if (!queued) return Promise.reject(new PasswordHasherBusy());
  return queued;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

interface Parsed { N: number; r: number; p: number; salt: Buffer; hash: Buffer }

function parse(stored: string): Parsed | null {
  const [alg, n, rr, pp, salt, hash] = stored.split('$');
  const N = Number(n), r = Number(rr), p = Number(pp);
  if (alg !== 'scrypt' || !salt || !hash) return null;
  // A stored hash is trusted data, but bound it anyway: a corrupt row must not ask for gigabytes.
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  return { N, r, p, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await scrypt(password, parsed.salt, parsed);
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** True for hashes made with older (weaker) parameters: re-hash them after a successful sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N !== SCRYPT.N || parsed.r !== SCRYPT.r || parsed.p !== SCRYPT.p || parsed.hash.length !== KEYLEN;
}

/** Checked against for unknown emails: same parameters as a real hash, so it costs the same time. */
export const DUMMY_HASH = ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, Buffer.alloc(16).toString('base64url'), Buffer.alloc(KEYLEN).toString('base64url')].join('$');
