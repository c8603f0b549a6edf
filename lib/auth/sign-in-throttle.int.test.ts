/**
 * Sign-in throttling through next-auth's authorize (lib/auth/options.ts) against a real
 * PostgreSQL, with a clock the test moves: 10 failures lock the (email, address) pair, the right
 * password is then refused with the lock message, another address is unaffected, the lock ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { CLIENT_ADDRESS_HEADER } from './client-address';

type Authorize = typeof import('./options').authorizeCredentials;
let authorize: Authorize;
let db: typeof import('@/lib/db');
const PASSWORD = 'the right password';
let email: string;

let clock = new Date('2026-11-29T12:00:00Z').getTime();
const now = () => new Date(clock);
const from = (address: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: address } });
const attempt = (password: string, address: string, who = email) => authorize({ email: who, password }, from(address), now).then(
  (user) => (user ? 'ok' : 'wrong'),
  (err: Error) => err.message,
);

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  await useTestDatabase();
  db = await import('@/lib/db');
  authorize = (await import('./options')).authorizeCredentials;
  const { createUser } = await import('@/lib/domain/users');
  email = (await createUser(null, { name: 'Target', email: 'target@example.com', password: PASSWORD, role: 'agent' })).email;
}, 60_000);
afterAll(async () => db?.closeDb());

describe('sign-in throttling', () => {
  it('locks the (email, address) pair after 10 failures in 15 minutes, for 15 minutes', async () => {
    expect(await attempt(PASSWORD, '203.0.113.7')).toBe('ok');
    const results: string[] = [];
    for (let i = 0; i < 10; i++) {
      results.push(await attempt(`wrong ${i}`, '203.0.113.7'));
      clock += 30_000; // 10 failures over 5 minutes: inside the window
    }
    expect(results.slice(0, 9)).toEqual(Array(9).fill('wrong'));
    expect(results[9]).toMatch(/^locked:1[45]$/); // the 10th failure starts the lock and says so

    // The 11th attempt, with the right password, is refused with the lock message.
    const eleventh = await attempt(PASSWORD, '203.0.113.7');
    expect(eleventh).toMatch(/^locked:(\d+)$/);
    const { signInErrorMessage } = await import('@/components/auth/signInError');
    expect(signInErrorMessage(eleventh)).toMatch(/^Too many failed attempts\. Try again in 1[45] minutes\.$/);

    // Another address is not affected, for the same account.
    expect(await attempt(PASSWORD, '198.51.100.20')).toBe('ok');

    // Failures and the lockout are audited and cost no hashing while locked.
    const audits = await db.db().auditLog.findMany({ where: { action: { in: ['signin.failed', 'signin.locked'] } } });
    expect(audits.filter((a) => a.action === 'signin.failed')).toHaveLength(10);
    expect(audits.filter((a) => a.action === 'signin.locked')).toEqual([expect.objectContaining({ targetId: email, data: expect.objectContaining({ address: '203.0.113.7' }) })]);

    // Still locked just before the end, open after it.
    clock += 14 * 60_000 - 30_000;
    expect(await attempt(PASSWORD, '203.0.113.7')).toMatch(/^locked:1$/);
    clock += 60_000;
    expect(await attempt(PASSWORD, '203.0.113.7')).toBe('ok');
    // A success clears the pair's counter: one more failure is just a failure.
    expect(await attempt('wrong again', '203.0.113.7')).toBe('wrong');
  }, 120_000);

  it('counts failures in a fixed window: failures spread over more than 15 minutes do not lock', async () => {
    const { lockedUntil, recordFailure } = await import('./sign-in-throttle');
    const address = '192.0.2.55';
    for (let i = 0; i < 12; i++) {
      const r = await recordFailure(email, address, now());
      expect(r.lockedNow).toBe(false);
      clock += 2 * 60_000; // 12 failures over 24 minutes: the window restarts before the 10th
    }
    expect(await lockedUntil(email, address, now())).toBeNull();
    expect(await attempt(PASSWORD, address)).toBe('ok');
  }, 60_000);

  it('caps one address across accounts (50 failures), unknown emails included', async () => {
    const { recordFailure } = await import('./sign-in-throttle');
    const address = '192.0.2.99';
    // 49 failures on 49 different (unknown) accounts: no pair reaches 10, the address is not yet capped.
    for (let i = 0; i < 49; i++) expect((await recordFailure(`nobody${i}@example.com`, address, now())).lockedNow).toBe(false);
    expect(await attempt(PASSWORD, address)).toBe('ok');
    // The 50th failure, through sign-in, locks the address.
    expect(await attempt('guess', address, 'nobody49@example.com')).toMatch(/^locked:15$/);
    // Now even a real account with its right password is refused from that address...
    expect(await attempt(PASSWORD, address)).toMatch(/^locked:/);
    // ...but not from another one.
    expect(await attempt(PASSWORD, '192.0.2.100')).toBe('ok');
  }, 60_000);

  it('re-hashes a password stored with older scrypt parameters on a successful sign-in', async () => {
    const { SCRYPT } = await import('@/lib/crypto/password');
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync('old params pass', salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
    const user = await db.db().user.create({ data: { name: 'Old', email: 'old@example.com', role: 'agent', passwordHash: old } });
    expect(await attempt('old params pass', '192.0.2.1', 'old@example.com')).toBe('ok');
    const after = await db.db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash.split('$').slice(0, 4)).toEqual(['scrypt', String(SCRYPT.N), String(SCRYPT.r), String(SCRYPT.p)]);
    expect(await attempt('old params pass', '192.0.2.1', 'old@example.com')).toBe('ok');
  }, 120_000);
});
