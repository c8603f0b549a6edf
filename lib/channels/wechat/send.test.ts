import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError, type OutboundMessage, type SendContext, type SharedCache } from '../types';
import { wechatConfigSchema, type WeChatConfig } from './config';
import { sendWeChatMessage } from './send';
import { fakeWeChatApi, OPENID, tokenOk, wxError, wxJson } from './test-support';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const config = wechatConfigSchema.parse({ appId: 'wx49f0ab532d5d035a', appSecret: 's', apiBaseUrl: 'http://wx.test' });
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

type Api = ReturnType<typeof fakeWeChatApi>;
const ctxWith = (api: Api, lastInboundAt: Date | null = hoursAgo(1), cache: SharedCache = memoryCache(), c: WeChatConfig = config): SendContext<WeChatConfig> =>
  ({ config: c, contactExternalId: OPENID, reference: null, lastInboundAt, now: NOW, fetch: api.fetch, fetchUntrusted: api.fetch, cache });
const text = (t: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({ text: t, metadata: 'msg_1', ...extra });

/** The WeChat API plus a CDN serving one PNG. */
function happyApi(sendAnswer: (i: number) => Response = () => wxJson({ errcode: 0, errmsg: 'ok' })): Api {
  let sends = 0;
  return fakeWeChatApi((c) => {
    if (c.url.host === 'cdn.test') return new Response(PNG, { headers: { 'content-type': 'image/png' } });
    if (c.url.pathname === '/cgi-bin/token') return tokenOk('TOKEN');
    if (c.url.pathname === '/cgi-bin/media/upload') return wxJson({ type: 'image', media_id: `MEDIA_${c.url.searchParams.get('type')}`, created_at: 1700000000 });
    return sendAnswer(sends++);
  });
}
const sends = (api: Api) => api.calls.filter((c) => c.url.pathname === '/cgi-bin/message/custom/send');

describe('sendWeChatMessage', () => {
  it('POSTs a text customer-service message with the shared token and returns a generated id', async () => {
    const api = happyApi();
    const result = await sendWeChatMessage(ctxWith(api), text('你好 <&> 😀'));
    expect(result.externalId).toMatch(/^wx-1773144000000-[0-9a-f]{12}$/);
    expect(result.externalIds).toEqual([result.externalId]);
    const [send] = sends(api);
    expect(send.method).toBe('POST');
    expect(send.url.searchParams.get('access_token')).toBe('TOKEN');
    expect(send.json).toEqual({ touser: OPENID, msgtype: 'text', text: { content: '你好 <&> 😀' } });
  });

  it('downloads an image, uploads it as multipart field `media` (type=image), then sends it by media_id', async () => {
    const api = happyApi();
    const result = await sendWeChatMessage(ctxWith(api), text('Here', { attachments: [{ kind: 'image', url: 'https://cdn.test/files/photo' }] }));
    expect(api.calls.map((c) => `${c.method} ${c.url.host}${c.url.pathname}`)).toEqual([
      'GET cdn.test/files/photo', 'GET wx.test/cgi-bin/token', 'POST wx.test/cgi-bin/media/upload', 'POST wx.test/cgi-bin/message/custom/send', 'POST wx.test/cgi-bin/message/custom/send',
    ]);
    const upload = api.calls[2];
    expect(upload.url.searchParams.get('type')).toBe('image');
    const media = upload.form!.get('media') as File;
    expect(media.name).toBe('photo.png');
    expect(Buffer.from(await media.arrayBuffer())).toEqual(PNG);
    expect(sends(api).map((c) => c.json)).toEqual([
      { touser: OPENID, msgtype: 'text', text: { content: 'Here' } },
      { touser: OPENID, msgtype: 'image', image: { media_id: 'MEDIA_image' } },
    ]);
    expect(result.externalIds).toHaveLength(2);
  });

  it('sends links and files as text links', async () => {
    const api = happyApi();
    await sendWeChatMessage(ctxWith(api), { metadata: 'm', attachments: [{ kind: 'file', url: 'https://cdn.test/a.pdf', name: 'Invoice' }] });
    expect(sends(api)[0].json).toEqual({ touser: OPENID, msgtype: 'text', text: { content: 'Invoice: https://cdn.test/a.pdf' } });
  });

  it.each([
    ['after 48 h', hoursAgo(48), 0],
    ['before the customer wrote', null, 0],
    ['once the reply cap is used', hoursAgo(1), 5],
  ])('refuses %s without calling WeChat (window_closed)', async (_name, last, sentSinceInbound) => {
    const api = happyApi();
    const err = await sendWeChatMessage(ctxWith(api, last), text('late', { sentSinceInbound })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'window_closed', retryable: false });
    expect(api.calls).toHaveLength(0);
  });

  it('refuses a reply whose parts would exceed the remaining cap', async () => {
    const api = happyApi();
    const message = text('two parts', { sentSinceInbound: 4, attachments: [{ kind: 'image', url: 'https://cdn.test/x.png' }] });
    await expect(sendWeChatMessage(ctxWith(api), message)).rejects.toThrow(/needs 2 WeChat messages .* only 1 can be sent/);
    expect(api.calls).toHaveLength(0);
  });

  it('rejects templates and empty messages before any call', async () => {
    const api = happyApi();
    await expect(sendWeChatMessage(ctxWith(api), { metadata: 'm', template: { name: 't', language: 'zh_CN', parameters: [] } })).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(sendWeChatMessage(ctxWith(api), text('  '))).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(api.calls).toHaveLength(0);
  });

  it('a failed image download or upload sends nothing', async () => {
    const api = fakeWeChatApi((c) => (c.url.host === 'cdn.test' ? new Response('gone', { status: 404 }) : tokenOk()));
    await expect(sendWeChatMessage(ctxWith(api), text('a', { attachments: [{ kind: 'image', url: 'https://cdn.test/x.png' }] })))
      .rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringContaining('HTTP 404') });
    expect(sends(api)).toHaveLength(0);
    const badUpload = fakeWeChatApi((c) => (c.url.host === 'cdn.test' ? new Response(PNG) : c.url.pathname === '/cgi-bin/token' ? tokenOk() : wxError(40005, 'invalid file type')));
    await expect(sendWeChatMessage(ctxWith(badUpload), text('a', { attachments: [{ kind: 'image', url: 'https://cdn.test/x.png' }] })))
      .rejects.toMatchObject({ kind: 'invalid_request', code: '40005' });
    expect(sends(badUpload)).toHaveLength(0);
  });

  it('does not auto-retry when a later part fails after the first went out', async () => {
    const api = happyApi((i) => (i === 0 ? wxJson({ errcode: 0, errmsg: 'ok' }) : wxError(-1, 'system error')));
    const err = await sendWeChatMessage(ctxWith(api), text('a', { attachments: [{ kind: 'link', url: 'https://x.test' }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'provider', retryable: false, code: '-1', message: expect.stringMatching(/^Part 2 of 2 was not sent/) });
  });

  it('concurrent sends with an empty cache fetch the token once', async () => {
    const api = happyApi();
    const cache = memoryCache();
    await Promise.all(Array.from({ length: 8 }, (_, i) => sendWeChatMessage(ctxWith(api, hoursAgo(1), cache), text(`m${i}`))));
    expect(api.calls.filter((c) => c.url.pathname === '/cgi-bin/token')).toHaveLength(1);
    expect(sends(api)).toHaveLength(8);
  });
});
