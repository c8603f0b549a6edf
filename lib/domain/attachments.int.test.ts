/**
 * GET /api/v1/messages/:id/attachments/:n through the real route, against a real upstream HTTP
 * server on 127.0.0.1 (reachable because tests run with ALLOW_INSECURE_PROVIDER_URLS=true): the
 * served type comes from the bytes, active content downloads, names are RFC 6266 encoded, nothing
 * redirects, and links to private addresses or oversize files are refused without leaking details.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser, messengerText, metaJson, signedWebhook } from '@/lib/testing/fixtures';

const CAP = 64 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
const HTML = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
const PDF = '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

let upstream: http.Server;
let base: string;
let db: typeof import('@/lib/db');
let GET: typeof import('@/app/api/v1/messages/[id]/attachments/[index]/route').GET;
let token: string;
let conversationId: string;
let inboxId: string;
let closedPort: number;

beforeAll(async () => {
  process.env.ATTACHMENT_MAX_BYTES = String(CAP);
  upstream = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/evil.svg') res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
    else if (path === '/page.png') res.writeHead(200, { 'content-type': 'image/png' }).end(HTML);
    else if (path === '/photo') res.writeHead(200, { 'content-type': 'text/html' }).end(PNG);
    else if (path === '/doc') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PDF);
    else if (path === '/big') res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(CAP * 4) }).end(Buffer.alloc(CAP * 4));
    else if (path === '/big-stream') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      for (let i = 0; i < 8; i++) res.write(Buffer.alloc(16 * 1024));
      res.end();
    } else if (path === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' }).end();
    else if (path === '/hop') res.writeHead(302, { location: '/photo' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  await useTestDatabase();
  db = await import('@/lib/db');
  ({ GET } = await import('@/app/api/v1/messages/[id]/attachments/[index]/route'));
  const { createToken } = await import('@/lib/domain/tokens');
  const admin = await makeUser('admin');
  token = (await createToken(admin, { name: 'attachments' })).token;
  const inbox = await makeMessengerInbox(admin);
  inboxId = inbox.id;
  const { handleWebhookRequest } = await import('@/lib/ingress/webhook');
  const { processInboundEvent } = await import('@/lib/domain/ingest');
  await handleWebhookRequest(signedWebhook(inbox.webhookUrl, metaJson(messengerText('customer-1', 'm_att_1', 'hello'))));
  for (const e of await db.db().inboundEvent.findMany()) await processInboundEvent(e.id);
  conversationId = (await db.db().conversation.findFirstOrThrow()).id;
});

afterAll(async () => {
  delete process.env.ATTACHMENT_MAX_BYTES;
  upstream.closeAllConnections();
  upstream.close();
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db?.closeDb();
});

async function messageWith(attachments: Record<string, unknown>[]): Promise<string> {
  const m = await db.db().message.create({ data: { conversationId, inboxId, direction: 'inbound', kind: 'attachment', status: 'received', attachments: attachments as never } });
  return m.id;
}

async function open(id: string, index = 0, auth = true): Promise<Response> {
  const headers = auth ? { authorization: `Bearer ${token}` } : undefined;
  return GET(new Request(`http://localhost/api/v1/messages/${id}/attachments/${index}`, { headers }), { params: Promise.resolve({ id, index: String(index) }) });
}

function expectSandboxed(res: Response) {
  expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('location')).toBeNull();
}

describe('GET /api/v1/messages/:id/attachments/:n', () => {
  it('serves an SVG (declared image/svg+xml) as a download, never inline', async () => {
    const res = await open(await messageWith([{ kind: 'image', url: `${base}/evil.svg`, name: 'logo.svg', mimeType: 'image/svg+xml' }]));
    expect(res.status).toBe(200);
    expectSandboxed(res);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="logo.svg"');
    expect(await res.text()).toBe(SVG);
  });

  it('serves HTML declared as image/png (by the upstream and the sender) as a download', async () => {
    const res = await open(await messageWith([{ kind: 'image', url: `${base}/page.png`, name: 'cat.png', mimeType: 'image/png' }]));
    expectSandboxed(res);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('serves real image bytes inline as image/png whatever was declared, following a redirect', async () => {
    const res = await open(await messageWith([{ kind: 'file', url: `${base}/hop`, name: 'x.html', mimeType: 'text/html' }]));
    expectSandboxed(res);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="x.html"');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('serves a PDF inline with a Chinese file name in RFC 5987 form', async () => {
    const res = await open(await messageWith([{ kind: 'file', url: `${base}/doc`, name: '报告.pdf' }]));
    expect(res.status).toBe(200);
    expectSandboxed(res);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="??.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`);
    expect(await res.text()).toBe(PDF);
  });

  it('refuses a file whose declared size exceeds ATTACHMENT_MAX_BYTES', async () => {
    const res = await open(await messageWith([{ kind: 'image', url: `${base}/big` }]));
    expect(res.status).toBe(502);
    expectSandboxed(res);
    expect(await res.json()).toMatchObject({ error: { code: 'attachment_too_large', message: expect.stringContaining('64 KB') } });
  });

  it('cuts a streamed file off once it passes the cap instead of buffering it', async () => {
    const res = await open(await messageWith([{ kind: 'image', url: `${base}/big-stream` }]));
    expect(res.status).toBe(200);
    expectSandboxed(res);
    const err = await res.arrayBuffer().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TooLargeError' });
  });

  it('is not an open redirect: a redirect to cloud metadata (169.254.169.254) is refused and never reached', async () => {
    const res = await open(await messageWith([{ kind: 'file', url: `${base}/to-metadata` }]));
    expect(res.status).toBe(502);
    expectSandboxed(res);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('media_unavailable');
    expect(body.error.message).toBe('The file could not be downloaded: The link points to an address that is not on the public Internet');
    expect(body.error.message).not.toMatch(/169\.254|ECONN|fetch failed/);
  });

  it('refuses links to private addresses and other schemes without saying more than why', async () => {
    for (const url of ['http://10.0.0.5/x.png', `http://[::ffff:127.0.0.1]:${closedPort}/x`, 'http://0x0a000005/']) {
      const res = await open(await messageWith([{ kind: 'image', url }]));
      if (url.includes('127.0.0.1')) {
        // loopback is allowed in tests (simulators); nothing listens there: a plain reason, not ECONNREFUSED
        expect(res.status).toBe(502);
        expect(await res.json()).toEqual({ error: { code: 'media_unavailable', message: 'The file could not be downloaded from where it is stored' } });
        continue;
      }
      expect(res.status, url).toBe(502);
      expect((await res.json()) as unknown).toMatchObject({ error: { code: 'media_unavailable', message: expect.stringContaining('not on the public Internet') } });
    }
  });

  it('sends the sandbox headers on errors too: 404 and 401', async () => {
    const id = await messageWith([{ kind: 'image', url: `${base}/photo` }]);
    const missing = await open(id, 3);
    expect(missing.status).toBe(404);
    expectSandboxed(missing);
    const anonymous = await open(id, 0, false);
    expect(anonymous.status).toBe(401);
    expectSandboxed(anonymous);
  });
});
