/**
 * The real Telegram connector against the simulator over real HTTP: registerWebhook → webhooks
 * through verify()+parse() → send(), fetchMedia(), afterIngest() and the error mappings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramConnector, type TelegramConfig } from '../../../lib/channels/telegram';
import { memoryCache, testDeps } from '../../../lib/channels/shared/memory-cache';
import { ConnectorError, type OutboundMessage } from '../../../lib/channels/types';
import { startIngress } from './ingress-harness';
import { startTelegramSimulator, type TelegramSimulator } from './server';
import { ANA, BOT, botApi } from './test-support';
import { untrustedFetch } from '@/lib/net';

const PUBLIC_URL = 'https://support.acme.example/api/webhooks/telegram/inbox_1';

describe('Telegram connector ⇄ simulator', () => {
  let sim: TelegramSimulator;
  let ingress: Awaited<ReturnType<typeof startIngress>>;
  let config: TelegramConfig;
  const deps = () => testDeps({ fetch: globalThis.fetch, fetchUntrusted: untrustedFetch() });
  const send = (message: Omit<OutboundMessage, 'metadata'>, contactExternalId = String(ANA.id)) =>
    telegramConnector.send({ config, contactExternalId, reference: null, lastInboundAt: new Date(), now: new Date(), fetch: globalThis.fetch, fetchUntrusted: untrustedFetch(), cache: memoryCache() }, { ...message, metadata: 'msg_1' });

  async function setUp(opts: { failFirst?: number; sim?: Parameters<typeof startTelegramSimulator>[0] } = {}) {
    ingress = await startIngress(() => config, { failFirst: opts.failFirst });
    // Telegram needs public HTTPS: the simulator plays a TLS-terminating proxy in front of the ingress.
    sim = await startTelegramSimulator({ retrySchedule: [20, 40, 80], webhookProxy: () => ingress.url, ...opts.sim });
    sim.registerBot(BOT);
    config = telegramConnector.configSchema.parse({ botToken: BOT.token, apiBaseUrl: sim.url });
    expect(await telegramConnector.registerWebhook!(config, PUBLIC_URL, deps())).toMatchObject({ ok: true });
  }
  afterEach(async () => {
    await sim?.close();
    await ingress?.close();
  });

  describe('with a healthy app', () => {
    beforeEach(() => setUp());

    it('registerWebhook set URL, secret and allowed_updates; testConnection names the bot', async () => {
      const info = (await botApi(sim, 'getWebhookInfo')).json.result;
      expect(info).toMatchObject({ url: PUBLIC_URL, max_connections: 40, allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] });
      expect(await telegramConnector.testConnection(config, globalThis.fetch)).toMatchObject({ ok: true, message: 'Connected to @acme_support_bot' });
      const refused = await telegramConnector.registerWebhook!(config, 'http://localhost:3000/api/webhooks/telegram/x', deps());
      expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/HTTPS/) });
    });

    it('text with emoji and a text_link: verify+parse keep the exact text and slice the link title by UTF-16', async () => {
      const text = '🎉 Order 𝒳42: track here 👉';
      const offset = text.indexOf('track here');
      const sent = sim.userSends({ from: ANA, text, entities: [{ type: 'text_link', offset, length: 10, url: 'https://acme.example/t/42' }] });
      const event = await ingress.next('message');
      expect(event).toMatchObject({
        dedupeKey: `update:${sent.updateId}`, externalId: `${ANA.id}:${sent.messageId}`, text,
        contact: { externalId: String(ANA.id), name: 'Ana Lima' }, reference: { chatType: 'private' },
        attachments: [{ kind: 'link', url: 'https://acme.example/t/42', title: 'track here' }],
      });
    });

    it('send(): plain text with reply_parameters, photo with caption, document — recorded by the simulator', async () => {
      const inbound = sim.userSends({ from: ANA, text: 'Where is my order?' });
      const event = await ingress.next('message');
      const reply = await send({ text: 'It ships today <b>promise</b> *really* 🚚', replyToExternalId: event.type === 'message' ? event.externalId : undefined });
      expect(reply).toEqual({ externalId: `${ANA.id}:2`, externalIds: [`${ANA.id}:2`] });
      const photo = await send({ text: 'label', attachments: [{ kind: 'image', url: 'https://cdn.test/label.png' }, { kind: 'file', url: 'https://cdn.test/invoice.pdf' }] });
      expect(photo.externalIds).toEqual([`${ANA.id}:3`, `${ANA.id}:4`]);
      expect(sim.sent().map((s) => [s.method, s.text ?? s.caption, s.parseMode, s.replyToMessageId])).toEqual([
        ['sendMessage', 'It ships today <b>promise</b> *really* 🚚', undefined, inbound.messageId],
        ['sendPhoto', 'label', undefined, undefined],
        ['sendDocument', undefined, undefined, undefined],
      ]);
    });

    it('edited_message arrives as an edit of the same externalId', async () => {
      const first = sim.userSends({ from: ANA, text: 'Hi 👋' });
      const original = await ingress.next('message');
      sim.userEdits({ chatId: ANA.id, messageId: first.messageId, text: 'Hi 👋, order 42' });
      const edit = await ingress.next('edit');
      expect(edit).toMatchObject({ externalId: (original as { externalId: string }).externalId, contactExternalId: String(ANA.id), text: 'Hi 👋, order 42' });
    });

    it('button press → postback with the button text; afterIngest answers the callback query', async () => {
      sim.userSends({ from: ANA, text: '/start' });
      await ingress.next('message');
      const keyboard = { inline_keyboard: [[{ text: 'Talk to agent 🧑‍💼', callback_data: 'agent' }]] };
      const menu = (await botApi(sim, 'sendMessage', { chat_id: ANA.id, text: 'Menu', reply_markup: keyboard })).json.result;
      const press = sim.pressButton({ chatId: ANA.id, messageId: menu.message_id, data: 'agent' });
      const event = await ingress.next('message', (e) => e.postback !== undefined);
      expect(event).toMatchObject({
        externalId: `cb:${press.callbackQueryId}`, text: 'Talk to agent 🧑‍💼', replyToExternalId: `${ANA.id}:${menu.message_id}`,
        postback: { payload: 'agent', callbackId: press.callbackQueryId, title: 'Talk to agent 🧑‍💼' },
      });
      await sim.waitFor(() => sim.callbacks()[0].answer);
    });

    it('photo → fetchMedia does getFile then the download, over HTTP', async () => {
      sim.userSends({ from: ANA, photo: true, caption: 'damage 📦' });
      const event = await ingress.next('message');
      const attachment = event.type === 'message' ? event.attachments[0] : undefined;
      expect(attachment).toMatchObject({ kind: 'image', providerMediaId: expect.any(String) });
      const res = await telegramConnector.fetchMedia!(config, attachment!, deps());
      expect(res.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    });

    it('block → contact_state blocked, send → invalid_recipient (not retryable); writing again → unblocked', async () => {
      sim.userSends({ from: ANA, text: 'hi' });
      await ingress.next('message');
      sim.setBlocked({ chatId: ANA.id });
      expect(await ingress.next('contact_state')).toMatchObject({ contactExternalId: String(ANA.id), state: 'blocked' });
      const err = await send({ text: 'hello?' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect(err).toMatchObject({ kind: 'invalid_recipient', retryable: false, code: '403' });
      sim.userSends({ from: ANA, text: 'back' });
      expect(await ingress.next('contact_state', (e) => e.state === 'unblocked')).toMatchObject({ contactExternalId: String(ANA.id) });
    });

    it('429 → rate_limited with the simulator’s retry_after exactly', async () => {
      sim.userSends({ from: ANA, text: 'hi' });
      await ingress.next('message');
      sim.failNext({ errorCode: 429, parameters: { retry_after: 7 } });
      await expect(send({ text: 'x' })).rejects.toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterSeconds: 7 });
    });

    it('groups: the contact is the negative chat id; after migration send() re-sends and reports the new id', async () => {
      const bo = { id: 7123456789, firstName: 'Bo' };
      const group = sim.userSends({ from: bo, group: { title: 'Contoso B2B' }, text: '@acme_support_bot help' });
      const event = await ingress.next('message');
      expect(event).toMatchObject({ contact: { externalId: String(group.chatId), name: 'Contoso B2B' }, reference: { chatType: 'group' } });
      expect(String(group.chatId)).not.toBe(String(bo.id));
      const { newChatId } = sim.migrateGroup({ chatId: group.chatId });
      const result = await send({ text: 'On it' }, String(group.chatId));
      expect(result).toMatchObject({ contactExternalId: String(newChatId), externalId: `${newChatId}:2` });
      expect(sim.sent()).toEqual([expect.objectContaining({ chatId: newChatId, text: 'On it' })]);
    });
  });

  it('a wrong secret token is refused (403) and Telegram keeps retrying; the dedupe key survives retries', async () => {
    await setUp({ failFirst: 2 });
    const sent = sim.userSends({ from: ANA, text: 'retry me' });
    const event = await ingress.next('message');
    expect(event.dedupeKey).toBe(`update:${sent.updateId}`);
    expect(ingress.statuses).toEqual([503, 503, 200]);
    expect(ingress.events).toHaveLength(1);

    config = telegramConnector.configSchema.parse({ botToken: BOT.token, apiBaseUrl: sim.url, secretToken: 'rotated-without-setWebhook' });
    const next = sim.userSends({ from: ANA, text: 'refused' });
    await sim.waitFor(() => sim.webhookLog({ updateId: next.updateId! }).length >= 2);
    expect(sim.webhookLog({ updateId: next.updateId! }).map((a) => a.status).slice(0, 2)).toEqual([403, 403]);
    expect(ingress.events).toHaveLength(1);
  });
});
