import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../types';
import { botframeworkConnector } from './index';

const request = (name: string, method = 'POST'): WebhookRequest => ({
  method, url: new URL('https://switchboard.test/api/webhooks/botframework/k'), headers: new Headers(),
  rawBody: readFileSync(path.join(__dirname, 'fixtures', `${name}.json`)),
});
const config = botframeworkConnector.configSchema.parse({ appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', appPassword: 'pw', tenantId: 'botframework.com' });

describe('botframeworkConnector', () => {
  it('has no GET handshake', () => {
    expect(botframeworkConnector.handshake(request('typing', 'GET'), config)).toBeNull();
  });

  it('acks 200 with an empty body, and `{}` as JSON for an invoke', () => {
    expect(botframeworkConnector.ack(request('teams-personal-text'), config)).toEqual({ status: 200, body: '' });
    expect(botframeworkConnector.ack(request('invoke'), config)).toEqual({ status: 200, body: '{}', contentType: 'application/json' });
  });

  it('the window is always open and never closes', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    for (const last of [null, new Date('2025-01-01T00:00:00Z')]) {
      expect(botframeworkConnector.window(last, now, config)).toEqual({ open: true, closesAt: null, allowedWhenClosed: [] });
    }
  });

  it('keeps the app password secret and parses from the raw bytes', () => {
    expect(botframeworkConnector.secretFields).toEqual(['appPassword']);
    expect(botframeworkConnector.parse(request('teams-personal-text'), config)).toHaveLength(1);
  });
});
