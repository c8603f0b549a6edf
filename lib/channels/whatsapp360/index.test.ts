import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import type { WebhookRequest } from '../types';
import { whatsapp360Connector } from './index';

const config = whatsapp360Connector.configSchema.parse({ apiKey: 'key-1', webhookSecret: 'hook-secret-123' });
const BATCH = readFileSync(path.join(__dirname, '..', 'whatsapp', 'fixtures', 'batch.json'));
const request = (headers: Record<string, string>, method = 'POST', query = ''): WebhookRequest =>
  ({ method, url: new URL(`https://switchboard.test/api/webhooks/whatsapp360/inbox_1${query}`), headers: new Headers(headers), rawBody: BATCH });

describe('whatsapp360Connector.verify (Authorization header registered with the webhook)', () => {
  it('accepts the exact secret', async () => {
    expect(await whatsapp360Connector.verify(request({ Authorization: 'hook-secret-123' }), config, testDeps())).toEqual({ ok: true });
  });

  it('401 when missing; 403 when wrong, a prefix, or sent as a Bearer token', async () => {
    expect(await whatsapp360Connector.verify(request({}), config, testDeps())).toMatchObject({ ok: false, status: 401 });
    for (const value of ['wrong', 'hook-secret-12', 'Bearer hook-secret-123', 'hook-secret-1234']) {
      expect(await whatsapp360Connector.verify(request({ Authorization: value }), config, testDeps())).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('ignores Meta signatures (360dialog owns the Meta app, so they cannot be checked)', async () => {
    expect(await whatsapp360Connector.verify(request({ 'X-Hub-Signature-256': 'sha256=00' }), config, testDeps())).toMatchObject({ ok: false, status: 401 });
  });
});

describe('whatsapp360Connector handshake and parse', () => {
  it('has no GET handshake', () => {
    expect(whatsapp360Connector.handshake(request({}, 'GET', '?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x'), config)).toBeNull();
  });

  it('parses the Cloud envelope with the shared parser, accepting every value (one key = one number)', () => {
    const events = whatsapp360Connector.parse(request({ Authorization: 'hook-secret-123' }), config);
    expect(events.map((e) => e.dedupeKey)).toEqual([
      'wamid.B1', 'wamid.B2', 'status:wamid.OUT_B1:delivered', 'status:wamid.OUT_B1:read', 'wamid.OTHER1', 'status:wamid.OUT_B2:sent', 'wamid.B3',
    ]);
  });

  it('describes itself: secret webhook secret, no public setup field, registerWebhook available', () => {
    expect(whatsapp360Connector.key).toBe('whatsapp360');
    expect(whatsapp360Connector.secretFields).toEqual(['apiKey', 'webhookSecret']);
    expect(whatsapp360Connector.publicSetupFields).toEqual([]);
    expect(typeof whatsapp360Connector.registerWebhook).toBe('function');
    expect(whatsapp360Connector.ack(request({}), config).status).toBe(200);
  });
});
