import { afterEach, describe, expect, it } from 'vitest';
import { messengerConfigSchema } from '../messenger/config';
import { providerUrlProblem } from './provider-url';

describe('providerUrlProblem', () => {
  it('accepts https on a public host', () => {
    expect(providerUrlProblem('API base URL', 'https://graph.facebook.com', false)).toBeNull();
  });

  it('refuses http and loopback/private hosts unless insecure provider URLs are allowed, naming the rule', () => {
    expect(providerUrlProblem('API base URL', 'http://graph.facebook.com', false)).toBe(
      'API base URL must be an https:// URL (set ALLOW_INSECURE_PROVIDER_URLS=true for local simulators)',
    );
    for (const url of ['https://127.0.0.1:4100', 'https://localhost/x', 'https://10.0.0.5', 'https://[::1]/', 'https://2130706433/']) {
      expect(providerUrlProblem('API base URL', url, false), url).toMatch(/not a loopback or private address \(set ALLOW_INSECURE_PROVIDER_URLS=true/);
    }
    expect(providerUrlProblem('API base URL', 'http://127.0.0.1:4100', true)).toBeNull();
    expect(providerUrlProblem('API base URL', 'http://10.0.0.5', true)).toBeNull();
  });

  it('never accepts link-local (cloud metadata), even with the flag', () => {
    expect(providerUrlProblem('Token endpoint', 'http://169.254.169.254/latest', true)).toMatch(/link-local/);
    expect(providerUrlProblem('Token endpoint', 'https://[fe80::1]/', true)).toMatch(/link-local/);
  });
});

describe('a channel config schema', () => {
  const saved = process.env.ALLOW_INSECURE_PROVIDER_URLS;
  afterEach(() => {
    process.env.ALLOW_INSECURE_PROVIDER_URLS = saved;
  });
  const input = { pageId: '1', pageAccessToken: 't', appSecret: 's', apiBaseUrl: 'http://127.0.0.1:4100/' };

  it('shows the admin the rule for an http simulator URL when the flag is off', () => {
    process.env.ALLOW_INSECURE_PROVIDER_URLS = 'false';
    const result = messengerConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === 'apiBaseUrl')?.message).toBe(
      'API base URL must be an https:// URL (set ALLOW_INSECURE_PROVIDER_URLS=true for local simulators)',
    );
  });

  it('accepts it with the flag, and still defaults to the real host', () => {
    process.env.ALLOW_INSECURE_PROVIDER_URLS = 'true';
    expect(messengerConfigSchema.parse(input).apiBaseUrl).toBe('http://127.0.0.1:4100');
    process.env.ALLOW_INSECURE_PROVIDER_URLS = 'false';
    expect(messengerConfigSchema.parse({ ...input, apiBaseUrl: '' }).apiBaseUrl).toBe('https://graph.facebook.com');
  });
});
