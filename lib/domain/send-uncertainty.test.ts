import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithTimeout } from '@/lib/channels/shared/http';
import { watchSends } from './send-uncertainty';

let silent: Server;
let dropper: TcpServer;
const JSON_TYPE = { 'content-type': 'application/json' };
const urlOf = (s: { address(): unknown }) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/send`;

beforeAll(async () => {
  silent = createServer(() => undefined); // reads the request, never answers
  // Reads the whole request, then drops the connection without an answer.
  dropper = createTcpServer((socket) => socket.once('data', () => socket.destroy()));
  await Promise.all([new Promise<void>((r) => silent.listen(0, '127.0.0.1', r)), new Promise<void>((r) => dropper.listen(0, '127.0.0.1', r))]);
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
  dropper.close();
});

describe('a send that may have reached the provider', () => {
  it('is a POST that timed out after the request was written', async () => {
    const w = watchSends(fetch);
    await expect(fetchWithTimeout(w.fetch, urlOf(silent), { method: 'POST', headers: JSON_TYPE, body: '{}' }, 300)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(w.uncertain()).toBe(true);
  });

  it('is a POST whose connection dropped before the answer', async () => {
    const w = watchSends(fetch);
    await expect(w.fetch(urlOf(dropper), { method: 'POST', headers: JSON_TYPE, body: '{}' })).rejects.toThrow();
    expect(w.uncertain()).toBe(true);
  });

  it('is not a refused connection (nothing was sent), nor a GET that timed out (nothing was written)', async () => {
    const refused = watchSends(fetch);
    await expect(refused.fetch('http://127.0.0.1:1/send', { method: 'POST', headers: JSON_TYPE, body: '{}' })).rejects.toThrow();
    expect(refused.uncertain()).toBe(false);
    const get = watchSends(fetch);
    await expect(fetchWithTimeout(get.fetch, urlOf(silent), {}, 300)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(get.uncertain()).toBe(false);
  });

  it('is not a token request or a media upload that timed out (they carry no message)', async () => {
    const token = watchSends(fetch);
    await expect(fetchWithTimeout(token.fetch, urlOf(silent), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' }, 300)).rejects.toMatchObject({ name: 'TimeoutError' });
    const form = new FormData();
    form.set('media', new Blob(['x']), 'a.png');
    await expect(fetchWithTimeout(token.fetch, urlOf(silent), { method: 'POST', body: form }, 300)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(token.uncertain()).toBe(false);
  });
});
