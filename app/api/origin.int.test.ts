/**
 * Cross-site request forgery through the real route handlers: a mutating request that rides on the
 * session cookie must come from the app's own pages; a Bearer token needs no such check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ only in their params type
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
let db: typeof import('@/lib/db');
let cookie: string;
let token: string;
let adminId: string;

async function call(handler: Handler, method: string, path: string, headers: Record<string, string>, opts: { body?: unknown; params?: Record<string, string> } = {}) {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const res = await handler(new Request(`http://127.0.0.1:3999${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const userBody = (email: string) => ({ name: 'Mallory', email, password: 'long enough password', role: 'admin' });
const users = () => db.db().user.count();

beforeAll(async () => {
  await useTestDatabase();
  db = await import('@/lib/db');
  const { createToken } = await import('@/lib/domain/tokens');
  const { sessionCookieFor } = await import('@/lib/testing/session');
  const admin = await makeUser('admin');
  adminId = admin.id;
  cookie = await sessionCookieFor(admin);
  token = (await createToken(admin, { name: 'ci' })).token;
});

afterAll(async () => {
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db?.closeDb();
});

describe('cookie-authenticated mutations', () => {
  it('refuses a cross-site POST with the cookie, and it changes nothing', async () => {
    const { POST } = await import('./v1/users/route');
    const before = await users();
    for (const headers of <Record<string, string>[]>[
      { cookie, origin: 'https://evil.example', host: '127.0.0.1:3999' },
      { cookie, origin: 'null', host: '127.0.0.1:3999' },
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await call(POST, 'POST', '/api/v1/users', headers, { body: userBody(`mallory-${Math.random()}@example.com`) });
      expect(res).toMatchObject({ status: 403, json: { error: { code: 'bad_origin' } } });
    }
    expect(await users()).toBe(before);
  });

  it('refuses a cross-site DELETE with the cookie', async () => {
    const tokens = await import('./v1/tokens/[id]/route');
    const [existing] = await db.db().apiToken.findMany({ where: { userId: adminId } });
    const res = await call(tokens.DELETE, 'DELETE', `/api/v1/tokens/${existing.id}`, { cookie, origin: 'https://evil.example' }, { params: { id: existing.id } });
    expect(res.status).toBe(403);
    expect(await db.db().apiToken.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ revokedAt: null });
  });

  it('accepts the same request from the app itself: PUBLIC_URL, the host it was sent to, or Sec-Fetch-Site same-origin', async () => {
    const { POST } = await import('./v1/users/route');
    const before = await users();
    for (const headers of <Record<string, string>[]>[
      { cookie, origin: process.env.PUBLIC_URL! },
      { cookie, origin: 'http://localhost:3300', host: 'localhost:3300' },
      { cookie, 'sec-fetch-site': 'same-origin' },
    ]) {
      const res = await call(POST, 'POST', '/api/v1/users', headers, { body: userBody(`ok-${Math.random()}@example.com`) });
      expect(res.status).toBe(201);
    }
    expect(await users()).toBe(before + 3);
  });

  it('does not apply the Origin rule to reads or to Bearer tokens', async () => {
    const me = await import('./v1/me/route');
    expect((await call(me.GET, 'GET', '/api/v1/me', { cookie, origin: 'https://evil.example' })).status).toBe(200);
    const { POST } = await import('./v1/users/route');
    const res = await call(POST, 'POST', '/api/v1/users', { authorization: `Bearer ${token}`, origin: 'https://evil.example' }, { body: userBody(`bearer-${Math.random()}@example.com`) });
    expect(res.status).toBe(201);
  });

  it('guards the open setup route too', async () => {
    const setup = await import('./setup/route');
    const res = await call(setup.POST, 'POST', '/api/setup', { origin: 'https://evil.example' }, { body: userBody('first@example.com') });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'bad_origin' } } });
  });
});
