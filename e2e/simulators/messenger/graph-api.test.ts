import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessengerSimulator } from './server';
import { PAGE, PSID, startFastSimulator, startReceiver } from './test-support';

describe('fake Graph API reads', () => {
  let sim: MessengerSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const get = async (path: string, token = PAGE.accessToken) => {
    const res = await fetch(`${sim.url}${path}${path.includes('?') ? '&' : '?'}access_token=${token}`);
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    receiver = await startReceiver({ appSecret: PAGE.appSecret, verifyToken: PAGE.verifyToken });
    sim = await startFastSimulator();
    await sim.addPage({ ...PAGE, webhookUrl: receiver.url });
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, name: 'Ana Maria Lima', text: 'hi' });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it('GET /me?fields=id,name returns the page (testConnection)', async () => {
    expect(await get('/v21.0/me?fields=id,name')).toEqual({ status: 200, json: { id: PAGE.pageId, name: PAGE.name } });
    expect((await get(`/v21.0/${PAGE.pageId}?fields=name`)).json).toEqual({ name: PAGE.name, id: PAGE.pageId });
  });

  it('GET /me answers 190 for a bad token, also via Authorization: Bearer', async () => {
    const bad = await get('/v21.0/me?fields=id,name', 'garbage');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe(190);
    const res = await fetch(`${sim.url}/v21.0/me?fields=id`, { headers: { Authorization: `Bearer ${PAGE.accessToken}` } });
    expect(await res.json()).toEqual({ id: PAGE.pageId });
  });

  it('GET /<psid> returns the customer profile, and 100/33 for strangers', async () => {
    expect((await get(`/v21.0/${PSID}?fields=first_name,last_name,name`)).json).toEqual({
      first_name: 'Ana',
      last_name: 'Maria Lima',
      name: 'Ana Maria Lima',
      id: PSID,
    });
    const stranger = await get('/v21.0/5555555555555555?fields=name');
    expect(stranger.json.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await get(`/v21.0/${PSID}?fields=email`)).json.error.code).toBe(100);
  });

  it('answers unknown paths with a Graph error', async () => {
    const res = await fetch(`${sim.url}/v21.0/me/unknown/thing`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe(2500);
  });
});
