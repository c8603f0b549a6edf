import { describe, expect, it } from 'vitest';
import { memoryCache, testDeps } from '../shared/memory-cache';
import type { WebhookRequest } from '../types';
import { WECHAT_MODES, wechatConfigSchema } from './config';
import { wechatConnector } from './index';
import { GH_ID, OPENID, signedWebhook } from './test-support';

const NOW_S = 1_790_000_000;
const message = (msgId: string, text = 'hello') =>
  `<xml><ToUserName><![CDATA[${GH_ID}]]></ToUserName><FromUserName><![CDATA[${OPENID}]]></FromUserName><CreateTime>${NOW_S}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${msgId}</MsgId></xml>`;
const configFor = (mode: string) => wechatConfigSchema.parse({
  appId: 'wx49f0ab532d5d035a', appSecret: 's', token: 'replayToken123', encodingAesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR', mode,
});

describe.each(WECHAT_MODES)('WeChat replay window (%s mode)', (mode) => {
  const config = configFor(mode);
  const clock = (seconds: number) => testDeps({ now: () => new Date(seconds * 1000), cache: memoryCache(() => seconds * 1000) });
  const verify = (req: WebhookRequest, deps = clock(NOW_S)) => wechatConnector.verify(req, config, deps);

  it('accepts a request signed within 5 minutes either way', async () => {
    for (const skew of [0, -300, 300]) {
      expect(await verify(signedWebhook(config, message('1001'), { timestamp: String(NOW_S + skew) })), String(skew)).toEqual({ ok: true });
    }
  });

  it('refuses (403) a correctly signed request older than 5 minutes', async () => {
    const old = signedWebhook(config, message('1002'), { timestamp: String(NOW_S - 301) });
    expect(await verify(old)).toEqual({ ok: false, status: 403, reason: 'Request timestamp is 301 s old (more than 5 minutes): refused as a possible replay' });
    const ancient = signedWebhook(config, message('1002'), { timestamp: '1411525903' });
    expect(await verify(ancient)).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/old \(more than 5 minutes\)/) });
  });

  it('refuses (403) a request more than 5 minutes in the future', async () => {
    const future = signedWebhook(config, message('1003'), { timestamp: String(NOW_S + 301) });
    expect(await verify(future)).toEqual({ ok: false, status: 403, reason: "Request timestamp is 301 s in the future (more than 5 minutes): check this server's clock" });
  });

  it('refuses a timestamp that is not epoch seconds, even when signed', async () => {
    expect(await verify(signedWebhook(config, message('1004'), { timestamp: `${NOW_S}.5` }))).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a replayed nonce carrying another message (403), across every process sharing the cache', async () => {
    const deps = clock(NOW_S);
    const first = signedWebhook(config, message('2001', 'real'), { timestamp: String(NOW_S), nonce: '555' });
    expect(await verify(first, deps)).toEqual({ ok: true });
    const forged = signedWebhook(config, message('2002', 'forged'), { timestamp: String(NOW_S), nonce: '555' });
    expect(await verify(forged, deps)).toEqual({ ok: false, status: 403, reason: 'nonce already used for another message within 5 minutes: refused as a replay' });
    // Another process, same shared cache, a minute later: still refused.
    expect(await verify(forged, { ...deps, now: () => new Date((NOW_S + 60) * 1000) })).toMatchObject({ ok: false, status: 403 });
    // The same nonce with another timestamp is another signature: a different request.
    expect(await verify(signedWebhook(config, message('2003'), { timestamp: String(NOW_S + 1), nonce: '555' }), deps)).toEqual({ ok: true });
  });

  it("lets WeChat's retry of the same message through (same nonce, same MsgId), so it is acknowledged and deduped", async () => {
    const deps = clock(NOW_S);
    const req = signedWebhook(config, message('3001'), { timestamp: String(NOW_S), nonce: '777' });
    expect(await verify(req, deps)).toEqual({ ok: true });
    expect(await verify(req, { ...deps, now: () => new Date((NOW_S + 5) * 1000) })).toEqual({ ok: true });
    // Re-encrypted (new random prefix) but the same message: still the same MsgId.
    const again = signedWebhook(config, message('3001'), { timestamp: String(NOW_S), nonce: '777' });
    expect(await verify(again, deps)).toEqual({ ok: true });
    expect(wechatConnector.parse(again, config)[0].dedupeKey).toBe(wechatConnector.parse(req, config)[0].dedupeKey);
  });

  it('records nothing for a request with a bad signature (it cannot burn a nonce)', async () => {
    const deps = clock(NOW_S);
    const good = signedWebhook(config, message('4001'), { timestamp: String(NOW_S), nonce: '888' });
    const badSignature = new URL(good.url);
    for (const name of ['signature', 'msg_signature']) if (badSignature.searchParams.has(name)) badSignature.searchParams.set(name, '0'.repeat(40));
    const forged = signedWebhook(config, message('4002'), { timestamp: String(NOW_S), nonce: '888' });
    expect((await verify({ ...forged, url: badSignature }, deps)).ok).toBe(false);
    expect(await verify(good, deps)).toEqual({ ok: true });
  });
});
