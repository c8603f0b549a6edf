import { describe, expect, it } from 'vitest';
import { messengerConfigSchema } from './config';
import { fakeGraph, graphError, graphJson } from './fake-graph';
import { testMessengerConnection } from './test-connection';

const config = messengerConfigSchema.parse({ pageId: '404217156637689', pageAccessToken: 'EAAtoken', appSecret: 'secret' });

describe('testMessengerConnection', () => {
  it('ok when the token belongs to the configured Page', async () => {
    const graph = fakeGraph(() => graphJson({ id: '404217156637689', name: 'Acme Support' }));
    expect(await testMessengerConnection(config, graph.fetch)).toEqual({
      ok: true, message: 'Connected to Page «Acme Support» (404217156637689)',
      details: { pageId: '404217156637689', pageName: 'Acme Support' },
    });
    const { url } = graph.requests[0];
    expect(`${url.origin}${url.pathname}`).toBe('https://graph.facebook.com/v23.0/me');
    expect(url.searchParams.get('fields')).toBe('id,name');
    expect(url.searchParams.get('access_token')).toBe('EAAtoken');
  });

  it('explains a token for another Page', async () => {
    const graph = fakeGraph(() => graphJson({ id: '999', name: 'Other Page' }));
    const result = await testMessengerConnection(config, graph.fetch);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('belongs to «Other Page» (999), not to Page 404217156637689');
  });

  it('reports an invalid or expired token (190)', async () => {
    const result = await testMessengerConnection(config, fakeGraph(() => graphError(190, 463)).fetch);
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('The Page access token is invalid or expired');
  });

  it('reports other Graph errors with Meta’s text', async () => {
    const result = await testMessengerConnection(config, fakeGraph(() => graphError(200)).fetch);
    expect(result).toMatchObject({ ok: false, message: 'Meta refused the check (code 200): (#200) Simulated Graph error' });
  });

  it('reports a network failure with the host and never throws', async () => {
    const failing = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND graph.facebook.com') }))) as typeof fetch;
    expect(await testMessengerConnection(config, failing)).toEqual({
      ok: false, message: 'Could not reach graph.facebook.com: the host name could not be resolved',
    });
  });

  it('reports a non-Graph answer (wrong base URL)', async () => {
    const result = await testMessengerConnection(config, fakeGraph(() => new Response('<html>', { status: 200 })).fetch);
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('Unexpected answer from graph.facebook.com');
  });
});
