/**
 * The shared connector contract as a reusable suite: lib/channels/contract.test.ts runs it over
 * every registered connector; a connector folder not registered yet can run it on itself.
 * Call inside a vitest `describe`.
 */
import { expect, it } from 'vitest';
import type { ConnectorContractFixtures } from './contract-fixtures';
import { memoryCache, testDeps } from './memory-cache';
import { ConnectorError, MalformedPayloadError, type Connector, type WebhookRequest } from '../types';

const NOW = new Date('2026-03-10T12:00:00Z');
const withBody = (req: WebhookRequest, rawBody: Buffer): WebhookRequest => ({ ...req, rawBody });
const failingFetch = (() =>
  Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }))) as typeof fetch;

export function connectorContractSuite(key: string, connector: Connector, fixtures: () => Promise<ConnectorContractFixtures<Record<string, unknown>>>): void {
  const config = async () => connector.configSchema.parse((await fixtures()).validConfigInput);
  const signed = async (body: string) => (await fixtures()).signedRequest(await config(), body);

  it('describes itself', () => {
    expect(connector.key).toBe(key);
    expect(connector.displayName.trim()).not.toBe('');
    for (const flag of ['media', 'templates', 'receipts', 'typing'] as const) expect(typeof connector.capabilities[flag]).toBe('boolean');
  });

  it('configSchema rejects {} with readable messages on named fields', () => {
    const result = connector.configSchema.safeParse({});
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) {
      expect(issue.path.length).toBeGreaterThan(0);
      expect(issue.message).not.toMatch(/^Invalid input|^Invalid option|expected \w+, received/);
    }
  });

  it('the fixture config is also valid for a new inbox (newConfigSchema, when the connector has stricter rules)', async () => {
    const schema = connector.newConfigSchema ?? connector.configSchema;
    expect(schema.safeParse((await fixtures()).validConfigInput).success).toBe(true);
  });

  it('secret and public setup fields are config keys, and never both', async () => {
    const keys = Object.keys(await config());
    for (const field of [...connector.secretFields, ...connector.publicSetupFields]) expect(keys).toContain(field);
    expect(connector.secretFields.filter((f) => connector.publicSetupFields.includes(f))).toEqual([]);
  });

  it('handshake ignores an unrelated GET (null or a reply that echoes nothing)', async () => {
    const req: WebhookRequest = { method: 'GET', url: new URL(`https://switchboard.test/api/webhooks/${key}/x?foo=bar`), headers: new Headers(), rawBody: Buffer.alloc(0) };
    const reply = connector.handshake(req, await config());
    if (reply !== null) expect(reply.body).not.toContain('bar');
  });

  it('verify accepts the fixture request and rejects missing credentials or a tampered body', async () => {
    const { validBody } = await fixtures();
    const good = await signed(validBody);
    expect(await connector.verify(good, await config(), testDeps())).toEqual({ ok: true });
    const bare: WebhookRequest = { ...good, url: new URL(`https://switchboard.test/api/webhooks/${key}/x`), headers: new Headers({ 'content-type': 'application/json' }) };
    const unsigned = await connector.verify(bare, await config(), testDeps());
    expect(unsigned.ok).toBe(false);
    if (!unsigned.ok) expect([401, 403]).toContain(unsigned.status);
    const tampered = await connector.verify(withBody(good, Buffer.from(`${validBody} `)), await config(), testDeps());
    if ((await fixtures()).bodySigned !== false) expect(tampered.ok).toBe(false);
  });

  it('parse yields well-formed events for the valid body', async () => {
    const events = connector.parse(await signed((await fixtures()).validBody), await config());
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(typeof event.dedupeKey).toBe('string');
      expect(event.dedupeKey).not.toBe('');
      expect(Number.isNaN(event.timestamp.getTime())).toBe(false);
    }
  });

  it('parse throws MalformedPayloadError for bodies that are not the format', async () => {
    const { malformedBodies, validBody } = await fixtures();
    const [req, c] = [await signed(validBody), await config()];
    expect(malformedBodies.length).toBeGreaterThan(0);
    for (const body of [...malformedBodies, '\u0000garbage', '']) {
      expect(() => connector.parse(withBody(req, Buffer.from(body)), c), body).toThrow(MalformedPayloadError);
    }
  });

  it('ack is a 2xx', async () => {
    const reply = connector.ack(await signed((await fixtures()).validBody), await config());
    expect(reply.status).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(300);
    expect(typeof reply.body).toBe('string');
  });

  it('window() is open right after the customer wrote and returns well-formed states', async () => {
    const c = await config();
    const fresh = connector.window(new Date(NOW.getTime() - 60_000), NOW, c);
    expect(fresh.open).toBe(true);
    if (fresh.closesAt) expect(fresh.closesAt.getTime()).toBeGreaterThan(NOW.getTime());
    for (const last of [null, new Date(NOW.getTime() - 30 * 86_400_000)]) {
      const state = connector.window(last, NOW, c);
      expect(Array.isArray(state.allowedWhenClosed)).toBe(true);
      expect(state.closesAt === null || state.closesAt instanceof Date).toBe(true);
      if (!state.open && state.closesAt) expect(state.closesAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('send surfaces a network failure as a retryable ConnectorError', async () => {
    const { sendContext } = await fixtures();
    const ctx = { ...sendContext, config: await config(), lastInboundAt: new Date(NOW.getTime() - 60_000), now: NOW, fetch: failingFetch, fetchUntrusted: failingFetch, cache: memoryCache() };
    const err = await connector.send(ctx, { text: 'contract test', metadata: 'msg_contract' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'provider', retryable: true });
    // Shown to agents: a plain reason, never the socket error or the address it names.
    expect((err as Error).message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  });

  it('testConnection reports a network failure without throwing', async () => {
    const result = await connector.testConnection(await config(), failingFetch);
    expect(result.ok).toBe(false);
    expect(result.message.trim()).not.toBe('');
    expect(result.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  });
}
