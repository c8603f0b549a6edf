/**
 * Password hashing limits with real scrypt: never more than HASH_CONCURRENCY hashes at once, a
 * full queue refuses at once, OWASP parameters for new hashes and for the unknown-email dummy.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, HASH_CONCURRENCY, HASH_QUEUE, hashingLoad, hashPassword, needsRehash, PasswordHasherBusy, SCRYPT, verifyPassword } from './password';

/** A hash with cheaper (older) parameters: verifying it is real scrypt through the same gate, just faster. */
function oldHash(password: string): string {
  const salt = randomBytes(16);
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), scryptSync(password, salt, 64, { N: 1024, r: 8, p: 1 }).toString('base64url')].join('$');
}

async function sampleWhile<T>(work: Promise<T>): Promise<{ result: T; maxActive: number; samples: number }> {
  let done = false;
  let maxActive = 0;
  let samples = 0;
  const sampler = (async () => {
    while (!done) {
      maxActive = Math.max(maxActive, hashingLoad().active);
      samples++;
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  const result = await work.finally(() => (done = true));
  await sampler;
  return { result, maxActive, samples };
}

describe('password hashing', () => {
  it('uses scrypt N=2^17, r=8, p=1 and verifies what it made', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(oldHash('x'))).toBe(true);
  }, 60_000);

  it('checks unknown emails against a dummy hash with the same parameters (same cost)', async () => {
    expect(DUMMY_HASH.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('anything', DUMMY_HASH)).toBe(false);
  }, 60_000);

  it('runs at most HASH_CONCURRENCY hashes at once when 20 arrive together', async () => {
    const stored = oldHash('pw');
    const { result, maxActive, samples } = await sampleWhile(Promise.all(Array.from({ length: 20 }, (_, i) => verifyPassword(i % 2 ? 'pw' : 'nope', stored))));
    expect(result.filter(Boolean)).toHaveLength(10);
    expect(samples).toBeGreaterThan(5);
    expect(maxActive).toBe(HASH_CONCURRENCY);
    expect(hashingLoad().peak).toBe(HASH_CONCURRENCY);
    expect(HASH_CONCURRENCY).toBe(2);
  }, 60_000);

  it('refuses at once beyond the bounded queue instead of queueing forever', async () => {
    const stored = oldHash('pw');
    const extra = 10;
    const started = Date.now();
    const calls = Array.from({ length: HASH_CONCURRENCY + HASH_QUEUE + extra }, () =>
      verifyPassword('pw', stored).then(
        () => ({ ok: true, at: Date.now() - started }),
        (err: unknown) => ({ ok: false, busy: err instanceof PasswordHasherBusy, at: Date.now() - started }),
      ),
    );
    const results = await Promise.all(calls);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(extra);
    expect(refused.every((r) => 'busy' in r && r.busy)).toBe(true);
    const slowestAccepted = Math.max(...results.filter((r) => r.ok).map((r) => r.at));
    // Refusals came back before the queue drained: nobody waited for work they could not get.
    expect(Math.max(...refused.map((r) => r.at))).toBeLessThan(slowestAccepted);
    expect(hashingLoad()).toMatchObject({ active: 0, queued: 0 });
  }, 60_000);

  it('refuses stored hashes that ask for absurd memory instead of allocating it', async () => {
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });
});
