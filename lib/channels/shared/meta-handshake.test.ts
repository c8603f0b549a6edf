import { describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../types';
import { metaHubHandshake } from './meta-handshake';

const get = (query: string, method = 'GET'): WebhookRequest => ({
  method,
  url: new URL(`https://switchboard.test/api/webhooks/messenger/inbox_1${query}`),
  headers: new Headers(),
  rawBody: Buffer.alloc(0),
});

describe('metaHubHandshake', () => {
  it('echoes hub.challenge exactly, as text/plain', () => {
    const reply = metaHubHandshake(get('?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=s3cret'), 's3cret');
    expect(reply).toEqual({ status: 200, body: '1158201444', contentType: 'text/plain' });
  });

  it('decodes a percent-encoded token before comparing', () => {
    const reply = metaHubHandshake(get('?hub.mode=subscribe&hub.verify_token=a%2Fb%20c&hub.challenge=7'), 'a/b c');
    expect(reply?.status).toBe(200);
    expect(reply?.body).toBe('7');
  });

  it('403 on a wrong token, a wrong mode or a missing challenge', () => {
    expect(metaHubHandshake(get('?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope'), 's3cret')?.status).toBe(403);
    expect(metaHubHandshake(get('?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=s3cret'), 's3cret')?.status).toBe(403);
    expect(metaHubHandshake(get('?hub.mode=subscribe&hub.verify_token=s3cret'), 's3cret')?.status).toBe(403);
    expect(metaHubHandshake(get('?hub.mode=subscribe&hub.challenge=1'), 's3cret')?.status).toBe(403);
  });

  it('never echoes the challenge on failure', () => {
    expect(metaHubHandshake(get('?hub.mode=subscribe&hub.challenge=XYZ&hub.verify_token=no'), 's')?.body).not.toContain('XYZ');
  });

  it('is not a handshake without hub params, or for a POST', () => {
    expect(metaHubHandshake(get(''), 's3cret')).toBeNull();
    expect(metaHubHandshake(get('?foo=bar&hub_mode=subscribe'), 's3cret')).toBeNull();
    expect(metaHubHandshake(get('?hub.mode=subscribe&hub.challenge=1&hub.verify_token=s3cret', 'POST'), 's3cret')).toBeNull();
  });
});
