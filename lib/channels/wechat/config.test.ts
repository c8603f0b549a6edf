import { describe, expect, it } from 'vitest';
import { aesKeyFrom } from './crypto';
import { isValidEncodingAesKey, wechatConfigSchema, wechatNewConfigSchema } from './config';
import { wechatConnector } from './index';

const minimal = { appId: 'wx49f0ab532d5d035a', appSecret: 'secret' };
const messages = (input: unknown) =>
  wechatConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('wechatConfigSchema', () => {
  it('fills defaults: plain mode, the real API host, a 5-reply cap and a generated 32-character token', () => {
    const config = wechatConfigSchema.parse(minimal);
    expect(config).toMatchObject({ ...minimal, mode: 'plain', apiBaseUrl: 'https://api.weixin.qq.com', windowMessageCap: 5, encodingAesKey: undefined });
    expect(config.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(wechatConfigSchema.parse(minimal).token).not.toBe(config.token);
  });

  it('generates a valid EncodingAESKey when an encrypted mode needs one, keeps a given one', () => {
    for (const mode of ['compatible', 'safe']) {
      const key = wechatConfigSchema.parse({ ...minimal, mode }).encodingAesKey!;
      expect(key).toMatch(/^[A-Za-z0-9]{43}$/);
      expect(aesKeyFrom(key)).toHaveLength(32);
    }
    const given = 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR';
    expect(wechatConfigSchema.parse({ ...minimal, mode: 'safe', encodingAesKey: given }).encodingAesKey).toBe(given);
    expect(isValidEncodingAesKey(given)).toBe(true);
  });

  it('treats blank optional fields as not given; accepts the cap as a numeric string; strips trailing slashes', () => {
    const config = wechatConfigSchema.parse({ ...minimal, token: ' ', encodingAesKey: '', mode: '', apiBaseUrl: 'http://127.0.0.1:4010/wx//', windowMessageCap: '20' });
    expect(config).toMatchObject({ mode: 'plain', apiBaseUrl: 'http://127.0.0.1:4010/wx', windowMessageCap: 20 });
    expect(config.token).toHaveLength(32);
  });

  it('explains each problem to an admin', () => {
    expect(messages({})).toEqual(['appId: AppID is required', 'appSecret: AppSecret is required']);
    expect(messages({ ...minimal, appId: 'gh_123456789abc' })[0]).toMatch(/^appId: AppID must look like wx followed by 16/);
    expect(messages({ ...minimal, token: 'has space!' })[0]).toMatch(/^token: Token must be 3 to 32 letters or digits/);
    expect(messages({ ...minimal, encodingAesKey: 'short' })[0]).toMatch(/^encodingAesKey: EncodingAESKey must be the 43/);
    expect(messages({ ...minimal, mode: 'aes' })[0]).toMatch(/^mode: Message encryption mode must be plain, compatible or safe/);
    expect(messages({ ...minimal, apiBaseUrl: 'ftp://x' })[0]).toMatch(/^apiBaseUrl: API base URL must be an https:\/\/ URL/);
    expect(messages({ ...minimal, windowMessageCap: 0 })).toEqual(['windowMessageCap: Replies per customer message must be at least 1']);
    expect(messages({ ...minimal, windowMessageCap: 'many' })[0]).toMatch(/^windowMessageCap: Replies per customer message must be a whole number/);
  });
});

describe('token length: WeChat allows 3–32 letters and digits; new inboxes need at least 8', () => {
  const newMessages = (input: unknown) =>
    wechatNewConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('refuses a 3–7 character token for a new inbox, with a message that says what to do', () => {
    for (const token of ['abc', 'abc1234']) {
      expect(newMessages({ ...minimal, token })).toEqual([
        'token: Token must be at least 8 letters or digits for a new inbox (WeChat allows 3, but a short token can be guessed): leave it empty to generate one',
      ]);
    }
    expect(wechatNewConfigSchema.parse({ ...minimal, token: 'abcd1234' }).token).toBe('abcd1234');
    expect(wechatNewConfigSchema.parse({ ...minimal, token: '' }).token).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('an existing inbox with a 3–7 character token still parses (stored configs use configSchema)', () => {
    expect(wechatConfigSchema.parse({ ...minimal, token: 'abc' }).token).toBe('abc');
    expect(wechatConfigSchema.parse({ ...minimal, token: '123456' }).token).toBe('123456');
    expect(wechatConnector.configSchema).toBe(wechatConfigSchema);
    expect(wechatConnector.newConfigSchema).toBe(wechatNewConfigSchema);
  });

  it('refuses what WeChat refuses, old or new: under 3, over 32, or anything but letters and digits', () => {
    for (const token of ['ab', 'a'.repeat(33), 'abcd-1234', 'abcd 1234', 'токен12345']) {
      expect(messages({ ...minimal, token })[0], token).toMatch(/^token: Token must be 3 to 32 letters or digits/);
      expect(newMessages({ ...minimal, token })[0], token).toMatch(/^token: Token must be 3 to 32 letters or digits/);
    }
  });
});
