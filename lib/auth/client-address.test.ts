/**
 * The custom server's client address stamp over real HTTP: a forged internal header is replaced,
 * X-Forwarded-For counts only with TRUST_PROXY, and loopback is recognised.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, isLoopback, normalizeAddress, stampClientAddress } from './client-address';

let server: Server | undefined;
afterEach(() => server?.close());

async function seenAddress(trustProxy: boolean, headers: Record<string, string>): Promise<string> {
  server = createServer((req, res) => {
    stampClientAddress(req, trustProxy);
    res.end(clientAddress(req.headers));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('client address', () => {
  it('is the socket address; a forged internal header and X-Forwarded-For are ignored by default', async () => {
    expect(await seenAddress(false, { [CLIENT_ADDRESS_HEADER]: '10.9.9.9', 'x-forwarded-for': '198.51.100.1' })).toBe('127.0.0.1');
  });

  it('with TRUST_PROXY, is the last X-Forwarded-For entry (what our proxy saw)', async () => {
    expect(await seenAddress(true, { 'x-forwarded-for': '127.0.0.1, 198.51.100.1' })).toBe('198.51.100.1');
    expect(await seenAddress(true, {})).toBe('127.0.0.1');
  });

  it('normalises and classifies addresses', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('not an ip')).toBe('unknown');
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('unknown')).toBe(false);
    expect(isLoopback('192.168.1.1')).toBe(false);
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
