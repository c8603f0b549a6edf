import { describe, expect, it } from 'vitest';
import { whatsappConfigSchema } from './config';

const minimal = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAtoken', appSecret: 'secret' };
const messages = (input: unknown) =>
  whatsappConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('whatsappConfigSchema', () => {
  it('fills defaults: real Graph host, v23.0 and a generated url-safe verify token', () => {
    const config = whatsappConfigSchema.parse(minimal);
    expect(config).toMatchObject({ ...minimal, apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' });
    expect(config.verifyToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(whatsappConfigSchema.parse(minimal).verifyToken).not.toBe(config.verifyToken);
  });

  it('keeps a given verify token, treats blanks as not given, strips trailing slashes and unknown keys', () => {
    const config = whatsappConfigSchema.parse({ ...minimal, verifyToken: 'mine', apiBaseUrl: 'http://127.0.0.1:4100/wa//', apiVersion: ' ', extra: 1 });
    expect(config).toMatchObject({ verifyToken: 'mine', apiBaseUrl: 'http://127.0.0.1:4100/wa', apiVersion: 'v23.0' });
    expect(config).not.toHaveProperty('extra');
    expect(whatsappConfigSchema.parse({ ...minimal, verifyToken: '' }).verifyToken).not.toBe('');
  });

  it('ids stay strings (never numbers)', () => {
    expect(typeof whatsappConfigSchema.parse(minimal).phoneNumberId).toBe('string');
    expect(messages({ ...minimal, phoneNumberId: 106540352242922 })).toEqual(['phoneNumberId: Phone number ID must be text']);
  });

  it('explains each problem to an admin', () => {
    expect(messages({})).toEqual([
      'phoneNumberId: Phone number ID is required',
      'wabaId: WhatsApp Business Account ID is required',
      'accessToken: Access token is required',
      'appSecret: App secret is required',
    ]);
    expect(messages({ ...minimal, phoneNumberId: '+1 555 078 3881' })).toEqual([
      'phoneNumberId: Phone number ID must be the numeric id from WhatsApp Manager → API Setup (not the phone number itself)',
    ]);
    expect(messages({ ...minimal, accessToken: '  ' })[0]).toMatch(/^accessToken: Access token is required \(a system-user token/);
    expect(messages({ ...minimal, apiBaseUrl: 'ftp://graph' })[0]).toMatch(/^apiBaseUrl: API base URL must be an https:\/\/ URL/);
    expect(messages({ ...minimal, apiVersion: '23' })).toEqual(['apiVersion: Graph API version must look like v23.0']);
  });
});
