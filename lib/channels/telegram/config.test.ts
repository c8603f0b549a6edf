import { describe, expect, it } from 'vitest';
import { telegramConfigSchema } from './config';
import { TOKEN } from './fake-bot-api';

const messages = (input: unknown) =>
  telegramConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('telegramConfigSchema', () => {
  it('fills defaults: the real API host and a generated secret token Telegram accepts', () => {
    const config = telegramConfigSchema.parse({ botToken: TOKEN });
    expect(config.apiBaseUrl).toBe('https://api.telegram.org');
    expect(config.secretToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(telegramConfigSchema.parse({ botToken: TOKEN }).secretToken).not.toBe(config.secretToken);
  });

  it('keeps a given secret token, treats blanks as not given and trims', () => {
    expect(telegramConfigSchema.parse({ botToken: ` ${TOKEN} `, secretToken: 'my_Secret-1' })).toMatchObject({ botToken: TOKEN, secretToken: 'my_Secret-1' });
    const blank = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: '  ', apiBaseUrl: '' });
    expect(blank.secretToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(blank.apiBaseUrl).toBe('https://api.telegram.org');
  });

  it('strips trailing slashes from the API base URL (simulators, local Bot API servers)', () => {
    expect(telegramConfigSchema.parse({ botToken: TOKEN, apiBaseUrl: 'http://127.0.0.1:4101//' }).apiBaseUrl).toBe('http://127.0.0.1:4101');
  });

  it('explains each problem to an admin', () => {
    expect(messages({})).toEqual(['botToken: Bot token is required']);
    expect(messages({ botToken: 42 })).toEqual(['botToken: Bot token must be text']);
    for (const wrong of ['AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', '6101234567:short', `${TOKEN}x`, '6101234567 AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', 'bot6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1']) {
      expect(messages({ botToken: wrong })).toEqual([expect.stringMatching(/^botToken: Bot token must look like 123456789:AAH… .*@BotFather/)]);
    }
    expect(messages({ botToken: TOKEN, secretToken: 'has space' })).toEqual([expect.stringMatching(/^secretToken: Secret token must be 1–256 characters of A-Z, a-z, 0-9, _ or -/)]);
    expect(messages({ botToken: TOKEN, secretToken: 'x'.repeat(257) })).toHaveLength(1);
    expect(messages({ botToken: TOKEN, secretToken: 'x'.repeat(256) })).toEqual([]);
    expect(messages({ botToken: TOKEN, apiBaseUrl: 'ftp://x' })).toEqual([expect.stringMatching(/^apiBaseUrl: API base URL must be an https:\/\/ URL/)]);
  });

  it('drops unknown keys', () => {
    expect(telegramConfigSchema.parse({ botToken: TOKEN, extra: 1 })).not.toHaveProperty('extra');
  });
});
