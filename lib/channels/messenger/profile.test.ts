import { describe, expect, it } from 'vitest';
import { messengerConfigSchema } from './config';
import { fetchMessengerProfile } from './profile';

const config = messengerConfigSchema.parse({ pageId: '404217156637689', pageAccessToken: 'EAAtok', appSecret: 'secret', apiBaseUrl: 'https://graph.test' });

describe('fetchMessengerProfile', () => {
  it('asks the User Profile API for the PSID and returns the name', async () => {
    let called = '';
    const fetchImpl = (async (url: string) => {
      called = url;
      return new Response(JSON.stringify({ first_name: 'Ana', last_name: 'Silva', name: 'Ana Silva', id: '123' }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await fetchMessengerProfile(config, '123', fetchImpl)).toEqual({ externalId: '123', name: 'Ana Silva' });
    expect(called).toMatch(/^https:\/\/graph\.test\/v\d+\.\d+\/123\?fields=first_name%2Clast_name%2Cname&access_token=EAAtok&appsecret_proof=[0-9a-f]{64}$/);
  });

  it('returns null instead of throwing when Graph refuses or is unreachable', async () => {
    const refused = (async () => new Response('{"error":{"code":190}}', { status: 400 })) as unknown as typeof fetch;
    const down = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await fetchMessengerProfile(config, '123', refused)).toBeNull();
    expect(await fetchMessengerProfile(config, '123', down)).toBeNull();
  });
});
