import { authed, json } from '@/lib/api/handler';
import { registerInboxWebhook } from '@/lib/domain/inboxes';

export const dynamic = 'force-dynamic';
/** Registers this inbox's webhook URL at the provider (Telegram, 360dialog). */
export const POST = authed<{ id: string }>(async (_req, actor, { id }) => json(await registerInboxWebhook(actor, id)));
