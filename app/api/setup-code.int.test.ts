/**
 * First run on an exposed machine: POST /api/setup through the real route handler needs the
 * one-time setup code unless the request came from loopback (as the custom server stamps it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';

let url: string;
let db: typeof import('@/lib/db');
beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  url = await useTestDatabase();
  db = await import('@/lib/db');
});
afterAll(async () => db?.closeDb());

const admin = (n: number, setupCode?: string) => ({ name: `Admin ${n}`, email: `admin${n}@example.com`, password: 'a long enough password', ...(setupCode !== undefined && { setupCode }) });

async function post(address: string, body: unknown) {
  const { POST } = await import('./setup/route');
  const res = await POST(new Request('http://localhost/api/setup', { method: 'POST', headers: { [CLIENT_ADDRESS_HEADER]: address }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json() };
}

const users = () => db.db().user.count();

describe('setup code', () => {
  it('is issued by the launcher only while no user exists', async () => {
    const { setupCodeForFirstRun } = await import('@/lib/server/first-run');
    const code = await setupCodeForFirstRun(url);
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(await db.db().setupCode.count()).toBe(1);
    expect((await db.db().setupCode.findFirstOrThrow()).codeHash).not.toContain(code!.replace(/-/g, ''));
  });

  it('a remote request without the code, or with a wrong one, is refused and creates nothing', async () => {
    const none = await post('203.0.113.9', admin(1));
    expect(none).toMatchObject({ status: 403, json: { error: { code: 'setup_code_required', message: expect.stringMatching(/terminal/) } } });
    const wrong = await post('203.0.113.9', admin(1, 'AAAA-BBBB-CCCC-DDDD'));
    expect(wrong).toMatchObject({ status: 403, json: { error: { code: 'setup_code_invalid' } } });
    // A request that did not come through the custom server has no address: not loopback either.
    const { POST } = await import('./setup/route');
    const bare = await POST(new Request('http://localhost/api/setup', { method: 'POST', body: JSON.stringify(admin(1)) }), { params: Promise.resolve({}) });
    expect(bare.status).toBe(403);
    expect(await users()).toBe(0);
  });

  it('the right code (as typed: any case, spaces) sets up from a remote address, once', async () => {
    const { issueSetupCode, setupCodeMatches } = await import('@/lib/auth/setup-code');
    const code = await issueSetupCode(db.pool()); // what `npm run cli -- setup:code` prints; replaces the launcher's
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const ok = await post('203.0.113.9', admin(2, typed));
    expect(ok).toMatchObject({ status: 201, json: { role: 'admin', email: 'admin2@example.com' } });
    // Single use: the code is gone, and using it again creates nothing.
    expect(await setupCodeMatches(db.pool(), code)).toBe(false);
    expect(await db.db().setupCode.count()).toBe(0);
    const again = await post('203.0.113.10', admin(3, code));
    expect([403, 409]).toContain(again.status);
    expect(await users()).toBe(1);
  }, 60_000);

  it('loopback needs no code', async () => {
    await db.db().user.deleteMany();
    const local = await post('127.0.0.1', admin(4));
    expect(local).toMatchObject({ status: 201, json: { role: 'admin' } });
    await db.db().user.deleteMany();
    expect((await post('::1', admin(5))).status).toBe(201);
    // With an admin in place, a restart prints no code.
    const { setupCodeForFirstRun } = await import('@/lib/server/first-run');
    expect(await setupCodeForFirstRun(url)).toBeNull();
  }, 60_000);
});
