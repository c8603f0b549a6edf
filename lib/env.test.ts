import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

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
});
