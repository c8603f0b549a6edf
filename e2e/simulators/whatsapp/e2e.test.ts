/**
 * End to end over real HTTP: OUR connectors call the simulator's APIs, and the simulator's webhooks
 * go through OUR connectors' handshake/verify/parse in an ingress stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCache, testDeps } from '../../../lib/channels/shared/memory-cache';
import type { NormalizedEvent, OutboundMessage, SendContext } from '../../../lib/channels/types';
import { whatsappConnector, type WhatsAppConfig } from '../../../lib/channels/whatsapp';
import { whatsapp360Connector, type WhatsApp360Config } from '../../../lib/channels/whatsapp360';
import { startIngress } from './ingress-double';
import type { WhatsAppSimulator } from './server';
import { CLOUD, D360, startFastSimulator, WA } from './test-support';
import { untrustedFetch } from '@/lib/net';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const deps = () => testDeps({ fetch });

describe('whatsapp connector ⇄ simulator (Cloud API)', () => {
  let sim: WhatsAppSimulator;
  let ingress: Awaited<ReturnType<typeof startIngress>>;
  let config: WhatsAppConfig;
  const ctx = (lastInboundAt: Date | null, to = WA): SendContext<WhatsAppConfig> =>
    ({ config, contactExternalId: to, reference: null, lastInboundAt, now: new Date(), fetch, fetchUntrusted: untrustedFetch(), cache: memoryCache() });
  const send = (m: Partial<OutboundMessage>, lastInboundAt: Date | null = new Date()) => whatsappConnector.send(ctx(lastInboundAt), { metadata: 'msg', ...m });
  const events = () => ingress.of('/wa');

  beforeAll(async () => {
    sim = await startFastSimulator();
    config = whatsappConnector.configSchema.parse({ ...CLOUD, verifyToken: undefined, apiBaseUrl: sim.url });
    ingress = await startIngress({ '/wa': { connector: whatsappConnector, config } });
    const registered = await sim.registerAccount({ ...CLOUD, webhookUrl: ingress.url('/wa'), verifyToken: config.verifyToken });
    expect(registered.verified).toBe(true); // hub.challenge answered by the connector's handshake
  });
  afterAll(async () => {
    await sim.close();
    await ingress.close();
  });

  it('a batch of customer messages is verified and parsed into every event, with names and media ids', async () => {
    const result = await sim.customerSends({
      phoneNumberId: CLOUD.phoneNumberId, waId: WA, name: 'José', text: 'café 😀',
      batchWith: [
        { phoneNumberId: CLOUD.phoneNumberId, waId: WA, image: { caption: 'this one' } },
        { phoneNumberId: CLOUD.phoneNumberId, waId: WA, buttonReply: { id: 'agent', title: 'Talk to agent' } },
      ],
    });
    expect(result.deliveries[0].status).toBe(200);
    expect(events()).toEqual([
      expect.objectContaining({ type: 'message', externalId: result.wamids[0], text: 'café 😀', contact: { externalId: WA, name: 'José' } }),
      expect.objectContaining({ type: 'message', text: 'this one', attachments: [expect.objectContaining({ kind: 'image', mimeType: 'image/png', providerMediaId: expect.any(String) })] }),
      expect.objectContaining({ type: 'message', postback: { title: 'Talk to agent', payload: 'agent' } }),
    ]);
  });

  it('fetchMedia downloads the image the customer sent (two steps, Bearer token)', async () => {
    const image = events().find((e) => e.type === 'message' && e.attachments.length) as Extract<NormalizedEvent, { type: 'message' }>;
    const res = await whatsappConnector.fetchMedia!(config, image.attachments[0], deps());
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual(PNG_MAGIC);
  });

  it('send() gets the wamid, the simulator records the exact body, and statuses come back parsed', async () => {
    const inbound = events()[0] as Extract<NormalizedEvent, { type: 'message' }>;
    const result = await send({ text: 'Olá José', replyToExternalId: inbound.externalId });
    const [recorded] = sim.sent();
    expect(result).toEqual({ externalId: recorded.wamid });
    expect(recorded.body).toMatchObject({ to: WA, type: 'text', text: { body: 'Olá José' }, context: { message_id: inbound.externalId } });
    const statuses = await ingress.waitForEvents('/wa', (list) => list.filter((e) => e.type === 'status').length === 3);
    expect(statuses.filter((e) => e.type === 'status').map((e) => e.dedupeKey).sort()).toEqual(
      ['delivered', 'read', 'sent'].map((s) => `status:${recorded.wamid}:${s}`),
    );
  });

  it('outside the window: free-form refused before any call; a template goes out', async () => {
    const before = sim.sent().length;
    await expect(send({ text: 'late' }, new Date(Date.now() - 25 * 3600_000))).rejects.toMatchObject({ kind: 'window_closed' });
    expect(sim.sent()).toHaveLength(before);
    const result = await send({ template: { name: 'order_update', language: 'en_US', parameters: ['José', '#42', 'tomorrow'] } }, null);
    expect(sim.sent().at(-1)).toMatchObject({ wamid: result.externalId, type: 'template' });
  });

  it('when the app believes the window is open but it closed: 200, then a failed status with the human 131047 reason', async () => {
    sim.setCustomer({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, lastInboundHoursAgo: 30 });
    const { externalId } = await send({ text: 'are you there?' });
    const list = await ingress.waitForEvents('/wa', (l) => l.some((e) => e.dedupeKey === `status:${externalId}:failed`));
    expect(list.find((e) => e.dedupeKey === `status:${externalId}:failed`)).toMatchObject({
      type: 'status', status: 'failed', messageExternalIds: [externalId],
      error: { code: '131047', reason: 'More than 24 hours have passed since the customer last wrote: only a template can be sent now' },
    });
    sim.setCustomer({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, lastInboundHoursAgo: 0 });
  });

  it('provider errors map to ConnectorErrors: pair rate (131056), bad token (190), 5xx', async () => {
    sim.failNext(CLOUD.phoneNumberId, { code: 131056 });
    await expect(send({ text: 'x' })).rejects.toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterSeconds: 6, code: '131056' });
    sim.failNext(CLOUD.phoneNumberId, { code: 131000 });
    await expect(send({ text: 'x' })).rejects.toMatchObject({ kind: 'provider', retryable: true });
    sim.expireToken(CLOUD.phoneNumberId);
    await expect(send({ text: 'x' })).rejects.toMatchObject({ kind: 'auth', retryable: false, code: '190' });
    expect((await whatsappConnector.testConnection(config, fetch)).message).toContain('access token is invalid or expired');
    sim.expireToken(CLOUD.phoneNumberId, false);
  });

  it('testConnection and listTemplates against the simulator', async () => {
    expect(await whatsappConnector.testConnection(config, fetch)).toMatchObject({ ok: true, message: `Connected to WhatsApp number ${CLOUD.displayPhoneNumber} («${CLOUD.verifiedName}»)` });
    const templates = await whatsappConnector.listTemplates!(config, deps());
    expect(templates.find((t) => t.name === 'order_update')).toMatchObject({ status: 'APPROVED', parameterCount: 3, language: 'en_US' });
    expect(templates).toHaveLength(4);
  });

  it('a webhook signed with another app secret is refused (403) and retried by the simulator', async () => {
    await sim.registerAccount({ ...CLOUD, phoneNumberId: '106540352299999', appSecret: 'wrong-secret', accessToken: 'other', webhookUrl: ingress.url('/wa'), verifyToken: config.verifyToken });
    await sim.customerSends({ phoneNumberId: '106540352299999', waId: WA, text: 'forged?' });
    await sim.webhooksIdle();
    expect(ingress.refusals.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(events().some((e) => e.type === 'message' && e.text === 'forged?')).toBe(false);
  });

  it('duplicate redelivery yields the same dedupe keys', async () => {
    const sent = await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'dup' });
    await sim.redeliver(sent.deliveries[0].deliveryId);
    expect(events().filter((e) => e.dedupeKey === sent.wamid)).toHaveLength(2);
  });
});

describe('whatsapp360 connector ⇄ simulator (360dialog)', () => {
  let sim: WhatsAppSimulator;
  let ingress: Awaited<ReturnType<typeof startIngress>>;
  let config: WhatsApp360Config;

  beforeAll(async () => {
    sim = await startFastSimulator();
    config = whatsapp360Connector.configSchema.parse({ apiKey: D360.apiKey, apiBaseUrl: sim.url });
    ingress = await startIngress({ '/d360': { connector: whatsapp360Connector, config } });
    await sim.registerAccount(D360);
  });
  afterAll(async () => {
    await sim.close();
    await ingress.close();
  });

  it('registerWebhook stores the URL and the secret header; testConnection reports it', async () => {
    expect(await whatsapp360Connector.registerWebhook!(config, ingress.url('/d360'), deps())).toMatchObject({ ok: true });
    expect(sim.accounts()[0]).toMatchObject({ webhookUrl: ingress.url('/d360'), webhookHeaders: { Authorization: config.webhookSecret } });
    expect((await whatsapp360Connector.testConnection(config, fetch)).message).toBe(`Connected to 360dialog; webhooks currently go to ${ingress.url('/d360')}`);
  });

  it('customer messages pass the Authorization check and parse; media downloads through the rewritten host', async () => {
    await sim.customerSends({ phoneNumberId: D360.phoneNumberId, waId: WA, name: 'Lena', image: {} });
    const [event] = ingress.of('/d360') as Extract<NormalizedEvent, { type: 'message' }>[];
    expect(event).toMatchObject({ type: 'message', contact: { externalId: WA, name: 'Lena' } });
    const res = await whatsapp360Connector.fetchMedia!(config, event.attachments[0], deps());
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual(PNG_MAGIC);
  });

  it('send() with D360-API-KEY; statuses parsed; templates listed', async () => {
    const ctx: SendContext<WhatsApp360Config> = { config, contactExternalId: WA, reference: null, lastInboundAt: new Date(), now: new Date(), fetch, fetchUntrusted: untrustedFetch(), cache: memoryCache() };
    const { externalId } = await whatsapp360Connector.send(ctx, { text: 'Hallo Lena', metadata: 'm' });
    expect(sim.sent()[0]).toMatchObject({ wamid: externalId, body: { text: { body: 'Hallo Lena' } } });
    await ingress.waitForEvents('/d360', (l) => l.filter((e) => e.type === 'status').length === 3);
    const templates = await whatsapp360Connector.listTemplates!(config, deps());
    expect(templates.find((t) => t.name === 'support_followup')).toMatchObject({ status: 'APPROVED', parameterCount: 1 });
  });

  it('a webhook without the registered header is refused', async () => {
    sim.accounts()[0].webhookHeaders = {};
    await sim.customerSends({ phoneNumberId: D360.phoneNumberId, waId: WA, text: 'no header' });
    expect(ingress.refusals[0]).toMatchObject({ status: 401 });
  });
});
