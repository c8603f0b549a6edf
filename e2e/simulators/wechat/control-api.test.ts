import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WeChatSimulator } from './server';
import { ACCOUNT, fetchToken, OPENID, sendText, startFastSimulator, startReceiver } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('control API over HTTP', () => {
  let sim: WeChatSimulator;
  let receiver: Receiver;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeEach(async () => {
    receiver = await startReceiver();
    sim = await startFastSimulator();
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('POST /_sim/accounts saves the server configuration and verifies the URL with echostr', async () => {
    const ok = await call('POST', '/_sim/accounts', { ...ACCOUNT, mode: 'safe', webhookUrl: receiver.url });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ account: { appId: ACCOUNT.appId, mode: 'safe', verified: true }, verification: { verified: true, status: 200 } });
    expect(ok.json.verification.body).toBe(ok.json.verification.echostr);
    const wrongToken = await call('POST', '/_sim/accounts', { ...ACCOUNT, token: 'otherToken', webhookUrl: receiver.url });
    expect(wrongToken.json).toMatchObject({ verification: { verified: false, status: 401, body: 'Invalid signature' } });
    expect((await call('GET', '/_sim/accounts')).json).toEqual([expect.objectContaining({ appId: ACCOUNT.appId, verified: false })]);
  });

  it.each([
    ['/_sim/accounts', { ...ACCOUNT, appId: 'gh_123' }, /appId must be "wx"/],
    ['/_sim/accounts', { ...ACCOUNT, mode: 'safe', encodingAesKey: undefined }, /need an encodingAesKey/],
    ['/_sim/accounts', { ...ACCOUNT, token: 'has space' }, /token must be 3-32 letters or digits/],
    ['/_sim/followers/send', { appId: ACCOUNT.appId, type: 'sticker' }, /type must be one of/],
    ['/_sim/followers/send', { appId: ACCOUNT.appId, type: 'text' }, /content/],
    ['/_sim/followers/send', { appId: ACCOUNT.appId, type: 'location', latitude: 91, longitude: 0 }, /latitude/],
    ['/_sim/fail-next', { appId: ACCOUNT.appId, errcode: 'x' }, /errcode/],
    ['/_sim/clock/advance', { ms: 1, hours: 1 }, /exactly one of ms, seconds or hours/],
    ['/_sim/reset', { everything: true }, /everything/],
  ])('400 with a readable reason for bad input to %s', async (path, body, reason) => {
    const res = await call('POST', path, body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(reason);
  });

  it('404 for an unknown account, 409 without a server URL, 400 for bad JSON and queries', async () => {
    expect((await call('POST', '/_sim/followers/send', { appId: ACCOUNT.appId, type: 'unsubscribe' })).status).toBe(404);
    await call('POST', '/_sim/accounts', ACCOUNT);
    expect((await call('POST', '/_sim/followers/send', { appId: ACCOUNT.appId, type: 'unsubscribe' })).status).toBe(409);
    const badJson = await fetch(`${sim.url}/_sim/accounts`, { method: 'POST', body: '{nope' });
    expect(badJson.status).toBe(400);
    expect((await call('GET', '/_sim/sent?appId=nope')).status).toBe(400);
    expect((await call('GET', '/_sim/nothing')).status).toBe(404);
  });

  it('drives a conversation: follower sends, app replies, conversation and logs', async () => {
    await call('POST', '/_sim/accounts', { ...ACCOUNT, webhookUrl: receiver.url });
    const sent = await call('POST', '/_sim/followers/send', { appId: ACCOUNT.appId, openId: OPENID, name: 'Li Wei', type: 'text', content: '你好' });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ openId: OPENID, msgId: expect.stringMatching(/^\d{19}$/), push: { attempts: [{ status: 200, verdict: 'ok' }] } });
    const token = await fetchToken(sim);
    await sendText(sim, token, 'Hi Li Wei');
    const waited = await call('GET', `/_sim/sent?appId=${ACCOUNT.appId}&count=1&waitMs=1000`);
    expect(waited.json).toEqual([expect.objectContaining({ text: 'Hi Li Wei', via: 'custom_send' })]);
    const convo = await call('GET', `/_sim/conversations?appId=${ACCOUNT.appId}&openId=${OPENID}`);
    expect(convo.json.map((m: any) => [m.direction, m.text])).toEqual([['in', '你好'], ['out', 'Hi Li Wei']]);
    expect(convo.json[0].push.outcome).toBe('ok');
    expect((await call('GET', `/_sim/followers?appId=${ACCOUNT.appId}`)).json).toEqual([expect.objectContaining({ openId: OPENID, name: 'Li Wei', subscribed: true, sentSinceInteraction: 1 })]);
    expect((await call('GET', `/_sim/pushes?appId=${ACCOUNT.appId}`)).json).toHaveLength(1);
    expect((await call('GET', `/_sim/tokens?appId=${ACCOUNT.appId}`)).json).toEqual([expect.objectContaining({ errcode: 0, callerIp: '127.0.0.1' })]);
  });

  it('fail-next, clock/advance and reset', async () => {
    await call('POST', '/_sim/accounts', { ...ACCOUNT, webhookUrl: receiver.url });
    await call('POST', '/_sim/followers/send', { appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: 'hi' });
    const token = await fetchToken(sim);
    expect((await call('POST', '/_sim/fail-next', { appId: ACCOUNT.appId, errcode: 45011 })).json).toEqual({ ok: true });
    expect((await sendText(sim, token, 'x')).json.errcode).toBe(45011);
    const before = (await call('GET', '/_sim/info')).json.now;
    const advanced = await call('POST', '/_sim/clock/advance', { hours: 48 });
    expect(advanced.json.now - before).toBeGreaterThanOrEqual(48 * 3_600_000);
    expect((await sendText(sim, token, 'late')).json.errcode).toBe(42001); // 48 h also outlived the token
    expect((await call('POST', '/_sim/reset', { keepAccounts: true })).json).toEqual({ ok: true });
    expect((await call('GET', '/_sim/accounts')).json).toHaveLength(1);
    expect((await call('GET', '/_sim/pushes')).json).toEqual([]);
    expect((await call('GET', '/_sim/followers')).json).toEqual([]);
  });

  it('serves the chat page, sample media and uploaded media', async () => {
    const page = await fetch(`${sim.url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('WeChat Official Account simulator');
    const png = await fetch(`${sim.url}/_sim/media/image.png`);
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${sim.url}/_sim/uploads/nope`)).status).toBe(404);
  });
});
