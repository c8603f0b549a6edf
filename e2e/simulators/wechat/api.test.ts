import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WeChatSimulator } from './server';
import { ACCOUNT, api, fetchToken, OPENID, sendText, startFastSimulator, startReceiver } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let sim: WeChatSimulator;
let receiver: Receiver;
const HOUR = 3_600_000;

beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startFastSimulator({ errmsgHints: true });
  await sim.registerAccount({ ...ACCOUNT, webhookUrl: receiver.url });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});
const followerWrites = (content = 'hi') => sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content });

describe('/cgi-bin/token', () => {
  it('issues 7200 s tokens and explains bad credentials with HTTP 200 + errcode (+ hint)', async () => {
    const ok = await api(sim, 'GET', '/cgi-bin/token', { grant_type: 'client_credential', appid: ACCOUNT.appId, secret: ACCOUNT.appSecret });
    expect(ok).toMatchObject({ status: 200, json: { expires_in: 7200 } });
    expect(ok.json.access_token.length).toBeGreaterThan(100);
    const cases: [Record<string, string>, number][] = [
      [{ grant_type: 'client_credential', appid: 'wx0000000000000000', secret: 'x' }, 40013],
      [{ grant_type: 'client_credential', appid: ACCOUNT.appId, secret: 'wrong' }, 40125],
      [{ grant_type: 'password', appid: ACCOUNT.appId, secret: ACCOUNT.appSecret }, 40002],
    ];
    for (const [query, errcode] of cases) {
      const res = await api(sim, 'GET', '/cgi-bin/token', query);
      expect(res.status).toBe(200);
      expect(res.json.errcode).toBe(errcode);
      expect(res.json.errmsg).toMatch(/ hint: \[[A-Za-z0-9]{10}\]$/);
    }
    expect(sim.tokenLog(ACCOUNT.appId).map((t) => t.errcode)).toEqual([0, 40125, 40002]);
  });

  it('40164 names the caller IP when it is not on the whitelist', async () => {
    await sim.registerAccount({ ...ACCOUNT, ipWhitelist: ['198.51.100.4'] });
    const { json } = await api(sim, 'GET', '/cgi-bin/token', { grant_type: 'client_credential', appid: ACCOUNT.appId, secret: ACCOUNT.appSecret });
    expect(json).toMatchObject({ errcode: 40164, errmsg: expect.stringMatching(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist hint:/) });
  });

  it('a new token invalidates the previous one after the 5-minute overlap (40001); tokens expire at 7200 s (42001)', async () => {
    await followerWrites();
    const first = await fetchToken(sim);
    const second = await fetchToken(sim);
    expect((await sendText(sim, first, 'still fine')).json).toEqual({ errcode: 0, errmsg: 'ok' });
    sim.advanceClock({ seconds: 299 });
    expect((await sendText(sim, first, 'overlap')).json.errcode).toBe(0);
    sim.advanceClock({ seconds: 1 });
    expect((await sendText(sim, first, 'too late')).json.errcode).toBe(40001);
    expect((await sendText(sim, second, 'newest works')).json.errcode).toBe(0);
    sim.advanceClock({ seconds: 7200 - 300 });
    await followerWrites(); // keep the window open: only the token should fail
    expect((await sendText(sim, second, 'expired')).json.errcode).toBe(42001);
    expect((await sendText(sim, 'not-a-token', 'x')).json.errcode).toBe(40001);
    expect((await api(sim, 'POST', '/cgi-bin/message/custom/send', {}, {})).json.errcode).toBe(41001);
  });
});

