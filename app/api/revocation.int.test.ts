/**
 * Sessions and API tokens end at once when an admin disables a user or sets their password, and
 * when users change their own password: through the real route handlers, a real session cookie
 * (next-auth's own JWT encoding) and real API tokens, against a real PostgreSQL.
 */
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ only in their params type
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
let db: typeof import('@/lib/db');
let me: Handler, patchUser: Handler, changePassword: Handler;
let adminId: string, adminToken: string;
let agent: { id: string; email: string };
const PASSWORD = 'agent password one';

async function call(handler: Handler, method: string, auth: { token?: string; cookie?: string }, body?: unknown, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const res = await handler(new Request('http://localhost/api/v1/x', { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** A session cookie exactly as next-auth issues it at sign-in (our jwt callback's fields). */
async function sessionCookieFor(userId: string): Promise<string> {
  const user = await db.db().user.findUniqueOrThrow({ where: { id: userId } });
  const { sessionSecret } = await import('@/lib/auth/secret');
  const { authOptions } = await import('@/lib/auth/options');
  const token = await authOptions().callbacks!.jwt!({ token: {}, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } as never } as never);
  return `next-auth.session-token=${await encode({ token, secret: sessionSecret() })}`;
}

async function newToken(userId: string): Promise<string> {
  const { createToken } = await import('@/lib/domain/tokens');
  const { userView } = await import('@/lib/domain/users');
  return (await createToken(userView(await db.db().user.findUniqueOrThrow({ where: { id: userId } })), { name: 't' })).token;
}

/** What getServerSession runs for pages: the jwt callback on the decoded cookie. */
async function pageSessionEnds(cookie: string): Promise<boolean> {
  const { decode } = await import('next-auth/jwt');
  const { sessionSecret } = await import('@/lib/auth/secret');
  const { authOptions } = await import('@/lib/auth/options');
  const token = await decode({ token: cookie.split('=')[1], secret: sessionSecret() });
  const jwt = authOptions().callbacks!.jwt! as (params: unknown) => Promise<unknown>;
  return jwt({ token: token! }).then(() => false, () => true);
}

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  await useTestDatabase();
  db = await import('@/lib/db');
  me = (await import('./v1/me/route')).GET as Handler;
  patchUser = (await import('./v1/users/[id]/route')).PATCH as Handler;
  changePassword = (await import('./v1/me/password/route')).POST as Handler;
  const { createUser } = await import('@/lib/domain/users');
  const admin = await createUser(null, { name: 'Admin', email: 'admin@example.com', password: 'admin password one', role: 'admin' });
  adminId = admin.id;
  adminToken = await newToken(admin.id);
  agent = await createUser(null, { name: 'Agent', email: 'agent@example.com', password: PASSWORD, role: 'agent' });
}, 120_000);
afterAll(async () => db?.closeDb());

describe('revocation', () => {
  it('disabling a user ends their session cookie and API tokens at once; re-enabling does not revive them', async () => {
    const cookie = await sessionCookieFor(agent.id);
    const token = await newToken(agent.id);
    expect((await call(me, 'GET', { cookie })).json).toMatchObject({ id: agent.id });
    expect((await call(me, 'GET', { token })).status).toBe(200);
    expect(await pageSessionEnds(cookie)).toBe(false);

    const disabled = await call(patchUser, 'PATCH', { token: adminToken }, { disabled: true }, { id: agent.id });
    expect(disabled).toMatchObject({ status: 200, json: { id: agent.id, disabled: true } });
    expect((await call(me, 'GET', { cookie })).status).toBe(401);
    expect((await call(me, 'GET', { token })).status).toBe(401);
    expect(await pageSessionEnds(cookie)).toBe(true);
    const { authenticate } = await import('@/lib/domain/users');
    expect(await authenticate(agent.email, PASSWORD)).toBeNull();

    expect((await call(patchUser, 'PATCH', { token: adminToken }, { disabled: false }, { id: agent.id })).json).toMatchObject({ disabled: false });
    expect((await call(me, 'GET', { cookie })).status).toBe(401);
    expect((await call(me, 'GET', { token })).status).toBe(401);
    // Signing in again gives a working session.
    expect(await authenticate(agent.email, PASSWORD)).toMatchObject({ id: agent.id });
    expect((await call(me, 'GET', { cookie: await sessionCookieFor(agent.id) })).status).toBe(200);

    const audit = await db.db().auditLog.findMany({ where: { action: 'user.updated', targetId: agent.id }, orderBy: { createdAt: 'asc' } });
    expect(audit[0]).toMatchObject({ actorId: adminId, data: expect.objectContaining({ disabled: true, sessionsEnded: true, tokensRevoked: 1 }) });
  }, 120_000);

  it('changing your own password ends every session and token of yours; the wrong current password changes nothing', async () => {
    const cookie = await sessionCookieFor(agent.id);
    const token = await newToken(agent.id);
    const wrong = await call(changePassword, 'POST', { token }, { currentPassword: 'not it', newPassword: 'agent password two' });
    expect(wrong).toMatchObject({ status: 403, json: { error: { code: 'wrong_password' } } });
    expect((await call(me, 'GET', { cookie })).status).toBe(200);
    const short = await call(changePassword, 'POST', { token }, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short).toMatchObject({ status: 400, json: { error: { fields: { newPassword: expect.stringMatching(/10 characters/) } } } });

    const ok = await call(changePassword, 'POST', { cookie }, { currentPassword: PASSWORD, newPassword: 'agent password two' });
    expect(ok).toMatchObject({ status: 200, json: { changed: true, signedOut: true, tokensRevoked: 1 } });
    expect((await call(me, 'GET', { cookie })).status).toBe(401);
    expect((await call(me, 'GET', { token })).status).toBe(401);
    const { authenticate } = await import('@/lib/domain/users');
    expect(await authenticate(agent.email, PASSWORD)).toBeNull();
    expect(await authenticate(agent.email, 'agent password two')).toMatchObject({ id: agent.id });
  }, 120_000);

  it('an admin setting a password ends that user\'s sessions too; only admins may edit users', async () => {
    const cookie = await sessionCookieFor(agent.id);
    const agentToken = await newToken(agent.id);
    expect((await call(patchUser, 'PATCH', { token: agentToken }, { role: 'admin' }, { id: agent.id })).status).toBe(403);
    const reset = await call(patchUser, 'PATCH', { token: adminToken }, { password: 'reset by admin 123', name: 'Agent Renamed' }, { id: agent.id });
    expect(reset).toMatchObject({ status: 200, json: { name: 'Agent Renamed', role: 'agent', disabled: false } });
    expect((await call(me, 'GET', { cookie })).status).toBe(401);
    expect((await call(me, 'GET', { token: agentToken })).status).toBe(401);
    // A role change alone takes effect without ending sessions (role is read on every request).
    const fresh = await sessionCookieFor(agent.id);
    await call(patchUser, 'PATCH', { token: adminToken }, { role: 'manager' }, { id: agent.id });
    expect((await call(me, 'GET', { cookie: fresh })).json).toMatchObject({ role: 'manager' });
  }, 120_000);

  it('refuses bad edits clearly and changes nothing', async () => {
    const self = await call(patchUser, 'PATCH', { token: adminToken }, { disabled: true }, { id: adminId });
    expect(self).toMatchObject({ status: 409, json: { error: { code: 'cannot_change_self' } } });
    expect((await call(patchUser, 'PATCH', { token: adminToken }, {}, { id: agent.id })).status).toBe(400);
    expect((await call(patchUser, 'PATCH', { token: adminToken }, { email: 'x@example.com' }, { id: agent.id })).status).toBe(400);
    expect((await call(patchUser, 'PATCH', { token: adminToken }, { role: 'boss' }, { id: agent.id })).status).toBe(400);
    expect((await call(patchUser, 'PATCH', { token: adminToken }, { name: 'x' }, { id: 'not-a-uuid' })).status).toBe(404);
    expect((await call(me, 'GET', { token: adminToken })).status).toBe(200);
  });

  it('throttles wrong current passwords like sign-ins: a locked pair cannot change the password', async () => {
    const { recordFailure } = await import('@/lib/auth/sign-in-throttle');
    const token = await newToken(agent.id);
    const user = await db.db().user.findUniqueOrThrow({ where: { id: agent.id } });
    // These requests reach the handler without the server's address stamp: address "unknown".
    for (let i = 0; i < 10; i++) await recordFailure(user.email, 'unknown', new Date());
    const locked = await call(changePassword, 'POST', { token }, { currentPassword: 'reset by admin 123', newPassword: 'agent password three' });
    expect(locked).toMatchObject({ status: 429, json: { error: { code: 'too_many_attempts', message: expect.stringMatching(/Try again in 15 minutes/) } } });
    expect((await db.db().user.findUniqueOrThrow({ where: { id: agent.id } })).passwordHash).toBe(user.passwordHash);
  });
});
