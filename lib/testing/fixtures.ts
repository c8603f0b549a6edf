/** Builders for integration tests: users, a Messenger inbox, signed webhook requests. */
import { createHmac } from 'node:crypto';
import type { WebhookRequest } from '@/lib/channels/types';
import type { Actor } from '@/lib/domain/actor';
import { createInbox } from '@/lib/domain/inboxes';
import { createUser } from '@/lib/domain/users';

export const PAGE_ID = '404217156637689';
export const APP_SECRET = 'test_app_secret';

let n = 0;
export async function makeUser(role: Actor['role'] = 'admin'): Promise<Actor> {
  n += 1;
  return createUser(null, { name: `${role} ${n}`, email: `${role}${n}-${Date.now()}@example.com`, password: 'long enough password', role });
}

export async function makeMessengerInbox(admin: Actor, config: Record<string, unknown> = {}) {
  return createInbox(admin, { channel: 'messenger', name: 'Test Page', config: { pageId: PAGE_ID, pageAccessToken: 'EAAtest', appSecret: APP_SECRET, apiBaseUrl: 'http://127.0.0.1:1', ...config } });
}

/** Escapes non-ASCII as \uXXXX like Meta does, so signatures cover the bytes Meta would send. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function signedWebhook(webhookUrl: string, body: string, secret = APP_SECRET): WebhookRequest {
  const rawBody = Buffer.from(body, 'utf8');
  const url = new URL(webhookUrl);
  return {
    method: 'POST',
    url,
    headers: new Headers({ 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}` }),
    rawBody,
  };
}

export function messengerText(psid: string, mid: string, text: string, timestamp = Date.now()) {
  return { object: 'page', entry: [{ id: PAGE_ID, time: timestamp, messaging: [{ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp, message: { mid, text } }] }] };
}

export function messengerReceipt(psid: string, kind: 'delivery' | 'read', watermark: number, mids?: string[]) {
  const event = kind === 'delivery' ? { delivery: { watermark, ...(mids && { mids }) } } : { timestamp: watermark + 1, read: { watermark } };
  return { object: 'page', entry: [{ id: PAGE_ID, time: watermark + 1, messaging: [{ sender: { id: psid }, recipient: { id: PAGE_ID }, ...event }] }] };
}
