import { describe, expect, it } from 'vitest';
import { whatsapp360ConfigSchema } from './config';

const messages = (input: unknown) =>
  whatsapp360ConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('whatsapp360ConfigSchema', () => {
  it('defaults to the 360dialog Cloud API host and generates a webhook secret', () => {
    const config = whatsapp360ConfigSchema.parse({ apiKey: 'k' });
    expect(config).toMatchObject({ apiKey: 'k', apiBaseUrl: 'https://waba-v2.360dialog.io' });
    expect(config.webhookSecret).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(whatsapp360ConfigSchema.parse({ apiKey: 'k' }).webhookSecret).not.toBe(config.webhookSecret);
  });

  it('accepts the sandbox and a simulator URL (trailing slash stripped), keeps a given secret', () => {
    expect(whatsapp360ConfigSchema.parse({ apiKey: 'k', apiBaseUrl: 'https://waba-sandbox.360dialog.io/' }).apiBaseUrl).toBe('https://waba-sandbox.360dialog.io');
    expect(whatsapp360ConfigSchema.parse({ apiKey: 'k', apiBaseUrl: 'http://127.0.0.1:4101', webhookSecret: 's3' })).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:4101', webhookSecret: 's3' });
  });

  it('explains problems to an admin', () => {
    expect(messages({})).toEqual(['apiKey: API key is required']);
    expect(messages({ apiKey: ' ' })[0]).toMatch(/^apiKey: API key is required \(360dialog Hub/);
    expect(messages({ apiKey: 'k', apiBaseUrl: 'waba-v2' })[0]).toMatch(/^apiBaseUrl: API base URL must be an https:\/\/ URL, e.g. https:\/\/waba-v2\.360dialog\.io/);
  });
});
