/** First-run setup through the real route handler, on an empty database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';

beforeAll(async () => {
  await useTestDatabase();
  process.env.LOG_LEVEL = 'silent';
});
afterAll(async () => (await import('@/lib/db')).closeDb());

const post = async (body: unknown) => {
  const { POST } = await import('./setup/route');
  // From the server's own machine (as the custom server stamps it), so no setup code is needed.
  const headers = { 'x-switchboard-client-address': '127.0.0.1' };
  const res = await POST(new Request('http://localhost/api/setup', { method: 'POST', headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json() };
};

describe('first-run setup', () => {
  it('validates the form and creates nothing', async () => {
    const bad = await post({ name: '', email: 'nope', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/Name is required.*valid email.*at least 10 characters/);
  });

  it('creates exactly one admin when two setups race, then refuses', async () => {
    const { GET } = await import('./setup/route');
    expect(await (await GET(new Request('http://localhost/api/setup'), { params: Promise.resolve({}) })).json()).toEqual({ needsSetup: true });
    const body = (n: number) => ({ name: `Admin ${n}`, email: `admin${n}@example.com`, password: 'a long enough password' });
    const results = await Promise.all([post(body(1)), post(body(2))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 201)!.json).toMatchObject({ role: 'admin' });
    expect((await post(body(3))).json.error.code).toBe('already_set_up');
    expect(await (await GET(new Request('http://localhost/api/setup'), { params: Promise.resolve({}) })).json()).toEqual({ needsSetup: false });
  });
});
