import { describe, expect, it } from 'vitest';
import { messengerConfigSchema } from './config';

const minimal = { pageId: '404217156637689', pageAccessToken: 'EAAtoken', appSecret: 'secret' };

describe('messengerConfigSchema', () => {
  it('fills defaults: real Graph host, v23.0, no human agent tag, a generated url-safe verify token', () => {
    const config = messengerConfigSchema.parse(minimal);
    expect(config).toMatchObject({ ...minimal, apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v23.0', humanAgentTag: false });
    expect(config.verifyToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(messengerConfigSchema.parse(minimal).verifyToken).not.toBe(config.verifyToken);
  });

  it('keeps a given verify token and treats blank optional fields as not given', () => {
    const config = messengerConfigSchema.parse({ ...minimal, verifyToken: 'my-token', apiBaseUrl: '', apiVersion: ' ' });
    expect(config.verifyToken).toBe('my-token');
    expect(config.apiBaseUrl).toBe('https://graph.facebook.com');
    expect(config.apiVersion).toBe('v23.0');
    expect(messengerConfigSchema.parse({ ...minimal, verifyToken: '' }).verifyToken).not.toBe('');
  });

  it('strips trailing slashes from the API base URL (simulators live under a path)', () => {
    const config = messengerConfigSchema.parse({ ...minimal, apiBaseUrl: 'http://127.0.0.1:4010/messenger//' });
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:4010/messenger');
  });

  it('drops unknown keys', () => {
    expect(messengerConfigSchema.parse({ ...minimal, extra: 1 })).not.toHaveProperty('extra');
  });

  it('explains each problem to an admin', () => {
    const messages = (input: unknown) =>
      messengerConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages({})).toEqual([
      'pageId: Page ID is required',
      'pageAccessToken: Page access token is required',
      'appSecret: App secret is required',
    ]);
    expect(messages({ ...minimal, pageId: 'my-page' })).toEqual([
      'pageId: Page ID must be the numeric id of your Facebook Page',
    ]);
    expect(messages({ ...minimal, pageId: 404217156637689 })).toEqual(['pageId: Page ID must be text']);
    expect(messages({ ...minimal, appSecret: '  ' })[0]).toMatch(/^appSecret: App secret is required/);
    expect(messages({ ...minimal, apiBaseUrl: 'ftp://graph' })[0]).toMatch(/^apiBaseUrl: API base URL must be an https:\/\/ URL/);
    expect(messages({ ...minimal, apiVersion: '23' })).toEqual(['apiVersion: Graph API version must look like v23.0']);
    expect(messages({ ...minimal, humanAgentTag: 'yes' })).toEqual(['humanAgentTag: Human agent tag must be on or off']);
  });
});
