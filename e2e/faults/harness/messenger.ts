/**
 * A Messenger inbox created through the real REST API, wired both ways to the Messenger simulator:
 * the inbox's Graph API base URL is the simulator, the simulator's page posts to the inbox's webhook
 * URL (after Meta's verification handshake).
 */
import { randomBytes } from 'node:crypto';
import { api } from '../../bench/api';
import type { MessengerSimulator } from '../../simulators/messenger/server';
import type { FaultStack } from './stack';
import { conversationsByPsid } from './store';
import { waitUntil } from './wait';

export interface ConnectedPage {
  inboxId: string;
  webhookPath: string;
  pageId: string;
  appSecret: string;
}

export async function connectMessengerPage(stack: FaultStack, token: string, sim: MessengerSimulator): Promise<ConnectedPage> {
  const pageId = `9${Date.now().toString().slice(-8)}${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`;
  const appSecret = randomBytes(16).toString('hex');
  const accessToken = `EAAfaults${randomBytes(16).toString('hex')}`;
  const verifyToken = randomBytes(12).toString('hex');
  const created = await api<{ id: string; webhookUrl: string }>(stack.url, 'POST', '/api/v1/inboxes', {
    token,
    body: { channel: 'messenger', name: 'Fault suite page', config: { pageId, pageAccessToken: accessToken, appSecret, verifyToken, apiBaseUrl: sim.url } },
  });
  if (created.status !== 201) throw new Error(`creating the inbox failed: ${created.status} ${JSON.stringify(created.json)}`);
  const added = await sim.addPage({ pageId, name: 'Fault suite page', accessToken, appSecret, webhookUrl: created.json.webhookUrl, verifyToken });
  if (!added.verified) throw new Error(`the webhook handshake failed: ${added.status} ${added.body}`);
  return { inboxId: created.json.id, webhookPath: new URL(created.json.webhookUrl).pathname, pageId, appSecret };
}

/** A Meta-shaped PSID (16 digits) for customer number n of a run. */
export function psidFor(run: number, n: number): string {
  return `7${String(run % 1e7).padStart(7, '0')}${String(n).padStart(8, '0')}`;
}

/**
 * `count` customers of this run each write once (which opens Messenger's reply window); resolves
 * when every one of them has a conversation, keyed by PSID.
 */
export async function customersWrite(stack: FaultStack, sim: MessengerSimulator, page: ConnectedPage, count: number, text: (psid: string) => string) {
  const run = Date.now();
  const psids = Array.from({ length: count }, (_, i) => psidFor(run, i));
  for (const psid of psids) await sim.customerSends({ pageId: page.pageId, psid, text: text(psid) });
  const conversations = await waitUntil('a conversation per customer', async () => {
    const found = await conversationsByPsid(stack.db, page.inboxId);
    return psids.every((p) => found.has(p)) && found;
  }, 30_000, () => stack.describe());
  return { run, psids, conversations };
}
