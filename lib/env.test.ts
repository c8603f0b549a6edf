import { describe, expect, it } from 'vitest';
import { parseEnv, readSetting } from './env';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATA_DIR: '.data', EMBEDDED_PG_PORT: 5488, LOG_LEVEL: 'info', WEBHOOK_MAX_BYTES: 1048576 });
  });

  it('treats empty values as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', PORT: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('explains every bad value in one message', () => {
    let message = '';
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://user:hunter2@x', APP_SECRET: 'short-secret', PUBLIC_URL: 'not a url' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/PORT: must be a port number \(1-65535\) \(got "eighty"\)/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/APP_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/PUBLIC_URL: must be an absolute URL/);
    // Secrets are never echoed back.
    expect(message).not.toMatch(/hunter2|short-secret/);
  });

  it('reads the outbound settings: insecure provider URLs off by default, a 25 MB attachment cap', () => {
    expect(parseEnv({})).toMatchObject({ ALLOW_INSECURE_PROVIDER_URLS: false, ATTACHMENT_MAX_BYTES: 25 * 1024 * 1024 });
    expect(parseEnv({ ALLOW_INSECURE_PROVIDER_URLS: 'true', ATTACHMENT_MAX_BYTES: '1048576' })).toMatchObject({ ALLOW_INSECURE_PROVIDER_URLS: true, ATTACHMENT_MAX_BYTES: 1048576 });
    expect(() => parseEnv({ ALLOW_INSECURE_PROVIDER_URLS: 'perhaps' })).toThrow(/ALLOW_INSECURE_PROVIDER_URLS: must be true or false/);
  });
});

describe('readSetting', () => {
  it('reads one setting now, falling back to its default when unset or invalid (parseEnv reports those at boot)', () => {
    expect(readSetting('ALLOW_INSECURE_PROVIDER_URLS', {})).toBe(false);
    expect(readSetting('ALLOW_INSECURE_PROVIDER_URLS', { ALLOW_INSECURE_PROVIDER_URLS: 'true' })).toBe(true);
    expect(readSetting('ALLOW_INSECURE_PROVIDER_URLS', { ALLOW_INSECURE_PROVIDER_URLS: 'perhaps' })).toBe(false);
    expect(readSetting('ATTACHMENT_MAX_BYTES', { ATTACHMENT_MAX_BYTES: '' })).toBe(25 * 1024 * 1024);
  });
});
