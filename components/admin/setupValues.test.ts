import { describe, expect, it } from 'vitest';
import { setupEntries, setupLabel, setupTestId } from './setupValues';
import { registersWebhookByApi, telegramWebhookProblem } from './webhookChecks';

describe('setup values', () => {
  it('lists every non-empty value of setup, with labels and test ids', () => {
    const entries = setupEntries({ setup: { token: 'tok', encodingAesKey: 'k'.repeat(43), empty: '', missing: null }, verifyToken: null });
    expect(entries).toEqual([
      { key: 'token', label: 'Token', value: 'tok', testId: 'setup-token' },
      { key: 'encodingAesKey', label: 'EncodingAESKey', value: 'k'.repeat(43), testId: 'setup-encoding-aes-key' },
    ]);
  });

  it('keeps the verify token (top-level or in setup) under its existing test id', () => {
    expect(setupEntries({ setup: { verifyToken: 'v1' }, verifyToken: 'v1' })).toEqual([
      { key: 'verifyToken', label: 'Verify token', value: 'v1', testId: 'verify-token' },
    ]);
    expect(setupEntries({ verifyToken: 'v2' }).map((e) => e.value)).toEqual(['v2']);
    expect(setupEntries({ setup: {}, verifyToken: null })).toEqual([]);
  });

  it('shows numbers, booleans and objects as text', () => {
    const values = setupEntries({ setup: { port: 8443, enabled: false, ids: ['a'] } }).map((e) => e.value);
    expect(values).toEqual(['8443', 'false', '["a"]']);
  });

  it('humanises unknown keys', () => {
    expect(setupLabel('webhookSecret')).toBe('Webhook secret');
    expect(setupLabel('api_key')).toBe('Api key');
    expect(setupTestId('webhookSecret')).toBe('setup-webhook-secret');
    expect(setupTestId('a.b c')).toBe('setup-a-b-c');
  });
});

describe('webhook registration', () => {
  it('knows which channels Switchboard registers by API', () => {
    expect(registersWebhookByApi('telegram')).toBe(true);
    expect(registersWebhookByApi('whatsapp360')).toBe(true);
    expect(registersWebhookByApi('messenger')).toBe(false);
  });

  it('accepts only public https URLs on the ports Telegram supports', () => {
    expect(telegramWebhookProblem('https://sb.example.com/api/webhooks/telegram/k')).toBeNull();
    expect(telegramWebhookProblem('https://sb.example.com:8443/api/webhooks/telegram/k')).toBeNull();
    expect(telegramWebhookProblem('https://sb.example.com:88/x')).toBeNull();
    expect(telegramWebhookProblem('http://sb.example.com/x')).toMatch(/HTTPS/);
    expect(telegramWebhookProblem('https://sb.example.com:3000/x')).toMatch(/not 3000/);
    expect(telegramWebhookProblem('https://localhost/x')).toMatch(/local/);
    expect(telegramWebhookProblem('https://127.0.0.1:8443/x')).toMatch(/local/);
    expect(telegramWebhookProblem('nope')).toMatch(/not a valid URL/);
  });
});
