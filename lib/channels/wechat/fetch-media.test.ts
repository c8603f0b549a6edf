import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { wechatConfigSchema } from './config';
import { fetchWeChatMedia } from './fetch-media';
import { fakeWeChatApi, tokenOk, wxError, wxJson } from './test-support';

const config = wechatConfigSchema.parse({ appId: 'wx49f0ab532d5d035a', appSecret: 's', apiBaseUrl: 'http://wx.test' });
const AMR = Buffer.from('#!AMR\n');
const file = () => new Response(AMR, { headers: { 'content-type': 'audio/amr' } });

describe('fetchWeChatMedia', () => {
  it('downloads a MediaId through /cgi-bin/media/get with the shared token', async () => {
    const api = fakeWeChatApi((c) => (c.url.pathname === '/cgi-bin/token' ? tokenOk('T') : file()));
    const res = await fetchWeChatMedia(config, { kind: 'audio', providerMediaId: 'MEDIA1' }, testDeps({ fetch: api.fetch }));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AMR);
    expect(Object.fromEntries(api.calls[1].url.searchParams)).toEqual({ access_token: 'T', media_id: 'MEDIA1' });
  });

  it('refreshes the token once on 40001, follows video_url, and explains expired media', async () => {
    let stale = true;
    const api = fakeWeChatApi((c) => {
      if (c.url.pathname === '/cgi-bin/token') return tokenOk();
      if (c.url.host === 'video.test') return new Response('MP4', { headers: { 'content-type': 'video/mp4' } });
      if (stale) return (stale = false), wxError(40001);
      return c.url.searchParams.get('media_id') === 'GONE' ? wxError(40007) : wxJson({ video_url: 'http://video.test/v.mp4' });
    });
    const deps = testDeps({ fetch: api.fetch });
    expect(await (await fetchWeChatMedia(config, { kind: 'video', providerMediaId: 'V1' }, deps)).text()).toBe('MP4');
    expect(api.calls.filter((c) => c.url.pathname === '/cgi-bin/token')).toHaveLength(2);
    await expect(fetchWeChatMedia(config, { kind: 'image', providerMediaId: 'GONE' }, deps)).rejects.toMatchObject({ kind: 'invalid_request', code: '40007', message: expect.stringMatching(/3 days/) });
  });

  it('falls back to the URL when there is no MediaId', async () => {
    const api = fakeWeChatApi(() => new Response('PNG'));
    const res = await fetchWeChatMedia(config, { kind: 'image', url: 'http://cdn.test/a.png' }, testDeps({ fetch: api.fetch }));
    expect(await res.text()).toBe('PNG');
    await expect(fetchWeChatMedia(config, { kind: 'image' }, testDeps({ fetch: api.fetch }))).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});
