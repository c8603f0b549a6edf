/**
 * The REST contract through the real route handlers (as Next calls them), against a real Postgres:
 * authentication, roles, validation, errors, filters and pagination.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser, messengerText, metaJson, signedWebhook } from '@/lib/testing/fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ only in their params type
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
let adminToken: string;
let agentToken: string;
let inbox: { id: string; webhookUrl: string };
let db: typeof import('@/lib/db');

async function call(handler: Handler, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await handler(new Request(`http://localhost${path}`, { method, headers, body }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  await useTestDatabase();
  db = await import('@/lib/db');
  const { createToken } = await import('@/lib/domain/tokens');
  const admin = await makeUser('admin');
  const agent = await makeUser('agent');
  adminToken = (await createToken(admin, { name: 'a' })).token;
  agentToken = (await createToken(agent, { name: 'b' })).token;
  inbox = await makeMessengerInbox(admin);
  const { handleWebhookRequest } = await import('@/lib/ingress/webhook');
  const { processInboundEvent } = await import('@/lib/domain/ingest');
  for (let i = 0; i < 5; i++) {
    await handleWebhookRequest(signedWebhook(inbox.webhookUrl, metaJson(messengerText(`api-${i}`, `m_api_${i}`, `message ${i}`, Date.now() - (10 - i) * 1000))));
  }
  for (const e of await db.db().inboundEvent.findMany()) await processInboundEvent(e.id);
});

afterAll(async () => {
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db?.closeDb();
});

describe('REST API', () => {
  it('requires a session or a valid token', async () => {
    const { GET } = await import('./v1/conversations/route');
    expect((await call(GET, 'GET', '/api/v1/conversations')).status).toBe(401);
    const bad = await call(GET, 'GET', '/api/v1/conversations', { token: 'sbk_forged-token-value-000000' });
    expect(bad).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
  });

  it('lets only admins create inboxes and users', async () => {
    const inboxes = await import('./v1/inboxes/route');
    const users = await import('./v1/users/route');
    const body = { channel: 'messenger', name: 'X', config: { pageId: '1', pageAccessToken: 't', appSecret: 's' } };
    expect((await call(inboxes.POST, 'POST', '/api/v1/inboxes', { token: agentToken, body })).json.error.code).toBe('forbidden');
    const created = await call(inboxes.POST, 'POST', '/api/v1/inboxes', { token: adminToken, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ channel: 'messenger', name: 'X', webhookUrl: expect.stringMatching(/\/api\/webhooks\/messenger\//), verifyToken: expect.any(String) });
    expect(JSON.stringify(created.json)).not.toMatch(/"pageAccessToken"|"appSecret"/);
    const newUser = { name: 'N', email: 'n@example.com', password: 'long enough password', role: 'agent' };
    expect((await call(users.POST, 'POST', '/api/v1/users', { token: agentToken, body: newUser })).status).toBe(403);
    expect((await call(users.POST, 'POST', '/api/v1/users', { token: adminToken, body: newUser })).status).toBe(201);
    expect((await call(users.POST, 'POST', '/api/v1/users', { token: adminToken, body: newUser })).json.error.code).toBe('email_taken');
  });

  it('validates input and explains what is wrong', async () => {
    const inboxes = await import('./v1/inboxes/route');
    const bad = await call(inboxes.POST, 'POST', '/api/v1/inboxes', { token: adminToken, body: { channel: 'messenger', name: 'Y', config: { pageId: 'abc' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_config');
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['pageId', 'pageAccessToken', 'appSecret']));
    expect((await call(inboxes.POST, 'POST', '/api/v1/inboxes', { token: adminToken, raw: '{not json' })).json.error.code).toBe('invalid_json');
    expect((await call(inboxes.POST, 'POST', '/api/v1/inboxes', { token: adminToken, body: { channel: 'fax', name: 'Z', config: {} } })).json.error.code).toBe('unknown_channel');
    const list = await import('./v1/conversations/route');
    expect((await call(list.GET, 'GET', '/api/v1/conversations?status=closed', { token: agentToken })).status).toBe(400);
    expect((await call(list.GET, 'GET', '/api/v1/conversations?cursor=garbage', { token: agentToken })).status).toBe(400);
    const one = await import('./v1/conversations/[id]/route');
    expect((await call(one.GET, 'GET', '/api/v1/conversations/nope', { token: agentToken, params: { id: 'nope' } })).status).toBe(404);
  });

  it('pages through conversations newest activity first without gaps or repeats', async () => {
    const { GET } = await import('./v1/conversations/route');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { contact: { externalId: string } }[]; nextCursor: string | null } } = await call(GET, 'GET', `/api/v1/conversations?status=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: agentToken });
      seen.push(...page.json.items.map((c) => c.contact.externalId));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['api-4', 'api-3', 'api-2', 'api-1', 'api-0']);
  });

  it('assigns, resolves and filters; the message list and replies follow the contract', async () => {
    const { GET } = await import('./v1/conversations/route');
    const { PATCH } = await import('./v1/conversations/[id]/route');
    const messages = await import('./v1/conversations/[id]/messages/route');
    const me = await import('./v1/me/route');
    const agent = (await call(me.GET, 'GET', '/api/v1/me', { token: agentToken })).json;
    const [first] = (await call(GET, 'GET', '/api/v1/conversations', { token: agentToken })).json.items;
    const params = { id: first.id };
    const patched = await call(PATCH, 'PATCH', `/api/v1/conversations/${first.id}`, { token: agentToken, params, body: { assigneeId: agent.id, status: 'pending' } });
    expect(patched.json).toMatchObject({ status: 'pending', assigneeId: agent.id, assignee: { name: agent.name } });
    expect((await call(PATCH, 'PATCH', '/x', { token: agentToken, params, body: { status: 'archived' } })).status).toBe(400);
    const mine = (await call(GET, 'GET', '/api/v1/conversations?status=pending&assignee=me', { token: agentToken })).json.items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect((await call(GET, 'GET', '/api/v1/conversations?assignee=unassigned&status=pending', { token: agentToken })).json.items).toEqual([]);

    const list = await call(messages.GET, 'GET', `/api/v1/conversations/${first.id}/messages`, { token: agentToken, params });
    expect(list.json.items[0]).toMatchObject({ direction: 'inbound', kind: 'text', text: 'message 4', status: 'received', attachments: [], error: null, private: false });
    const empty = await call(messages.POST, 'POST', '/x', { token: agentToken, params, body: { text: '   ' } });
    expect(empty).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    const reply = await call(messages.POST, 'POST', '/x', { token: agentToken, params, body: { text: 'On it' } });
    expect(reply).toMatchObject({ status: 201, json: { direction: 'outbound', status: 'queued', text: 'On it', author: { id: agent.id } } });
    const job = await db.pool().query(`SELECT singleton_key FROM pgboss.job WHERE name = 'outbound.deliver' AND data->>'messageId' = $1`, [reply.json.id]);
    expect(job.rows).toEqual([{ singleton_key: first.id }]);
  });
});

describe('ids in URLs', () => {
  it('answer 404, not 500, for ids that are not ids', async () => {
    const tokens = await import('./v1/tokens/[id]/route');
    const test = await import('./v1/inboxes/[id]/test/route');
    expect((await call(tokens.DELETE, 'DELETE', '/x', { token: agentToken, params: { id: 'x' } })).status).toBe(404);
    expect((await call(test.POST, 'POST', '/x', { token: adminToken, params: { id: 'x' } })).status).toBe(404);
  });
});


describe('templates, media and webhook registration', () => {
  it('refuses a template on a channel without templates, and lists none', async () => {
    const { GET } = await import('./v1/conversations/route');
    const messages = await import('./v1/conversations/[id]/messages/route');
    const templates = await import('./v1/inboxes/[id]/templates/route');
    const [first] = (await call(GET, 'GET', '/api/v1/conversations?status=all', { token: agentToken })).json.items;
    const sent = await call(messages.POST, 'POST', '/x', { token: agentToken, params: { id: first.id }, body: { template: { name: 'order_update', language: 'en_US', parameters: ['Ana'] } } });
    expect(sent).toMatchObject({ status: 422, json: { error: { code: 'templates_unsupported' } } });
    expect((await call(templates.GET, 'GET', '/x', { token: agentToken, params: { id: inbox.id } })).json).toEqual({ items: [] });
  });

  it('opens an attachment through Switchboard: never a redirect (unreachable links are 502), unknown indexes are 404', async () => {
    const conversation = await db.db().conversation.findFirstOrThrow();
    const message = await db.db().message.create({ data: { conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', kind: 'attachment', status: 'received', attachments: [{ kind: 'image', url: 'https://cdn.example/a.jpg' }] } });
    const { GET } = await import('./v1/messages/[id]/attachments/[index]/route');
    const ok = await GET(new Request('http://localhost/x', { headers: { authorization: `Bearer ${agentToken}` } }), { params: Promise.resolve({ id: message.id, index: '0' }) });
    expect(ok.status).toBe(502);
    expect(ok.headers.get('location')).toBeNull();
    expect(ok.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect((await call(GET, 'GET', '/x', { token: agentToken, params: { id: message.id, index: '7' } })).status).toBe(404);
  });

  it('explains that Messenger webhooks are pasted in Meta, and only admins may ask', async () => {
    const { POST } = await import('./v1/inboxes/[id]/webhook/route');
    expect((await call(POST, 'POST', '/x', { token: agentToken, params: { id: inbox.id } })).status).toBe(403);
    const result = await call(POST, 'POST', '/x', { token: adminToken, params: { id: inbox.id } });
    expect(result.json).toMatchObject({ ok: true, message: expect.stringMatching(/paste the webhook URL/) });
  });
});
