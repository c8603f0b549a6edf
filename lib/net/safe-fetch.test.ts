import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooLargeError, TooManyRedirectsError, UnsafeUrlError } from './errors';
import { createSafeFetch } from './safe-fetch';
import { safeLookup } from './safe-lookup';

/** A real upstream: routes answer redirects, bodies of a given size, or nothing (hang). */
let server: http.Server;
let base: string;
const seen: { path: string; authorization?: string; method: string }[] = [];
let abortedStreams = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, authorization: req.headers.authorization, method: req.method ?? '' });
    const hops = Number(url.searchParams.get('hops') ?? 0);
    if (url.pathname === '/redirect') {
      const to = hops > 0 ? `/redirect?hops=${hops - 1}` : '/ok';
      res.writeHead(302, { location: to }).end();
    } else if (url.pathname === '/to') {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('target')! }).end();
    } else if (url.pathname === '/ok') {
      res.end('fine');
    } else if (url.pathname === '/declared-big') {
      res.writeHead(200, { 'content-length': String(10_000) }).end(Buffer.alloc(10_000));
    } else if (url.pathname === '/stream-big') {
      // Chunked, no Content-Length: the cap must be enforced while streaming.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent > 50_000_000) return clearInterval(timer);
        res.write(Buffer.alloc(16 * 1024));
        sent += 16 * 1024;
      }, 1);
      res.on('close', () => {
        clearInterval(timer);
        if (sent < 50_000_000) abortedStreams++;
      });
    } else if (url.pathname === '/hang') {
      // never answers
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const simulators = createSafeFetch({ allowLoopback: true, maxBytes: 4096, timeoutMs: 2000 });
const strict = createSafeFetch({ allowLoopback: false, maxBytes: 4096, timeoutMs: 2000 });

describe('createSafeFetch', () => {
  it('refuses loopback by default, as an IP literal and as a name resolved by DNS', async () => {
    await expect(strict(`${base}/ok`)).rejects.toBeInstanceOf(UnsafeUrlError);
    const port = new URL(base).port;
    await expect(strict(`http://localhost:${port}/ok`)).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('reaches loopback when insecure provider URLs are allowed (simulators)', async () => {
    const res = await simulators(`${base}/ok`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('fine');
  });

  it('follows up to 3 redirects and refuses a 4th', async () => {
    const ok = await simulators(`${base}/redirect?hops=2`);
    expect(await ok.text()).toBe('fine');
    await expect(simulators(`${base}/redirect?hops=3`)).rejects.toBeInstanceOf(TooManyRedirectsError);
  });

  it('checks every hop: a redirect to cloud metadata (169.254.169.254) or a mapped form is refused before connecting', async () => {
    for (const target of ['http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://10.0.0.5/', 'file:///etc/passwd']) {
      const err = await simulators(`${base}/to?target=${encodeURIComponent(target)}`).catch((e: unknown) => e);
      expect(err, target).toBeInstanceOf(UnsafeUrlError);
    }
  });

  it('drops credentials when a redirect leaves the origin, keeps them on the same origin', async () => {
    seen.length = 0;
    const port = new URL(base).port;
    const other = `http://localhost:${port}/ok`; // loopback too, but another origin
    await simulators(`${base}/to?target=${encodeURIComponent(other)}`, { headers: { authorization: 'Bearer secret' } });
    await simulators(`${base}/redirect?hops=0`, { headers: { authorization: 'Bearer secret' } });
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/to', 'Bearer secret'],
      ['/ok', undefined],
      ['/redirect', 'Bearer secret'],
      ['/ok', 'Bearer secret'],
    ]);
  });

  it('turns a POST into a GET on 303, keeps it on 307', async () => {
    seen.length = 0;
    await simulators(`${base}/to?status=303&target=/ok`, { method: 'POST', body: 'x' });
    await simulators(`${base}/to?status=307&target=/ok`, { method: 'POST', body: 'x' });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'GET', 'POST', 'POST']);
  });

  it('refuses a body whose Content-Length exceeds the cap before reading it', async () => {
    await expect(simulators(`${base}/declared-big`)).rejects.toBeInstanceOf(TooLargeError);
  });

  it('errors a streamed body as soon as it passes the cap and closes the upstream connection', async () => {
    const before = abortedStreams;
    const res = await simulators(`${base}/stream-big`);
    const err = await res.arrayBuffer().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    await expect.poll(() => abortedStreams).toBe(before + 1);
  });

  it('times out', async () => {
    const started = Date.now();
    const err = await simulators(`${base}/hang`).catch((e: unknown) => e);
    expect((err as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('safeLookup', () => {
  const lookup = (addresses: string[], all: boolean) =>
    new Promise<unknown>((resolve) => {
      const fn = safeLookup({ allowLoopback: true }, async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
      fn('rebind.example', { all } as never, ((err: Error | null, address: unknown) => resolve(err ?? address)) as never);
    });

  it('refuses a name when any of its addresses is not allowed (one public, one private: DNS rebinding)', async () => {
    expect(await lookup(['93.184.215.14', '10.0.0.1'], true)).toBeInstanceOf(UnsafeUrlError);
    expect(await lookup(['169.254.169.254'], false)).toBeInstanceOf(UnsafeUrlError);
    expect(await lookup(['64:ff9b::a9fe:a9fe'], false)).toBeInstanceOf(UnsafeUrlError);
  });

  it('hands the checked addresses to the socket', async () => {
    expect(await lookup(['93.184.215.14', '2606:4700::1'], true)).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
    expect(await lookup(['93.184.215.14'], false)).toBe('93.184.215.14');
  });
});
