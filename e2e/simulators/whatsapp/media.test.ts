import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatsAppSimulator } from './server';
import { CLOUD, CLOUD_2, D360, type Receiver, startFastSimulator, startReceiver, WA } from './test-support';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

describe('media by id (URL valid 5 minutes, needs the credentials)', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  let clock: number;
  const bearer = (token = CLOUD.accessToken) => ({ Authorization: `Bearer ${token}` });
  beforeEach(async () => {
    clock = Date.parse('2026-03-10T12:00:00Z');
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
    sim = await startFastSimulator({ now: () => clock });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('Cloud: the webhook carries a media id; GET /{version}/{id} → URL; the URL needs the Bearer token and expires', async () => {
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, image: { caption: 'look' } });
    const [value] = (await receiver.waitForPosts(1)) && receiver.values();
    const image = value.messages[0].image;
    expect(image).toMatchObject({ caption: 'look', mime_type: 'image/png', id: expect.stringMatching(/^\d{16}$/), sha256: expect.any(String) });
    expect(value.messages[0]).not.toHaveProperty('url');

    const lookup = await fetch(`${sim.url}/v23.0/${image.id}`, { headers: bearer() });
    const info = (await lookup.json()) as any;
    expect(info).toMatchObject({ messaging_product: 'whatsapp', mime_type: 'image/png', id: image.id, file_size: expect.any(Number) });
    expect(new URL(info.url).origin).toBe(sim.url);

    const download = await fetch(info.url, { headers: bearer() });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await download.arrayBuffer()).slice(0, 4)]).toEqual(PNG_MAGIC);

    expect((await fetch(info.url)).status).toBe(401);
    clock += 5 * 60_000 + 1000;
    const expired = await fetch(info.url, { headers: bearer() });
    expect(expired.status).toBe(404);
    expect(((await expired.json()) as any).error).toContain('expired');
    // A fresh lookup gives a fresh URL.
    const again = (await (await fetch(`${sim.url}/v23.0/${image.id}`, { headers: bearer() })).json()) as any;
    expect((await fetch(again.url, { headers: bearer() })).status).toBe(200);
  });

  it('Cloud: another number’s token cannot look up or download the media; a bad token gets 190', async () => {
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.registerAccount({ ...CLOUD_2, accessToken: 'other-token' });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, image: {} });
    const id = ((await receiver.waitForPosts(1)) && receiver.values())[0].messages[0].image.id;
    expect(((await (await fetch(`${sim.url}/v23.0/${id}`, { headers: bearer('other-token') })).json()) as any).error.code).toBe(100);
    const bad = await fetch(`${sim.url}/v23.0/${id}`, { headers: bearer('nope') });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).error.code).toBe(190);
    const info = (await (await fetch(`${sim.url}/v23.0/${id}`, { headers: bearer() })).json()) as any;
    expect((await fetch(info.url, { headers: bearer('other-token') })).status).toBe(401);
  });

  it('360dialog: GET /{id} with D360-API-KEY returns Meta’s lookaside URL, downloadable through the 360dialog host', async () => {
    await sim.registerAccount({ ...D360, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: D360.phoneNumberId, waId: WA, image: {} });
    const id = ((await receiver.waitForPosts(1)) && receiver.values())[0].messages[0].image.id;
    const info = (await (await fetch(`${sim.url}/${id}`, { headers: { 'D360-API-KEY': D360.apiKey } })).json()) as any;
    const url = new URL(info.url);
    expect(url.origin).toBe('https://lookaside.fbsbx.com');
    const rewritten = `${sim.url}${url.pathname}${url.search}`;
    expect((await fetch(rewritten, { headers: { 'D360-API-KEY': D360.apiKey } })).status).toBe(200);
    expect((await fetch(rewritten)).status).toBe(401);
    expect((await fetch(`${sim.url}/${id}`, { headers: { 'D360-API-KEY': 'wrong' } })).status).toBe(401);
  });
});