describe('/cgi-bin/message/custom/send', () => {
  it('records text for a follower who wrote; 40003 unknown OpenID; 44004 empty; 45002 too long', async () => {
    const token = await fetchToken(sim);
    expect((await sendText(sim, token, 'before writing')).json.errcode).toBe(40003);
    await followerWrites();
    expect((await sendText(sim, token, '你好 😀 <&>')).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(sim.sent()).toEqual([expect.objectContaining({ via: 'custom_send', openId: OPENID, msgtype: 'text', text: '你好 😀 <&>' })]);
    expect((await sendText(sim, token, '')).json.errcode).toBe(44004);
    expect((await sendText(sim, token, '字'.repeat(683))).json.errcode).toBe(45002);
  });

  it('enforces the 48 h window (45015) and the count cap (45047), both reset by a new follower message', async () => {
    const token = await fetchToken(sim);
    await followerWrites();
    for (let i = 0; i < 5; i++) expect((await sendText(sim, token, `r${i}`)).json.errcode).toBe(0);
    expect((await sendText(sim, token, 'sixth')).json.errcode).toBe(45047);
    await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'click', eventKey: 'MORE' });
    expect((await sendText(sim, token, 'after click')).json.errcode).toBe(0);
    sim.advanceClock({ ms: 48 * HOUR });
    const token2 = await fetchToken(sim);
    expect((await sendText(sim, token2, 'late')).json).toMatchObject({ errcode: 45015, errmsg: expect.stringContaining('response out of time limit') });
    await followerWrites('back');
    expect((await sendText(sim, token2, 'reopened')).json.errcode).toBe(0);
  });

  it('43004 after the follower unsubscribed', async () => {
    const token = await fetchToken(sim);
    await followerWrites();
    await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'unsubscribe' });
    expect((await sendText(sim, token, 'bye?')).json.errcode).toBe(43004);
  });

  it('uploads an image (multipart `media`) and sends it by media_id; unknown media_id → 40007', async () => {
    const token = await fetchToken(sim);
    await followerWrites();
    const form = new FormData();
    form.append('media', new Blob([Buffer.from('89504e47', 'hex')], { type: 'image/png' }), 'a.png');
    const upload = await api(sim, 'POST', '/cgi-bin/media/upload', { access_token: token, type: 'image' }, form);
    expect(upload.json).toMatchObject({ type: 'image', media_id: expect.any(String), created_at: expect.any(Number) });
    const send = (mediaId: string) => api(sim, 'POST', '/cgi-bin/message/custom/send', { access_token: token }, { touser: OPENID, msgtype: 'image', image: { media_id: mediaId } });
    expect((await send(upload.json.media_id)).json.errcode).toBe(0);
    expect((await send('nope')).json.errcode).toBe(40007);
    expect((await api(sim, 'POST', '/cgi-bin/media/upload', { access_token: token, type: 'pdf' }, form)).json.errcode).toBe(40004);
    expect((await api(sim, 'POST', '/cgi-bin/media/upload', { access_token: token, type: 'image' }, new FormData())).json.errcode).toBe(41005);
    const media = await fetch(`${sim.url}/cgi-bin/media/get?access_token=${token}&media_id=${upload.json.media_id}`);
    expect(Buffer.from(await media.arrayBuffer())).toEqual(Buffer.from('89504e47', 'hex'));
  });

  it('forced errors apply to the named endpoint, `times` calls in a row; hints can be turned off', async () => {
    const token = await fetchToken(sim);
    await followerWrites();
    sim.failNext({ appId: ACCOUNT.appId, endpoint: 'send', errcode: -1, times: 2 });
    expect((await sendText(sim, token, 'a')).json.errcode).toBe(-1);
    expect((await sendText(sim, token, 'b')).json).toMatchObject({ errcode: -1, errmsg: expect.stringMatching(/^system error hint: \[/) });
    expect((await sendText(sim, token, 'c')).json.errcode).toBe(0);
    const quiet = await startFastSimulator({ errmsgHints: false });
    expect((await api(quiet, 'GET', '/cgi-bin/token', { grant_type: 'client_credential', appid: ACCOUNT.appId, secret: 'x' })).json).toEqual({ errcode: 40013, errmsg: 'invalid appid' });
    await quiet.close();
  });

  it('answers unknown API paths with HTTP 200 and an errcode', async () => {
    expect(await api(sim, 'GET', '/cgi-bin/nope')).toMatchObject({ status: 200, json: { errcode: 40066 } });
  });
});
